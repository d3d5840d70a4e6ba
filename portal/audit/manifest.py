"""The hash-chained audit log that the commission reads and verifies."""

from portal.auth.roles import OVERSIGHT
from portal.manifest import Area, Command, PageSpec

AREA = Area(
    name="audit",
    permissions={
        "audit.list_events": OVERSIGHT,
        "audit.verify_chain": OVERSIGHT,
    },
    models=("portal.audit.models",),
    services=("portal.audit.queries",),
    pages=(
        PageSpec("app_pages/audit_log.py", "Audit log", "audit-log", ":material/fact_check:",
                 "Privacy commission", requires=("audit.list_events",), home_link=True),
    ),
    commands=(
        Command(("audit", "verify"), "check every link of the chain", "portal.audit.cli:verify"),
    ),
)
