"""Plain-language sentences about notices, shared by pages, feeds and tests (no Streamlit)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from portal.i18n import N_, _, number
from portal.notices.window import time_left
from portal.timefmt import format_datetime

# Sections of a notice page, in the order an ordinance lists them.
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (N_("What it is and how it works"), ("description", "how_it_works")),
    (N_("Why the county uses it"), ("purpose", "problems_addressed")),
    (N_("What data it collects"), ("data_collected", "data_subjects", "retention")),
    (N_("Who can see the data"), ("access", "access_logging", "sharing")),
    (N_("Civil rights and civil liberties"), ("civil_rights_impact", "disparate_impact", "mitigations")),
)


def period_sentence(state: str, opens_at: datetime | None, closes_at: datetime | None,
                    now: datetime) -> str:
    if state == "open":
        return _("Open for public comment until {closes} ({left} left).").format(
            closes=format_datetime(closes_at), left=time_left(closes_at, now))  # type: ignore[arg-type]
    if state == "upcoming":
        return _("Public comment opens {opens} and closes {closes}.").format(
            opens=format_datetime(opens_at), closes=format_datetime(closes_at))
    if state == "closed":
        return _("The public comment period ran from {opens} to {closes}.").format(
            opens=format_datetime(opens_at), closes=format_datetime(closes_at))
    return _("No public comment period has been set for this notice.")


def period_cell(state: str, opens_at: datetime | None, closes_at: datetime | None,
                zone: ZoneInfo | None = None) -> str:
    """The short form for tables."""
    if state == "open":
        return _("Open until {when}").format(when=format_datetime(closes_at, zone))
    if state == "upcoming":
        return _("Opens {when}").format(when=format_datetime(opens_at, zone))
    if state == "closed":
        return _("Closed")
    return "—"


def money(value: float | None) -> str:
    return _("Not stated") if value is None else "$" + number(round(value))


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.splitlines() if p.strip()]
