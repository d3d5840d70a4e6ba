"""Each role is given exactly its pages, and cannot switch to the others.

``EXPECTED`` is written out by hand on purpose: a change to a page's ``requires`` or to a
permission row that changes who sees a page must be made here too, knowingly.
"""

from __future__ import annotations

import pytest

from portal.auth.permissions import allowed
from portal.auth.roles import RESIDENT, Actor, Role
from portal.registry import all_pages
from portal.settings import PROJECT_ROOT
from tests.apptest import run_script

PUBLIC = {
    "home", "meetings", "notices", "notice", "deployment-map", "inventory", "definitions",
    "request-log", "indicators", "have-your-say", "surveys", "moderation-policy", "meeting",
    "audit-checkpoints",
}
EXPECTED = {
    Role.RESIDENT: PUBLIC,
    Role.STAFF: PUBLIC | {"manage-notices", "compliance", "manage-inventory", "official-responses",
                          "manage-indicators", "manage-surveys", "evidence"},
    Role.MODERATOR: PUBLIC | {"moderation"},
    Role.COMMISSIONER: PUBLIC | {"compliance", "audit-log", "evidence", "commission-desk",
                                 "agenda-input"},
    Role.ADMIN: PUBLIC | {
        "moderation", "audit-log", "roles", "manage-notices", "compliance", "manage-inventory",
        "official-responses", "manage-indicators", "manage-surveys", "evidence",
        "commission-desk", "agenda-input",
    },
}


def registered_url_paths(at) -> set[str]:
    """The pages ``st.navigation`` was given in this run, by registry url_path.

    (The default page registers with an empty URL, so match on the script.)
    """
    by_script = {str(page.path): page.url_path for page in all_pages()}
    return {by_script[str(info["script_path"])] for info in at._registered_pages.values()}


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_navigation_holds_only_the_roles_pages(database_url: str, role: Role) -> None:
    at = run_script("streamlit_app.py", role)
    assert not at.exception
    assert registered_url_paths(at) == EXPECTED[role]


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_visibility_is_may_call_every_service_the_page_requires(database_url: str, role: Role) -> None:
    """Walks every page × role against the permission table itself, not a copy of it."""
    actor = RESIDENT if role is Role.RESIDENT else Actor(subject=f"{role.value}@x.example",
                                                         roles=frozenset({role}))
    expected = {
        page.url_path for page in all_pages()
        if not page.demo_only and all(allowed(actor, action) for action in page.requires)
    }
    at = run_script("streamlit_app.py", role)
    assert registered_url_paths(at) == expected


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_pages_outside_the_role_cannot_be_opened(database_url: str, role: Role) -> None:
    at = run_script("streamlit_app.py", role)
    for page in all_pages():
        if page.url_path in EXPECTED[role] or page.demo_only:
            continue
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(page.script)


def test_demo_sign_in_appears_only_when_enabled(database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    at = run_script("streamlit_app.py")
    assert "demo-sign-in" not in registered_url_paths(at)
    assert not any("no real authentication" in w.value for w in at.warning)

    monkeypatch.setenv("PORTAL_DEMO_SIGNIN", "1")
    at = run_script("streamlit_app.py")
    assert "demo-sign-in" in registered_url_paths(at)
    assert any("no real authentication is in place" in w.value for w in at.warning)


def test_demo_sign_in_gives_the_chosen_roles_pages(database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORTAL_DEMO_SIGNIN", "1")
    at = run_script("streamlit_app.py")
    at.switch_page("app_pages/demo_signin.py").run()
    at.radio[0].set_value("commissioner")
    at.button[0].click().run()
    assert "audit-log" in registered_url_paths(at)
    assert "roles" not in registered_url_paths(at)
    assert any("Demo privacy commissioner" in c.value for c in at.sidebar.caption)


def test_expired_token_is_treated_as_signed_out(database_url: str) -> None:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(PROJECT_ROOT / "streamlit_app.py"), default_timeout=30)
    at.user = {"is_logged_in": True, "email": "a@x.example", "roles": ["admin"], "exp": 1_000_000}
    at.run()
    assert registered_url_paths(at) == EXPECTED[Role.RESIDENT]
