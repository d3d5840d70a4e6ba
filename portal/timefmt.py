"""Showing UTC instants in the county's time zone, the way residents read clocks."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from portal.settings import get_settings


def local(dt: datetime) -> datetime:
    return dt.astimezone(ZoneInfo(get_settings().timezone))


def format_datetime(dt: datetime | None) -> str:
    if dt is None:
        return "—"
    value = local(dt)
    hour = value.strftime("%I:%M %p").lstrip("0")
    return f"{value.strftime('%A, %B')} {value.day}, {value.year}, {hour} {value.strftime('%Z')}"


def format_date(dt: datetime | None) -> str:
    if dt is None:
        return "—"
    value = local(dt)
    return f"{value.strftime('%B')} {value.day}, {value.year}"
