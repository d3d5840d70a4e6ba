from sqlmodel import Session, select

from portal.audit.models import AuditEvent
from portal.audit.service import GENESIS, record_event, verify_chain
from portal.auth.roles import SYSTEM
from tests import factories


def _write(session: Session, n: int) -> list[AuditEvent]:
    events = [
        record_event(session, actor=SYSTEM, action="test.write", entity_type="thing", entity_id=i,
                     detail={"i": i, "text": "naïve café — ✓"})
        for i in range(n)
    ]
    session.commit()
    return events


def test_events_chain_from_genesis(session: Session) -> None:
    events = _write(session, 4)
    assert events[0].prev_hash == GENESIS
    assert [e.prev_hash for e in events[1:]] == [e.hash for e in events[:-1]]
    report = verify_chain(session)
    assert report.ok and report.events == 4


def test_edited_content_is_detected_at_its_row(session: Session) -> None:
    events = _write(session, 5)
    factories.as_attacker(session, "UPDATE audit_event SET actor = 'someone-else' WHERE id = :id",
                          {"id": events[2].id})
    session.commit()
    session.expire_all()
    report = verify_chain(session)
    assert not report.ok
    assert report.first_broken_id == events[2].id
    assert "hash" in report.reason


def test_deleted_row_is_detected_at_the_next_one(session: Session) -> None:
    events = _write(session, 5)
    factories.as_attacker(session, "DELETE FROM audit_event WHERE id = :id", {"id": events[1].id})
    session.commit()
    report = verify_chain(session)
    assert not report.ok
    assert report.first_broken_id == events[2].id


def test_chain_survives_a_round_trip_through_the_database(session: Session, engine) -> None:
    _write(session, 3)
    from sqlmodel import Session as S

    with S(engine) as fresh:
        assert verify_chain(fresh).ok
        assert len(fresh.exec(select(AuditEvent)).all()) == 3
