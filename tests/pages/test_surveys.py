"""Residents answer a survey and read its results; the answer form keeps to the rules."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session, func, select
from streamlit.testing.v1 import AppTest

from portal.auth.roles import Actor, Role
from portal.base import utcnow
from portal.settings import PROJECT_ROOT
from portal.surveys import builder
from portal.surveys.models import SurveyResponse
from tests.apptest import TIMEOUT, plain, run_script, texts, user_for

STAFF = Actor(subject="staff@alder.example", roles=frozenset({Role.STAFF}))


def _survey(session: Session, *, publish: bool = True) -> None:
    survey = builder.create_survey(session=session, actor=STAFF, values={
        "slug": "parks", "title": "Parks <b>survey</b>", "description": "Two questions.",
        "closes_at": utcnow() + timedelta(days=5)})
    builder.add_question(session=session, actor=STAFF, survey_id=survey.id, values={
        "kind": "single_choice", "text": "Do you visit a park weekly?", "options": ["Yes", "No"],
        "required": True})
    builder.add_question(session=session, actor=STAFF, survey_id=survey.id, values={
        "kind": "rating", "text": "How clean are the parks?", "condition_position": 1,
        "condition_value": "Yes"})
    if publish:
        builder.publish_survey(session=session, actor=STAFF, survey_id=survey.id)
    session.commit()


def _open(role: Role | None = None) -> AppTest:
    at = AppTest.from_file(str(PROJECT_ROOT / "app_pages/surveys.py"), default_timeout=TIMEOUT)
    at.user = user_for(role)  # type: ignore[attr-defined]
    at.query_params["survey"] = "parks"
    at.run()
    return at


def test_residents_see_open_surveys_not_drafts(session: Session) -> None:
    _survey(session)
    builder.create_survey(session=session, actor=STAFF, values={"slug": "secret", "title": "Draft one"})
    session.commit()
    at = run_script("app_pages/surveys.py")
    assert not at.exception
    shown = texts(at)
    assert "Parks" in shown and "Draft one" not in shown
    # Where a script fetches every survey's results again (docs/api.md).
    assert "](/api/surveys.json)" in shown and "](/api/surveys.csv)" in shown


def test_answering_enforces_required_and_shows_conditional_questions(session: Session) -> None:
    _survey(session)
    at = _open()
    assert not at.exception
    assert [r.label for r in at.radio] == ["1. Do you visit a park weekly?"]
    at.button(key=[b.key for b in at.button if b.label == "Send answers"][0]).click().run()
    assert any("question 1" in e.value and "needs an answer" in e.value for e in at.error)
    assert session.exec(select(func.count()).select_from(SurveyResponse)).one() == 0
    at.radio[0].set_value("Yes").run()
    assert [r.label for r in at.radio][1] == "2. How clean are the parks? (optional)"
    at.radio[1].set_value("8").run()
    at.button(key=[b.key for b in at.button if b.label == "Send answers"][0]).click().run()
    assert not at.exception
    assert any("your answers were received" in s.value for s in at.success)
    assert session.exec(select(func.count()).select_from(SurveyResponse)).one() == 1
    # Same browser session: no second form.
    at.run()
    assert not [b for b in at.button if b.label == "Send answers"]


def test_results_tab_suppresses_small_counts(session: Session) -> None:
    _survey(session)
    at = _open()
    at.radio[0].set_value("No").run()
    at.button(key=[b.key for b in at.button if b.label == "Send answers"][0]).click().run()
    at = _open()
    shown = texts(at) + "".join(d.value.to_csv() for d in at.dataframe)
    assert "fewer than 11" in shown
    assert "<b>" not in "".join(t.value for t in at.title)


def test_a_draft_is_not_found_for_residents(session: Session) -> None:
    _survey(session, publish=False)
    at = _open()
    assert not at.exception
    assert any("No such survey" in e.value for e in at.error)
    assert not _open(Role.STAFF).error


def test_the_commission_and_staff_may_download_the_answers_residents_may_not(session: Session) -> None:
    _survey(session)
    labels = lambda at: [d.proto.label for d in at.get("download_button")]  # noqa: E731
    assert labels(_open(Role.COMMISSIONER)) == ["Answers (CSV, no identifiers)"]
    assert labels(_open()) == []


def test_a_long_answer_over_the_limit_is_kept_and_the_limit_is_said(session: Session) -> None:
    """With ``max_chars`` the browser dropped a longer paste whole and said nothing."""
    survey = builder.create_survey(session=session, actor=STAFF, values={
        "slug": "parks", "title": "Parks", "closes_at": utcnow() + timedelta(days=5)})
    builder.add_question(session=session, actor=STAFF, survey_id=survey.id, values={
        "kind": "long_text", "text": "What would you change?", "required": True})
    builder.publish_survey(session=session, actor=STAFF, survey_id=survey.id)
    session.commit()
    at = _open()
    box = at.text_area[0]
    assert not box.max_chars and "Up to 5,000 characters" in (box.help or "")
    long_answer = "More benches and shade. " * 250  # 6,000 characters
    box.input(long_answer)
    at.button(key=[b.key for b in at.button if b.label == "Send answers"][0]).click().run()
    assert not at.exception
    assert any("at most 5,000 characters; this has 5,999" in plain(e.value) for e in at.error), [e.value for e in at.error]
    assert at.text_area[0].value == long_answer
    assert session.exec(select(func.count()).select_from(SurveyResponse)).one() == 0


def test_answering_in_spanish_says_what_is_missing_in_spanish(session: Session) -> None:
    _survey(session)
    at = run_script("app_pages/surveys.py", query={"lang": "es"})
    assert not at.exception
    assert at.title[0].value == "Encuestas" and "Short surveys" not in texts(at)
    at = run_script("app_pages/surveys.py", query={"lang": "es", "survey": "parks"})
    assert not at.exception
    assert [t.label for t in at.tabs] == ["Respuesta", "Resultados hasta ahora"]
    send = [b for b in at.button if b.label == "Enviar respuestas"]
    assert send
    at.button(key=send[0].key).click().run()
    errors = " ".join(e.value for e in at.error)
    assert "Sus respuestas no se enviaron" in errors and "pregunta 1" in errors
    assert "esta pregunta necesita una respuesta" in errors and "needs an answer" not in errors
    at.radio[0].set_value("Yes").run()
    assert at.radio[1].label == "2. How clean are the parks? (opcional)"
