"""The resident chooses the language on every page, and the address keeps it (issue 16)."""

from __future__ import annotations

import pytest

from portal.auth.roles import Role
from tests.apptest import run_script, texts


def html_of(at) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(str(element.proto.body) for element in at.get("html"))


def test_english_by_default_with_spanish_offered(database_url: str) -> None:
    at = run_script("streamlit_app.py")
    assert not at.exception
    assert "Data Transparency Portal" in texts(at)
    page = html_of(at)
    assert "document.documentElement.lang = 'en'" in page
    assert '<strong lang="en" aria-current="true">English</strong>' in page
    assert 'href="?lang=es" lang="es" hreflang="es">Español</a>' in page
    assert "lang" not in at.query_params


def test_lang_es_in_the_address_opens_the_portal_in_spanish(database_url: str) -> None:
    at = run_script("streamlit_app.py", query={"lang": "es"})
    assert not at.exception
    shown = texts(at)
    assert "Portal de Transparencia de Datos" in shown
    assert "Navega como residente" in shown
    assert "Data Transparency Portal" not in shown
    page = html_of(at)
    assert "document.documentElement.lang = 'es'" in page
    assert 'href="?lang=en" lang="en" hreflang="en">English</a>' in page
    assert at.expander[0].label == "Menú"
    # The menu's links keep the language in the addresses they open.
    links = [link.proto for link in at.get("page_link")]
    assert links and {link.label for link in links} >= {"Inicio", "Tecnologías de vigilancia"}
    assert all(link.query_string == "lang=es" for link in links), [link.query_string for link in links][:3]


def test_the_choice_is_kept_for_the_visit_and_in_the_address(database_url: str) -> None:
    at = run_script("streamlit_app.py", query={"lang": "es"})
    del at.query_params["lang"]
    at.run()
    assert "Portal de Transparencia de Datos" in texts(at)
    assert at.query_params["lang"] == ["es"] or at.query_params["lang"] == "es"


@pytest.mark.parametrize("asked", ["fr", "<script>", "es-MX"])
def test_an_unknown_language_is_english(database_url: str, asked: str) -> None:
    at = run_script("streamlit_app.py", query={"lang": asked})
    assert not at.exception
    assert "Data Transparency Portal" in texts(at)


def test_staff_see_their_roles_in_spanish(database_url: str) -> None:
    at = run_script("streamlit_app.py", Role.MODERATOR, query={"lang": "es"})
    assert not at.exception
    assert "Funciones: Moderador" in texts(at)
    assert "Su trabajo" in texts(at)
