"""Plain-language sentences about notices, shared by pages, feeds and tests (no Streamlit)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from portal.notices.window import time_left
from portal.timefmt import format_datetime

# Sections of a notice page, in the order an ordinance lists them.
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("What it is and how it works", ("description", "how_it_works")),
    ("Why the county uses it", ("purpose", "problems_addressed")),
    ("What data it collects", ("data_collected", "data_subjects", "retention")),
    ("Who can see the data", ("access", "access_logging", "sharing")),
    ("Civil rights and civil liberties", ("civil_rights_impact", "disparate_impact", "mitigations")),
)


def period_sentence(state: str, opens_at: datetime | None, closes_at: datetime | None,
                    now: datetime) -> str:
    if state == "open":
        return (f"Open for public comment until {format_datetime(closes_at)} "
                f"({time_left(closes_at, now)} left).")  # type: ignore[arg-type]
    if state == "upcoming":
        return (f"Public comment opens {format_datetime(opens_at)} and closes "
                f"{format_datetime(closes_at)}.")
    if state == "closed":
        return (f"The public comment period ran from {format_datetime(opens_at)} to "
                f"{format_datetime(closes_at)}.")
    return "No public comment period has been set for this notice."


def period_cell(state: str, opens_at: datetime | None, closes_at: datetime | None,
                zone: ZoneInfo | None = None) -> str:
    """The short form for tables."""
    if state == "open":
        return f"Open until {format_datetime(closes_at, zone)}"
    if state == "upcoming":
        return f"Opens {format_datetime(opens_at, zone)}"
    if state == "closed":
        return "Closed"
    return "—"


def money(value: float | None) -> str:
    return "Not stated" if value is None else f"${value:,.0f}"


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.splitlines() if p.strip()]
