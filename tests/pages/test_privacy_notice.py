"""The privacy notice states the live settings, and every page's footer links to it."""

from __future__ import annotations

import pytest

from portal.auth.roles import Role
from tests.apptest import plain, run_script, texts


def test_the_notice_states_the_live_retention_threshold_and_encryption(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PORTAL_RETENTION_DAYS", "45")
    monkeypatch.setenv("PORTAL_SUPPRESSION_K", "7")
    monkeypatch.setenv("PORTAL_CONTACT_EMAIL", "privacy@example.gov")
    at = run_script("app_pages/privacy_notice.py")
    assert not at.exception
    shown = texts(at)
    assert "kept for **45 days**" in shown
    assert "fewer than **7** people" in shown
    assert "privacy@example.gov" in plain(shown)
    encrypted = at.dataframe[0].value
    rows = set(zip(encrypted["Table"], encrypted["Field"], strict=True))
    assert {("comment", "raw text"), ("comment", "name"), ("comment", "email")} <= rows


def footer_links(at) -> list[str]:  # type: ignore[no-untyped-def]
    return [link.proto.label for link in at.get("page_link")]


@pytest.mark.parametrize("role", [None, Role.MODERATOR, Role.ADMIN], ids=str)
def test_every_page_has_the_footer(database_url: str, role: Role | None) -> None:
    at = run_script("streamlit_app.py", role)
    assert not at.exception
    assert {"Privacy notice", "Accessibility statement"} <= set(footer_links(at))
    shown = texts(at)
    assert "/data.json" in shown and "/feeds/notices.atom" in shown and "/feeds/calendar.ics" in shown


def test_the_notice_in_spanish(database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORTAL_RETENTION_DAYS", "45")
    monkeypatch.setenv("PORTAL_SUPPRESSION_K", "7")
    at = run_script("app_pages/privacy_notice.py", query={"lang": "es"})
    assert not at.exception
    shown = texts(at)
    assert at.title[0].value == "Aviso de privacidad"
    assert "se guardan durante **45 días**" in shown
    assert "menos de **7** personas" in shown and "(hasta 5.000 caracteres)" in shown
    assert list(at.dataframe[0].value.columns) == ["Tabla", "Campo", "Qué contiene"]
    # The database's names stay; what each holds is said in the reader's language.
    assert "El nombre que un residente dio con un comentario, si lo dio" in set(
        at.dataframe[0].value["Qué contiene"])
    for english in ("Reading the portal", "kept for", "Small numbers are hidden"):
        assert english not in shown, english
