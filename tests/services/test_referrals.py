"""The commission's desk: referred comments, the commission's decisions, and what residents see."""

from __future__ import annotations

import dataclasses

import pytest
from sqlmodel import Session, select

from portal.audit.models import AuditEvent
from portal.auth.roles import RESIDENT, Actor, Role
from portal.engagement.comments import comment_status
from portal.engagement.decisions import decide, monthly_statistics
from portal.engagement.models import Comment, ModerationDecision
from portal.engagement.referrals import (
    ReferredComment,
    commission_decide,
    list_referred,
    referred_awaiting,
)
from portal.errors import Conflict, PermissionDenied, ValidationFailed
from tests import factories

MODERATOR = Actor(subject="mod@x.example", roles=frozenset({Role.MODERATOR}))
COMMISSIONER = Actor(subject="chair@x.example", roles=frozenset({Role.COMMISSIONER}))
ADMIN = Actor(subject="admin@x.example", roles=frozenset({Role.ADMIN}))
STAFF = Actor(subject="clerk@x.example", roles=frozenset({Role.STAFF}))


def referred(session: Session, text: str = "Call 503-555-0142 about the drone over my house.") -> Comment:
    comment = factories.submitted_comment(session, text, name="Ana Resident",
                                          email="ana@example.org")
    decide(session=session, actor=MODERATOR, comment_id=comment.id,
           lock_version=comment.lock_version, action="escalate",
           note="Mentions a neighbour's drone; the commission should decide.")
    session.commit()
    session.refresh(comment)
    return comment


def test_only_the_commission_lists_or_decides_referred_comments(session: Session) -> None:
    comment = referred(session)
    for actor in (RESIDENT, STAFF, MODERATOR):
        with pytest.raises(PermissionDenied):
            list_referred(session=session, actor=actor)
        with pytest.raises(PermissionDenied):
            referred_awaiting(session=session, actor=actor)
        with pytest.raises(PermissionDenied):
            commission_decide(session=session, actor=actor, comment_id=comment.id,
                              lock_version=comment.lock_version, action="publish")
    assert [r.id for r in list_referred(session=session, actor=ADMIN)] == [comment.id]
    assert session.get(Comment, comment.id).state == "escalated"


def test_the_first_ones_referred_come_first_and_the_count_is_every_one(session: Session) -> None:
    comments = [referred(session) for _ in range(3)]
    listed = [r.id for r in list_referred(session=session, actor=COMMISSIONER)]
    assert listed == [c.id for c in comments]
    assert [r.id for r in list_referred(session=session, actor=COMMISSIONER, limit=2)] == listed[:2]
    assert referred_awaiting(session=session, actor=COMMISSIONER) == 3


def test_a_commissioner_never_receives_raw_text_or_contact_details(session: Session) -> None:
    comment = referred(session)
    (row,) = list_referred(session=session, actor=COMMISSIONER)
    assert isinstance(row, ReferredComment)
    values = [str(v) for v in dataclasses.asdict(row).values()]
    assert "503-555-0142" not in " ".join(values)
    assert row.text == comment.redacted_text and row.text != comment.raw_text
    for secret in ("Ana Resident", "ana@example.org"):
        assert secret not in " ".join(values)
    assert {f.name for f in dataclasses.fields(ReferredComment)}.isdisjoint(
        {"raw_text", "name", "email", "author_ref"})
    assert row.moderator_note.startswith("Mentions a neighbour's drone")
    assert row.referred_by == MODERATOR.subject


def test_the_commission_publishes_and_it_is_audited_counted_and_told(session: Session) -> None:
    comment = referred(session)
    state = commission_decide(session=session, actor=COMMISSIONER, comment_id=comment.id,
                              lock_version=comment.lock_version, action="publish")
    session.commit()
    assert state == "published"
    assert list_referred(session=session, actor=COMMISSIONER) == []
    event = session.exec(select(AuditEvent).where(
        AuditEvent.action == "engagement.commission_publish")).one()
    assert (event.actor, event.entity_id) == (COMMISSIONER.subject, str(comment.id))
    decision = session.exec(select(ModerationDecision).where(
        ModerationDecision.action == "commission_publish")).one()
    assert decision.moderator == COMMISSIONER.subject
    (month,) = monthly_statistics(session=session, actor=RESIDENT)
    assert (month.published, month.by_commission) == (1, 1)
    status = comment_status(session=session, actor=RESIDENT, receipt_code=comment.receipt_code)
    assert status.state == "published"
    assert status.referred_at is not None
    assert status.commission_decision == "Published by the commission"


def test_not_publishing_needs_a_policy_reason_and_returning_needs_a_note(session: Session) -> None:
    comment = referred(session)
    with pytest.raises(ValidationFailed):
        commission_decide(session=session, actor=COMMISSIONER, comment_id=comment.id,
                          lock_version=comment.lock_version, action="reject")
    with pytest.raises(ValidationFailed):
        commission_decide(session=session, actor=COMMISSIONER, comment_id=comment.id,
                          lock_version=comment.lock_version, action="return")
    assert session.get(Comment, comment.id).state == "escalated"
    commission_decide(session=session, actor=COMMISSIONER, comment_id=comment.id,
                      lock_version=comment.lock_version, action="reject",
                      reason_code="private_individual", note="Identifies a neighbour.")
    session.commit()
    status = comment_status(session=session, actor=RESIDENT, receipt_code=comment.receipt_code)
    assert status.state == "rejected"
    assert status.public_reason.startswith("Names or describes a private individual")
    assert status.commission_decision == "Not published, by the commission"
    (month,) = monthly_statistics(session=session, actor=RESIDENT)
    assert (month.not_published, month.by_commission) == (1, 1)


def test_returning_sends_it_back_to_the_moderators_undecided(session: Session) -> None:
    comment = referred(session)
    commission_decide(session=session, actor=COMMISSIONER, comment_id=comment.id,
                      lock_version=comment.lock_version, action="return",
                      note="Not for us: redact the phone number and publish.")
    session.commit()
    assert session.get(Comment, comment.id).state == "pending"
    (month,) = monthly_statistics(session=session, actor=RESIDENT)
    assert (month.awaiting, month.by_commission) == (1, 0)
    status = comment_status(session=session, actor=RESIDENT, receipt_code=comment.receipt_code)
    assert status.commission_decision == "Returned to moderators by the commission"


def test_two_commissioners_deciding_at_once_one_wins(session: Session) -> None:
    comment = referred(session)
    commission_decide(session=session, actor=COMMISSIONER, comment_id=comment.id,
                      lock_version=comment.lock_version, action="publish")
    with pytest.raises(Conflict):
        commission_decide(session=session, actor=ADMIN, comment_id=comment.id,
                          lock_version=comment.lock_version, action="reject",
                          reason_code="spam")
