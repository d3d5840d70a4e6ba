"""Submitting comments: screened before storing, receipts, what residents may see."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from portal.auth.roles import RESIDENT, Actor, Role
from portal.base import utcnow
from portal.engagement.comments import (
    CommentStatus,
    PublicComment,
    SubmissionRefused,
    comment_status,
    preview_comment,
    published_comments,
    submit_comment,
)
from portal.engagement.decisions import awaiting_response, decide
from portal.engagement.limits import RateLimited
from portal.engagement.models import Comment, SubmissionBucket
from portal.errors import NotFound, ValidationFailed
from portal.geography.models import District
from tests import factories

PHONE_TEXT = "Stop the drone program. Call me at 503-248-7731 if you want to talk."
MODERATOR = Actor(subject="mod@alder.example", roles=frozenset({Role.MODERATOR}))


def test_preview_names_the_personal_data_and_stores_nothing(session: Session) -> None:
    preview = preview_comment(session=session, actor=RESIDENT, text=PHONE_TEXT)
    assert [p.kind for p in preview.personal_data] == ["pii:phone"]
    assert "503-248-7731" not in preview.redacted
    assert "[phone removed]" in preview.redacted
    assert session.exec(select(Comment)).all() == []


def test_personal_data_must_be_confirmed_before_it_is_stored(session: Session) -> None:
    with pytest.raises(ValidationFailed, match="phone number"):
        submit_comment(session=session, actor=RESIDENT, target_type="general", text=PHONE_TEXT)
    assert session.exec(select(Comment)).all() == []
    receipt = submit_comment(session=session, actor=RESIDENT, target_type="general",
                             text=PHONE_TEXT, personal_data_confirmed=True)
    comment = session.exec(select(Comment)).one()
    assert comment.receipt_code == receipt.code and comment.state == "pending"
    assert comment.raw_text == PHONE_TEXT
    assert "503-248-7731" not in comment.redacted_text
    assert {f["kind"] for f in comment.flags} == {"pii:phone"}
    assert comment.author_ref is None


def test_a_clean_comment_needs_no_confirmation(session: Session) -> None:
    receipt = submit_comment(session=session, actor=RESIDENT, target_type="general",
                             text="Publish the licence plate reader audit, please.", position="oppose")
    assert len(receipt.code) == 14 and receipt.code.count("-") == 2


def test_pending_then_published_then_status(session: Session) -> None:
    district = District(code="D9", name="Riverside")
    session.add(district)
    session.flush()
    comment = factories.submitted_comment(session, PHONE_TEXT, name="Ana Ruiz", email="ana@example.org",
                                          district_id=district.id)
    status = comment_status(session=session, actor=RESIDENT, receipt_code=comment.receipt_code.lower())
    assert status.state == "pending" and status.published_text is None
    decide(session=session, actor=MODERATOR, comment_id=comment.id, lock_version=comment.lock_version,
           action="publish")
    status = comment_status(session=session, actor=RESIDENT, receipt_code=comment.receipt_code)
    assert status.state == "published"
    assert status.published_text is not None and "[phone removed]" in status.published_text
    public = published_comments(session=session, actor=RESIDENT, target_type="general")
    assert [p.district for p in public] == ["Riverside"]


def test_a_resident_never_receives_raw_text_or_contact_details(session: Session) -> None:
    comment = factories.submitted_comment(session, PHONE_TEXT, name="Ana Ruiz", email="ana@example.org")
    decide(session=session, actor=MODERATOR, comment_id=comment.id, lock_version=comment.lock_version,
           action="publish")
    rejected = factories.submitted_comment(session, "You are all idiots, call 503-248-7731")
    decide(session=session, actor=MODERATOR, comment_id=rejected.id, lock_version=rejected.lock_version,
           action="reject", reason_code="profanity")
    seen: list[object] = [
        *published_comments(session=session, actor=RESIDENT, target_type="general"),
        comment_status(session=session, actor=RESIDENT, receipt_code=comment.receipt_code),
        comment_status(session=session, actor=RESIDENT, receipt_code=rejected.receipt_code),
    ]
    assert len(seen) == 3
    for item in seen:
        assert isinstance(item, PublicComment | CommentStatus)
        fields = {f.name for f in dataclasses.fields(item)}
        assert not fields & {"raw_text", "name", "email", "author_ref", "flags"}
        values = " ".join(str(v) for v in dataclasses.asdict(item).values())
        for secret in ("503-248-7731", "Ana Ruiz", "ana@example.org", "idiots"):
            assert secret not in values
    assert seen[2].public_reason.startswith("Contains profanity")


def test_staff_answering_comments_never_receive_raw_text_or_contact_details(session: Session) -> None:
    comment = factories.submitted_comment(session, PHONE_TEXT, name="Ana Ruiz", email="ana@example.org")
    decide(session=session, actor=MODERATOR, comment_id=comment.id, lock_version=comment.lock_version,
           action="publish")
    staff = Actor(subject="clerk@alder.example", roles=frozenset({Role.STAFF}))
    (item,) = awaiting_response(session=session, actor=staff)
    fields = {f.name for f in dataclasses.fields(item)}
    assert not fields & {"raw_text", "name", "email", "author_ref", "flags"}
    values = " ".join(str(v) for v in dataclasses.asdict(item).values())
    for secret in ("503-248-7731", "Ana Ruiz", "ana@example.org"):
        assert secret not in values
    assert item.id == comment.id and "[phone removed]" in item.redacted_text


def test_unknown_receipt_is_not_found(session: Session) -> None:
    with pytest.raises(NotFound):
        comment_status(session=session, actor=RESIDENT, receipt_code="AAAA-BBBB-CCCC")


def test_length_limits_are_stated_and_enforced(session: Session) -> None:
    with pytest.raises(ValidationFailed, match="limited to 5,000 characters; yours has 100,000"):
        submit_comment(session=session, actor=RESIDENT, target_type="general", text="a" * 100_000)
    with pytest.raises(ValidationFailed, match="write your comment"):
        submit_comment(session=session, actor=RESIDENT, target_type="general", text="  ")
    with pytest.raises(ValidationFailed, match="e-mail"):
        submit_comment(session=session, actor=RESIDENT, target_type="general",
                       text="A fine comment.", email="not an address")
    assert session.exec(select(Comment)).all() == []


def test_hostile_text_is_stored_as_given_and_published_as_text(session: Session) -> None:
    hostile = "<script>alert(1)</script> [click](javascript:x) ![img](http://evil/x.png) \u202eevil\u200b"
    comment = factories.submitted_comment(session, hostile)
    assert comment.raw_text == hostile.strip()


def test_notice_comment_period_boundaries(session: Session) -> None:
    now = utcnow()
    tech = factories.technology(session, comment_opens_at=now - timedelta(days=10),
                                comment_closes_at=now)
    ok = submit_comment(session=session, actor=RESIDENT, target_type="notice", target_id=tech.id,
                        text="Please keep the cameras off my street.", now=now - timedelta(seconds=1))
    assert ok.state == "pending"
    for moment, message in ((now, "has closed"), (now + timedelta(seconds=1), "has closed"),
                            (now - timedelta(days=11), "has not opened")):
        with pytest.raises(ValidationFailed, match=message):
            submit_comment(session=session, actor=RESIDENT, target_type="notice", target_id=tech.id,
                           text="Please keep the cameras off my street.", now=moment)
    # A draft is refused like a closed notice, so the refusal does not reveal it exists.
    draft = factories.technology(session, open_days=5, is_published=False)
    with pytest.raises(ValidationFailed, match="not open for comment"):
        submit_comment(session=session, actor=RESIDENT, target_type="notice", target_id=draft.id,
                       text="Please keep the cameras off my street.")
    assert len(session.exec(select(Comment)).all()) == 1


def test_practice_and_indicator_targets(session: Session) -> None:
    practice = factories.practice(session)
    submit_comment(session=session, actor=RESIDENT, target_type="practice", target_id=practice.id,
                   text="Why does this go to the state every month?")
    with pytest.raises(NotFound):
        submit_comment(session=session, actor=RESIDENT, target_type="practice", target_id=99999,
                       text="Why does this go to the state every month?")
    with pytest.raises(ValidationFailed, match="target_type"):
        submit_comment(session=session, actor=RESIDENT, target_type="weather", text="Nice day.")


def test_honeypot_refuses_with_a_plain_explanation(session: Session) -> None:
    with pytest.raises(SubmissionRefused, match="meant to stay empty"):
        submit_comment(session=session, actor=RESIDENT, target_type="general",
                       text="Buy cheap watches", website="http://spam.example")
    assert session.exec(select(Comment)).all() == []


def test_rate_limits_per_session_and_network_store_only_salted_hashes(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PORTAL_COMMENTS_PER_SESSION_HOUR", "2")
    monkeypatch.setenv("PORTAL_COMMENTS_PER_NETWORK_HOUR", "3")
    now = utcnow()

    def send(token: str, network: str = "198.51.100.7") -> None:
        with session.begin_nested():
            submit_comment(session=session, actor=RESIDENT, target_type="general",
                           text=f"Comment from {token} about data sharing.",
                           session_token=token, network=network, now=now)

    send("tab-1")
    send("tab-1")
    with pytest.raises(RateLimited, match="this browser"):
        send("tab-1")
    send("tab-2")
    with pytest.raises(RateLimited, match="your network"):
        send("tab-3")
    send("tab-3", network="203.0.113.9")
    session.commit()
    assert len(session.exec(select(Comment)).all()) == 4
    stored = " ".join(str(v) for row in session.execute(sa.select(SubmissionBucket.__table__)).all() for v in row)
    for raw in ("tab-1", "tab-2", "198.51.100.7", "203.0.113.9"):
        assert raw not in stored
    from portal.encryption import salted_hash
    from portal.engagement.limits import bucket_key, purge_buckets
    from portal.engagement.models import RateLimitSecret

    keys = {row.key_hash for row in session.exec(select(SubmissionBucket)).all()}
    today = bucket_key(session, "network:198.51.100.7", now.date())
    assert today in keys
    # Keyed with a random secret of its own, not one derived from the encryption keys: whoever
    # holds the database and the keys cannot try all IPv4 addresses against the buckets.
    assert salted_hash("network:198.51.100.7", now.date()) not in keys
    # Tomorrow the same network keys differently, and today's secret is gone with the day:
    # nobody can link the buckets across days, or recompute today's, afterwards.
    tomorrow = (now + timedelta(days=1)).date()
    assert bucket_key(session, "network:198.51.100.7", tomorrow) != today
    assert session.exec(select(RateLimitSecret.day)).all() == [tomorrow]
    purge_buckets(session, now=now + timedelta(days=2))
    assert session.exec(select(RateLimitSecret)).all() == []


def test_a_meeting_takes_comments_unless_cancelled_or_unknown(session: Session) -> None:
    held = factories.meeting(session, status="scheduled")
    cancelled = factories.meeting(session, status="cancelled")
    stored = factories.submitted_comment(session, "Please stream the meeting.",
                                         target_type="meeting", target_id=held.id)
    assert stored.target_id == held.id
    with pytest.raises(ValidationFailed):
        factories.submitted_comment(session, "x y z", target_type="meeting",
                                    target_id=cancelled.id)
    with pytest.raises(NotFound):
        factories.submitted_comment(session, "x y z", target_type="meeting", target_id=987654)


def test_a_submission_sent_twice_with_its_receipt_code_is_stored_once(session: Session) -> None:
    """The form fixes the receipt code before the first attempt: pressing Send again after a
    dropped connection answers with the first receipt and stores nothing more."""
    from portal.engagement.comments import new_receipt_code

    code = new_receipt_code()

    def send(text: str = "Please publish the drone flight logs every month.") -> object:
        return submit_comment(session=session, actor=RESIDENT, target_type="general", text=text,
                              receipt_code=code.lower(), session_token="tab-9")

    first = send()
    session.commit()
    again = send()
    session.commit()
    assert first == again and first.code == code
    assert len(session.exec(select(Comment)).all()) == 1
    with pytest.raises(ValidationFailed, match="belongs to another comment"):
        send("A different comment under the same code.")
    with pytest.raises(ValidationFailed, match="not a receipt code"):
        submit_comment(session=session, actor=RESIDENT, target_type="general",
                       text="Made-up code.", receipt_code="AAAA-BBBB-CCC0")


def test_two_attempts_racing_with_one_receipt_code_store_one_comment(engine) -> None:  # type: ignore[no-untyped-def]
    """Both attempts of one submission arrive at once (a retry while the first is still
    running): each in its own transaction, as two server threads would run them."""
    import threading

    from portal.engagement.comments import new_receipt_code

    code = new_receipt_code()
    results: list[object] = []
    start = threading.Barrier(2)

    def attempt() -> None:
        with Session(engine) as own:
            start.wait()
            receipt = submit_comment(session=own, actor=RESIDENT, target_type="general",
                                     text="Keep the camera footage for thirty days at most.",
                                     receipt_code=code)
            own.commit()
            results.append(receipt)

    threads = [threading.Thread(target=attempt) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(results) == 2 and results[0] == results[1]
    with Session(engine) as check:
        assert len(check.exec(select(Comment).where(Comment.receipt_code == code)).all()) == 1
