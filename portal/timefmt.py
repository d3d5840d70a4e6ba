"""Showing UTC instants in the county's time zone, the way residents read clocks."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from portal.settings import get_settings


def county_zone() -> ZoneInfo:
    """Reading settings costs about 2 ms: a page formatting many dates reads the zone once."""
    return ZoneInfo(get_settings().timezone)


def local(dt: datetime, zone: ZoneInfo | None = None) -> datetime:
    return dt.astimezone(zone or county_zone())


def format_datetime(dt: datetime | None, zone: ZoneInfo | None = None) -> str:
    if dt is None:
        return "—"
    value = local(dt, zone)
    hour = value.strftime("%I:%M %p").lstrip("0")
    return f"{value.strftime('%A, %B')} {value.day}, {value.year}, {hour} {value.strftime('%Z')}"


def format_date(dt: datetime | None, zone: ZoneInfo | None = None) -> str:
    if dt is None:
        return "—"
    value = local(dt, zone)
    return f"{value.strftime('%B')} {value.day}, {value.year}"


def day_start(day: date, zone: ZoneInfo | None = None) -> datetime:
    """The instant the county's calendar ``day`` begins (midnight there, whatever UTC says)."""
    return datetime.combine(day, time(), tzinfo=zone or county_zone())
