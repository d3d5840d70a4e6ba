"""The read-only API with hostile records stored (issue 14): every ``/api/KIND.json`` gives each
stored string back exactly, every ``/api/KIND.csv`` is spreadsheet-safe, and no request —
however odd its path, method or headers — gets a stack trace or loses the security headers."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.testclient import TestClient

from portal.auth.roles import RESIDENT, Actor, Role
from portal.base import utcnow
from portal.engagement.decisions import decide, respond
from portal.engagement.models import Comment
from portal.indicators.definitions import create_definition
from portal.indicators.values import import_values
from portal.notices.models import DeploymentLocation, NoticeVersion
from portal.surveys import builder
from portal.surveys.answering import submit_response
from portal.surveys.models import SurveyQuestion
from portal.web import addresses
from portal.web.headers import SecurityHeaders
from tests import factories, hostile

MODERATOR = Actor(subject="mod@alder.example", roles=frozenset({Role.MODERATOR}))
STAFF = Actor(subject="staff@alder.example", roles=frozenset({Role.STAFF}))
#: Strings a database keeps (null characters and lone surrogates are refused before storing).
KEPT = [s.value.strip() for s in hostile.strings() if s.encodable and "\x00" not in s.value]
HEADERS = ("referrer-policy", "x-content-type-options", "x-frame-options", "content-security-policy")


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    app = Starlette(routes=addresses.routes(), middleware=[Middleware(SecurityHeaders)])
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def short(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[:limit].strip()


def store_hostile_records(session: Session) -> dict[str, list[str]]:
    """A published notice, practice, comment, indicator and survey per corpus string; returns
    the strings each kind stored, as stored."""
    department = factories.department(session, name="Water Bureau")
    for n, text in enumerate(KEPT):
        tech = factories.technology(session, slug=f"hostile-{n}", name=short(text, 200),
                                    department_id=department.id, open_days=5)
        version = session.exec(select(NoticeVersion).where(NoticeVersion.technology_id == tech.id)).one()
        version.description = text
        session.add(DeploymentLocation(notice_version_id=version.id, technology_id=tech.id,
                                       label=short(text, 300), latitude=45.5, longitude=-122.6))
        factories.practice(session, title=short(text, 300), recipient=short(text, 300), purpose=text)
    comments = []
    for n, text in enumerate(KEPT):
        if len(text) > 5_000:
            continue
        comment = factories.submitted_comment(session, f"About the cameras: {text}",
                                              session_token=f"token-{n:04d}-hostile-api")
        comment = decide(session=session, actor=MODERATOR, comment_id=comment.id,
                         lock_version=comment.lock_version, action="publish")
        respond(session=session, actor=STAFF, comment_id=comment.id, text=short(text, 2_000))
        comments.append(comment.id)
    create_definition(session=session, actor=STAFF, values={
        "slug": "hostile", "name": "Hostile groups", "unit": "count"})
    groups = list(dict.fromkeys(short(t, 80) for t in KEPT))
    import_values(session=session, actor=STAFF, rows=[
        (1, {"indicator": "hostile", "period": "2025", "group_dimension": "all", "group": "all",
             "numerator": 5_000, "denominator": 90_000}),
        *((n, {"indicator": "hostile", "period": "2025", "group_dimension": "hostile",
               "group": g, "numerator": 20, "denominator": 100})
          for n, g in enumerate(groups, start=2))])
    survey = builder.create_survey(session=session, actor=STAFF, values={
        "slug": "hostile", "title": short(KEPT[0], 300), "description": KEPT[1],
        "closes_at": utcnow() + timedelta(days=10)})
    options = list(dict.fromkeys(short(t, 200) for t in KEPT))
    builder.add_question(session=session, actor=STAFF, survey_id=survey.id, values={
        "kind": "single_choice", "text": short(KEPT[2], 1_000), "options": options})
    builder.publish_survey(session=session, actor=STAFF, survey_id=survey.id)
    [question] = session.exec(select(SurveyQuestion.id).where(SurveyQuestion.survey_id == survey.id)).all()
    for n in range(12):
        submit_response(session=session, actor=RESIDENT, survey_id=survey.id,
                        answers={question: options[n % 2]}, session_token=f"survey-token-{n:04d}-xx")
    session.flush()
    published = session.exec(select(Comment).where(Comment.id.in_(comments))).all()  # type: ignore[union-attr]
    return {"notices": [short(t, 200) for t in KEPT], "inventory": [short(t, 300) for t in KEPT],
            "comments": [c.redacted_text for c in published], "indicators": groups,
            "surveys": options}


def strings_in(value: object) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return set().union(*(strings_in(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(strings_in(v) for v in value)) if value else set()
    return set()


def test_hostile_records_leave_the_api_exact_in_json_and_formula_safe_in_csv(
    engine: Engine, client: TestClient,
) -> None:
    with Session(engine) as session:
        expected = store_hostile_records(session)
        session.commit()
    for kind in addresses.API_KINDS:
        answer = client.get(f"/api/{kind}.json")
        assert answer.status_code == 200, (kind, answer.text[:200])
        assert all(h in answer.headers for h in HEADERS), kind
        found = strings_in(json.loads(answer.content))
        assert set(expected.get(kind, [])) <= found, (kind, set(expected[kind]) - found)

        answer = client.get(f"/api/{kind}.csv")
        assert answer.status_code == 200 and answer.headers["x-content-type-options"] == "nosniff"
        rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"), newline="")))
        assert len(rows) > 1, kind
        for row in rows:
            for cell in row:
                assert not cell.startswith(hostile.FORMULA_START), (kind, cell[:40])
    # The feeds and the catalog stay well-formed around the same records.
    import feedparser
    import icalendar

    feed = feedparser.parse(client.get("/feeds/notices.atom").content)
    assert not feed.bozo and len(feed.entries) == len(KEPT)
    icalendar.Calendar.from_ical(client.get("/feeds/calendar.ics").content)
    assert client.get("/data.json").json()["dataset"]


ODD_PATHS = (
    "/api/notices.xml", "/api/../../etc/passwd", "/api/%00.json", "/api/notices.json%0d%0aX-Evil:1",
    "/api/" + "a" * 5_000 + ".json", "/api/<script>alert(1)</script>.csv", "/feeds/%E2%80%AE.atom",
)


def test_odd_addresses_methods_and_headers_get_no_stack_trace(engine: Engine, client: TestClient) -> None:
    for path in ODD_PATHS:
        answer = client.get(path)
        assert answer.status_code == 404, path
        assert "Traceback" not in answer.text and "<script>" not in answer.text
        assert all(h in answer.headers for h in HEADERS) and "x-evil" not in answer.headers
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        answer = client.request(method, "/api/notices.json", content=hostile.deep_json(1_000))
        assert answer.status_code == 405 and all(h in answer.headers for h in HEADERS)
    for headers in ({"If-None-Match": "\x7f" * 100}, {"If-Modified-Since": "=cmd|' /C calc'!A0"},
                    {"If-Modified-Since": "Mon, 99 Foo 99999 99:99:99 GMT"},
                    {"If-None-Match": ", , *, \"" + "x" * 8_000}, {"Accept": "<script>"}):
        answer = client.get("/api/comments.csv?x=%00&y=<svg onload=alert(1)>", headers=headers)
        assert answer.status_code in (200, 304), (headers, answer.status_code)
        assert all(h in answer.headers for h in HEADERS)
    assert client.head("/api/inventory.json").status_code == 200
