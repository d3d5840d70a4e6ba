"""The accessibility statement: the standard, what is checked, what does not work yet."""

from __future__ import annotations

import pytest

from tests.apptest import plain, run_script, texts


def test_the_statement_names_the_standard_and_how_to_report_a_barrier(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PORTAL_CONTACT_EMAIL", "access@example.gov")
    at = run_script("app_pages/accessibility.py")
    assert not at.exception
    shown = texts(at)
    assert "WCAG) 2.1 at level AA" in shown
    assert "What does not work well yet" in shown
    assert "access@example.gov" in plain(shown)


def test_the_statement_in_spanish(database_url: str) -> None:
    at = run_script("app_pages/accessibility.py", query={"lang": "es"})
    assert not at.exception
    shown = texts(at)
    assert at.title[0].value == "Declaración de accesibilidad"
    assert "(WCAG) 2.1, nivel AA" in shown and "Lo que todavía no funciona bien" in shown
    assert "What does not work well yet" not in shown and "Tell us about" not in shown
