"""The demo county's licence-plate survey in Spanish: its words as staff translated them, the
answers stored as the English choices, so the results add up whatever the language."""

from __future__ import annotations

from sqlmodel import Session, select

from portal.auth.roles import SYSTEM
from portal.demo.loader import load_demo
from portal.surveys.models import Survey, SurveyAnswer, SurveyQuestion
from tests.apptest import plain, run_script, texts

SLUG = "alpr-expansion-2026"


def test_the_survey_reads_in_spanish_and_stores_the_english_choice(session: Session) -> None:
    load_demo(session=session, actor=SYSTEM)
    session.commit()

    listing = run_script("app_pages/surveys.py", query={"lang": "es"})
    assert not listing.exception
    assert "Lectores de matrículas: díganos qué opina" in plain(texts(listing))

    at = run_script("app_pages/surveys.py", query={"survey": SLUG, "lang": "es"})
    assert not at.exception
    assert plain(at.title[0].value) == "Lectores de matrículas: díganos qué opina"
    shown = plain(texts(at))
    assert "El Departamento de Policía propone" in shown
    assert "no tienen versión en español" not in shown  # every field of it is translated
    first = at.radio[0]
    assert first.label.startswith("1. ¿Está a favor de agregar 18 cámaras fijas")
    # The choices read in Spanish; the value kept is the choice as staff wrote it.
    assert "Muy a favor" in [first.format_func(o) for o in first.options]
    first.set_value("Strongly support")
    at.radio[1].set_value("4")
    send = next(b for b in at.button if b.label == "Enviar respuestas")
    send.click().run()
    assert not at.exception
    assert any("Gracias" in s.value for s in at.success), [e.value for e in at.error]

    survey = session.exec(select(Survey).where(Survey.slug == SLUG)).one()
    question = session.exec(select(SurveyQuestion).where(SurveyQuestion.survey_id == survey.id,
                                                         SurveyQuestion.position == 1)).one()
    values = session.exec(select(SurveyAnswer.value)
                          .where(SurveyAnswer.question_id == question.id)).all()
    assert "Strongly support" in values and "Muy a favor" not in values


def test_in_english_nothing_is_swapped(session: Session) -> None:
    load_demo(session=session, actor=SYSTEM)
    session.commit()
    at = run_script("app_pages/surveys.py", query={"survey": SLUG})
    assert plain(at.title[0].value) == "License plate readers: tell us what you think"
    assert "Strongly support" in [at.radio[0].format_func(o) for o in at.radio[0].options]
