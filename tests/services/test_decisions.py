"""Moderators decide: policy reasons, optimistic locking, own comments, campaigns, responses."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from portal.audit.models import AuditEvent, RecordVersion
from portal.audit.service import verify_chain
from portal.auth.roles import RESIDENT, Actor, Role
from portal.engagement.comments import comment_status, published_comments
from portal.engagement.decisions import (
    OwnComment,
    decide,
    decide_campaign,
    mark_campaign,
    moderation_log,
    monthly_statistics,
    respond,
)
from portal.engagement.models import Comment, ModerationDecision
from portal.engagement.queue import moderation_queue, suggested_campaigns
from portal.errors import Conflict, PermissionDenied, ValidationFailed
from portal.exports import to_csv
from tests import factories

MOD_A = Actor(subject="a@alder.example", roles=frozenset({Role.MODERATOR}))
MOD_B = Actor(subject="b@alder.example", roles=frozenset({Role.MODERATOR}))
STAFF = Actor(subject="staff@alder.example", roles=frozenset({Role.STAFF}))
PHONE_TEXT = "Stop the drone program. Call me at 503-248-7731 if you want to talk."


def test_reject_needs_a_policy_reason_and_shows_it_publicly(session: Session) -> None:
    c = factories.submitted_comment(session, "Cheap watches here, best prices!!!")
    with pytest.raises(ValidationFailed, match="reason from the moderation policy"):
        decide(session=session, actor=MOD_A, comment_id=c.id, lock_version=c.lock_version, action="reject")
    with pytest.raises(ValidationFailed, match="note"):
        decide(session=session, actor=MOD_A, comment_id=c.id, lock_version=c.lock_version,
               action="reject", reason_code="threat")
    decide(session=session, actor=MOD_A, comment_id=c.id, lock_version=c.lock_version,
           action="reject", reason_code="spam")
    status = comment_status(session=session, actor=RESIDENT, receipt_code=c.receipt_code)
    assert status.state == "rejected" and status.public_reason == "Commercial advertising or spam."
    assert published_comments(session=session, actor=RESIDENT, target_type="general") == []


def test_escalate_needs_a_note_then_can_be_decided(session: Session) -> None:
    c = factories.submitted_comment(session)
    with pytest.raises(ValidationFailed, match="reason"):
        decide(session=session, actor=MOD_A, comment_id=c.id, lock_version=c.lock_version, action="escalate")
    decide(session=session, actor=MOD_A, comment_id=c.id, lock_version=c.lock_version,
           action="escalate", note="Mentions an ongoing court case.")
    assert [x.id for x in moderation_queue(session=session, actor=MOD_B)] == [c.id]
    decide(session=session, actor=MOD_B, comment_id=c.id, lock_version=c.lock_version, action="publish")
    assert c.state == "published"


def test_publish_redacted_uses_the_edited_text_and_refuses_leftover_personal_data(session: Session) -> None:
    c = factories.submitted_comment(session, PHONE_TEXT)
    with pytest.raises(ValidationFailed, match="still contains personal data"):
        decide(session=session, actor=MOD_A, comment_id=c.id, lock_version=c.lock_version,
               action="publish_redacted", note="kept the number", redacted_text=PHONE_TEXT)
    decide(session=session, actor=MOD_A, comment_id=c.id, lock_version=c.lock_version,
           action="publish_redacted", note="Removed the invitation to call.",
           redacted_text="Stop the drone program.")
    [public] = published_comments(session=session, actor=RESIDENT, target_type="general")
    assert public.text == "Stop the drone program."


def test_two_moderators_cannot_decide_the_same_comment(session: Session, engine: Engine) -> None:
    c = factories.submitted_comment(session)
    session.commit()
    seen = c.lock_version
    with Session(engine) as other:
        decide(session=other, actor=MOD_B, comment_id=c.id, lock_version=seen, action="publish")
        other.commit()
    with pytest.raises(Conflict, match="Another moderator"):
        decide(session=session, actor=MOD_A, comment_id=c.id, lock_version=seen,
               action="reject", reason_code="spam")
    session.rollback()
    assert session.get(Comment, c.id).state == "published"
    assert len(session.exec(select(ModerationDecision)).all()) == 1


def test_a_moderator_cannot_moderate_their_own_comment(session: Session) -> None:
    c = factories.submitted_comment(session, "I moderate, but I also live here.", actor=MOD_A)
    assert c.author_ref == MOD_A.subject
    with pytest.raises(OwnComment, match="another moderator"):
        decide(session=session, actor=MOD_A, comment_id=c.id, lock_version=c.lock_version, action="publish")
    assert isinstance(OwnComment("x"), PermissionDenied)
    decide(session=session, actor=MOD_B, comment_id=c.id, lock_version=c.lock_version, action="publish")


def test_campaigns_are_suggested_marked_and_decided_together(session: Session) -> None:
    letter = ("I oppose the expansion of licence plate readers in Alder County. Thirty days of "
              "location data on every driver is too much. Please vote no at the next meeting.")
    members = [factories.submitted_comment(session, letter + suffix) for suffix in ("", " Thanks.", " -- a neighbour", "")]
    other = factories.submitted_comment(session, "Please publish the camera audit every year.")
    queue = moderation_queue(session=session, actor=MOD_A)
    groups = suggested_campaigns(queue)
    assert list(groups.values()) == [sorted(m.id for m in members)]
    key = mark_campaign(session=session, actor=MOD_A, comment_ids=[m.id for m in members])
    assert all(m.campaign_key == key for m in members) and other.campaign_key is None
    assert suggested_campaigns(moderation_queue(session=session, actor=MOD_A)) == {}
    assert decide_campaign(session=session, actor=MOD_B, campaign_key=key, action="publish") == 4
    assert {m.state for m in members} == {"published"} and other.state == "pending"


def test_staff_response_is_shown_and_versioned(session: Session) -> None:
    c = factories.submitted_comment(session)
    decide(session=session, actor=MOD_A, comment_id=c.id, lock_version=c.lock_version, action="publish")
    with pytest.raises(PermissionDenied):
        respond(session=session, actor=MOD_A, comment_id=c.id, text="We will.")
    respond(session=session, actor=STAFF, comment_id=c.id, text="The audit is published each March.")
    respond(session=session, actor=STAFF, comment_id=c.id, text="The audit is published each March and September.")
    [public] = published_comments(session=session, actor=RESIDENT, target_type="general")
    assert public.official_response == "The audit is published each March and September."
    versions = session.exec(select(RecordVersion).where(RecordVersion.record_type == "comment")).all()
    assert [v.data["official_response"] for v in versions] == [None, "The audit is published each March."]


def test_every_action_is_in_the_audit_chain_and_the_log_csv(session: Session) -> None:
    a = factories.submitted_comment(session)
    b = factories.submitted_comment(session, "=HYPERLINK(\"http://x\") is what spam looks like")
    decide(session=session, actor=MOD_A, comment_id=a.id, lock_version=a.lock_version, action="publish")
    decide(session=session, actor=MOD_A, comment_id=b.id, lock_version=b.lock_version,
           action="reject", reason_code="spam")
    session.commit()
    actions = [e.action for e in session.exec(select(AuditEvent).order_by(AuditEvent.id)).all()]
    assert actions == ["engagement.publish", "engagement.reject"]
    assert verify_chain(session).ok
    rows = moderation_log(session=session, actor=Actor(subject="c@x", roles=frozenset({Role.COMMISSIONER})))
    assert [r["action"] for r in rows] == ["Publish", "Do not publish"]
    assert {r["about"] for r in rows} == {"The portal in general"}
    csv = to_csv(rows, ["decided_at", "comment_id", "action", "reason", "moderator"]).decode("utf-8-sig")
    assert "spam" in csv and "HYPERLINK" not in csv  # the log carries no resident text
    with pytest.raises(PermissionDenied):
        moderation_log(session=session, actor=STAFF)


def test_monthly_statistics_count_by_public_reason(session: Session) -> None:
    cs = [factories.submitted_comment(session, f"Comment number {i} about the drones.") for i in range(4)]
    decide(session=session, actor=MOD_A, comment_id=cs[0].id, lock_version=cs[0].lock_version, action="publish")
    decide(session=session, actor=MOD_A, comment_id=cs[1].id, lock_version=cs[1].lock_version,
           action="reject", reason_code="spam")
    decide(session=session, actor=MOD_A, comment_id=cs[2].id, lock_version=cs[2].lock_version,
           action="reject", reason_code="spam")
    [month] = monthly_statistics(session=session, actor=RESIDENT)
    assert (month.received, month.published, month.not_published, month.awaiting) == (4, 1, 2, 1)
    assert month.reasons == {"Commercial advertising or spam.": 2}


def test_monthly_statistics_count_by_the_county_s_months(session: Session) -> None:
    """Counted in the database by the county's calendar (America/Los_Angeles by default): an
    instant early on 1 March in UTC is still February there, across the change to summer time
    and the turn of a year, and a month with no comment is left out."""
    from datetime import UTC, datetime

    def at(text: str, when: datetime, **kw) -> None:
        factories.stored_comment(session, text, submitted_at=when, **kw)

    at("a", datetime(2025, 12, 31, 12, tzinfo=UTC))
    at("b", datetime(2026, 1, 1, 7, 59, tzinfo=UTC))  # 23:59 on 31 December in the county
    at("c", datetime(2026, 1, 1, 8, 0, tzinfo=UTC), state="rejected", public_reason="Spam.")
    at("d", datetime(2026, 3, 1, 7, 59, tzinfo=UTC), state="pending")  # still February
    at("e", datetime(2026, 4, 1, 6, 59, tzinfo=UTC))  # summer time: 23:59 on 31 March
    at("f", datetime(2026, 4, 1, 7, 0, tzinfo=UTC), state="rejected")
    session.commit()
    months = monthly_statistics(session=session, actor=RESIDENT)
    assert [(m.month, m.received, m.published, m.not_published, m.awaiting, m.reasons)
            for m in months] == [
        ("2026-04", 1, 0, 1, 0, {"No reason recorded": 1}),
        ("2026-03", 1, 1, 0, 0, {}),
        ("2026-02", 1, 0, 0, 1, {}),
        ("2026-01", 1, 0, 1, 0, {"Spam.": 1}),
        ("2025-12", 2, 2, 0, 0, {}),
    ]


def test_queue_puts_flagged_comments_first_and_filters(session: Session) -> None:
    plain = factories.submitted_comment(session, "Please publish the camera audit every year.")
    flagged = factories.submitted_comment(session, PHONE_TEXT)
    queue = moderation_queue(session=session, actor=MOD_A)
    assert [c.id for c in queue] == [flagged.id, plain.id]
    assert [c.id for c in moderation_queue(session=session, actor=MOD_A, flag_kind="pii")] == [flagged.id]


def test_queue_puts_the_most_flagged_first_then_the_longest_waiting(session: Session) -> None:
    quiet_old = factories.submitted_comment(session, "Please publish the camera audit every year.")
    quiet_old.submitted_at -= timedelta(days=3)
    phone = factories.submitted_comment(session, PHONE_TEXT)
    quiet_new = factories.submitted_comment(session, "Post the drone flight logs monthly, please.")
    session.flush()
    assert (quiet_old.urgency, phone.urgency) == (0, 1)  # kept from the flags by the model
    order = [c.id for c in moderation_queue(session=session, actor=MOD_A)]
    assert order == [phone.id, quiet_old.id, quiet_new.id]
    assert [c.id for c in moderation_queue(session=session, actor=MOD_A, flag_kind="pii")] == [phone.id]
    assert [c.id for c in moderation_queue(session=session, actor=MOD_A, limit=2)] == order[:2]


def test_the_moderation_log_names_each_comments_record(session: Session) -> None:
    tech = factories.technology(session, name="Street cameras", open_days=5)
    c = factories.submitted_comment(session, "Keep it short.", target_type="notice", target_id=tech.id)
    decide(session=session, actor=MOD_A, comment_id=c.id, lock_version=c.lock_version, action="publish")
    session.commit()
    rows = moderation_log(session=session, actor=Actor(subject="c@x", roles=frozenset({Role.COMMISSIONER})))
    assert [r["about"] for r in rows] == ["Surveillance technology notice: Street cameras"]


# ---------------------------------------------------------------------------
# At county scale (issue 18): a true count, and only the listed comments' decisions
# ---------------------------------------------------------------------------

def _many_waiting(session: Session, n: int, *, state: str = "pending", flags=None,
                  target_type: str = "general") -> list[int]:
    """``n`` comments inserted at once, as the scale bench inserts them."""
    import secrets

    import sqlalchemy as sa

    from portal.base import utcnow
    from portal.engagement.models import urgency

    flags = flags or []
    now = utcnow()
    rows = [{"target_type": target_type, "target_id": None, "raw_text": f"Comment {i}.",
             "redacted_text": f"Comment {i}.", "language": "en", "state": state,
             "receipt_code": secrets.token_hex(8), "flags": flags, "urgency": urgency(flags),
             "submitted_at": now - timedelta(minutes=i), "lock_version": 1} for i in range(n)]
    session.execute(sa.insert(Comment.__table__), rows)
    session.commit()
    return list(session.exec(select(Comment.id).where(Comment.receipt_code.in_(
        [r["receipt_code"] for r in rows]))).all())


def test_the_waiting_count_is_true_beyond_the_queues_limit(session: Session) -> None:
    from portal.engagement.queue import waiting_count

    phone = [{"kind": "pii:phone", "score": 1.0, "spans": [[0, 3]]}]
    _many_waiting(session, 480)
    _many_waiting(session, 43, flags=phone, target_type="notice")
    _many_waiting(session, 12, state="escalated")
    _many_waiting(session, 30, state="published")
    assert len(moderation_queue(session=session, actor=MOD_A)) == 500  # the list stops ...
    assert waiting_count(session=session, actor=MOD_A) == 535  # ... the count does not
    assert waiting_count(session=session, actor=MOD_A, states=("pending",)) == 523
    assert waiting_count(session=session, actor=MOD_A, states=("escalated",)) == 12
    assert waiting_count(session=session, actor=MOD_A, flag_kind="pii") == 43
    assert waiting_count(session=session, actor=MOD_A, flag_kind="spam") == 0
    assert waiting_count(session=session, actor=MOD_A, target_type="notice") == 43
    assert len(moderation_queue(session=session, actor=MOD_A, flag_kind="pii")) == 43
    with pytest.raises(PermissionDenied):
        waiting_count(session=session, actor=STAFF)


def test_earlier_decisions_are_read_for_the_listed_comments_only(session: Session) -> None:
    from portal.engagement.decisions import decision_count, earlier_decisions
    from portal.engagement.referrals import commission_decide

    commissioner = Actor(subject="c@x", roles=frozenset({Role.COMMISSIONER}))
    referred, returned, other = (factories.submitted_comment(session, f"Comment {n} on drones.")
                                 for n in ("one", "two", "three"))
    for c in (referred, returned, other):
        decide(session=session, actor=MOD_A, comment_id=c.id, lock_version=c.lock_version,
               action="escalate", note="For the commission.")
    commission_decide(session=session, actor=commissioner, comment_id=returned.id,
                      lock_version=returned.lock_version, action="return", note="Yours to decide.")
    decided = [factories.submitted_comment(session, f"Decided comment {i}.") for i in range(5)]
    for c in decided:
        decide(session=session, actor=MOD_B, comment_id=c.id, lock_version=c.lock_version,
               action="publish")
    session.commit()
    assert decision_count(session=session, actor=MOD_A) == 3 + 1 + 5
    found = earlier_decisions(session=session, actor=MOD_A,
                              comment_ids=[referred.id, returned.id])
    assert set(found) == {referred.id, returned.id}  # no other comment's decisions were read
    assert [d.action for d in found[referred.id]] == ["escalate"]
    assert [(d.action, d.reason) for d in found[returned.id]] == [
        ("escalate", "For the commission."), ("commission_return", "Yours to decide.")]
    assert found[returned.id][1].moderator == "c@x"
    assert earlier_decisions(session=session, actor=MOD_A, comment_ids=[]) == {}
    with pytest.raises(PermissionDenied):
        earlier_decisions(session=session, actor=STAFF, comment_ids=[referred.id])
