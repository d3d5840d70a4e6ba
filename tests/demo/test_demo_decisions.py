"""The demo's decisions are in the audit record (issue 15).

The audit log showed one event (the load) while the moderation log held 22 decisions: the
demo wrote its decisions as rows. Now the seeds make them through the moderators' and
staff's own services, which append to the hash chain.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

import portal.models  # noqa: F401  (complete metadata)
from portal.audit.checkpoints import document, sign_checkpoint, verify_checkpoint
from portal.audit.models import AuditCheckpoint, AuditEvent, RecordVersion
from portal.audit.service import verify_chain
from portal.auth.roles import Actor, Role
from portal.db import make_engine
from portal.demo import demo_data_dir, load_demo
from portal.engagement.models import Comment, ModerationDecision
from portal.engagement.policy import REJECTION_REASONS
from portal.errors import ValidationFailed

ADMIN = Actor(subject="admin@example.org", roles=frozenset({Role.ADMIN}))


@pytest.fixture(scope="module")
def demo(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    """One fresh SQLite database with the demo county loaded, read by every test here."""
    path = tmp_path_factory.mktemp("demo") / "portal.db"
    shutil.copy(sqlite_template, path)
    engine: Engine = make_engine(f"sqlite:///{path}")
    with Session(engine, expire_on_commit=False) as session:
        load_demo(session=session, actor=ADMIN)
        session.commit()
        yield session
    engine.dispose()


def _events(session: Session, *actions: str) -> list[AuditEvent]:
    return list(session.exec(select(AuditEvent).where(AuditEvent.action.in_(actions))
                             .order_by(AuditEvent.id)).all())


DECISION_EVENTS = ("engagement.publish", "engagement.publish_redacted", "engagement.reject",
                   "engagement.escalate")


def test_each_moderation_decision_has_its_audit_event(demo: Session) -> None:
    decisions = demo.exec(select(ModerationDecision)
                          .order_by(ModerationDecision.decided_at, ModerationDecision.id)).all()
    events = _events(demo, *DECISION_EVENTS)
    assert len(decisions) >= 20
    assert len(events) == len(decisions)
    # Same comment, same decision, same moderator, appended in the order they were made.
    assert [(e.entity_type, e.entity_id, e.action, e.actor) for e in events] == [
        ("comment", str(d.comment_id), f"engagement.{d.action}", d.moderator) for d in decisions]
    assert {e.actor_roles for e in events} == {"moderator"}
    for event, decision in zip(events, decisions, strict=True):
        assert event.detail["reason"] == decision.reason


def test_the_chain_verifies_and_its_checkpoint_too(demo: Session) -> None:
    report = verify_chain(demo)
    assert report.ok, report
    assert report.events == len(demo.exec(select(AuditEvent)).all())
    # The load is recorded last, after the decisions it made.
    last = demo.exec(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert last is not None and last.action == "demo.load"
    checkpoint = demo.exec(select(AuditCheckpoint)).one()  # the day's first, at the first event
    assert verify_checkpoint(demo, document(checkpoint)).ok
    # ... and one signed at the end covers every demo event.
    assert verify_checkpoint(demo, document(sign_checkpoint(demo))).ok
    demo.rollback()


def test_states_follow_from_the_decisions(demo: Session) -> None:
    comments = {c.id: c for c in demo.exec(select(Comment)).all()}
    decided = {d.comment_id for d in demo.exec(select(ModerationDecision)).all()}
    assert {i for i, c in comments.items() if c.state != "pending"} == decided
    # Rejections carry the public moderation policy's own words, as the service writes them.
    policy_words = {r.public_text for r in REJECTION_REASONS.values()}
    rejected = [c for c in comments.values() if c.state == "rejected"]
    assert rejected and all(c.public_reason in policy_words for c in rejected)
    assert all(c.published_at is not None for c in comments.values() if c.state == "published")


def test_official_responses_are_audited_and_keep_their_day(demo: Session) -> None:
    answered = demo.exec(select(Comment).where(Comment.official_response.is_not(None))
                         .order_by(Comment.id)).all()
    events = _events(demo, "engagement.respond")
    assert answered
    assert sorted((e.entity_id, e.actor) for e in events) == sorted(
        (str(c.id), c.official_response_by) for c in answered)
    assert {e.actor_roles for e in events} == {"staff"}
    for c in answered:
        assert c.published_at < c.official_response_at < c.published_at.replace(year=c.published_at.year + 1)
    versions = demo.exec(select(RecordVersion).where(RecordVersion.record_type == "comment")).all()
    assert sorted(v.record_id for v in versions) == sorted(c.id for c in answered)


def test_every_audited_demo_action_is_a_decision_or_the_load(demo: Session) -> None:
    actions = Counter(demo.exec(select(AuditEvent.action)).all())
    assert set(actions) <= {*DECISION_EVENTS, "engagement.respond", "demo.load"}
    assert actions["demo.load"] == 1


# ---------------------------------------------------------------------------
# Files that would need a decision the services refuse are refused before writing
# ---------------------------------------------------------------------------

def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "demo"
    shutil.copytree(demo_data_dir(), target)
    return target


def _edit(data: Path, name: str, change) -> None:
    rows = json.loads((data / name).read_text(encoding="utf-8"))
    change(rows)
    (data / name).write_text(json.dumps(rows), encoding="utf-8")


def _first(comments: list[dict], action: str) -> dict:
    return next(c for c in comments if c["moderation"] and c["moderation"][0]["action"] == action)


@pytest.mark.parametrize("change, field", [
    (lambda cs: _first(cs, "reject")["moderation"][0].update(reason="I did not like it."),
     "comments.moderation.reason"),
    (lambda cs: _first(cs, "escalate")["moderation"][0].update(reason=None),
     "comments.moderation.reason"),
    (lambda cs: _first(cs, "publish").update(state="rejected"), "comments.state"),
    (lambda cs: _first(cs, "publish")["moderation"][0].update(action="commission_publish"),
     "comments.moderation.action"),
    (lambda cs: next(c for c in cs if c["state"] == "pending").update(
        official_response={"text": "Thanks.", "by": "x@example.org", "days_ago": 0.1}),
     "comments.official_response"),
], ids=["rejected-for-no-policy-reason", "referred-without-a-reason",
        "state-not-what-its-decisions-give", "a-decision-moderators-cannot-make",
        "answer-to-an-unpublished-comment"])
def test_undecidable_demo_files_are_refused_before_anything_is_written(
    session: Session, tmp_path: Path, change, field: str,
) -> None:
    data = _copy(tmp_path)
    _edit(data, "comments.json", change)
    with pytest.raises(ValidationFailed) as error:
        load_demo(session=session, actor=ADMIN, data_dir=data)
    assert field in {e.field for e in error.value.errors}
    session.rollback()
    assert session.exec(select(Comment)).first() is None


def test_a_published_survey_excerpt_is_a_moderators_audited_decision(
    session: Session, tmp_path: Path,
) -> None:
    data = _copy(tmp_path)
    excerpt = "I want to know who sees my answers. [phone removed]"

    def publish_one(surveys: list[dict]) -> None:
        survey = surveys[0]
        text = {n for n, q in enumerate(survey["questions"], start=1) if q["kind"] == "long_text"}
        for response in survey["responses"]:
            for answer in response["answers"]:
                if answer["question"] in text:
                    answer["value"] = "I want to know who sees my answers. 503-555-0199"
                    answer["redacted_value"] = excerpt
                    return
        raise AssertionError("no free-text answer in the demo survey")

    _edit(data, "surveys.json", publish_one)
    load_demo(session=session, actor=ADMIN, data_dir=data)
    session.commit()
    comment = session.exec(select(Comment).where(Comment.target_type == "survey",
                                                 Comment.state == "published")).one()
    assert comment.redacted_text == excerpt
    decision = session.exec(select(ModerationDecision)
                            .where(ModerationDecision.comment_id == comment.id)).one()
    assert decision.action == "publish_redacted"
    event = session.exec(select(AuditEvent).where(AuditEvent.entity_id == str(comment.id),
                                                  AuditEvent.entity_type == "comment")).one()
    assert event.action == "engagement.publish_redacted"
    assert verify_chain(session).ok
