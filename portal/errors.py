"""Typed errors that services raise and pages turn into plain messages."""

from __future__ import annotations

from dataclasses import dataclass

from portal.i18n import _


class PortalError(Exception):
    """Base of every error a person should read as a message, not a stack trace."""


class PermissionDenied(PortalError):
    def __init__(self, action: str, roles: frozenset[str] | set[str]) -> None:
        self.action = action
        self.roles = frozenset(roles)
        shown = ", ".join(sorted(self.roles)) or "resident"
        super().__init__(_("Your role ({roles}) may not do this: {action}.").format(
            roles=shown, action=action))


class NotFound(PortalError):
    pass


@dataclass
class FieldError:
    field: str
    message: str
    row: int | None = None
    #: The field's name as people see it on the form ("Recipient type"); the column name
    #: (``recipient_type``) is kept in ``field`` for files and scripts.
    label: str | None = None

    def __str__(self) -> str:
        if self.row is not None:  # a file's row: its column, as the file names it
            return f"row {self.row}, {self.field}: {self.message}"
        return f"{self.label or self.field}: {self.message}"


class ValidationFailed(PortalError):
    """Input was refused; ``errors`` says which fields (and rows) and why."""

    def __init__(self, errors: list[FieldError] | None = None, message: str | None = None) -> None:
        self.errors: list[FieldError] = list(errors or [])
        text = message or "; ".join(str(e) for e in self.errors) or _("invalid input")
        super().__init__(text)


class Conflict(PortalError):
    """Someone else changed the record first (optimistic locking)."""

