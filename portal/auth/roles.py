"""Roles and the acting user that every service receives."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from portal.i18n import N_


class Role(StrEnum):
    RESIDENT = "resident"
    STAFF = "staff"
    MODERATOR = "moderator"
    COMMISSIONER = "commissioner"
    ADMIN = "admin"


ROLE_LABELS: dict[Role, str] = {
    Role.RESIDENT: N_("Resident"),
    Role.STAFF: N_("City staff"),
    Role.MODERATOR: N_("Moderator"),
    Role.COMMISSIONER: N_("Privacy commissioner"),
    Role.ADMIN: N_("Administrator"),
}


@dataclass(frozen=True)
class Actor:
    """Who is acting. Residents are anonymous: their subject is never stored."""

    subject: str
    roles: frozenset[Role] = field(default_factory=frozenset)
    display_name: str = ""
    is_demo: bool = False
    # Signed in through the identity provider; may hold no role (then acts as a resident).
    authenticated: bool = False

    @property
    def is_signed_in(self) -> bool:
        return self.authenticated or bool(self.roles)

    def has(self, *roles: Role) -> bool:
        return bool(self.roles.intersection(roles))

    @property
    def role_names(self) -> str:
        return ",".join(sorted(r.value for r in self.roles)) or Role.RESIDENT.value


# Who may call a service: the values of the permission table's rows (portal/<area>/manifest.py).
EVERYONE = frozenset(Role)
STAFF = frozenset({Role.STAFF, Role.ADMIN})
MODERATORS = frozenset({Role.MODERATOR, Role.ADMIN})
OVERSIGHT = frozenset({Role.COMMISSIONER, Role.ADMIN})
ADMINS = frozenset({Role.ADMIN})
# Those who act on compliance findings: the departments and the commission.
STAFF_AND_OVERSIGHT = STAFF | OVERSIGHT

RESIDENT = Actor(subject="resident")
# The command line acts as the system: it is run by whoever operates the server.
SYSTEM = Actor(subject="system", roles=frozenset({Role.ADMIN}), display_name="Command line")


def parse_roles(values: object) -> frozenset[Role]:
    """Known portal roles among ``values``; unknown strings are ignored, not errors."""
    if isinstance(values, str):
        values = [v.strip() for v in values.replace(";", ",").split(",")]
    if not isinstance(values, (list, tuple, set, frozenset)):
        return frozenset()
    known = {r.value: r for r in Role}
    return frozenset(known[v] for v in values if isinstance(v, str) and v in known and v != "resident")
