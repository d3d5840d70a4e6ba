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
from portal.i18n import LANGUAGES, SOURCE_LANGUAGE, _, using_language
from portal.notices import vocab
from portal.notices.models import DeploymentLocation, NoticeVersion, SurveillanceTechnology
from portal.notices.service import get_notice, list_technologies
from portal.settings import get_settings
from portal.timefmt import format_datetime
from portal.translations.service import Localized, localize, published

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


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


def _in_language(session: Session, actor: Actor, records: list[tuple[int, dict[str, str]]],
                 language: str) -> list[Localized]:
    """Each ``(notice id, {field: English})`` in ``language`` where staff have given it
    (portal/translations/), else in English. A notice may appear once per version, each
    with its own English: a translation holds only for the English it was made from."""
    out: list[Localized | None] = [None] * len(records)
    layers: dict[int, dict[int, tuple[int, dict[str, str]]]] = {}
    seen: dict[int, int] = {}
    for n, (rid, fields) in enumerate(records):
        layer = seen[rid] = seen.get(rid, -1) + 1
        layers.setdefault(layer, {})[rid] = (n, fields)
    for layer in layers.values():
        english = {rid: fields for rid, (_n, fields) in layer.items()}
        found = published(session=session, actor=actor, kind="notice", english=english,
                          language=language) if language != SOURCE_LANGUAGE else {}
        for rid, texts in localize(english, found, language).items():
            out[layer[rid][0]] = texts
    return [texts for texts in out if texts is not None]


def _feed_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; known: {', '.join(LANGUAGES)}")
    return language


@service("notices.feed_atom")
def notices_atom(*, session: Session, actor: Actor, base_url: str, limit: int = 200,
                 language: str = SOURCE_LANGUAGE) -> bytes:
    """New and updated notices, newest first: one entry per published version.

    In another language than English the feed says so (``xml:lang``), its own words and
    dates are in that language, and each notice's name and summary are staff's translation
    where they gave one; a summary still only in English carries ``xml:lang="en"``."""
    with using_language(_feed_language(language)):
        return _notices_atom(session, actor, base_url, limit, language)


def _notices_atom(session: Session, actor: Actor, base_url: str, limit: int,
                  language: str) -> bytes:
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
    summaries = [version.change_summary if version.version > 1 and version.change_summary
                 else version.description for version, _tech in rows]
    field = ["change_summary" if version.version > 1 and version.change_summary else "description"
             for version, _tech in rows]
    texts = _in_language(session, actor, [
        (tech.id, {"name": tech.name, field[n]: summaries[n] or ""})  # type: ignore[misc]
        for n, (_version, tech) in enumerate(rows)], language)
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    if language != SOURCE_LANGUAGE:
        feed.set(XML_LANG, language)
    ET.SubElement(feed, f"{{{ATOM}}}title").text = _(
        "{county} surveillance technology notices").format(county=county)
    ET.SubElement(feed, f"{{{ATOM}}}id").text = f"tag:{host},2026:notices"
    updated = rows[0][0].published_at if rows else utcnow()
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(updated)  # type: ignore[arg-type]
    ET.SubElement(feed, f"{{{ATOM}}}link", href=f"{base_url.rstrip('/')}/notices", rel="alternate")
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = _xml(county)
    for n, (version, tech) in enumerate(rows):
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        kind = _("New notice") if version.version == 1 else _(
            "Updated notice (version {version})").format(version=version.version)
        ET.SubElement(entry, f"{{{ATOM}}}title").text = _xml(f"{texts[n]['name']}: {kind}")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"tag:{host},2026:notice/{tech.slug}/v{version.version}"
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(version.published_at)  # type: ignore[arg-type]
        ET.SubElement(entry, f"{{{ATOM}}}published").text = _stamp(version.published_at)  # type: ignore[arg-type]
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate",
                      href=notice_url(base_url, tech.slug, version.version))
        summary = ET.SubElement(entry, f"{{{ATOM}}}summary", type="text")
        summary.text = _xml(texts[n][field[n]] if summaries[n] is not None else None)
        if field[n] in texts[n].in_english:
            summary.set(XML_LANG, SOURCE_LANGUAGE)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _in(language: str) -> dict[str, str]:
    """The ``LANGUAGE`` parameter of a text property in another language than English (in
    English the file stays as it always was: no parameter)."""
    return {} if language == SOURCE_LANGUAGE else {"LANGUAGE": language}


@service("notices.feed_ics")
def comment_deadlines_ics(*, session: Session, actor: Actor, base_url: str,
                          now: datetime | None = None, language: str = SOURCE_LANGUAGE) -> bytes:
    """One event per comment deadline still ahead: the half hour before comments close, on
    the deadline's own day (not a weeks-long block), with a reminder the day before. In
    another language than English its words and dates are in that language (``LANGUAGE``
    on each text), and a notice's name is staff's translation where they gave one."""
    with using_language(_feed_language(language)):
        return _comment_deadlines_ics(session, actor, base_url, now or utcnow(), language)


def _comment_deadlines_ics(session: Session, actor: Actor, base_url: str, now: datetime,
                           language: str) -> bytes:
    techs = session.exec(
        select(SurveillanceTechnology)
        .where(SurveillanceTechnology.is_published == True,  # noqa: E712
               SurveillanceTechnology.comment_closes_at.is_not(None),
               SurveillanceTechnology.comment_closes_at > now)
        .order_by(SurveillanceTechnology.comment_closes_at)
    ).all()
    names = _in_language(session, actor, [(tech.id, {"name": tech.name}) for tech in techs],  # type: ignore[misc]
                         language)
    host = urlsplit(base_url).hostname or "localhost"
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Civic data transparency portal//Notices//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("{county} comment deadlines").format(
        county=get_settings().county_name), parameters=_in(language))
    for tech, texts in zip(techs, names, strict=True):
        name = texts["name"]
        event = icalendar.Event()
        opens = tech.comment_opens_at or now
        event.add("uid", f"comment-period-{tech.slug}-{int(opens.timestamp())}@{host}")
        event.add("dtstamp", now.astimezone(UTC))
        closes = tech.comment_closes_at.astimezone(UTC)  # type: ignore[union-attr]
        event.add("dtstart", closes - timedelta(minutes=30))
        event.add("dtend", closes)
        event.add("summary", _("Comments close: {name}").format(name=name),
                  parameters=_in(language))
        event.add("description",
                  _("Public comments on the {name} notice opened {opens} and close {closes}.").format(
                      name=name, opens=format_datetime(opens),
                      closes=format_datetime(tech.comment_closes_at)),
                  parameters=_in(language))
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", _("Comments on {name} close tomorrow").format(name=name),
                  parameters=_in(language))
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
