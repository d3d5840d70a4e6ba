"""Showing UTC instants in the county's time zone, the way residents read clocks, in the
visitor's language (portal/i18n.py)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from portal.i18n import month_day_year, weekday_date_time
from portal.settings import Settings, get_settings

#: The zone of the settings last asked about: built once per settings object, not per date.
_zone_of: tuple[Settings, ZoneInfo] | None = None


def county_zone() -> ZoneInfo:
    """The county's time zone, from the settings in force.

    Finding the settings in force still costs some microseconds (they follow the
    ``PORTAL_*`` variables), so a page or list formatting many dates reads the zone once
    and passes it to each call (``format_date(dt, zone)``).
    """
    global _zone_of
    settings = get_settings()
    known = _zone_of
    if known is not None and known[0] is settings:
        return known[1]
    zone = ZoneInfo(settings.timezone)
    _zone_of = (settings, zone)
    return zone


def local(dt: datetime, zone: ZoneInfo | None = None) -> datetime:
    return dt.astimezone(zone or county_zone())


def format_datetime(dt: datetime | None, zone: ZoneInfo | None = None) -> str:
    if dt is None:
        return "—"
    return weekday_date_time(local(dt, zone))


def format_date(dt: datetime | None, zone: ZoneInfo | None = None) -> str:
    if dt is None:
        return "—"
    return month_day_year(local(dt, zone))


def day_start(day: date, zone: ZoneInfo | None = None) -> datetime:
    """The instant the county's calendar ``day`` begins (midnight there, whatever UTC says)."""
    return datetime.combine(day, time(), tzinfo=zone or county_zone())
