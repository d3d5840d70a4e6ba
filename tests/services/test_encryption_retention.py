"""Raw text and contact details are unreadable in the database, rotate, and are purged on time."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa
from cryptography.fernet import Fernet
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from portal.audit.models import AuditEvent
from portal.audit.service import verify_chain
from portal.auth.roles import SYSTEM
from portal.base import utcnow
from portal.encryption import CannotDecrypt, KeyMissing, cipher
from portal.engagement.models import Comment
from portal.engagement.retention import retention_purge, rotate_keys
from tests import factories

SECRETS = ("503-248-7731", "Ana Ruiz", "ana@example.org")
TEXT = "Stop the drone program. Call me at 503-248-7731 if you want to talk."


def _plain_sql_dump(engine: Engine) -> str:
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT raw_text, name, email, author_ref FROM comment")).all()
    return " ".join(str(v) for row in rows for v in row)


def test_raw_text_and_contact_details_are_not_readable_with_plain_sql(session: Session, engine: Engine) -> None:
    factories.submitted_comment(session, TEXT, name="Ana Ruiz", email="ana@example.org")
    session.commit()
    dump = _plain_sql_dump(engine)
    assert "gAAAAA" in dump
    for secret in SECRETS:
        assert secret not in dump
    with Session(engine) as fresh:
        comment = fresh.exec(select(Comment)).one()
        assert (comment.raw_text, comment.name, comment.email) == (TEXT, "Ana Ruiz", "ana@example.org")


def test_rotation_re_encrypts_under_the_new_key_and_old_key_can_go(
    session: Session, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    monkeypatch.setenv("PORTAL_ENCRYPTION_KEYS", old)
    factories.submitted_comment(session, TEXT, name="Ana Ruiz")
    session.commit()
    monkeypatch.setenv("PORTAL_ENCRYPTION_KEYS", f"{new},{old}")
    assert rotate_keys(session=session, actor=SYSTEM) == 2
    session.commit()
    monkeypatch.setenv("PORTAL_ENCRYPTION_KEYS", new)
    with Session(engine) as fresh:
        assert fresh.exec(select(Comment)).one().raw_text == TEXT
    monkeypatch.setenv("PORTAL_ENCRYPTION_KEYS", old)
    with Session(engine) as fresh, pytest.raises(CannotDecrypt):
        fresh.exec(select(Comment)).one()


def test_production_refuses_to_run_without_a_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PORTAL_ENCRYPTION_KEYS", raising=False)
    monkeypatch.setenv("PORTAL_ENVIRONMENT", "production")
    with pytest.raises(KeyMissing, match="refuses to start"):
        cipher()


def test_purge_removes_exactly_what_is_older_than_retention(session: Session, engine: Engine) -> None:
    now = utcnow()
    old = factories.submitted_comment(session, TEXT, name="Ana Ruiz", email="ana@example.org",
                                      now=now - timedelta(days=91))
    edge = factories.submitted_comment(session, "Keep the raw text of this one.", email="ana@example.org",
                                       now=now - timedelta(days=89))
    new = factories.submitted_comment(session, "A recent comment about cameras.", now=now)
    old_redacted = old.redacted_text
    report = retention_purge(session=session, actor=SYSTEM, now=now)
    session.commit()
    assert (report.raw_texts, report.contact_details) == (1, 1)
    session.expire_all()
    old, edge, new = (session.get(Comment, c.id) for c in (old, edge, new))
    assert (old.raw_text, old.name, old.email) == (None, None, None)
    assert old.raw_purged_at is not None and old.redacted_text == old_redacted
    assert edge.raw_text == "Keep the raw text of this one." and edge.email == "ana@example.org"
    assert new.raw_text is not None and new.raw_purged_at is None
    again = retention_purge(session=session, actor=SYSTEM, now=now)
    session.commit()
    assert (again.raw_texts, again.contact_details) == (0, 0)
    events = session.exec(select(AuditEvent).where(AuditEvent.action == "engagement.retention_purge")).all()
    assert [e.detail["raw_texts"] for e in events] == [1, 0]
    assert verify_chain(session).ok
    assert "503-248-7731" not in _plain_sql_dump(engine)


def test_tampered_audit_row_is_detected_after_moderation(session: Session) -> None:
    from portal.auth.roles import Actor, Role
    from portal.engagement.decisions import decide

    mod = Actor(subject="m@x", roles=frozenset({Role.MODERATOR}))
    for i in range(3):
        c = factories.submitted_comment(session, f"Comment {i} about the cameras downtown.")
        decide(session=session, actor=mod, comment_id=c.id, lock_version=c.lock_version, action="publish")
    session.commit()
    events = session.exec(select(AuditEvent).order_by(AuditEvent.id)).all()
    factories.as_attacker(session, "UPDATE audit_event SET action = 'engagement.reject' WHERE id = :id",
                          {"id": events[1].id})
    session.commit()
    session.expire_all()
    report = verify_chain(session)
    assert not report.ok and report.first_broken_id == events[1].id
