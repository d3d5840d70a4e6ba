"""The Atom feed of notices, the iCalendar file of comment-period deadlines, and the
notices file (every published version, as CSV or JSON) that ``/api/notices`` answers.

All are built from published data only. Atom is written with the standard
library's ElementTree (RFC 4287 needs nothing more); iCalendar with the
``icalendar`` package, which folds and escapes lines as RFC 5545 requires.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote, urlsplit
from xml.etree import ElementTree as ET

import icalendar
from sqlmodel import Session, select

from portal.auth.permissions import service
from portal.auth.roles import Actor
from portal.base import utcnow
from portal.exports import to_csv, to_json
from portal.geography.service import list_districts
from portal.notices import vocab
from portal.notices.models import DeploymentLocation, NoticeVersion, SurveillanceTechnology
from portal.notices.service import get_notice, list_technologies
from portal.settings import get_settings
from portal.timefmt import format_datetime

ATOM = "http://www.w3.org/2005/Atom"


def notice_url(base_url: str, slug: str, version: int | None = None) -> str:
    url = f"{base_url.rstrip('/')}/notice?technology={quote(slug)}"
    return url if version is None else f"{url}&version={version}"


#: What XML 1.0 cannot hold at all, even escaped: control characters other than tab and line
#: breaks, lone surrogates, U+FFFE and U+FFFF. A feed holding one is not XML; readers drop it.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text: str | None) -> str | None:
    """Text for the feed: characters XML cannot hold become U+FFFD, the rest stays as stored."""
    return None if text is None else _NOT_XML.sub("\ufffd", text)


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
    ET.SubElement(author, f"{{{ATOM}}}name").text = _xml(county)
    for version, tech in rows:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        kind = "New notice" if version.version == 1 else f"Updated notice (version {version.version})"
        ET.SubElement(entry, f"{{{ATOM}}}title").text = _xml(f"{tech.name}: {kind}")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"tag:{host},2026:notice/{tech.slug}/v{version.version}"
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(version.published_at)  # type: ignore[arg-type]
        ET.SubElement(entry, f"{{{ATOM}}}published").text = _stamp(version.published_at)  # type: ignore[arg-type]
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate",
                      href=notice_url(base_url, tech.slug, version.version))
        summary = version.change_summary if version.version > 1 and version.change_summary else version.description
        ET.SubElement(entry, f"{{{ATOM}}}summary", type="text").text = _xml(summary)
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


#: A version's content in the ordinance's order (its change summary goes first, apart).
CONTENT_FIELDS = tuple(f for f in {**vocab.TEXT_FIELDS, **vocab.OTHER_FIELDS} if f != "change_summary")

#: The columns of ``/api/notices.csv``: one row per notice, its latest published version.
NOTICE_COLUMNS = ("slug", "name", "category", "department", "status", "url", "comment_period",
                  "comment_opens_at", "comment_closes_at", "accepting_comments", "version",
                  "published_at", "change_summary", *CONTENT_FIELDS, "locations")


def _location(loc: DeploymentLocation, districts: dict[int, str]) -> dict[str, Any]:
    """A location as the notice page lists it under its map."""
    return {"label": loc.label, "district": districts.get(loc.district_id),  # type: ignore[arg-type]
            "kind": "area" if loc.geometry else "point", "latitude": loc.latitude,
            "longitude": loc.longitude, "geometry": loc.geometry}


def notices_file(session: Session, actor: Actor, fmt: str, base_url: str = "") -> bytes:
    """Every notice ``actor`` may read, by name, as CSV or JSON: what ``/api/notices`` answers.

    JSON gives each notice with every published version (oldest first, each with its content,
    change summary and the locations it listed), its comment period and the address of its
    page; CSV gives one row per notice, from its latest version. Each version is read with
    :func:`get_notice`, the notice page's own read, so a draft never reaches the file.
    """
    districts = {d.id: d.name for d in list_districts(session=session, actor=actor)}
    notices = []
    for tech in sorted(list_technologies(session=session, actor=actor),
                       key=lambda t: (t.name.lower(), t.slug)):
        page = get_notice(session=session, actor=actor, technology_id=tech.id)
        versions = []
        for version in page.versions:
            read = page if version is page.version else get_notice(
                session=session, actor=actor, technology_id=tech.id, version=version.version)
            versions.append({
                "version": version.version, "published_at": version.published_at,
                "url": notice_url(base_url, tech.slug, version.version),
                "change_summary": version.change_summary,
                **{name: getattr(version, name) for name in CONTENT_FIELDS},
                "locations": [_location(loc, districts) for loc in read.locations],
            })
        notices.append({
            "slug": tech.slug, "name": tech.name, "category": tech.category,
            "department": page.department, "status": tech.status,
            "url": notice_url(base_url, tech.slug),
            "comment_period": {"state": page.comment_state, "opens_at": tech.opens_at,
                               "closes_at": tech.closes_at,
                               "accepting_comments": page.accepting_comments},
            "locations": versions[-1]["locations"],
            "versions": versions,
        })
    if fmt == "json":
        return to_json(notices)
    rows = [{**{k: v for k, v in n.items() if k not in ("versions", "comment_period")},
             **n["versions"][-1], "url": n["url"],
             "comment_period": n["comment_period"]["state"],
             "comment_opens_at": n["comment_period"]["opens_at"],
             "comment_closes_at": n["comment_period"]["closes_at"],
             "accepting_comments": n["comment_period"]["accepting_comments"],
             "locations": [loc["label"] for loc in n["locations"]]} for n in notices]
    return to_csv(rows, NOTICE_COLUMNS)
