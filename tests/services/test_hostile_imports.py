"""Hostile text saved through the services (as the staff forms and residents do), out through
every export and back in through every import (issue 14), on SQLite and PostgreSQL.

Whatever a person typed is kept as typed (surrounding whitespace trimmed): the JSON export
gives it back exactly, the CSV export never starts a cell with what a spreadsheet would run,
and importing that CSV export changes nothing, even for text that already begins with the
apostrophe an export puts before a formula. Text no database can hold (a null character, a
lone surrogate) is refused by the service with the field named, and nothing is written.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from portal.auth.roles import RESIDENT, SYSTEM
from portal.engagement.comments import preview_comment, submit_comment
from portal.engagement.models import Comment
from portal.errors import ValidationFailed
from portal.exports import original_cell
from portal.indicators.definitions import create_definition, import_definitions
from portal.inventory import records
from portal.inventory.downloads import export_inventory
from portal.inventory.service import create_practice, import_practices
from portal.notices.editing import create_technology, save_draft
from portal.notices.importer import export_notices, import_notices, read_rows
from portal.requests.service import create_request, export_requests, import_requests
from portal.tabular import read_table, template_xlsx
from tests import factories, hostile

#: What a form or a file can carry and a database keep: everything but null characters and
#: lone surrogates (refused, below).
KEPT = [s for s in hostile.strings() if s.encodable and "\x00" not in s.value]
UNSTORABLE = [s.value for s in hostile.strings() if not s.encodable or "\x00" in s.value]
STAFF = SYSTEM


def formula_safe(data: bytes) -> list[dict[str, str]]:
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    for row in rows:
        for column, cell in row.items():
            assert not (cell or "").startswith(hostile.FORMULA_START), (column, cell[:40])
    return rows


def fits(value: str, limit: int) -> str:
    """The corpus string, or a stand-in where it is longer than the field allows."""
    return value if len(value) <= limit else value[:limit].strip() or "x"


def reimport(data: bytes, run: Callable[..., Any], session: Session) -> Any:
    """Import a CSV export back, as ``portal import`` and the pages do (dry run: the plan)."""
    table = read_table(data, "export.csv")
    return run(session=session, actor=STAFF, rows=table.rows, source="export.csv", dry_run=True)


def unchanged(plan: Any, count: int) -> None:
    assert (len(plan.added), len(plan.updated), len(plan.unchanged)) == (0, 0, count), plan.lines()


# ---------------------------------------------------------------------------
# Kept as typed, exported safely, imported back unchanged
# ---------------------------------------------------------------------------

def test_departments_and_datasets(session: Session) -> None:
    for n, s in enumerate(KEPT):
        department = records.create_department(session=session, actor=STAFF, values={
            "code": f"H{n}", "name": fits(s.value, 200), "description": fits(s.value, 5_000)})
        records.create_dataset(session=session, actor=STAFF, values={
            "identifier": f"h-{n}", "department": department["code"],
            "title": fits(s.value, 300), "description": s.value,
            "classification": "confidential"})
    for kind, export, run, text in (
        ("departments", records.export_departments, records.import_departments, "description"),
        ("datasets", records.export_datasets, records.import_datasets, "description"),
    ):
        by_code = {r["id"]: r for r in json.loads(export(session=session, actor=STAFF, fmt="json"))}
        assert sorted(r[text] for r in by_code.values()) == sorted(
            fits(s.value, 5_000 if kind == "departments" else 10**9).strip() for s in KEPT), kind
        data = export(session=session, actor=STAFF, fmt="csv")
        rows = formula_safe(data)
        assert sorted(original_cell(r[text]) for r in rows) == sorted(r[text] for r in by_code.values())
        unchanged(reimport(data, run, session), len(KEPT))


def test_practices(session: Session) -> None:
    department = records.create_department(session=session, actor=STAFF,
                                           values={"code": "WTR", "name": "Water"})
    records.create_dataset(session=session, actor=STAFF, values={
        "identifier": "wtr-meters", "department": department["code"], "title": "Meters",
        "classification": "confidential"})
    for n, s in enumerate(KEPT):
        create_practice(session=session, actor=STAFF, values={
            "dataset": "wtr-meters", "title": f"Practice {n}", "recipient": fits(s.value, 300),
            "recipient_type": "state_agency", "channel": "law", "legal_basis_type": "statute",
            "legal_basis": s.value, "purpose": s.value, "frequency": "annually",
            "agreement_title": fits(s.value, 300), "retention_text": s.value})
    stored = json.loads(export_inventory(session=session, actor=STAFF, fmt="json"))
    assert sorted(r["purpose"] for r in stored) == sorted(s.value.strip() for s in KEPT)
    assert sorted(r["legal_basis"] for r in stored) == sorted(s.value.strip() for s in KEPT)
    data = export_inventory(session=session, actor=STAFF, fmt="csv")
    formula_safe(data)
    unchanged(reimport(data, import_practices, session), len(KEPT))


def test_requests(session: Session) -> None:
    records.create_department(session=session, actor=STAFF, values={"code": "WTR", "name": "Water"})
    for n, s in enumerate(KEPT):
        create_request(session=session, actor=STAFF, values={
            "reference": f"IR-{n}", "received_date": "2026-03-01", "department": "WTR",
            "requesting_agency": fits(s.value, 300), "agency_type": "local_law_enforcement",
            "legal_process": "administrative_subpoena", "outcome": "fulfilled",
            "residents_notified": "not_notified", "people_covered": 3, "public_summary": s.value})
    stored = json.loads(export_requests(session=session, actor=STAFF, fmt="json"))
    assert sorted(r["public_summary"] for r in stored) == sorted(s.value.strip() for s in KEPT)
    data = export_requests(session=session, actor=STAFF, fmt="csv")
    formula_safe(data)
    unchanged(reimport(data, import_requests, session), len(KEPT))


def test_notices(session: Session) -> None:
    department = records.create_department(session=session, actor=STAFF,
                                           values={"code": "WTR", "name": "Water"})
    for n, s in enumerate(KEPT):
        create_technology(session=session, actor=STAFF, slug=f"hostile-{n}",
                          name=fits(s.value, 200), category="camera",
                          department_id=department["id"],
                          content={"description": s.value, "purpose": s.value,
                                   "vendor": fits(s.value, 200)},
                          locations=[{"label": fits(s.value, 300), "latitude": 45.5,
                                      "longitude": -122.6}])
    stored = json.loads(export_notices(session=session, actor=STAFF, fmt="json"))
    assert sorted(r["description"] for r in stored) == sorted(s.value.strip() for s in KEPT)
    assert sorted(r["locations"][0]["label"] for r in stored) == sorted(
        fits(s.value, 300).strip() for s in KEPT)
    for fmt in ("csv", "json"):
        data = export_notices(session=session, actor=STAFF, fmt=fmt)
        if fmt == "csv":
            formula_safe(data)
        plan = import_notices(session=session, actor=STAFF, rows=read_rows(data, f"export.{fmt}"),
                              dry_run=True)
        unchanged(plan, len(KEPT))


def test_the_staff_templates_hold_no_formula() -> None:
    """The XLSX templates staff download carry column names and notes only, all inert."""
    from openpyxl import load_workbook

    from portal.indicators.vocab import DEFINITION_COLUMNS, VALUE_COLUMNS
    from portal.inventory.fields import COLUMNS as PRACTICE_COLUMNS
    from portal.requests.service import COLUMNS as REQUEST_COLUMNS

    for columns in (PRACTICE_COLUMNS, REQUEST_COLUMNS, records.DEPARTMENTS.columns,
                    records.DATASETS.columns, DEFINITION_COLUMNS, VALUE_COLUMNS):
        book = load_workbook(io.BytesIO(template_xlsx(list(columns), [v[1] for v in columns.values()])))
        cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
        assert cells and all(c.data_type != "f" for c in cells)
        assert not any(str(c.value or "").startswith(hostile.FORMULA_START) for c in cells)


# ---------------------------------------------------------------------------
# What no database can hold: refused by the service, field named, nothing written
# ---------------------------------------------------------------------------

def _written(session: Session) -> tuple[int, ...]:
    return tuple(session.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one()
                 for t in ("department", "dataset", "sharing_practice", "information_request",
                           "surveillance_technology", "indicator", "comment", "audit_event"))


def refused(call: Callable[[], Any], field: str, session: Session) -> None:
    before = _written(session)
    with pytest.raises(ValidationFailed) as caught:
        call()
    said = [(e.field, e.message) for e in caught.value.errors]
    assert any(f == field and ("null character" in m or "lone surrogate" in m) for f, m in said), said
    assert _written(session) == before


@pytest.mark.parametrize("value", UNSTORABLE, ids=["null", "high-surrogate", "low-surrogate"])
def test_text_no_database_can_hold_is_refused_by_every_service(session: Session, value: str) -> None:
    department = records.create_department(session=session, actor=STAFF,
                                           values={"code": "WTR", "name": "Water"})
    records.create_dataset(session=session, actor=STAFF, values={
        "identifier": "wtr-meters", "department": "WTR", "title": "Meters",
        "classification": "confidential"})
    practice = {"dataset": "wtr-meters", "title": "Meter reads", "recipient": "State",
                "recipient_type": "state_agency", "channel": "law", "legal_basis_type": "statute",
                "purpose": "Billing", "frequency": "annually"}
    request = {"reference": "IR-1", "received_date": "2026-03-01", "department": "WTR",
               "requesting_agency": "Sheriff", "agency_type": "local_law_enforcement",
               "legal_process": "administrative_subpoena", "outcome": "fulfilled",
               "residents_notified": "not_notified", "people_covered": 3}
    refused(lambda: records.create_department(session=session, actor=STAFF, values={
        "code": "LIB", "name": value}), "name", session)
    refused(lambda: records.create_dataset(session=session, actor=STAFF, values={
        "identifier": "x-1", "department": "WTR", "title": "T", "classification": value}),
        "classification", session)
    refused(lambda: create_practice(session=session, actor=STAFF,
                                    values={**practice, "purpose": value}), "purpose", session)
    refused(lambda: create_request(session=session, actor=STAFF,
                                   values={**request, "public_summary": value}), "public_summary",
            session)
    refused(lambda: create_technology(session=session, actor=STAFF, slug="cams", name=value,
                                      category="camera", department_id=department["id"]),
            "name", session)
    tech = create_technology(session=session, actor=STAFF, slug="cams", name="Cameras",
                             category="camera", department_id=department["id"])
    refused(lambda: save_draft(session=session, actor=STAFF, technology_id=tech.id,
                               content={"description": value}), "description", session)
    refused(lambda: save_draft(session=session, actor=STAFF, technology_id=tech.id,
                               content={"annual_report": {"note": value}}), "annual_report", session)
    refused(lambda: save_draft(session=session, actor=STAFF, technology_id=tech.id, content={},
                               locations=[{"label": value, "latitude": 45.5, "longitude": -122.6}]),
            "locations[1]", session)
    refused(lambda: create_definition(session=session, actor=STAFF, values={
        "slug": "evictions", "name": "Evictions", "unit": "count", "caveats": value}),
        "caveats", session)
    refused(lambda: submit_comment(session=session, actor=RESIDENT, target_type="general",
                                   text=f"Please stop {value} the cameras."), "text", session)
    refused(lambda: submit_comment(session=session, actor=RESIDENT, target_type="general",
                                   text="Please stop the cameras.", name=value), "name", session)
    refused(lambda: preview_comment(session=session, actor=RESIDENT,
                                    text=f"Please stop {value} the cameras."), "text", session)
    # Imports: the row and the column.
    for run, row in ((records.import_departments, {"code": "LIB", "name": "L", "description": value}),
                     (import_practices, {**practice, "legal_basis": value}),
                     (import_requests, {**request, "requesting_agency": value}),
                     (import_definitions, {"slug": "e", "name": "E", "unit": "count", "source": value})):
        refused(lambda run=run, row=row: run(session=session, actor=STAFF, rows=[(2, row)]), next(
            k for k, v in row.items() if v == value), session)
    refused(lambda: import_notices(session=session, actor=STAFF, rows=[(1, {
        "slug": "other-cams", "name": "Cams", "category": "camera", "department": "WTR",
        "purpose": value})]), "purpose", session)
    assert session.exec(select(Comment)).all() == []


def test_text_no_database_can_hold_is_refused_by_every_staff_service(session: Session) -> None:
    """The staff's and moderators' own text (a meeting, a note, a response, a reason, a
    summary of what changed, a survey's wording, a role's subject): refused the same way."""
    from datetime import timedelta

    from portal.auth.grants import grant_role
    from portal.auth.roles import Actor, Role
    from portal.base import utcnow
    from portal.engagement.decisions import decide, mark_campaign, respond
    from portal.indicators.definitions import update_definition
    from portal.inventory.service import retire_practice, update_practice
    from portal.oversight.service import add_agenda_item, create_meeting, save_note, update_meeting
    from portal.requests.service import update_request, withdraw_request
    from portal.surveys import builder

    moderator = Actor(subject="mod@alder.example", roles=frozenset({Role.MODERATOR}))
    null = "before\x00after"
    department = records.create_department(session=session, actor=STAFF,
                                           values={"code": "WTR", "name": "Water"})
    dataset = records.create_dataset(session=session, actor=STAFF, values={
        "identifier": "wtr-meters", "department": "WTR", "title": "Meters",
        "classification": "confidential"})
    practice_values = {"dataset": "wtr-meters", "title": "Reads", "recipient": "State",
                       "recipient_type": "state_agency", "channel": "law",
                       "legal_basis_type": "statute", "purpose": "Billing", "frequency": "annually"}
    practice = create_practice(session=session, actor=STAFF, values=practice_values)
    request_values = {"reference": "IR-1", "received_date": "2026-03-01", "department": "WTR",
                      "requesting_agency": "Sheriff", "agency_type": "local_law_enforcement",
                      "legal_process": "administrative_subpoena", "outcome": "fulfilled",
                      "residents_notified": "not_notified", "people_covered": 3}
    request = create_request(session=session, actor=STAFF, values=request_values)
    indicator = create_definition(session=session, actor=STAFF, values={
        "slug": "evictions", "name": "Evictions", "unit": "count"})
    meeting = create_meeting(session=session, actor=STAFF, title="Regular meeting",
                             scheduled_at=utcnow() + timedelta(days=7))
    item = add_agenda_item(session=session, actor=STAFF, meeting_id=meeting.id, title="Drones")
    comments = [factories.submitted_comment(session, f"Please publish the drone audit {n}.")
                for n in range(3)]
    published = decide(session=session, actor=moderator, comment_id=comments[0].id,
                       lock_version=comments[0].lock_version, action="publish")
    survey = builder.create_survey(session=session, actor=STAFF, values={"slug": "s", "title": "S"})

    def count_rows() -> tuple[int, ...]:
        return tuple(session.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one()
                     for t in ("meeting", "agenda_item", "commission_note", "survey",
                               "survey_question", "user_role", "record_version", "audit_event"))

    cases: list[tuple[str, Callable[[], Any]]] = [
        ("title", lambda: create_meeting(session=session, actor=STAFF, title=null,
                                         scheduled_at=utcnow() + timedelta(days=7))),
        ("description", lambda: create_meeting(session=session, actor=STAFF, title="M",
                                               description=null, scheduled_at=utcnow())),
        ("link", lambda: update_meeting(session=session, actor=STAFF, meeting_id=meeting.id,
                                        link=f"https://example.org/{null}")),
        ("location", lambda: update_meeting(session=session, actor=STAFF, meeting_id=meeting.id,
                                            location=null)),
        ("description", lambda: add_agenda_item(session=session, actor=STAFF, meeting_id=meeting.id,
                                                title="T", description=null)),
        ("text", lambda: save_note(session=session, actor=STAFF, agenda_item_id=item.id, text=null)),
        ("response", lambda: respond(session=session, actor=STAFF, comment_id=published.id, text=null)),
        ("note", lambda: decide(session=session, actor=moderator, comment_id=comments[1].id,
                                lock_version=comments[1].lock_version, action="reject",
                                reason_code="off_topic", note=null)),
        ("redacted_text", lambda: decide(session=session, actor=moderator, comment_id=comments[1].id,
                                         lock_version=comments[1].lock_version,
                                         action="publish_redacted", note="Took out a name",
                                         redacted_text=f"Publish it {null}")),
        ("campaign", lambda: mark_campaign(session=session, actor=moderator,
                                           comment_ids=[comments[1].id, comments[2].id],
                                           campaign_key=null)),
        ("reason", lambda: retire_practice(session=session, actor=STAFF, practice_id=practice.id,
                                           reason=null)),
        ("summary", lambda: update_practice(session=session, actor=STAFF, practice_id=practice.id,
                                            values={**practice_values, "purpose": "Audits"},
                                            summary=null)),
        ("reason", lambda: withdraw_request(session=session, actor=STAFF, request_id=request.id,
                                            reason=null)),
        ("summary", lambda: update_request(session=session, actor=STAFF, request_id=request.id,
                                           values={**request_values, "people_covered": 4},
                                           summary=null)),
        ("summary", lambda: records.update_department(session=session, actor=STAFF,
                                                      department_id=department["id"],
                                                      values={"code": "WTR", "name": "Water!"},
                                                      summary=null)),
        ("summary", lambda: records.update_dataset(session=session, actor=STAFF, dataset_id=dataset["id"],
                                                   values={"identifier": "wtr-meters", "department": "WTR",
                                                           "title": "Meters!", "classification": "confidential"},
                                                   summary=null)),
        ("summary", lambda: update_definition(session=session, actor=STAFF, indicator_id=indicator.id,
                                              values={"name": "Evictions!", "unit": "count"},
                                              summary=null)),
        ("title", lambda: builder.create_survey(session=session, actor=STAFF,
                                                values={"slug": "t", "title": null})),
        ("description", lambda: builder.update_survey(session=session, actor=STAFF, survey_id=survey.id,
                                                      values={"title": "S", "description": null})),
        ("text", lambda: builder.add_question(session=session, actor=STAFF, survey_id=survey.id,
                                              values={"kind": "short_text", "text": null})),
        ("options", lambda: builder.add_question(session=session, actor=STAFF, survey_id=survey.id,
                                                 values={"kind": "single_choice", "text": "Q?",
                                                         "options": ["Bus", null]})),
        ("subject", lambda: grant_role(session=session, actor=STAFF, subject=f"a{null}@b.org",
                                       role="staff")),
    ]
    before = count_rows()
    for field, call in cases:
        with pytest.raises(ValidationFailed) as caught:
            call()
        said = [(e.field, e.message) for e in caught.value.errors]
        assert any(f == field and "null character" in m for f, m in said), (field, said)
    assert count_rows() == before
