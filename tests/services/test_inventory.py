"""Sharing practices: create, edit, version, retire, import — and residents cannot write."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, func, select

from portal.audit.models import AuditEvent, RecordVersion
from portal.auth.roles import RESIDENT, Actor, Role
from portal.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from portal.inventory.models import SharingPractice
from portal.inventory.service import (
    create_practice,
    get_practice,
    import_practices,
    list_practices,
    retire_practice,
    update_practice,
)
from tests import factories
from tests.factories import practice_values

STAFF = Actor(subject="clerk@x.example", roles=frozenset({Role.STAFF}))
OTHER = Actor(subject="analyst@x.example", roles=frozenset({Role.STAFF}))


def count(session: Session, model: type) -> int:
    return session.exec(select(func.count()).select_from(model)).one()


def test_create_stores_version_one_and_an_audit_event(session: Session) -> None:
    ds = factories.dataset(session, identifier="alder-hlt-cases")
    practice = create_practice(session=session, actor=STAFF, values=practice_values("alder-hlt-cases"))
    session.commit()
    assert practice.version == 1
    assert practice.department_id == ds.department_id
    assert practice.mechanism == "formal"
    assert practice.updated_by == "clerk@x.example"
    (snapshot,) = session.exec(select(RecordVersion)).all()
    assert (snapshot.record_type, snapshot.record_id, snapshot.version) == ("sharing_practice", practice.id, 1)
    assert snapshot.data["title"] == "Monthly case counts to the State"
    assert session.exec(select(AuditEvent.action)).all() == ["inventory.create_practice"]


def test_every_field_is_checked_with_reasons(session: Session) -> None:
    factories.dataset(session, identifier="ds-a")
    bad = practice_values("ds-missing", title="", recipient_type="alien", channel="phone",
                          mechanism="formal", frequency="sometimes",
                          sensitive_categories="health; horoscope", agreement_terms="audit_rights",
                          retention_days="ten", start_date="2024-05-01", end_date="2023-01-01")
    with pytest.raises(ValidationFailed) as caught:
        create_practice(session=session, actor=STAFF, values=bad)
    fields = {e.field for e in caught.value.errors}
    assert fields == {"dataset", "title", "recipient_type", "mechanism", "frequency",
                      "sensitive_categories", "agreement_terms", "retention_days", "end_date"}
    assert count(session, SharingPractice) == 0


def test_edit_makes_a_new_version_and_keeps_the_old(session: Session) -> None:
    factories.dataset(session, identifier="ds-b")
    practice = create_practice(session=session, actor=STAFF, values=practice_values("ds-b"))
    values = practice_values("ds-b", recipient="State Health Authority", frequency="weekly")
    update_practice(session=session, actor=OTHER, practice_id=practice.id, values=values,
                    expected_version=1, summary="Recipient renamed")
    session.commit()
    detail = get_practice(session=session, actor=RESIDENT, practice_id=practice.id)
    assert detail.practice.version == 2
    assert detail.practice.updated_by == "analyst@x.example"
    newest, first = detail.history
    assert (newest.version, newest.changed_by, newest.summary) == (2, "analyst@x.example", "Recipient renamed")
    assert {(c.label, c.before, c.after) for c in newest.changes} == {
        ("Recipient", "State Department of Health", "State Health Authority"),
        ("How often", "Monthly", "Weekly"),
    }
    assert first.version == 1 and first.changes == ()


def test_stale_edit_is_refused(session: Session) -> None:
    factories.dataset(session, identifier="ds-c")
    practice = create_practice(session=session, actor=STAFF, values=practice_values("ds-c"))
    update_practice(session=session, actor=STAFF, practice_id=practice.id,
                    values=practice_values("ds-c", title="Renamed"), expected_version=1)
    with pytest.raises(Conflict):
        update_practice(session=session, actor=OTHER, practice_id=practice.id,
                        values=practice_values("ds-c", title="Other name"), expected_version=1)


def test_saving_without_a_change_makes_no_version(session: Session) -> None:
    factories.dataset(session, identifier="ds-d")
    practice = create_practice(session=session, actor=STAFF, values=practice_values("ds-d"))
    with pytest.raises(ValidationFailed, match="Nothing changed"):
        update_practice(session=session, actor=STAFF, practice_id=practice.id,
                        values=practice_values("ds-d"))
    assert count(session, RecordVersion) == 1


def test_editing_a_loaded_record_first_keeps_its_earlier_state(session: Session) -> None:
    """Records that predate versioning (the demo county) get a baseline snapshot on first edit."""
    ds = factories.dataset(session, identifier="ds-e")
    loaded = factories.practice(session, dataset_id=ds.id, department_id=ds.department_id,
                                title="Loaded", updated_by="loader@x.example")
    update_practice(session=session, actor=STAFF, practice_id=loaded.id,
                    values=practice_values("ds-e", title="Edited"))
    versions = session.exec(select(RecordVersion).order_by(RecordVersion.version)).all()
    assert [(v.version, v.data["title"], v.changed_by) for v in versions] == [
        (1, "Loaded", "loader@x.example"), (2, "Edited", "clerk@x.example")]


def test_retire_keeps_the_record_and_says_why(session: Session) -> None:
    factories.dataset(session, identifier="ds-f")
    practice = create_practice(session=session, actor=STAFF, values=practice_values("ds-f"))
    with pytest.raises(ValidationFailed):
        retire_practice(session=session, actor=STAFF, practice_id=practice.id, reason=" ")
    retire_practice(session=session, actor=STAFF, practice_id=practice.id,
                    reason="Contract ended", expected_version=1)
    session.commit()
    detail = get_practice(session=session, actor=RESIDENT, practice_id=practice.id)
    assert detail.practice.status == "retired"
    assert detail.practice.end_date is not None
    assert detail.history[0].summary == "Retired: Contract ended"
    assert [r["status"] for r in list_practices(session=session, actor=RESIDENT)] == ["retired"]
    with pytest.raises(ValidationFailed, match="already retired"):
        retire_practice(session=session, actor=STAFF, practice_id=practice.id, reason="again")


def test_missing_practice(session: Session) -> None:
    with pytest.raises(NotFound):
        get_practice(session=session, actor=RESIDENT, practice_id=999)


def _rows(n: int, bad_at: int | None = None) -> list[tuple[int, dict]]:
    rows = []
    for i in range(n):
        values = practice_values("ds-imp", title=f"Practice {i}", data_elements="a; b",
                                 residents_notified="yes", agreement_title="DSA",
                                 agreement_start="2024-01-01", agreement_end="2027-12-31",
                                 agreement_terms="permitted_uses; audit_rights")
        if i == bad_at:
            values["frequency"] = "fortnightly"
        rows.append((i + 2, values))
    return rows


def test_import_with_one_bad_row_among_many_writes_nothing(session: Session) -> None:
    factories.dataset(session, identifier="ds-imp")
    session.commit()
    events_before = count(session, AuditEvent)
    with pytest.raises(ValidationFailed) as caught:
        import_practices(session=session, actor=STAFF, rows=_rows(60, bad_at=41), source="t.csv")
    (error,) = caught.value.errors
    assert (error.row, error.field) == (43, "frequency")
    assert "fortnightly" in error.message
    session.rollback()
    assert count(session, SharingPractice) == 0
    assert count(session, RecordVersion) == 0
    assert count(session, AuditEvent) == events_before


def test_import_all_valid_is_one_audited_batch(session: Session) -> None:
    factories.dataset(session, identifier="ds-imp")
    assert len(import_practices(session=session, actor=STAFF, rows=_rows(25), dry_run=True).added) == 25
    assert count(session, SharingPractice) == 0
    assert len(import_practices(session=session, actor=STAFF, rows=_rows(25), source="t.csv").added) == 25
    session.commit()
    assert count(session, SharingPractice) == 25
    assert count(session, RecordVersion) == 25
    events = session.exec(select(AuditEvent)).all()
    assert [e.action for e in events] == ["inventory.import_practices"]
    assert events[0].detail["rows"] == 25
    practice = session.exec(select(SharingPractice).where(SharingPractice.title == "Practice 3")).one()
    assert practice.data_elements == ["a", "b"]
    assert practice.agreement_end == date(2027, 12, 31)
    assert practice.agreement_terms["audit_rights"] is True
    assert practice.agreement_terms["breach_notification"] is False


def test_import_refuses_duplicate_rows_in_the_file(session: Session) -> None:
    factories.dataset(session, identifier="ds-imp")
    rows = _rows(3)
    rows[2][1]["title"] = "Practice 0"
    with pytest.raises(ValidationFailed) as caught:
        import_practices(session=session, actor=STAFF, rows=rows)
    assert [(e.row, e.field) for e in caught.value.errors] == [(4, "title")]


@pytest.mark.parametrize("role", [None, Role.MODERATOR, Role.COMMISSIONER], ids=["resident", "moderator", "commissioner"])
def test_only_staff_may_write(session: Session, role: Role | None) -> None:
    actor = RESIDENT if role is None else Actor(subject="x@x.example", roles=frozenset({role}))
    ds = factories.dataset(session, identifier="ds-g")
    existing = factories.practice(session, dataset_id=ds.id, department_id=ds.department_id)
    with pytest.raises(PermissionDenied):
        create_practice(session=session, actor=actor, values=practice_values("ds-g"))
    with pytest.raises(PermissionDenied):
        update_practice(session=session, actor=actor, practice_id=existing.id, values=practice_values("ds-g"))
    with pytest.raises(PermissionDenied):
        retire_practice(session=session, actor=actor, practice_id=existing.id, reason="x")
    with pytest.raises(PermissionDenied):
        import_practices(session=session, actor=actor, rows=[(2, practice_values("ds-g"))])
    assert count(session, RecordVersion) == 0
    assert count(session, AuditEvent) == 0


def test_the_inventory_fingerprint_changes_with_every_edit_a_cached_row_shows(session: Session) -> None:
    """Cached inventory reads are keyed on it (portal/ui/cached.py): an edit made on another
    replica must change it, or that replica would keep showing the old row. A practice's row
    shows its dataset's title and classification and its department's name."""
    from portal.inventory import records
    from portal.inventory.service import inventory_version

    department = records.create_department(session=session, actor=STAFF,
                                           values={"code": "WTR", "name": "Water"})
    dataset = records.create_dataset(session=session, actor=STAFF, values={
        "identifier": "wtr-meters", "department": "WTR", "title": "Meters",
        "classification": "confidential"})
    create_practice(session=session, actor=STAFF, values=practice_values("wtr-meters"))
    session.commit()
    seen = [inventory_version(session=session, actor=RESIDENT)]
    assert inventory_version(session=session, actor=RESIDENT) == seen[0]  # stable while unchanged

    records.update_dataset(session=session, actor=STAFF, dataset_id=dataset["id"], values={
        "identifier": "wtr-meters", "department": "WTR", "title": "Water meters",
        "classification": "restricted"})
    session.commit()
    seen.append(inventory_version(session=session, actor=RESIDENT))
    records.update_department(session=session, actor=STAFF, department_id=department["id"],
                              values={"code": "WTR", "name": "Water and sewer"})
    session.commit()
    seen.append(inventory_version(session=session, actor=RESIDENT))
    assert len(set(seen)) == 3
    [row] = list_practices(session=session, actor=RESIDENT)
    assert (row["department"], row["dataset_title"]) == ("Water and sewer", "Water meters")
