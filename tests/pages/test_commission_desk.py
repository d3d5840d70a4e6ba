"""The commission's desk as commissioners, administrators and everyone else see it."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from portal.auth.roles import Actor, Role
from portal.engagement.decisions import decide
from portal.engagement.models import Comment
from portal.i18n import using_language
from tests import factories
from tests.apptest import plain, run_script, texts

MODERATOR = Actor(subject="mod@x.example", roles=frozenset({Role.MODERATOR}))
PAGE = "app_pages/commission_desk.py"


def refer(session: Session) -> Comment:
    comment = factories.submitted_comment(session, "The drone filmed my backyard, call me at "
                                          "503-555-0142.", name="Ana Resident")
    decide(session=session, actor=MODERATOR, comment_id=comment.id,
           lock_version=comment.lock_version, action="escalate", note="Privacy question.")
    session.commit()
    return comment


@pytest.mark.parametrize("role", [Role.COMMISSIONER, Role.ADMIN])
def test_the_commission_reads_redacted_text_and_publishes(session: Session, role: Role) -> None:
    comment = refer(session)
    at = run_script(PAGE, role)
    assert not at.exception
    shown = texts(at)
    assert f"Comment #{comment.id}" in shown
    assert "503-555-0142" not in shown and "Ana Resident" not in shown
    assert "Privacy question" in shown
    assert {m.label: m.value for m in at.metric}["Waiting for the commission"] == "1"
    next(b for b in at.button if b.label == "Record the decision").click()
    at.run()
    assert not at.exception
    session.expire_all()
    assert session.get(Comment, comment.id).state == "published"
    assert "No comment is waiting for the commission" in texts(at)


def test_not_publishing_without_a_reason_says_why_and_changes_nothing(session: Session) -> None:
    comment = refer(session)
    at = run_script(PAGE, Role.COMMISSIONER)
    at.radio[0].set_value("reject")
    next(b for b in at.button if b.label == "Record the decision").click()
    at.run()
    assert any("reason" in e.value for e in at.error)
    session.expire_all()
    assert session.get(Comment, comment.id).state == "escalated"


@pytest.mark.parametrize("role", [None, Role.STAFF, Role.MODERATOR])
def test_others_are_refused_by_the_service(session: Session, role: Role | None) -> None:
    comment = refer(session)
    at = run_script(PAGE, role)
    assert not at.exception
    assert any("may not do this: engagement.list_referred" in e.value for e in at.error)
    assert f"Comment #{comment.id}" not in texts(at)
    assert not at.button
    assert session.exec(select(Comment.state)).all() == ["escalated"]


def test_direction_controls_are_written_out_for_the_commission(session: Session) -> None:
    """A right-to-left override would show the commission a reversed text; they read it
    with the controls named, as moderators do."""
    comment = factories.submitted_comment(session, "Keep the footage \u202eyad eno\u202c only.")
    decide(session=session, actor=MODERATOR, comment_id=comment.id,
           lock_version=comment.lock_version, action="escalate", note="Odd text.")
    session.commit()
    at = run_script(PAGE, Role.COMMISSIONER)
    shown = "\n".join(t.value for t in at.text)
    assert "\u202e" not in shown
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in shown


def test_the_desk_shows_twenty_at_a_time_and_counts_them_all(session: Session) -> None:
    """1,300 referred comments at county scale each drew a form on every run (issue 18)."""
    comments = [refer(session) for _ in range(23)]
    at = run_script(PAGE, Role.COMMISSIONER)
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Waiting for the commission"] == "23"
    shown = texts(at)
    assert f"Comment #{comments[19].id}" in shown and f"Comment #{comments[20].id}" not in shown
    assert "The longest referred first: 20 of 23 shown." in shown
    more = next(b for b in at.button if b.label == "Show 3 more referred comments (3 not yet shown)")
    more.click().run()
    assert not at.exception
    assert f"Comment #{comments[22].id}" in texts(at)
    assert not any(b.label.startswith("Show") for b in at.button)


def test_the_desk_in_spanish_asks_for_a_note_to_return(session: Session) -> None:
    comment = refer(session)
    at = run_script(PAGE, Role.COMMISSIONER, query={"lang": "es"})
    assert not at.exception
    shown = texts(at)
    assert "Remitidos a la comisión" in shown and f"Comentario n.º {comment.id}" in shown
    assert "Referred to the commission" not in shown and "Moderators refer" not in shown
    assert {m.label: m.value for m in at.metric}["En espera de la comisión"] == "1"
    assert at.radio[0].label == "Decisión de la comisión"
    with using_language("es"):
        at.radio[0].set_value("return")
        next(b for b in at.button if b.label == "Registrar la decisión").click().run()
    assert any("nota: indique qué deben revisar de nuevo los moderadores" in plain(e.value)
               for e in at.error)
    session.expire_all()
    assert session.get(Comment, comment.id).state == "escalated"
