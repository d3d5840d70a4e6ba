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
    "audit-checkpoints", "privacy", "accessibility",
}
EXPECTED = {
    Role.RESIDENT: PUBLIC,
    Role.STAFF: PUBLIC | {"manage-notices", "compliance", "manage-inventory", "manage-datasets",
                          "official-responses", "manage-indicators", "manage-surveys", "evidence",
                          "translations"},
    Role.MODERATOR: PUBLIC | {"moderation"},
    Role.COMMISSIONER: PUBLIC | {"compliance", "audit-log", "evidence", "commission-desk",
                                 "agenda-input"},
    Role.ADMIN: PUBLIC | {
        "moderation", "audit-log", "roles", "manage-notices", "compliance", "manage-inventory",
        "manage-datasets", "official-responses", "manage-indicators", "manage-surveys", "evidence",
        "commission-desk", "agenda-input", "translations",
    },
}


def registered_url_paths(at) -> set[str]:
    """The pages this run may open (their own scripts), by registry url_path.

    Every other address is registered too, answering "not available" from a function
    rather than a script. (The default page registers with an empty URL, so match on
    the script.)
    """
    by_script = {str(page.path): page.url_path for page in all_pages()}
    return {by_script[str(info["script_path"])] for info in at._registered_pages.values()
            if str(info["script_path"]) in by_script}


def answered_url_paths(at) -> set[str]:
    """Every address the run answers, with its page or with "not available"."""
    return {info["url_pathname"] or "home" for info in at._registered_pages.values()}


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


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_every_address_answers_for_every_role(database_url: str, role: Role) -> None:
    """A deep link to a page outside the role gets the portal's "not available" page under
    its own address, not Streamlit's "Page not found" dialog over the home page."""
    at = run_script("streamlit_app.py", role)
    assert answered_url_paths(at) == {p.url_path for p in all_pages() if not p.demo_only}


def _menu(role_value: str) -> None:
    """Run inside AppTest (``st.Page`` needs a script run): the menu as JSON text."""
    import json

    import streamlit as st

    from portal.auth.roles import RESIDENT, Actor, Role
    from portal.ui.navigation import site_pages

    role = Role(role_value)
    actor = RESIDENT if role is Role.RESIDENT else Actor(subject=f"{role.value}@x.example",
                                                         roles=frozenset({role}))
    st.text(json.dumps({name: [[p.url_path or "home", p.visibility] for p in pages]
                        for name, pages in site_pages(actor).items()}))


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_the_menu_lists_the_roles_pages_by_what_people_come_to_do(database_url: str, role: Role) -> None:
    import json

    from streamlit.testing.v1 import AppTest

    from portal.manifest import WORK_SECTION

    at = AppTest.from_function(_menu, args=(role.value,), default_timeout=30)
    at.run()
    sections = json.loads(at.text[0].value)
    listed = {path: name for name, pages in sections.items()
              for path, visibility in pages if visibility == "visible"}
    unlisted = {"notice", "meeting", "agenda-input"}
    assert set(listed) == EXPECTED[role] - unlisted
    # A role's own work is one section of its own, never folded among public pages.
    own = EXPECTED[role] - PUBLIC - unlisted
    assert {path for path, name in listed.items() if name == WORK_SECTION} == own
    assert listed["home"] == ""
    assert listed["inventory"] == "Data sharing" and listed["notices"] == "Surveillance technology"
    # Hidden addresses stand outside every section, so no section is a heading over nothing.
    for name, pages in sections.items():
        if name:
            assert any(visibility == "visible" for _, visibility in pages), name


def test_a_page_outside_the_role_says_so_with_a_way_on(database_url: str) -> None:
    from streamlit.testing.v1 import AppTest

    def refused() -> None:
        from portal.registry import page_for
        from portal.ui.not_available import show_not_available

        show_not_available("manage-notices", page_for("manage-notices"))

    at = AppTest.from_function(refused, default_timeout=30)
    at.run()
    assert not at.exception
    assert at.title[0].value == "This page is not available"
    assert "“Manage notices” is part of the work of county staff" in at.markdown[0].value
    assert any("Home" in str(getattr(e, "proto", "")) for e in at.get("page_link")) or \
        any("Home" in m.value for m in at.markdown)


def test_a_mistyped_address_says_there_is_no_such_page(database_url: str) -> None:
    from streamlit.testing.v1 import AppTest

    def mistyped() -> None:
        from portal.ui.not_available import show_not_available

        show_not_available("invntory", None)

    at = AppTest.from_function(mistyped, default_timeout=30)
    at.run()
    assert "There is no page at the address /invntory" in at.markdown[0].value


def test_expired_token_is_treated_as_signed_out(database_url: str) -> None:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(PROJECT_ROOT / "streamlit_app.py"), default_timeout=30)
    at.user = {"is_logged_in": True, "email": "a@x.example", "roles": ["admin"], "exp": 1_000_000}
    at.run()
    assert registered_url_paths(at) == EXPECTED[Role.RESIDENT]
