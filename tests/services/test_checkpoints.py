"""Signed audit checkpoints and the append-only audit table (issue: a verifiable audit record)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from portal.audit.checkpoints import (
    CheckpointKeyMissing,
    document,
    public_keys,
    sign_checkpoint,
    verify_checkpoint,
)
from portal.audit.models import AuditCheckpoint, AuditEvent
from portal.audit.service import record_event
from portal.auth.roles import SYSTEM
from portal.base import utcnow
from portal.settings import Settings
from tests import factories


def write(session: Session, n: int) -> list[AuditEvent]:
    events = [record_event(session, actor=SYSTEM, action="test.write", entity_type="thing",
                           entity_id=i) for i in range(n)]
    session.commit()
    return events


def test_the_audit_table_refuses_update_and_delete(session: Session) -> None:
    (event,) = write(session, 1)
    for statement in ("UPDATE audit_event SET actor = 'x' WHERE id = :id",
                      "DELETE FROM audit_event WHERE id = :id"):
        with pytest.raises(sa.exc.DBAPIError, match="append-only"):
            session.execute(sa.text(statement), {"id": event.id})
        session.rollback()
    assert session.get(AuditEvent, event.id).actor == SYSTEM.subject


def test_the_first_event_of_a_day_signs_a_checkpoint(session: Session) -> None:
    write(session, 3)
    (daily,) = session.exec(select(AuditCheckpoint)).all()
    assert daily.reason == "daily" and daily.events == 1  # signed with the first event
    session.execute(sa.update(AuditCheckpoint).values(signed_at=utcnow() - timedelta(hours=25)))
    session.commit()
    write(session, 1)
    assert len(session.exec(select(AuditCheckpoint)).all()) == 2


def test_an_intact_log_verifies_against_its_checkpoint(session: Session) -> None:
    write(session, 5)
    checkpoint = document(sign_checkpoint(session))
    write(session, 2)  # later events do not matter to an older checkpoint
    report = verify_checkpoint(session, json.loads(json.dumps(checkpoint)))
    assert report.ok and report.known_key, report.message
    assert checkpoint["key_id"] in public_keys()


def test_deleting_the_newest_events_is_detected(session: Session) -> None:
    events = write(session, 5)
    checkpoint = document(sign_checkpoint(session))
    factories.as_attacker(session, "DELETE FROM audit_event WHERE id >= :id", {"id": events[3].id})
    session.commit()
    report = verify_checkpoint(session, checkpoint)
    assert not report.ok
    assert report.first_discrepancy == events[3].id
    assert "deleted from the end" in report.message


def test_a_rewritten_event_is_named(session: Session) -> None:
    events = write(session, 5)
    checkpoint = document(sign_checkpoint(session))
    factories.as_attacker(session, "UPDATE audit_event SET actor = 'x' WHERE id = :id",
                          {"id": events[1].id})
    session.commit()
    session.expire_all()
    report = verify_checkpoint(session, checkpoint)
    assert not report.ok and report.first_discrepancy == events[1].id


def _rebuild_chain(session: Session, start: AuditEvent, prev: str) -> None:
    """Recompute every hash from ``start`` on, as an attacker who rewrote an event would."""
    from portal.audit.service import compute_hash

    session.expire_all()
    for event in session.exec(select(AuditEvent).where(AuditEvent.id >= start.id)
                              .order_by(AuditEvent.id)).all():
        new = compute_hash(prev, event)
        factories.as_attacker(session, "UPDATE audit_event SET prev_hash = :p, hash = :h "
                              "WHERE id = :id", {"p": prev, "h": new, "id": event.id})
        prev = new
    session.commit()
    session.expire_all()


def test_a_rebuilt_chain_does_not_match_the_signed_head(session: Session) -> None:
    """Whoever rewrites an event and recomputes every hash after it still cannot sign."""
    events = write(session, 4)
    checkpoint = document(sign_checkpoint(session))
    factories.as_attacker(session, "UPDATE audit_event SET actor = 'x' WHERE id = :id",
                          {"id": events[1].id})
    _rebuild_chain(session, events[1], events[0].hash)
    report = verify_checkpoint(session, checkpoint)
    assert not report.ok
    assert "does not have the hash the checkpoint signed" in report.message


def test_an_altered_or_foreign_checkpoint_is_refused(session: Session, monkeypatch) -> None:
    write(session, 2)
    checkpoint = document(sign_checkpoint(session))
    forged = {**checkpoint, "events": checkpoint["events"] - 1}
    assert not verify_checkpoint(session, forged).ok
    from portal.audit.checkpoints import new_key

    monkeypatch.setenv("PORTAL_CHECKPOINT_KEYS", new_key())
    foreign = document(sign_checkpoint(session))
    monkeypatch.delenv("PORTAL_CHECKPOINT_KEYS")
    session.rollback()
    report = verify_checkpoint(session, foreign)
    assert not report.known_key


def test_publishing_a_packet_signs_a_checkpoint_that_covers_it(session: Session) -> None:
    from portal.oversight.packets import build_packet

    meeting = factories.meeting(session)
    session.commit()
    build_packet(session=session, actor=SYSTEM, meeting_id=meeting.id)
    session.commit()
    signed = session.exec(select(AuditCheckpoint).where(AuditCheckpoint.reason == "packet")).one()
    published = session.exec(select(AuditEvent).where(
        AuditEvent.action == "oversight.publish_packet")).one()
    assert (signed.event_id, signed.event_hash) == (published.id, published.hash)


def test_production_needs_a_checkpoint_key() -> None:
    with pytest.raises(CheckpointKeyMissing):
        public_keys(Settings(database_url="sqlite://", environment="production"))


# ---------------------------------------------------------------------------
# Checking from the newest checkpoint (issue 18): what the audit log page does on every view
# ---------------------------------------------------------------------------

def test_checking_from_the_checkpoint_reads_only_the_events_after_it(session: Session) -> None:
    from portal.audit.checkpoints import verify_from_checkpoint

    write(session, 6)
    signed = sign_checkpoint(session)
    session.commit()
    write(session, 3)
    report = verify_from_checkpoint(session)
    assert report.ok, report.reason
    assert report.checkpoint is not None and report.checkpoint.id == signed.id
    assert (report.vouched, report.checked, report.events) == (6, 3, 9)


def test_a_rewritten_event_after_the_checkpoint_is_found(session: Session) -> None:
    from portal.audit.checkpoints import verify_from_checkpoint

    write(session, 4)
    sign_checkpoint(session)
    session.commit()
    later = write(session, 3)
    factories.as_attacker(session, "UPDATE audit_event SET detail = '{\"i\": 99}' WHERE id = :id",
                          {"id": later[1].id})
    session.commit()
    report = verify_from_checkpoint(session)
    assert not report.ok and not report.bad_signature
    assert report.first_broken_id == later[1].id
    assert report.reason == "has content that does not match its hash"
    # The first event after it made to follow another head than the one signed.
    _rebuild_chain(session, later[0], "f" * 64)
    report = verify_from_checkpoint(session)
    assert not report.ok and report.first_broken_id == later[0].id
    assert report.reason == "does not point at the event before it"


def test_the_checkpoints_own_event_rewritten_with_a_rebuilt_chain_is_found(session: Session) -> None:
    from portal.audit.checkpoints import verify_from_checkpoint

    events = write(session, 4)
    signed = sign_checkpoint(session)
    session.commit()
    write(session, 2)
    factories.as_attacker(session, "UPDATE audit_event SET actor = 'x' WHERE id = :id",
                          {"id": events[1].id})
    session.commit()
    _rebuild_chain(session, events[1], events[0].hash)
    report = verify_from_checkpoint(session)
    assert not report.ok and report.first_broken_id == signed.event_id
    assert f"does not have the hash checkpoint {signed.id} signed" in report.reason


def test_events_deleted_before_the_checkpoint_are_found(session: Session) -> None:
    from portal.audit.checkpoints import verify_from_checkpoint

    events = write(session, 5)
    sign_checkpoint(session)
    session.commit()
    factories.as_attacker(session, "DELETE FROM audit_event WHERE id = :id", {"id": events[0].id})
    session.commit()
    report = verify_from_checkpoint(session)
    assert not report.ok
    assert "is preceded by 4 entries where checkpoint" in report.reason
    assert "counted 5" in report.reason and "deleted" in report.reason


def test_a_bad_checkpoint_signature_is_reported(session: Session, monkeypatch) -> None:
    from portal.audit.checkpoints import new_key, verify_from_checkpoint

    write(session, 3)
    signed = sign_checkpoint(session)
    session.commit()
    # Altered after signing: the signature no longer matches what it says.
    session.execute(sa.update(AuditCheckpoint).where(AuditCheckpoint.id == signed.id)
                    .values(events=2))
    session.commit()
    report = verify_from_checkpoint(session)
    assert not report.ok and report.bad_signature
    assert report.checkpoint is not None and report.checkpoint.id == signed.id
    assert "does not match its signature" in report.reason
    # Signed properly, but with a key that is not this portal's (stored beside it, so anyone
    # who can write the table could have made it): it vouches for nothing either.
    monkeypatch.setenv("PORTAL_CHECKPOINT_KEYS", new_key())
    foreign = sign_checkpoint(session)
    session.commit()
    monkeypatch.delenv("PORTAL_CHECKPOINT_KEYS")
    report = verify_from_checkpoint(session)
    assert not report.ok and report.bad_signature
    assert report.checkpoint is not None and report.checkpoint.id == foreign.id
