"""The Atom feed of notices and the iCalendar file of comment-period deadlines.

Both are built from published data only. Atom is written with the standard
library's ElementTree (RFC 4287 needs nothing more); iCalendar with the
``icalendar`` package, which folds and escapes lines as RFC 5545 requires.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import quote, urlsplit
from xml.etree import ElementTree as ET

import icalendar
from sqlmodel import Session, select

from portal.auth.permissions import service
from portal.auth.roles import Actor
from portal.base import utcnow
from portal.notices.models import NoticeVersion, SurveillanceTechnology
from portal.settings import get_settings
from portal.timefmt import format_datetime

ATOM = "http://www.w3.org/2005/Atom"


def notice_url(base_url: str, slug: str, version: int | None = None) -> str:
    url = f"{base_url.rstrip('/')}/notice?technology={quote(slug)}"
    return url if version is None else f"{url}&version={version}"


def _stamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@service("notices.feed_atom")
def notices_atom(*, session: Session, actor: Actor, base_url: str, limit: int = 200) -> bytes:
    """New and updated notices, newest first: one entry per published version."""
    rows = session.exec(
        select(NoticeVersion, SurveillanceTechnology)
        .join(SurveillanceTechnology, SurveillanceTechnology.id == NoticeVersion.technology_id)
        .where(NoticeVersion.published_at.is_not(None),
               SurveillanceTechnology.is_published == True)  # noqa: E712
        .order_by(NoticeVersion.published_at.desc(), NoticeVersion.id.desc())
        .limit(limit)
    ).all()
    host = urlsplit(base_url).hostname or "localhost"
    county = get_settings().county_name
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = f"{county} surveillance technology notices"
    ET.SubElement(feed, f"{{{ATOM}}}id").text = f"tag:{host},2026:notices"
    updated = rows[0][0].published_at if rows else utcnow()
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(updated)  # type: ignore[arg-type]
    ET.SubElement(feed, f"{{{ATOM}}}link", href=f"{base_url.rstrip('/')}/notices", rel="alternate")
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = county
    for version, tech in rows:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        kind = "New notice" if version.version == 1 else f"Updated notice (version {version.version})"
        ET.SubElement(entry, f"{{{ATOM}}}title").text = f"{tech.name}: {kind}"
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"tag:{host},2026:notice/{tech.slug}/v{version.version}"
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(version.published_at)  # type: ignore[arg-type]
        ET.SubElement(entry, f"{{{ATOM}}}published").text = _stamp(version.published_at)  # type: ignore[arg-type]
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate",
                      href=notice_url(base_url, tech.slug, version.version))
        summary = version.change_summary if version.version > 1 and version.change_summary else version.description
        ET.SubElement(entry, f"{{{ATOM}}}summary", type="text").text = summary
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


@service("notices.feed_ics")
def comment_deadlines_ics(*, session: Session, actor: Actor, base_url: str,
                          now: datetime | None = None) -> bytes:
    """One event per comment deadline still ahead: the half hour before comments close, on
    the deadline's own day (not a weeks-long block), with a reminder the day before."""
    now = now or utcnow()
    techs = session.exec(
        select(SurveillanceTechnology)
        .where(SurveillanceTechnology.is_published == True,  # noqa: E712
               SurveillanceTechnology.comment_closes_at.is_not(None),
               SurveillanceTechnology.comment_closes_at > now)
        .order_by(SurveillanceTechnology.comment_closes_at)
    ).all()
    host = urlsplit(base_url).hostname or "localhost"
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Civic data transparency portal//Notices//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{get_settings().county_name} comment deadlines")
    for tech in techs:
        event = icalendar.Event()
        opens = tech.comment_opens_at or now
        event.add("uid", f"comment-period-{tech.slug}-{int(opens.timestamp())}@{host}")
        event.add("dtstamp", now.astimezone(UTC))
        closes = tech.comment_closes_at.astimezone(UTC)  # type: ignore[union-attr]
        event.add("dtstart", closes - timedelta(minutes=30))
        event.add("dtend", closes)
        event.add("summary", f"Comments close: {tech.name}")
        event.add("description",
                  f"Public comments on the {tech.name} notice opened "
                  f"{format_datetime(opens)} and close {format_datetime(tech.comment_closes_at)}.")
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Comments on {tech.name} close tomorrow")
        alarm.add("trigger", timedelta(days=-1))
        event.add_component(alarm)
        event.add("url", notice_url(base_url, tech.slug))
        calendar.add_component(event)
    return calendar.to_ical()
