"""The stable addresses beside the app: what a harvester, a feed reader, a calendar and a
commissioner's script get, and that a repeated poll costs a 304 (docs/api.md)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import feedparser
import icalendar
import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.testclient import TestClient

from portal.audit.checkpoints import sign_checkpoint
from portal.web import addresses
from portal.web.headers import SecurityHeaders
from tests import factories
from tests.services.test_downloads import dcat_validator


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    app = Starlette(routes=addresses.routes(), middleware=[Middleware(SecurityHeaders)])
    with TestClient(app) as test_client:
        yield test_client


def add(engine: Engine, build) -> None:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        build(session)
        session.commit()


def test_data_json_is_the_dcat_us_catalog(engine: Engine, client: TestClient) -> None:
    add(engine, lambda s: factories.dataset(s))
    answer = client.get("/data.json")
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
    catalog = answer.json()
    assert len(catalog["dataset"]) == 1
    assert list(dcat_validator().iter_errors(catalog)) == []


def test_a_repeated_poll_is_answered_304_until_something_changes(engine: Engine, client: TestClient) -> None:
    add(engine, lambda s: factories.technology(s, name="Street cameras"))
    first = client.get("/feeds/notices.atom")
    etag, stamp = first.headers["etag"], first.headers["last-modified"]
    assert client.get("/feeds/notices.atom", headers={"If-None-Match": etag}).status_code == 304
    assert client.get("/feeds/notices.atom", headers={"If-Modified-Since": stamp}).status_code == 304
    add(engine, lambda s: factories.technology(s, name="Drones"))
    changed = client.get("/feeds/notices.atom", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag
    assert "Drones" in changed.text


def test_the_notices_feed_parses_as_atom(engine: Engine, client: TestClient) -> None:
    add(engine, lambda s: factories.technology(s, name="Street cameras", slug="street-cameras"))
    answer = client.get("/feeds/notices.atom")
    assert answer.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(answer.content)
    assert not feed.bozo and feed.version == "atom10"
    assert [e.title for e in feed.entries] == ["Street cameras: New notice"]
    # Links in the feed point back at the address the reader used.
    assert feed.entries[0].link.startswith("http://testserver/notice")


def test_the_calendar_holds_deadlines_and_meetings(engine: Engine, client: TestClient) -> None:
    def build(s: Session) -> None:
        factories.technology(s, name="Street cameras", open_days=10)
        factories.meeting(s, title="Regular meeting of the commission")

    add(engine, build)
    calendar = icalendar.Calendar.from_ical(client.get("/feeds/calendar.ics").content)
    summaries = sorted(str(e["summary"]) for e in calendar.walk("VEVENT"))
    assert summaries == ["Comments close: Street cameras", "Regular meeting of the commission"]
    again = client.get("/feeds/calendar.ics")
    assert client.get("/feeds/calendar.ics",
                      headers={"If-None-Match": again.headers["etag"]}).status_code == 304


def test_checkpoints_are_published_oldest_first(engine: Engine, client: TestClient) -> None:
    add(engine, lambda s: [sign_checkpoint(s, reason="manual"), sign_checkpoint(s, reason="packet")])
    documents = client.get("/audit/checkpoints.json").json()
    assert len(documents) == 2 and documents[0]["signed_at"] <= documents[1]["signed_at"]
    assert {"event_hash", "events", "public_key", "signature"} <= set(documents[-1])


def test_a_draft_notice_is_not_in_the_feed(engine: Engine, client: TestClient) -> None:
    """Anonymous callers get what residents see, through the same services."""
    add(engine, lambda s: factories.technology(s, name="Secret pilot", is_published=False))
    assert "Secret pilot" not in client.get("/feeds/notices.atom").text


def test_every_answer_carries_the_security_headers(engine: Engine, client: TestClient) -> None:
    headers = client.get("/data.json").headers
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'self'" in headers["content-security-policy"]
    assert "strict-transport-security" not in headers  # development: no HTTPS promised


def test_production_adds_hsts(engine: Engine, client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORTAL_ENVIRONMENT", "production")
    monkeypatch.setenv("PORTAL_ENCRYPTION_KEYS", "x")
    assert "max-age=" in client.get("/data.json").headers["strict-transport-security"]


def test_json_is_json(engine: Engine, client: TestClient) -> None:
    assert json.loads(client.get("/audit/checkpoints.json").content) == []


@pytest.mark.parametrize("kind", addresses.API_KINDS)
def test_the_api_answers_what_portal_export_writes(
    engine: Engine, client: TestClient, kind: str, tmp_path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    """One builder for both: the file from ``portal export KIND`` and ``/api/KIND.FMT``."""
    from portal.cli import main

    def build(s: Session) -> None:
        factories.practice(s, title="Case counts to the State")
        factories.info_request(s)

    add(engine, build)
    for fmt in ("csv", "json"):
        answer = client.get(f"/api/{kind}.{fmt}")
        assert answer.status_code == 200 and answer.headers["etag"]
        if kind == "inventory":
            continue  # the command line's inventory is the staff's (drafts included)
        out = tmp_path / f"{kind}.{fmt}"
        assert main(["export", kind, "--format", fmt, "-o", str(out)]) == 0
        assert out.read_bytes() == answer.content


def test_the_api_inventory_is_what_residents_see(engine: Engine, client: TestClient) -> None:
    add(engine, lambda s: factories.practice(s, title="Case counts to the State"))
    rows = client.get("/api/inventory.json").json()
    assert [r["title"] for r in rows] == ["Case counts to the State"]
    assert client.get("/api/inventory.csv").text.lstrip("\ufeff").startswith("id,")
