"""The hash-chained audit log that the commission reads and verifies."""

from portal.auth.roles import EVERYONE, OVERSIGHT
from portal.i18n import N_
from portal.manifest import Area, Command, PageSpec

AREA = Area(
    name="audit",
    permissions={
        "audit.list_events": OVERSIGHT,
        "audit.verify_chain": OVERSIGHT,
        "audit.verify_recent": OVERSIGHT,
        # Signed checkpoints are public: anyone may keep one and check the log against it.
        "audit.list_checkpoints": EVERYONE,
    },
    models=("portal.audit.models",),
    services=("portal.audit.queries",),
    pages=(
        PageSpec("app_pages/audit_checkpoints.py", N_("Audit checkpoints"), "audit-checkpoints",
                 ":material/verified_user:", "Privacy commission",
                 requires=("audit.list_checkpoints",)),
        PageSpec("app_pages/audit_log.py", N_("Audit log"), "audit-log", ":material/fact_check:",
                 "Privacy commission", requires=("audit.list_events",), home_link=True),
    ),
    commands=(
        Command(("audit", "verify"), "check every link of the chain, and against checkpoints",
                "portal.audit.cli:verify", configure="portal.audit.cli:configure_verify"),
        Command(("audit", "checkpoint"), "sign the audit chain's head now and write it",
                "portal.audit.cli:checkpoint", configure="portal.audit.cli:configure_checkpoint"),
        Command(("audit", "keygen"), "print a new checkpoint signing key",
                "portal.audit.cli:keygen"),
    ),
)
