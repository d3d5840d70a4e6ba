import pytest

from tests.apptest import run_script


def test_refuses_unless_enabled(database_url: str) -> None:
    at = run_script("app_pages/demo_signin.py")
    assert any("switched off" in e.value for e in at.error)
    assert not at.radio


def test_offers_every_role_when_enabled(database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORTAL_DEMO_SIGNIN", "1")
    at = run_script("app_pages/demo_signin.py")
    assert not at.exception
    assert at.radio[0].options == ["Resident", "City staff", "Moderator", "Privacy commissioner", "Administrator"]
    at.radio[0].set_value("moderator")
    at.button[0].click().run()
    assert at.session_state["demo_role"] == "moderator"
