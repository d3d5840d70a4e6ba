"""A resident who follows a stale shared link in Spanish (``?lang=es``) reads why nothing is
there in Spanish: a service's NotFound is shown in the page's language."""

from __future__ import annotations

from sqlmodel import Session

from tests.apptest import run_script


def test_an_unknown_indicator_is_not_found_in_spanish(session: Session) -> None:
    at = run_script("app_pages/indicators.py", query={"indicator": "cierres-viejos", "lang": "es"})
    assert not at.exception
    assert [e.value for e in at.error] == ["No existe un indicador publicado 'cierres-viejos'."]


def test_an_unknown_survey_is_not_found_in_spanish(session: Session) -> None:
    at = run_script("app_pages/surveys.py", query={"survey": "parques-2019", "lang": "es"})
    assert not at.exception
    assert [e.value for e in at.error] == ["No existe esa encuesta."]


def test_the_same_link_in_english_reads_as_before(session: Session) -> None:
    at = run_script("app_pages/indicators.py", query={"indicator": "cierres-viejos"})
    assert [e.value for e in at.error] == ["No published indicator 'cierres-viejos'."]
