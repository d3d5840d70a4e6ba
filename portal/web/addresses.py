"""Stable addresses machines poll: the catalog, the feeds, the audit checkpoints and the
read-only API (``/api/KIND.csv`` and ``.json``).

A harvester expects ``/data.json``; a feed reader or a calendar subscribes to an
address rather than a download button; a commissioner's script fetches the
checkpoints it keeps. Each answer is what a resident sees (the services are
called as an anonymous resident, so their permission rows apply), carries an
``ETag`` and ``Last-Modified``, and answers a repeated poll with ``304 Not
Modified`` and no body.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime

import icalendar
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from portal.auth.roles import RESIDENT
from portal.base import utcnow
from portal.db import session_scope, shared_engine
from portal.engagement.comments import comments_file
from portal.i18n import LANGUAGES, QUERY_KEY, SOURCE_LANGUAGE, _, using_language
from portal.indicators.service import values_file
from portal.inventory.downloads import export_inventory
from portal.notices.feeds import notices_file
from portal.requests.service import log_file
from portal.settings import get_settings
from portal.surveys.results import results_file

DATA_JSON = "/data.json"
NOTICES_ATOM = "/feeds/notices.atom"
CALENDAR_ICS = "/feeds/calendar.ics"
CHECKPOINTS_JSON = "/audit/checkpoints.json"
API = "/api"

_MEDIA = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


@dataclass(frozen=True)
class Answer:
    body: bytes
    media_type: str


# When each body (by its ETag) was first served by this process: its honest Last-Modified.
# A restart forgets, which only makes pollers fetch once more, never miss a change.
_FIRST_SERVED: OrderedDict[str, datetime] = OrderedDict()
_REMEMBERED = 256


def first_served(etag: str, now: datetime) -> datetime:
    if etag in _FIRST_SERVED:
        _FIRST_SERVED.move_to_end(etag)
        return _FIRST_SERVED[etag]
    _FIRST_SERVED[etag] = now.replace(microsecond=0)
    while len(_FIRST_SERVED) > _REMEMBERED:
        _FIRST_SERVED.popitem(last=False)
    return _FIRST_SERVED[etag]


def _hour(now: datetime) -> datetime:
    """Calendars stamp each event with the time they were made; made on the hour, the
    file (and its ETag) stays the same for an hour of polls instead of changing on each."""
    return now.replace(minute=0, second=0, microsecond=0)


def catalog(session: Session, base_url: str) -> Answer:
    from portal.inventory.downloads import catalog_bytes, export_catalog

    body = catalog_bytes(export_catalog(session=session, actor=RESIDENT))
    return Answer(body, "application/json")


def notices_feed(session: Session, base_url: str, lang: str = SOURCE_LANGUAGE) -> Answer:
    from portal.notices.feeds import notices_atom

    body = notices_atom(session=session, actor=RESIDENT, base_url=base_url, language=lang)
    return Answer(body, "application/atom+xml; charset=utf-8")


def calendar(session: Session, base_url: str, lang: str = SOURCE_LANGUAGE) -> Answer:
    """Comment deadlines and commission meetings in one calendar to subscribe to; in
    ``lang``, the calendar's own words and dates (a meeting's title and place are as staff
    wrote them)."""
    from portal.notices.feeds import comment_deadlines_ics
    from portal.oversight.service import meetings_ics

    now = _hour(utcnow())
    merged = icalendar.Calendar()
    merged.add("prodid", "-//Civic data transparency portal//Calendar//EN")
    merged.add("version", "2.0")
    with using_language(lang):
        name = _("{county}: comment deadlines and Privacy Commission meetings").format(
            county=get_settings().county_name)
        meetings = meetings_ics(session=session, actor=RESIDENT, base_url=base_url, now=now)
    merged.add("x-wr-calname", name,
               parameters={} if lang == SOURCE_LANGUAGE else {"LANGUAGE": lang})
    for part in (comment_deadlines_ics(session=session, actor=RESIDENT, base_url=base_url, now=now,
                                       language=lang), meetings):
        for event in icalendar.Calendar.from_ical(part).walk("VEVENT"):
            merged.add_component(event)
    return Answer(merged.to_ical(), "text/calendar; charset=utf-8")


def checkpoints(session: Session, base_url: str) -> Answer:
    """Oldest first, as ``portal audit verify --checkpoint URL`` reads it (the last is newest)."""
    from portal.audit.queries import published_checkpoints

    published = published_checkpoints(session=session, actor=RESIDENT)
    return Answer(json.dumps(published.documents[::-1], indent=2).encode(), "application/json")


#: A file of the read-only API: (session, the address the caller used, "csv" or "json") → bytes.
Table = Callable[[Session, str, str], bytes]

#: The read-only API (docs/api.md): ``/api/KIND.csv`` and ``/api/KIND.json``, each built by the
#: area's own function as a resident (the CLI's inventory export is the staff's, so the API
#: calls the service itself). Adding a kind is adding a line.
TABLES: dict[str, Table] = {
    "inventory": lambda session, base, fmt: export_inventory(session=session, actor=RESIDENT, fmt=fmt),
    "request-log": lambda session, base, fmt: log_file(session, RESIDENT, fmt),
    "indicators": lambda session, base, fmt: values_file(session, RESIDENT, fmt),
    "notices": lambda session, base, fmt: notices_file(session, RESIDENT, fmt, base),
    "comments": lambda session, base, fmt: comments_file(session, RESIDENT, fmt, base),
    "surveys": lambda session, base, fmt: results_file(session, RESIDENT, fmt, base),
}
API_KINDS = tuple(TABLES)


def _table(kind: str, fmt: str) -> Callable[[Session, str], Answer]:
    """``/api/KIND.FMT``: the kind's file in that format, as a resident may see it."""

    def build(session: Session, base_url: str) -> Answer:
        return Answer(TABLES[kind](session, base_url, fmt), _MEDIA[fmt])

    return build


def _not_modified(request: Request, etag: str) -> bool:
    """Only the ETag decides. ``If-Modified-Since`` is not honoured: ``Last-Modified`` is when
    this process first served the body, and behind a proxy another replica, or a body that
    changed and changed back, would answer 304 to a poller holding a newer, different body."""
    asked = request.headers.get("if-none-match")
    if asked is not None:
        return etag in {tag.strip() for tag in asked.split(",")} or asked.strip() == "*"
    return False


def feed_language(request: Request) -> str:
    """A feed's language: ``?lang=`` as the pages take it (``/feeds/notices.atom?lang=es``),
    English when absent or unknown, so a reader subscribed before languages existed gets the
    very same bytes."""
    asked = request.query_params.get(QUERY_KEY)
    return asked if asked in LANGUAGES else SOURCE_LANGUAGE


def endpoint(build: Callable[..., Answer], *, languages: bool = False) -> Callable[[Request], object]:
    """The route's answer; with ``languages``, ``build`` also takes the feed's language."""

    async def answer(request: Request) -> Response:
        base_url = str(request.base_url).rstrip("/")
        lang = feed_language(request) if languages else SOURCE_LANGUAGE

        def read() -> Answer:
            with session_scope(shared_engine()) as session:
                return build(session, base_url, lang) if languages else build(session, base_url)

        result = await run_in_threadpool(read)
        etag = '"' + hashlib.sha256(result.body).hexdigest()[:32] + '"'
        last_modified = first_served(etag, datetime.now(UTC))
        headers = {
            "ETag": etag,
            "Last-Modified": format_datetime(last_modified, usegmt=True),
            # Revalidate with the ETag after five minutes: cheap for the server and the poller.
            "Cache-Control": "public, max-age=300",
        }
        if _not_modified(request, etag):
            return Response(status_code=304, headers=headers)
        return Response(result.body, media_type=result.media_type, headers=headers)

    return answer


def routes() -> list[Route]:
    tables = [Route(f"{API}/{kind}.{fmt}", endpoint(_table(kind, fmt)), methods=["GET", "HEAD"])
              for kind in API_KINDS for fmt in ("csv", "json")]
    return [
        *tables,
        Route(DATA_JSON, endpoint(catalog), methods=["GET", "HEAD"]),
        Route(NOTICES_ATOM, endpoint(notices_feed, languages=True), methods=["GET", "HEAD"]),
        Route(CALENDAR_ICS, endpoint(calendar, languages=True), methods=["GET", "HEAD"]),
        Route(CHECKPOINTS_JSON, endpoint(checkpoints), methods=["GET", "HEAD"]),
    ]
