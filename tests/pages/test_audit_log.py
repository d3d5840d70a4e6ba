import csv
import io
from datetime import UTC, date, datetime

import pytest
from sqlmodel import Session, select

from portal.audit.models import AuditEvent
from portal.audit.queries import list_events
from portal.audit.service import GENESIS, compute_hash, record_event
from portal.auth.roles import SYSTEM, Actor, Role
from tests import factories
from tests.apptest import run_script


def _events(session: Session, n: int) -> None:
    for i in range(n):
        record_event(session, actor=SYSTEM, action="test.event", entity_type="thing", entity_id=i)
    session.commit()


def test_commissioner_reads_an_intact_log(session: Session) -> None:
    _events(session, 3)
    at = run_script("app_pages/audit_log.py", Role.COMMISSIONER)
    assert not at.exception
    assert any("chain of 3 entries is intact" in s.value for s in at.success)
    assert len(at.dataframe[0].value) == 3


def test_a_tampered_entry_is_named(session: Session) -> None:
    _events(session, 3)
    second = session.exec(select(AuditEvent).order_by(AuditEvent.id)).all()[1]
    factories.as_attacker(session, """UPDATE audit_event SET detail = '{"forged": true}' """
                          "WHERE id = :id", {"id": second.id})
    session.commit()
    at = run_script("app_pages/audit_log.py", Role.ADMIN)
    assert any(f"broken at entry {second.id}" in e.value for e in at.error)


def test_residents_and_staff_are_refused(session: Session) -> None:
    _events(session, 1)
    for role in (None, Role.STAFF, Role.MODERATOR):
        at = run_script("app_pages/audit_log.py", role)
        assert not at.exception
        assert not at.dataframe
        assert any("may not do this" in e.value for e in at.error)


def test_one_entry_reads_as_one_and_times_are_local(session: Session) -> None:
    _events(session, 1)
    at = run_script("app_pages/audit_log.py", Role.COMMISSIONER)
    assert any("The chain of 1 entry is intact." in s.value for s in at.success)
    frame = at.dataframe[0].value
    assert "When (UTC)" not in frame.columns
    assert frame["When"].iloc[0].endswith(("PST", "PDT"))  # the county's time, as elsewhere


def test_a_broken_link_reads_as_a_sentence(session: Session) -> None:
    _events(session, 2)
    first = session.exec(select(AuditEvent).order_by(AuditEvent.id)).first()
    factories.as_attacker(session, "UPDATE audit_event SET actor = 'x' WHERE id = :id",
                          {"id": first.id})
    session.commit()
    at = run_script("app_pages/audit_log.py", Role.COMMISSIONER)
    assert any(f"broken at entry {first.id}: it has content that does not match its hash"
               in e.value for e in at.error)


# ---------------------------------------------------------------------------
# Filters: by the county's calendar days, by who acted and by kind (issue 15)
# ---------------------------------------------------------------------------

def _event_at(session: Session, when: datetime, who: str, action: str) -> AuditEvent:
    """An event dated ``when``, chained as ``record_event`` chains it (which always dates now)."""
    last = session.exec(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).first()
    event = AuditEvent(occurred_at=when, actor=who, actor_roles="staff", action=action,
                       entity_type="thing", prev_hash=last or GENESIS, hash="")
    event.hash = compute_hash(event.prev_hash, event)
    session.add(event)
    session.commit()
    return event


def _four_events(session: Session) -> list[AuditEvent]:
    return [
        # 11 PM on March 9 in the county (PDT), although already March 10 in UTC.
        _event_at(session, datetime(2026, 3, 10, 6, 0, tzinfo=UTC), "ana@county.example",
                  "notices.publish"),
        _event_at(session, datetime(2026, 3, 10, 18, 0, tzinfo=UTC), "ana@county.example",
                  "engagement.publish"),
        _event_at(session, datetime(2026, 3, 11, 18, 0, tzinfo=UTC), "bo@county.example",
                  "engagement.reject"),
        # 5 PM on March 11 in the county, although already March 12 in UTC.
        _event_at(session, datetime(2026, 3, 12, 0, 0, tzinfo=UTC), "ana@county.example",
                  "engagement.publish"),
    ]


def _entries(at) -> list[int]:
    return list(at.dataframe[0].value["Entry"]) if at.dataframe else []


def test_the_log_is_filtered_by_local_days_who_and_kind(session: Session) -> None:
    first, second, third, fourth = _four_events(session)
    at = run_script("app_pages/audit_log.py", Role.COMMISSIONER)
    assert not at.exception
    assert _entries(at) == [fourth.id, third.id, second.id, first.id]
    # Days are the county's days: March 10 starts at midnight PDT, not UTC.
    at.date_input(key="audit_from").set_value(date(2026, 3, 10))
    at.date_input(key="audit_until").set_value(date(2026, 3, 10)).run()
    assert not at.exception
    assert _entries(at) == [second.id]
    at.date_input(key="audit_until").set_value(date(2026, 3, 11)).run()
    assert _entries(at) == [fourth.id, third.id, second.id]
    at.text_input(key="audit_who").set_value("ANA@").run()
    assert _entries(at) == [fourth.id, second.id]
    at.text_input(key="audit_who").set_value("").run()
    at.selectbox(key="audit_kind").set_value("engagement").run()
    assert _entries(at) == [fourth.id, third.id, second.id]
    at.date_input(key="audit_from").set_value(None)
    at.date_input(key="audit_until").set_value(None)
    at.selectbox(key="audit_kind").set_value("notices").run()
    assert _entries(at) == [first.id]
    # Nothing matching is said in words, not shown as an empty table.
    at.text_input(key="audit_who").set_value("nobody").run()
    assert not at.dataframe
    assert any("No entry matches" in i.value for i in at.info)


def test_the_download_follows_the_filters_and_gives_local_times(
        session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    files: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def keep(self, path_or_data, mimetype, kind, filename=None):  # type: ignore[no-untyped-def]
        files[filename] = path_or_data
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", keep)
    _first, _second, third, _fourth = _four_events(session)
    at = run_script("app_pages/audit_log.py", Role.ADMIN)
    at.text_input(key="audit_who").set_value("bo@").run()
    assert not at.exception
    rows = list(csv.DictReader(io.StringIO(files["audit-log.csv"].decode("utf-8-sig"))))
    assert [int(r["Entry"]) for r in rows] == [third.id]
    assert rows[0]["When"] == "2026-03-11T11:00:00-07:00"  # the county's clock, with its offset


def test_filters_run_in_the_query_before_the_limit(session: Session) -> None:
    """A matching event older than the newest ``limit`` events is still found."""
    old = _event_at(session, datetime(2026, 1, 5, 18, 0, tzinfo=UTC), "rare@county.example",
                    "auth.grant_role")
    _events(session, 5)
    admin = Actor(subject="admin@x.example", roles=frozenset({Role.ADMIN}))
    found = list_events(session=session, actor=admin, limit=3, by="RARE")
    assert [e.id for e in found] == [old.id]
    assert [e.id for e in list_events(session=session, actor=admin, limit=3,
                                      kind="auth.grant_role")] == [old.id]
    assert list_events(session=session, actor=admin, kind="auth.grant") == []  # a kind is whole
    assert [e.id for e in list_events(session=session, actor=admin, kind="auth")] == [old.id]
    january = list_events(session=session, actor=admin,
                          since=datetime(2026, 1, 5, 8, 0, tzinfo=UTC),
                          until=datetime(2026, 1, 6, 8, 0, tzinfo=UTC))
    assert [e.id for e in january] == [old.id]
    assert list_events(session=session, actor=admin, until=datetime(2026, 1, 5, 18, 0, tzinfo=UTC)) == []
    # "%" and "_" are letters here, not wildcards.
    assert list_events(session=session, actor=admin, by="%") == []

