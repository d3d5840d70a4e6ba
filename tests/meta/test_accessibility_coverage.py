"""Every registered page is scanned by axe as every role that may open it (issue 16).

The scans in ``tests/browser/test_accessibility_browser.py`` are built from the registry;
this checks the list they are built into against the registry and the permission table
directly, so a page skipped by a filter, a role left out, or a hand-kept list fails here.
"""

from __future__ import annotations

from portal import registry
from portal.auth.permissions import allowed
from portal.auth.roles import Actor, Role
from tests.browser.test_accessibility_browser import SCANS


def test_every_page_is_scanned_as_every_role_that_may_open_it() -> None:
    expected = set()
    for spec in registry.all_pages():
        for role in Role:
            actor = Actor(subject=role.value,
                          roles=frozenset() if role is Role.RESIDENT else frozenset({role}))
            if all(allowed(actor, action) for action in spec.requires):
                expected.add((role, spec.url_path))
    scanned = {(role, spec.url_path) for role, spec in SCANS}
    assert expected - scanned == set(), "pages and roles the axe scan leaves out"
    assert {page for _, page in scanned} == {p.url_path for p in registry.all_pages()}
    # The administrator may open every page, and residents every public one.
    assert {p for r, p in scanned if r is Role.ADMIN} == {p.url_path for p in registry.all_pages()}
    assert {p.url_path for p in registry.all_pages() if p.is_public} <= {
        p for r, p in scanned if r is Role.RESIDENT}
