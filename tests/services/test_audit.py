from sqlmodel import Session, select

from portal.audit.models import AuditEvent
from portal.audit.service import GENESIS, compute_hash, record_event, verify_chain
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


def test_keyset_pages_give_every_event_once_even_at_one_instant(session: Session) -> None:
    """"Load more" on the audit log: pages keyed on entry numbers, newest first; events that
    share a timestamp, and events written between two pages, neither repeat nor go missing."""
    from datetime import UTC, datetime

    from portal.audit.queries import list_events
    from portal.auth.roles import Actor, Role

    admin = Actor(subject="admin@x.example", roles=frozenset({Role.ADMIN}))
    instant = datetime(2026, 3, 10, 18, 0, tzinfo=UTC)

    def chained(n: int, action: str) -> list[int]:
        ids = []
        for _ in range(n):
            last = session.exec(select(AuditEvent.hash).order_by(AuditEvent.id.desc())
                                .limit(1)).first()
            event = AuditEvent(occurred_at=instant, actor="a@x.example", action=action,
                               entity_type="thing", prev_hash=last or GENESIS, hash="")
            event.hash = compute_hash(event.prev_hash, event)
            session.add(event)
            session.flush()
            ids.append(event.id)
        session.commit()
        return ids

    ids = chained(7, "test.a") + chained(4, "test.b") + chained(6, "test.a")

    def pages(limit: int, *, interleave: list[int] | None = None, **filters) -> list[list[int]]:
        out, before = [], None
        while True:
            page = [e.id for e in list_events(session=session, actor=admin, limit=limit,
                                              before=before, **filters)]
            if not page:
                return out
            out.append(page)
            before = page[-1]
            if interleave is not None and len(out) == 1:
                interleave += chained(3, "test.a")  # written while the reader reads page 1

    got = pages(4)
    assert [len(p) for p in got] == [4, 4, 4, 4, 1]
    assert [i for page in got for i in page] == ids[::-1]
    newer: list[int] = []
    got = pages(5, interleave=newer, kind="test.a", since=instant)
    flat = [i for page in got for i in page]
    assert len(newer) == 3 and not set(newer) & set(flat)  # newer than the first page: not in
    assert flat == [i for i in ids[::-1] if i not in ids[7:11]]  # every test.a once, in order
    assert len(flat) == len(set(flat))
