"""Staff write official responses; other roles are refused by the service."""

from __future__ import annotations

from sqlmodel import Session

from portal.auth.roles import RESIDENT, Actor, Role
from portal.engagement.comments import published_comments
from portal.engagement.decisions import decide
from portal.i18n import using_language
from tests import factories
from tests.apptest import plain, run_script, texts


def _published(session: Session):
    c = factories.submitted_comment(session, "When is the camera audit published?")
    decide(session=session, actor=Actor(subject="m@x", roles=frozenset({Role.MODERATOR})),
           comment_id=c.id, lock_version=c.lock_version, action="publish")
    session.commit()
    return c


def test_staff_respond_and_residents_see_it(session: Session) -> None:
    _published(session)
    at = run_script("app_pages/comment_responses.py", Role.STAFF)
    assert not at.exception
    at.text_area[0].set_value("Every March, on the notices page.")
    at.button[0].click().run()
    assert any("published beside the comment" in s.value for s in at.success)
    [public] = published_comments(session=session, actor=RESIDENT, target_type="general")
    assert public.official_response == "Every March, on the notices page."
    at = run_script("app_pages/have_your_say.py")
    assert any("Every March, on the notices page" in i.value for i in at.info)


def test_other_roles_are_refused(session: Session) -> None:
    _published(session)
    for role in (None, Role.MODERATOR, Role.COMMISSIONER):
        at = run_script("app_pages/comment_responses.py", role)
        assert not at.exception
        assert not at.text_area
        assert any("may not do this" in e.value for e in at.error)


def test_the_picker_says_what_each_comment_is_about(session: Session) -> None:
    tech = factories.technology(session, name="Automated license plate readers", open_days=5)
    c = factories.submitted_comment(
        session, "Please keep plate reads for no more than a day, and say who reads them.",
        target_type="notice", target_id=tech.id)
    decide(session=session, actor=Actor(subject="m@x", roles=frozenset({Role.MODERATOR})),
           comment_id=c.id, lock_version=c.lock_version, action="publish")
    session.commit()
    at = run_script("app_pages/comment_responses.py", Role.STAFF)
    assert not at.exception
    [label] = at.selectbox[0].options
    assert label.startswith(
        f"#{c.id} · about: Surveillance technology notice: Automated license plate readers · "
        "Please keep plate reads")
    assert label.endswith("…")  # the first words only; the whole text is shown below


def test_responses_in_spanish_and_an_empty_one_refused(session: Session) -> None:
    _published(session)
    at = run_script("app_pages/comment_responses.py", Role.STAFF, query={"lang": "es"})
    assert not at.exception
    shown = texts(at)
    assert "Escriba la respuesta del condado" in shown
    assert "Official responses" not in shown and "Write the county's response" not in shown
    assert at.text_area[0].label == "Respuesta oficial"
    assert at.selectbox[0].label == "Comentario"
    with using_language("es"):
        at.button[0].click().run()
    assert any("respuesta: escriba la respuesta" in plain(e.value) for e in at.error)
    at.text_area[0].set_value("Cada marzo, en la página de avisos.")
    with using_language("es"):
        at.button[0].click().run()
    assert any("La respuesta se ha publicado junto al comentario." in s.value for s in at.success)
