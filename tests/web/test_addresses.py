"""The stable addresses beside the app: what a harvester, a feed reader, a calendar and a
commissioner's script get, and that a repeated poll costs a 304 (docs/api.md)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import feedparser
import icalendar
import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.testclient import TestClient

from portal.audit.checkpoints import sign_checkpoint
from portal.auth.roles import RESIDENT, Actor, Role
from portal.base import utcnow
from portal.engagement.comments import PUBLIC_COLUMNS
from portal.engagement.decisions import decide, respond
from portal.engagement.models import Comment
from portal.notices.models import DeploymentLocation, NoticeVersion
from portal.surveys import builder
from portal.surveys.answering import submit_response
from portal.surveys.models import SurveyQuestion
from portal.surveys.results import survey_results
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
    # Only the ETag decides (a date is this process's own: see the test below).
    assert client.get("/feeds/notices.atom", headers={"If-Modified-Since": stamp}).status_code == 200
    add(engine, lambda s: factories.technology(s, name="Drones"))
    changed = client.get("/feeds/notices.atom", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag
    assert "Drones" in changed.text


def test_a_body_that_changes_and_changes_back_is_never_answered_304_to_a_newer_one(
    engine: Engine,
) -> None:
    """Each process dates a body by when it first served it, so a date cannot say whether the
    poller's copy is current: here the body goes X, Y, X (on one replica or across several),
    and a poller holding Y with Y's date must get X, not a 304."""
    from starlette.routing import Route

    bodies = iter([b"X", b"Y", b"X"])
    answer = addresses.endpoint(lambda session, base: addresses.Answer(next(bodies), "text/plain"))
    with TestClient(Starlette(routes=[Route("/t", answer)])) as client:
        client.get("/t")
        held = client.get("/t")
        assert held.text == "Y"
        again = client.get("/t", headers={"If-Modified-Since": held.headers["last-modified"]})
    assert (again.status_code, again.text) == (200, "X")


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


@pytest.mark.parametrize("kind", ["request-log", "indicators"])
def test_the_api_answers_what_portal_export_writes(
    engine: Engine, client: TestClient, kind: str, tmp_path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    """One builder for both: the file from ``portal export KIND`` and ``/api/KIND.FMT``."""
    from portal.cli import main

    add(engine, lambda s: factories.info_request(s))
    for fmt in ("csv", "json"):
        answer = client.get(f"/api/{kind}.{fmt}")
        assert answer.status_code == 200 and answer.headers["etag"]
        out = tmp_path / f"{kind}.{fmt}"
        assert main(["export", kind, "--format", fmt, "-o", str(out)]) == 0
        assert out.read_bytes() == answer.content


@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize("kind", addresses.API_KINDS)
def test_every_api_address_answers_in_its_format_and_polls_with_304(
    engine: Engine, client: TestClient, kind: str, fmt: str
) -> None:
    add(engine, lambda s: factories.technology(s, name="Street cameras", open_days=5))
    first = client.get(f"/api/{kind}.{fmt}")
    assert first.status_code == 200
    media = "application/json" if fmt == "json" else "text/csv; charset=utf-8"
    assert first.headers["content-type"] == media
    if fmt == "json":
        assert isinstance(json.loads(first.content), list)
    else:
        assert first.content.startswith("\ufeff".encode())
    again = client.get(f"/api/{kind}.{fmt}", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""


def test_the_api_inventory_is_what_residents_see(engine: Engine, client: TestClient) -> None:
    add(engine, lambda s: factories.practice(s, title="Case counts to the State"))
    rows = client.get("/api/inventory.json").json()
    assert [r["title"] for r in rows] == ["Case counts to the State"]
    assert client.get("/api/inventory.csv").text.lstrip("\ufeff").startswith("id,")


# ---------------------------------------------------------------------------
# Notices, comments and survey results
# ---------------------------------------------------------------------------

MODERATOR = Actor(subject="mod@alder.example", roles=frozenset({Role.MODERATOR}))
STAFF = Actor(subject="staff@alder.example", roles=frozenset({Role.STAFF}))
HOSTILE = '=HYPERLINK("http://evil.example/x","Read more") <script>alert(1)</script> the drones fly too low'


def _csv(answer) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    return list(csv.DictReader(io.StringIO(answer.content.decode("utf-8-sig"))))


def test_notices_carry_every_published_version_and_never_a_draft(engine: Engine, client: TestClient) -> None:
    def build(s: Session) -> None:
        tech = factories.technology(s, name="Drones", slug="drones", open_days=5)
        first = s.exec(select(NoticeVersion).where(NoticeVersion.technology_id == tech.id)).one()
        s.add(DeploymentLocation(notice_version_id=first.id, technology_id=tech.id,
                                 label="Old Town", latitude=45.52, longitude=-122.68))
        second = NoticeVersion(technology_id=tech.id, version=2, published_at=utcnow(),
                               description="Drones, now also at night.",
                               change_summary="Night flights added.", created_by="clerk@alder.example")
        s.add(second)
        s.flush()
        s.add(DeploymentLocation(notice_version_id=second.id, technology_id=tech.id,
                                 label="Harbor", latitude=45.55, longitude=-122.70))
        s.add(NoticeVersion(technology_id=tech.id, version=3, published_at=None,
                            description="Unpublished draft: face matching on drone video."))
        factories.technology(s, name="Secret pilot", is_published=False)

    add(engine, build)
    answer = client.get("/api/notices.json")
    for hidden in ("face matching", "Secret pilot", "clerk@alder.example"):
        assert hidden not in answer.text
    [notice] = answer.json()
    assert notice["name"] == "Drones" and notice["url"] == "http://testserver/notice?technology=drones"
    assert notice["comment_period"]["state"] == "open" and notice["comment_period"]["accepting_comments"]
    assert [v["version"] for v in notice["versions"]] == [1, 2]
    old, current = notice["versions"]
    assert (old["description"], current["description"]) == ("A camera.", "Drones, now also at night.")
    assert current["change_summary"] == "Night flights added." and current["published_at"]
    assert current["url"].endswith("/notice?technology=drones&version=2")
    # Each version lists the places it named then; the notice, where it is now.
    assert [loc["label"] for loc in old["locations"]] == ["Old Town"]
    assert [loc["label"] for loc in current["locations"]] == ["Harbor"]
    assert notice["locations"] == current["locations"]

    [row] = _csv(client.get("/api/notices.csv"))
    assert (row["slug"], row["version"], row["description"]) == ("drones", "2", "Drones, now also at night.")
    assert (row["locations"], row["comment_period"]) == ("Harbor", "open")


def _published(s: Session, text: str, **kw: Any) -> Comment:
    comment = factories.submitted_comment(s, text, **kw)
    return decide(session=s, actor=MODERATOR, comment_id=comment.id,
                  lock_version=comment.lock_version, action="publish")


def test_comments_are_the_published_redacted_text_and_nothing_else(engine: Engine, client: TestClient) -> None:
    codes: list[str] = []
    notices: list[int] = []

    def build(s: Session) -> None:
        district = factories.district(s, "D1", name="Riverside")
        drones = factories.technology(s, name="Drones", slug="drones", open_days=5)
        notices.append(drones.id)
        hostile = _published(s, HOSTILE + " Call me at 503-248-7731.", target_type="notice",
                             target_id=drones.id, name="Ana Ruiz", email="ana@example.org",
                             district_id=district.id, position="oppose")
        respond(session=s, actor=STAFF, comment_id=hostile.id, text="Flights stay above 120 m.")
        _published(s, "Publish the camera audit every year, please.")
        factories.submitted_comment(s, "Still waiting for a moderator to read this.")
        rejected = factories.submitted_comment(s, "This one a moderator turned down, rightly.")
        decide(session=s, actor=MODERATOR, comment_id=rejected.id,
               lock_version=rejected.lock_version, action="reject", reason_code="off_topic")
        # Published on a notice that was later withdrawn: its page is gone, so is the comment.
        pilot = factories.technology(s, name="Secret pilot", open_days=5)
        _published(s, "About the pilot nobody may read of now.", target_type="notice",
                   target_id=pilot.id)
        pilot.is_published = False
        codes.extend(c.receipt_code for c in s.exec(select(Comment)).all())

    add(engine, build)
    answer = client.get("/api/comments.json")
    assert answer.headers["x-content-type-options"] == "nosniff"
    for hidden in ("503-248-7731", "Ana Ruiz", "ana@example.org", "Still waiting", "turned down",
                   "About the pilot", *codes):
        assert hidden not in answer.text
    comments = answer.json()
    assert [c["record_type"] for c in comments] == ["general", "notice"]  # newest first
    general, hostile = comments
    assert general["record_url"] == "http://testserver/have-your-say"
    # The hostile text is a JSON string, given back exactly as moderators published it.
    assert hostile["text"].startswith(HOSTILE) and hostile["text"].endswith("[phone removed].")
    assert (hostile["record_id"], hostile["record_title"]) == (notices[0], "Drones")
    assert hostile["record_url"] == "http://testserver/notice?technology=drones"
    assert (hostile["district"], hostile["position"]) == ("Riverside", "oppose")
    assert hostile["official_response"] == "Flights stay above 120 m." and hostile["official_response_on"]
    assert set(hostile) == set(PUBLIC_COLUMNS)

    rows = _csv(client.get("/api/comments.csv"))
    assert [r["id"] for r in rows] == [str(c["id"]) for c in comments]
    assert rows[1]["text"] == "'" + hostile["text"]  # a spreadsheet shows it, never runs it
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r.values())


def test_survey_results_are_suppressed_as_the_results_page_shows_them(engine: Engine, client: TestClient) -> None:
    survey_ids: list[int] = []

    def build(s: Session) -> None:
        north, south = factories.district(s, "D1", name="North"), factories.district(s, "D2", name="South")
        survey = builder.create_survey(session=s, actor=STAFF, values={
            "slug": "commute", "title": "Getting to work", "description": "How do you get to work?",
            "closes_at": utcnow() + timedelta(days=10)})
        builder.add_question(session=s, actor=STAFF, survey_id=survey.id, values={
            "kind": "single_choice", "text": "How do you get to work?", "options": ["Bus", "Car", "Bike"]})
        builder.publish_survey(session=s, actor=STAFF, survey_id=survey.id)
        [question] = s.exec(select(SurveyQuestion.id).where(SurveyQuestion.survey_id == survey.id)).all()
        for n, choice in enumerate(["Bus"] * 20 + ["Car"] * 15 + ["Bike"] * 3):
            submit_response(session=s, actor=RESIDENT, survey_id=survey.id, answers={question: choice},
                            session_token=f"browser-session-token-{n:04d}",
                            district_id=north.id if n < 30 else south.id)
        builder.create_survey(session=s, actor=STAFF, values={
            "slug": "draft", "title": "A survey still being written", "description": "Not yet."})
        survey_ids.append(survey.id)

    add(engine, build)
    answer = client.get("/api/surveys.json")
    assert "still being written" not in answer.text
    [survey] = answer.json()
    assert (survey["slug"], survey["status"], survey["responses"]) == ("commute", "open", 38)
    [question] = survey["questions"]
    options = {o["answer"]: o for o in question["options"]}
    assert options["Bike"]["people"] is None and options["Bike"]["people_shown"] == "fewer than 11"
    assert options["Bike"]["status"] == "suppressed_primary" and options["Bike"]["share"] == ""
    hidden = [o for o in question["options"] if o["status"].startswith("suppressed")]
    assert len(hidden) == 2 and all(o["people"] is None and o["share"] == "" for o in hidden)
    # Exactly what the results page draws, read from the same service.
    with Session(engine) as s:
        page = survey_results(session=s, actor=RESIDENT, survey_id=survey_ids[0])
    [shown] = page.questions
    assert [(o["answer"], o["people_shown"], o["share"]) for o in question["options"]] == [
        (o.option, o.shown, o.percent) for o in shown.options]
    assert question["by_district"] == shown.by_district
    assert any("fewer than 11" in row.values() for row in question["by_district"])

    rows = _csv(client.get("/api/surveys.csv"))
    assert [(r["answer"], r["people"], r["people_shown"]) for r in rows] == [
        (o["answer"], "" if o["people"] is None else str(o["people"]), o["people_shown"])
        for o in question["options"]]
    assert {r["survey"] for r in rows} == {"commute"}
