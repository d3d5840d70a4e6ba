"""A practice and an indicator staff have put in Spanish read in Spanish at ?lang=es; parts
not translated show in English, and the page says so."""

from __future__ import annotations

from sqlmodel import Session

from portal.translations.service import save_translations
from tests import factories
from tests.apptest import plain, run_script, texts
from tests.pages.test_notice import STAFF


def test_a_practice_in_spanish(session: Session) -> None:
    practice = factories.practice(session, title="Jail bookings to ICE", purpose="Detainers.")
    save_translations(session=session, actor=STAFF, kind="practice", record_id=practice.id,
                      texts={"title": "Registros de la cárcel a ICE"})
    session.commit()
    at = run_script("app_pages/inventory.py", query={"practice": str(practice.id), "lang": "es"})
    assert not at.exception
    assert plain(at.title[-1].value) == "Registros de la cárcel a ICE"
    shown = plain(texts(at))
    assert "Detainers." in shown  # no Spanish for the purpose: the English, said so
    assert "Algunas partes de esta práctica aún no tienen versión en español" in shown
    at = run_script("app_pages/inventory.py", query={"practice": str(practice.id)})
    assert plain(at.title[-1].value) == "Jail bookings to ICE"
    assert "versión en español" not in plain(texts(at))


def test_an_indicator_in_spanish(session: Session) -> None:
    indicator = factories.indicator(session, name="Evictions filed", description="Cases filed.")
    save_translations(session=session, actor=STAFF, kind="indicator", record_id=indicator.id,
                      texts={"name": "Desalojos presentados", "description": "Casos presentados."})
    session.commit()
    at = run_script("app_pages/indicators.py", query={"indicator": indicator.slug, "lang": "es"})
    assert not at.exception
    assert plain(at.title[0].value) == "Desalojos presentados"
    assert "Casos presentados." in plain(texts(at))
    listing = run_script("app_pages/indicators.py", query={"lang": "es"})
    assert "Desalojos presentados" in plain(texts(listing))
