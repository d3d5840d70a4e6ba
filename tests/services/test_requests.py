"""The request transparency log: staff record, residents read aggregates only."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, func, select

from portal.audit.models import AuditEvent, RecordVersion
from portal.auth.roles import RESIDENT, Actor, Role
from portal.errors import Conflict, PermissionDenied, ValidationFailed
from portal.requests.models import InformationRequest
from portal.requests.service import (
    create_request,
    get_request,
    import_requests,
    list_requests,
    request_statistics,
    update_request,
    withdraw_request,
)
from tests import factories

STAFF = Actor(subject="clerk@x.example", roles=frozenset({Role.STAFF}))


def values(**kw):
    return {"reference": "IR-1", "received_date": "2025-03-02", "department": "SHF",
            "requesting_agency": "ICE ERO", "agency_type": "federal_immigration",
            "legal_process": "administrative_subpoena", "data_categories": "immigration_status",
            "outcome": "refused", "residents_notified": "notified", "people_covered": 2,
            "response_date": "2025-03-04", **kw}


def test_statistics_count_published_requests_by_quarter_and_category(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PORTAL_SUPPRESSION_K", "1")  # the raw figures; suppression is tested below
    dept = factories.department(session)
    factories.info_request(session, department_id=dept.id, received_date=date(2025, 1, 5), people_covered=3)
    factories.info_request(session, department_id=dept.id, received_date=date(2025, 2, 5),
                           outcome="fulfilled", legal_process="judicial_warrant",
                           residents_notified="legally_barred", people_covered=1)
    factories.info_request(session, department_id=dept.id, received_date=date(2025, 7, 1))
    factories.info_request(session, department_id=dept.id, status="draft", people_covered=50)
    stats = request_statistics(session=session, actor=RESIDENT)
    assert (stats.requests, stats.people) == (3, 5)
    assert [{k: q[k] for k in ("quarter", "requests", "people")} for q in stats.by_quarter] == [
        {"quarter": "2025 Q1", "requests": 2, "people": 4},
        {"quarter": "2025 Q3", "requests": 1, "people": 1}]
    outcomes = {r["label"]: r["requests"] for r in stats.by_outcome}
    assert outcomes["Refused"] == 2 and outcomes["Fulfilled"] == 1
    barred = {r["label"]: r["requests"] for r in stats.by_notification}
    assert barred["Notification legally barred"] == 1
    warrant = next(r for r in stats.process_by_outcome if r["legal process"] == "Judicial warrant")
    assert warrant["Fulfilled"] == 1
    # Aggregates only: nothing names an agency's request or carries its summary.
    assert "requesting_agency" not in repr(stats) and "reference" not in repr(stats)


def test_small_people_counts_are_suppressed_with_a_complement(session: Session) -> None:
    """A quarter covering 5 people is "fewer than 11"; since the total is published, another
    quarter is hidden too, or 35 − 30 would give the 5 away (DESIGN.md §2.6)."""
    dept = factories.department(session)
    factories.info_request(session, department_id=dept.id, received_date=date(2025, 1, 5), people_covered=30)
    factories.info_request(session, department_id=dept.id, received_date=date(2025, 4, 5), people_covered=5)
    factories.info_request(session, department_id=dept.id, received_date=date(2025, 7, 5), people_covered=0)
    stats = request_statistics(session=session, actor=RESIDENT)
    shown = {q["quarter"]: (q["people"], q["people_status"], q["people_shown"]) for q in stats.by_quarter}
    assert shown == {
        "2025 Q1": (None, "suppressed_complementary", "hidden"),
        "2025 Q2": (None, "suppressed_primary", "fewer than 11"),
        "2025 Q3": (0, "true_zero", "0"),
    }
    assert (stats.people, stats.people_shown) == (35, "35")
    assert "30" not in repr(stats.by_quarter) and "'people': 5" not in repr(stats.by_quarter)


def test_one_person_is_never_printed(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORTAL_SUPPRESSION_K", "5")
    dept = factories.department(session)
    factories.info_request(session, department_id=dept.id, received_date=date(2025, 4, 5), people_covered=1)
    stats = request_statistics(session=session, actor=RESIDENT)
    assert (stats.people, stats.people_shown) == (None, "fewer than 5")
    assert stats.by_quarter[0]["people_shown"] == "fewer than 5"


def test_create_edit_withdraw_keeps_every_version(session: Session) -> None:
    factories.department(session, code="SHF")
    row = create_request(session=session, actor=STAFF, values=values())
    update_request(session=session, actor=STAFF, request_id=row.id,
                   values=values(outcome="partially_fulfilled"), expected_version=1)
    with pytest.raises(Conflict):
        update_request(session=session, actor=STAFF, request_id=row.id, values=values(people_covered=9),
                       expected_version=1)
    withdraw_request(session=session, actor=STAFF, request_id=row.id, reason="Duplicate entry")
    session.commit()
    found, code, history = get_request(session=session, actor=STAFF, request_id=row.id)
    assert (found.status, found.version, code) == ("withdrawn", 3, "SHF")
    assert [h.version for h in history] == [3, 2, 1]
    assert [(c.label, c.before, c.after) for c in history[1].changes] == [
        ("Outcome", "Refused", "Partially fulfilled")]
    assert request_statistics(session=session, actor=RESIDENT).requests == 0
    assert session.exec(select(func.count()).select_from(RecordVersion)).one() == 3


def test_bad_values_are_refused_with_reasons(session: Session) -> None:
    factories.department(session, code="SHF")
    create_request(session=session, actor=STAFF, values=values())
    with pytest.raises(ValidationFailed) as caught:
        create_request(session=session, actor=STAFF, values=values(reference="IR-1"))
    assert [e.field for e in caught.value.errors] == ["reference"]
    with pytest.raises(ValidationFailed) as caught:
        create_request(session=session, actor=STAFF, values=values(
            reference="IR-2", department="XXX", outcome="maybe", people_covered="-1",
            response_date="2025-01-01"))
    assert {e.field for e in caught.value.errors} == {"department", "outcome", "people_covered", "response_date"}


def test_import_is_all_or_nothing(session: Session) -> None:
    factories.department(session, code="SHF")
    rows = [(n + 2, values(reference=f"IR-{n}")) for n in range(30)]
    rows[17][1]["legal_process"] = "a phone call"
    with pytest.raises(ValidationFailed) as caught:
        import_requests(session=session, actor=STAFF, rows=rows)
    assert [(e.row, e.field) for e in caught.value.errors] == [(19, "legal_process")]
    assert session.exec(select(func.count()).select_from(InformationRequest)).one() == 0
    rows[17][1]["legal_process"] = "Court order"  # labels are accepted too
    assert len(import_requests(session=session, actor=STAFF, rows=rows, source="log.xlsx").added) == 30
    assert session.exec(select(AuditEvent.action)).all() == ["requests.import_requests"]
    assert len(list_requests(session=session, actor=STAFF)) == 30


def test_residents_cannot_write_or_list_rows(session: Session) -> None:
    factories.department(session, code="SHF")
    row = factories.info_request(session)
    for call in (
        lambda: create_request(session=session, actor=RESIDENT, values=values()),
        lambda: update_request(session=session, actor=RESIDENT, request_id=row.id, values=values()),
        lambda: withdraw_request(session=session, actor=RESIDENT, request_id=row.id, reason="x"),
        lambda: import_requests(session=session, actor=RESIDENT, rows=[(2, values())]),
        lambda: list_requests(session=session, actor=RESIDENT),
        lambda: get_request(session=session, actor=RESIDENT, request_id=row.id),
    ):
        with pytest.raises(PermissionDenied):
            call()
