"""Properties of the services that take text, on SQLite and PostgreSQL (issue 14): for any
input each returns its value or raises the portal's own error (``ValidationFailed``, a
``PortalError``), never a database error or any other exception, and what a service
accepts the database stores. Every example runs in a transaction that is rolled back.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from portal.auth.roles import RESIDENT, SYSTEM
from portal.base import utcnow
from portal.engagement.comments import Receipt, preview_comment, submit_comment
from portal.errors import PortalError
from portal.indicators.definitions import create_definition, import_definitions
from portal.indicators.values import import_values
from portal.inventory import records
from portal.inventory.service import import_practices
from portal.notices.importer import export_notices, import_notices, read_rows
from portal.requests.service import import_requests
from portal.surveys import builder
from portal.surveys.answering import preview_answers, submit_response
from portal.surveys.models import SurveyQuestion
from portal.tabular import read_table
from tests import factories
from tests.unit.test_hostile_properties import cell, numeric, text

EXAMPLES = settings(max_examples=25, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def attempt(engine: Engine, call: Callable[[Session], Any]) -> Any:
    """``call`` in a transaction that is rolled back; the portal's refusal is an answer too.
    Flushing inside makes the database check what the service accepted."""
    with Session(engine) as session:
        try:
            result = call(session)
            session.flush()
            return result
        except PortalError as refused:
            return refused
        finally:
            session.rollback()


def seed(engine: Engine) -> dict[str, Any]:
    with Session(engine) as session:
        department = records.create_department(session=session, actor=SYSTEM,
                                               values={"code": "WTR", "name": "Water"})
        records.create_dataset(session=session, actor=SYSTEM, values={
            "identifier": "wtr-meters", "department": "WTR", "title": "Meters",
            "classification": "confidential"})
        factories.district(session, "D1", name="Riverside")
        create_definition(session=session, actor=SYSTEM, values={
            "slug": "evictions", "name": "Evictions", "unit": "count"})
        tech = factories.technology(session, name="Cameras", slug="cameras", open_days=5,
                                    department_id=department["id"])
        survey = builder.create_survey(session=session, actor=SYSTEM, values={
            "slug": "commute", "title": "Commute", "closes_at": utcnow() + timedelta(days=5)})
        for kind, options in (("single_choice", ["Bus", "Car"]), ("multi_choice", ["A", "B"]),
                              ("likert", []), ("rating", []), ("number", []), ("district", []),
                              ("short_text", []), ("long_text", [])):
            builder.add_question(session=session, actor=SYSTEM, survey_id=survey.id, values={
                "kind": kind, "text": f"A {kind} question?", "options": options})
        builder.publish_survey(session=session, actor=SYSTEM, survey_id=survey.id)
        questions = list(session.exec(select(SurveyQuestion.id).where(
            SurveyQuestion.survey_id == survey.id)).all())
        session.commit()
        return {"technology": tech.id, "survey": survey.id, "questions": questions}


def test_comment_submission_and_survey_answers_take_any_text(engine: Engine) -> None:
    made = seed(engine)
    answer = st.one_of(cell, st.lists(text, max_size=3), st.just(float("nan")))

    @EXAMPLES
    @given(body=st.one_of(text, st.text(max_size=6_000)), name=st.one_of(st.none(), text),
           email=st.one_of(st.none(), text), position=st.one_of(st.none(), text),
           target=st.sampled_from([("general", None), ("notice", made["technology"]),
                                   ("notice", 10**9), ("survey", None), ("<script>", 1)]),
           receipt=st.one_of(st.none(), text), website=st.sampled_from(["", " ", "http://spam"]),
           answers=st.dictionaries(st.one_of(st.sampled_from(made["questions"]), st.integers()),
                                   answer, max_size=8),
           token=st.one_of(st.text(min_size=16, max_size=40), text))
    def check(body: str, name: Any, email: Any, position: Any, target: tuple[str, Any],
              receipt: Any, website: str, answers: dict[Any, Any], token: str) -> None:
        preview = attempt(engine, lambda s: preview_comment(session=s, actor=RESIDENT, text=body))
        assert isinstance(preview, PortalError) or isinstance(preview.redacted, str)
        receipt_or_error = attempt(engine, lambda s: submit_comment(
            session=s, actor=RESIDENT, target_type=target[0], target_id=target[1], text=body,
            name=name, email=email, position=position, personal_data_confirmed=True,
            website=website, receipt_code=receipt))
        assert isinstance(receipt_or_error, Receipt | PortalError)
        found = attempt(engine, lambda s: preview_answers(session=s, actor=RESIDENT,
                                                          survey_id=made["survey"], answers=answers))
        assert isinstance(found, dict | PortalError)
        counted = attempt(engine, lambda s: submit_response(
            session=s, actor=RESIDENT, survey_id=made["survey"], answers=answers,
            session_token=token, personal_data_confirmed=True))
        assert isinstance(counted, int | PortalError)

    check()


def test_every_import_takes_any_rows(engine: Engine) -> None:
    seed(engine)

    def rows_of(base: dict[str, Any]) -> st.SearchStrategy[list[tuple[int, dict[str, Any]]]]:
        """Up to three rows: a valid row with any of its cells (or an id, a version) replaced
        by anything at all, so that hostile values reach the writes as well as the checks."""
        changed = st.dictionaries(st.sampled_from([*base, "id", "version"]),
                                  st.one_of(cell, numeric), max_size=3)
        row = changed.map(lambda change: {**base, **change})
        return st.lists(row, max_size=3).map(lambda rows: list(enumerate(rows, start=2)))

    imports: dict[str, tuple[Callable[..., Any], st.SearchStrategy[Any]]] = {
        "departments": (records.import_departments, rows_of({
            "code": "LIB", "name": "Libraries", "description": "", "contact_email": ""})),
        "datasets": (records.import_datasets, rows_of({
            "identifier": "lib-loans", "department": "WTR", "title": "Loans", "description": "",
            "classification": "confidential", "keywords": "books", "modified": "2026-01-01"})),
        "practices": (import_practices, rows_of({
            "dataset": "wtr-meters", "title": "Reads", "recipient": "State",
            "recipient_type": "state_agency", "channel": "law", "legal_basis_type": "statute",
            "purpose": "Billing", "frequency": "annually", "retention_days": "30",
            "agreement_title": "", "start_date": ""})),
        "requests": (import_requests, rows_of({
            "reference": "IR-1", "received_date": "2026-03-01", "department": "WTR",
            "requesting_agency": "Sheriff", "agency_type": "local_law_enforcement",
            "legal_process": "administrative_subpoena", "outcome": "fulfilled",
            "residents_notified": "not_notified", "people_covered": "3", "public_summary": ""})),
        "definitions": (import_definitions, rows_of({
            "slug": "rents", "name": "Rents", "unit": "rate", "rate_per": "1000", "source": "",
            "caveats": "", "is_published": "yes"})),
        "notices": (import_notices, rows_of({
            "slug": "drones", "name": "Drones", "category": "camera", "department": "WTR",
            "status": "proposed", "description": "Flying cameras", "vendor": "",
            "fiscal_ongoing_cost": "", "approved_on": "", "locations": "Harbor (45.5, -122.6)",
            "annual_report": ""})),
        "values": (import_values, rows_of({
            "indicator": "evictions", "period": "2025", "district": "D1", "group_dimension": "all",
            "group": "all", "numerator": "12", "denominator": "100"})),
    }

    @EXAMPLES
    @given(kind=st.sampled_from(sorted(imports)), data=st.data())
    def check(kind: str, data: st.DataObject) -> None:
        run, strategy = imports[kind]
        rows = data.draw(strategy)
        # Valid or not, written or only planned, nothing but the portal's refusal comes back.
        options = {} if kind == "values" else {"dry_run": False}
        attempt(engine, lambda s: run(session=s, actor=SYSTEM, rows=rows, **options))

    check()


def test_text_kept_by_the_services_round_trips_through_the_exports(engine: Engine) -> None:
    seed(engine)

    @EXAMPLES
    @given(name=text, description=text)
    def check(name: str, description: str) -> None:
        def round_trip(session: Session) -> None:
            made = records.create_department(session=session, actor=SYSTEM, values={
                "code": "ZZ", "name": name, "description": description})
            for export, run in ((records.export_departments, records.import_departments),
                                (export_notices, import_notices)):
                data = export(session=session, actor=SYSTEM, fmt="csv")
                rows = read_table(data, "x.csv").rows if run is not import_notices else read_rows(data, "x.csv")
                plan = run(session=session, actor=SYSTEM, rows=rows, dry_run=True)
                assert (len(plan.added), len(plan.updated)) == (0, 0), plan.lines()
            assert made["name"] == name.strip()

        attempt(engine, round_trip)

    check()
