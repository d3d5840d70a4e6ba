"""The account menu, the Sign in entry point and the refusal of unsafe secrets, in AppTest.

The real round trip with a provider is in tests/browser/test_signin_browser.py.
"""

from __future__ import annotations

import secrets
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from portal.auth.roles import Role
from portal.settings import PROJECT_ROOT
from tests.apptest import TIMEOUT, plain, texts, user_for
from tests.pages.test_navigation import EXPECTED, registered_url_paths

AUTH = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": secrets.token_urlsafe(48),
    "client_id": "portal",
    "client_secret": secrets.token_urlsafe(32),
    "server_metadata_url": "http://127.0.0.1:9400/.well-known/openid-configuration",
}


def app(user: dict[str, Any], auth: dict[str, Any] | None = None) -> AppTest:
    at = AppTest.from_file(str(PROJECT_ROOT / "streamlit_app.py"), default_timeout=TIMEOUT)
    at.user = user  # type: ignore[attr-defined]
    if auth is not None:
        at.secrets["auth"] = auth
    at.run()
    assert not at.exception
    return at


def account_buttons(at: AppTest) -> list[str]:
    # The home page has no button of its own: every button here is the header's.
    return [b.label for b in at.button]


def test_residents_get_a_sign_in_button_only_when_sign_in_is_configured(database_url: str) -> None:
    assert "Sign in" not in account_buttons(app(user_for(None)))
    at = app(user_for(None), AUTH)
    assert account_buttons(at) == ["Sign in"]
    assert any("browsing as a resident" in c.value for c in at.caption)


def test_each_named_provider_gets_its_own_button(database_url: str) -> None:
    section = {k: v for k, v in AUTH.items() if k.startswith(("client", "server"))}
    auth = {"redirect_uri": AUTH["redirect_uri"], "cookie_secret": AUTH["cookie_secret"],
            "microsoft": section, "google": section}
    assert account_buttons(app(user_for(None), auth)) == ["Sign in with Microsoft", "Sign in with Google"]


@pytest.mark.parametrize("role", [r for r in Role if r is not Role.RESIDENT], ids=lambda r: r.value)
def test_the_account_menu_names_the_person_and_their_roles(database_url: str, role: Role) -> None:
    at = app(user_for(role), AUTH)
    captions = [c.value for c in at.markdown]
    from portal.auth.roles import ROLE_LABELS

    assert (f"Signed in as **Test {role.value}** ({role.value}@alder-county.example) · "
            f"Roles: {ROLE_LABELS[role]}") in [plain(c) for c in captions]
    assert account_buttons(at) == ["Sign out"]


def test_a_signed_in_person_without_a_role_is_told_they_are_a_resident(database_url: str) -> None:
    user = {"is_logged_in": True, "email": "sam@alder-county.example", "sub": "sam",
            "name": "Sam Reyes", "roles": ["not-a-portal-role"]}
    at = app(user, AUTH)
    assert registered_url_paths(at) == EXPECTED[Role.RESIDENT]
    assert any("you are treated as a resident" in i.value for i in at.info)
    assert any(c.value.endswith("· Roles: Resident") for c in at.markdown)
    assert account_buttons(at) == ["Sign out"]


def test_staff_with_a_role_are_not_told_they_are_residents(database_url: str) -> None:
    at = app(user_for(Role.STAFF), AUTH)
    assert "treated as a resident" not in texts(at)


def test_an_expired_sign_in_says_so_and_offers_to_sign_in_again(database_url: str) -> None:
    user = {**user_for(Role.ADMIN), "exp": 1_000_000}
    at = app(user, AUTH)
    assert registered_url_paths(at) == EXPECTED[Role.RESIDENT]
    assert any("sign-in has expired" in w.value for w in at.warning)
    assert account_buttons(at) == ["Sign out", "Sign in"]


def test_role_map_turns_provider_groups_into_portal_roles(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PORTAL_ROLES_CLAIM", "groups")
    monkeypatch.setenv("PORTAL_ROLE_MAP", '{"Privacy-Commission": "commissioner"}')
    user = {"is_logged_in": True, "email": "c@alder-county.example", "sub": "c",
            "groups": ["Privacy-Commission", "Everyone"], "roles": ["admin"]}
    at = app(user, AUTH)
    # The configured claim is the only one read: the "roles" claim is ignored here.
    assert registered_url_paths(at) == EXPECTED[Role.COMMISSIONER]


@pytest.mark.parametrize("field,value", [("cookie_secret", "CHANGE-ME"), ("client_secret", "CHANGE-ME"),
                                         ("cookie_secret", "too-short")])
def test_placeholder_secrets_stop_the_app_before_any_page(database_url: str, field: str, value: str) -> None:
    at = app(user_for(Role.ADMIN), {**AUTH, field: value})
    assert any("will not start" in e.value and field in e.value for e in at.error)
    # The refusal is the only page: no page script is reachable past the check.
    assert [info["url_pathname"] for info in at._registered_pages.values()] == [""]
    assert not at.button


def test_demo_sign_in_in_production_stops_the_app(database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORTAL_ENVIRONMENT", "production")
    monkeypatch.setenv("PORTAL_DEMO_SIGNIN", "1")
    at = app(user_for(None), AUTH)
    assert any("PORTAL_DEMO_SIGNIN" in e.value for e in at.error)


def test_a_grant_by_e_mail_needs_an_address_the_provider_verified(session, database_url: str) -> None:  # type: ignore[no-untyped-def]
    from portal.auth.models import UserRole

    session.add(UserRole(subject="chair@alder-county.example", role="commissioner", granted_by="admin"))
    session.commit()
    user = {"is_logged_in": True, "email": "Chair@alder-county.example", "sub": "c-1", "roles": []}
    assert registered_url_paths(app(user, AUTH)) == EXPECTED[Role.COMMISSIONER]
    assert registered_url_paths(app({**user, "email_verified": True}, AUTH)) == EXPECTED[Role.COMMISSIONER]
    assert registered_url_paths(app({**user, "email_verified": False}, AUTH)) == EXPECTED[Role.RESIDENT]
