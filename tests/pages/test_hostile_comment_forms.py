"""Hostile text through the comment forms (issue 14): a resident's comment on each kind of
record, then the moderator's decision and note, the county's official response and the
commission's note. Each is stored as typed or refused with a message; every page that shows
it again shows it as text."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from portal.auth.roles import Actor, Role
from portal.engagement.decisions import decide
from portal.engagement.models import Comment, ModerationDecision
from tests import factories, hostile
from tests.apptest import run_script
from tests.pages.hostile_forms import (
    NULLS,
    OVER_LIMIT,
    TEXTS,
    assert_inert,
    assert_refused_null,
    by_label,
    figures,
    fits,
    stored,
)

COMMENT = "Your comment (required)"
NAME = "Your name (optional, never published)"
EMAIL = "Your e-mail (optional, never published; only if you want staff to be able to reply)"
#: The whole corpus in one comment, one string a line (the 20,000-character line is over the
#: limit: it is the paste below).
WHOLE = fits(5_000)
MODERATOR = Actor(subject="mod@alder-county.example", roles=frozenset({Role.MODERATOR}))


def _page(session: Session, kind: str) -> tuple[str, dict[str, str], str, int | None]:
    """A record of ``kind`` open for comment: its page, the address, and the comment's target."""
    if kind == "general":
        return "app_pages/have_your_say.py", {}, "general", None
    if kind == "notice":
        tech = factories.technology(session, slug="street-cameras", open_days=9)
        return "app_pages/notice.py", {"technology": tech.slug}, "notice", tech.id
    if kind == "practice":
        practice = factories.practice(session)
        return "app_pages/inventory.py", {"practice": str(practice.id)}, "practice", practice.id
    indicator = factories.indicator(session, "evictions", is_published=True)
    figures(session, "evictions")  # an indicator takes comments once it has figures
    return "app_pages/indicators.py", {"indicator": "evictions"}, "indicator", indicator.id


def _send(at, text: str, **fields: str):  # type: ignore[no-untyped-def]
    by_label(at.text_area, COMMENT).set_value(text)
    for label, value in fields.items():
        by_label(at.text_input, label).set_value(value)
    return by_label(at.button, "Check and send").click().run()


@pytest.mark.parametrize("kind", ["general", "notice", "practice", "indicator"])
def test_a_hostile_comment_is_kept_as_typed_and_published_inert(session: Session,
                                                                 kind: str) -> None:
    script, query, target_type, target_id = _page(session, kind)
    session.commit()
    name = fits(200)
    at = run_script(script, query=query)
    _send(at, WHOLE, **{NAME: name})
    assert not at.exception, [e.value for e in at.exception]
    [comment] = session.exec(select(Comment)).all()
    assert any(comment.receipt_code in s.value for s in at.success), [e.value for e in at.error]
    assert (comment.target_type, comment.target_id) == (target_type, target_id)
    assert comment.raw_text == stored(WHOLE) and comment.name == stored(name)

    decide(session=session, actor=MODERATOR, comment_id=comment.id,
           lock_version=comment.lock_version, action="publish")
    session.commit()
    at.run()  # published on the record's own page, beside a fresh form
    assert_inert(at, [comment.redacted_text])


def test_the_comment_form_refuses_what_it_cannot_keep_and_says_why(session: Session) -> None:
    at = run_script("app_pages/have_your_say.py")
    # A null character is not text: refused, with the reason, and nothing stored.
    _send(at, f"Please publish the audit. {NULLS[0]}")
    assert not at.exception
    assert any("null character" in e.value for e in at.error), [e.value for e in at.error]
    # An e-mail field holding markup is not an address.
    _send(at, "Please publish the audit.", **{EMAIL: hostile.named("script-tag")})
    assert any("e\\-mail address" in e.value or "e-mail address" in e.value for e in at.error)
    assert session.exec(select(Comment)).all() == []
    # Over the limit by one, and a 1 MB paste: the first 5,000 characters kept in the box,
    # the limit said, nothing sent until it is shortened.
    for pasted in (OVER_LIMIT, hostile.megabyte_field()):
        _send(at, pasted)
        assert not at.exception
        told = " ".join(w.value for w in at.warning)
        assert f"{len(pasted):,} characters" in told and "first 5,000" in told, told
        assert by_label(at.text_area, COMMENT).value == pasted[:5_000]
        assert session.exec(select(Comment)).all() == []


def test_moderators_decisions_notes_and_the_official_response_keep_hostile_text(
        session: Session) -> None:
    comment = factories.submitted_comment(session, WHOLE)
    session.commit()
    queue = run_script("app_pages/moderation_queue.py", Role.MODERATOR)
    # What the resident wrote, as moderators read it: as text, bidi controls named.
    assert_inert(queue, [WHOLE])

    edited, note = fits(5_000, TEXTS[::-1]), fits(500)
    by_label(queue.radio, "Decision").set_value("publish_redacted")
    by_label(queue.text_input, "Note for the moderation log (required to edit, refer, or for "
                               "some reasons)").set_value(note)
    redaction = by_label(queue.text_area, "Text to publish (edit the redaction if needed)")
    redaction.set_value(f"{edited}{NULLS[0]}")
    by_label(queue.button, "Record decision").click().run()
    assert_refused_null(queue)
    by_label(queue.text_area, "Text to publish (edit the redaction if needed)").set_value(edited)
    by_label(queue.button, "Record decision").click().run()
    assert not queue.exception, [e.value for e in queue.exception]
    assert any("recorded" in s.value for s in queue.success), [e.value for e in queue.error]
    session.expire_all()
    published = session.get(Comment, comment.id)
    assert published.state == "published" and published.redacted_text == stored(edited)
    decision = session.exec(select(ModerationDecision)).one()
    assert stored(note) in (decision.reason or "")  # the log's reason holds the note

    responses = run_script("app_pages/comment_responses.py", Role.STAFF)
    assert_inert(responses, [edited])  # the comment, as the public reads it
    response = fits(5_000, TEXTS[1::2])
    by_label(responses.text_area, "Official response").set_value(f"{response}{NULLS[0]}")
    by_label(responses.button, "Publish response").click().run()
    assert_refused_null(responses)
    by_label(responses.text_area, "Official response").set_value(response)
    by_label(responses.button, "Publish response").click().run()
    assert not responses.exception, [e.value for e in responses.exception]
    assert any("published beside the comment" in s.value for s in responses.success), \
        [e.value for e in responses.error]
    session.expire_all()
    assert session.get(Comment, comment.id).official_response == stored(response)

    public = run_script("app_pages/have_your_say.py")
    assert_inert(public, [edited, response])
    by_label(public.text_input, "Receipt code").set_value(comment.receipt_code)
    by_label(public.button, "Check status").click().run()
    assert_inert(public, [edited])  # "Published as:", from the receipt


def test_the_commission_reads_a_referred_hostile_comment_and_its_notes_as_text(
        session: Session) -> None:
    comment = factories.submitted_comment(session, WHOLE)
    note = fits(500, TEXTS[::-1])
    decide(session=session, actor=MODERATOR, comment_id=comment.id,
           lock_version=comment.lock_version, action="escalate", note=note)
    session.commit()
    desk = run_script("app_pages/commission_desk.py", Role.COMMISSIONER)
    assert_inert(desk, [WHOLE, note])  # the text as it would be published, the moderator's note
    reply = fits(500, TEXTS[1:])
    by_label(desk.radio, "The commission's decision").set_value("return")
    note_box = "Note (kept in the moderation log; required to return it)"
    by_label(desk.text_area, note_box).set_value(f"Look again: {NULLS[0]}")
    by_label(desk.button, "Record the decision").click().run()
    assert_refused_null(desk)
    by_label(desk.text_area, note_box).set_value(reply)
    by_label(desk.button, "Record the decision").click().run()
    assert not desk.exception, [e.value for e in desk.exception]
    assert not desk.error, [e.value for e in desk.error]
    session.expire_all()
    assert session.get(Comment, comment.id).state == "pending"
    logged = session.exec(select(ModerationDecision.reason)).all()
    assert any(stored(reply) in (reason or "") for reason in logged), logged
