from sqlmodel import Session, select

from portal.audit.models import AuditEvent
from portal.audit.service import record_event
from portal.auth.roles import SYSTEM, Role
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
