"""Staff build a survey; a sensitive question is flagged and blocks publication."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from portal.auth.roles import Role
from portal.surveys.models import Survey, SurveyQuestion
from tests.apptest import plain, run_script


def by_label(widgets, label):  # type: ignore[no-untyped-def]
    return next(w for w in widgets if w.label == label)


def test_staff_build_preview_and_are_stopped_by_a_sensitive_question(session: Session) -> None:
    at = run_script("app_pages/manage_surveys.py", Role.STAFF)
    assert not at.exception
    by_label(at.text_input, "Address name (slug)").set_value("library-hours")
    by_label(at.text_input, "Title").set_value("Library hours")
    by_label(at.button, "Save survey").click().run()
    assert not at.exception, at.exception
    survey = session.exec(select(Survey)).one()
    assert by_label(at.selectbox, "Survey").value == survey.id  # opened at once
    by_label(at.text_area, "Question").set_value("What language do you speak at home?")
    by_label(at.text_area, "Options, one per line (choices; a 5-point question's labels)").set_value(
        "English\nSpanish\nOther")
    by_label(at.button, "Save question").click().run()
    assert not at.exception, at.exception
    question = session.exec(select(SurveyQuestion)).one()
    assert question.flags and question.flags[0]["topic"] == "language"
    assert any("Asks about language" in w.value for w in at.warning)
    # The preview draws the question as residents will see it.
    assert any(r.label == "1. What language do you speak at home? (optional)" for r in at.radio)
    by_label(at.button, "Publish survey").click().run()
    assert any("write why it is needed" in e.value for e in at.error)
    session.refresh(survey)
    assert survey.status == "draft"


@pytest.mark.parametrize("role", [None, Role.MODERATOR, Role.COMMISSIONER])
def test_other_roles_are_refused(database_url: str, role: Role | None) -> None:
    at = run_script("app_pages/manage_surveys.py", role)
    assert not at.exception
    assert any("may not do this" in e.value for e in at.error)
    assert not at.button


def test_the_survey_builder_in_spanish(session: Session) -> None:
    from portal.i18n import using_language
    from tests.apptest import texts

    at = run_script("app_pages/manage_surveys.py", Role.STAFF, query={"lang": "es"})
    assert not at.exception
    shown = texts(at)
    assert "Crear encuestas" in shown and "Nueva encuesta" in shown
    assert "Build surveys" not in shown and "New survey" not in shown
    with using_language("es"):
        by_label(at.text_input, "Nombre en la dirección (slug)").set_value("library-hours")
        by_label(at.text_input, "Título").set_value("Library hours")
        by_label(at.button, "Guardar la encuesta").click().run()
        assert not at.exception, at.exception
        by_label(at.text_area, "Pregunta").set_value("What language do you speak at home?")
        by_label(at.text_area, "Opciones, una por línea (las respuestas posibles; las etiquetas de "
                               "una pregunta de 5 puntos)").set_value("English\nSpanish\nOther")
        by_label(at.button, "Guardar la pregunta").click().run()
    assert any(w.value.startswith("Pregunta sobre ") for w in at.warning)
    with using_language("es"):
        by_label(at.button, "Publicar la encuesta").click().run()
    assert any("pregunta 1: pregunta sobre language" in plain(e.value)
               and "escriba por qué es necesaria" in plain(e.value) for e in at.error)
    assert session.exec(select(Survey)).one().status == "draft"
