"""axe-core on every page of the registry, as every role that may open it, at a desktop's and
a phone's size (issue 16): no serious or critical finding.

The list of scans is built from the registry (``portal.registry.all_pages``) and the
permission table, so a new page is scanned without touching this file;
``tests/meta/test_accessibility_coverage.py`` checks that it stays so. One browser context per
role (its demo role in a cookie) serves every page that role scans; each page is loaded once
and scanned at 1280 × 800, then again after the window is narrowed to 390 × 844.

Most pages look the same to every role but for the site's menu and the account area: when a
role's page, those two emptied, is exactly the markup already scanned for another role at the
same size, axe scans only the menu and account area (axe's result is a function of the markup
and its style, so the rest would be the same scan again). The moderate and minor findings that
remain are listed, with their reasons, in ``docs/accessibility.md``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from portal.auth.permissions import allowed
from portal.auth.roles import ROLE_LABELS, Actor, Role
from portal.manifest import PageSpec
from portal.registry import all_pages
from portal.web.demo import SIGN_IN
from tests.browser.conftest import ARTIFACTS, LiveServer, RequestLog, axe_violations, settle

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
#: What differs between roles on every page: the menu (desktop and phone) and the account area.
ROLE_PARTS = (".st-key-site_menu", ".st-key-phone_menu", ".st-key-account")
#: Markup already scanned in full: (page, size) → fingerprints.
SCANNED: dict[tuple[str, str], set[str]] = {}
#: Moderate and minor findings: rule → pages where seen (written to test-results/ for
#: docs/accessibility.md).
LESSER: dict[str, dict[str, object]] = {}


def actor_for(role: Role) -> Actor:
    if role is Role.RESIDENT:
        return Actor(subject="resident")
    return Actor(subject=f"demo-{role.value}", roles=frozenset({role}), is_demo=True)


def roles_for(spec: PageSpec) -> list[Role]:
    """Every role that may open ``spec`` on the test server (demo sign-in on)."""
    return [role for role in Role if all(allowed(actor_for(role), s) for s in spec.requires)]


def scans() -> list[tuple[Role, PageSpec]]:
    """(role, page) for every page of the registry and every role that may open it."""
    return [(role, spec) for role in Role for spec in all_pages() if role in roles_for(spec)]


SCANS = scans()


@pytest.fixture(scope="module")
def role_pages(browser: Browser, live_server: LiveServer) -> Iterator[dict[Role, Page]]:
    """One tab per role, signed in to its demo role, opened on first use."""
    contexts: list[BrowserContext] = []
    log = RequestLog(own_host=live_server.url.split("//", 1)[1])

    class Tabs(dict):  # type: ignore[type-arg]
        def __missing__(self, role: Role) -> Page:
            context = browser.new_context(viewport=DESKTOP)
            contexts.append(context)
            tab = context.new_page()
            tab.on("request", lambda r: log.urls.append(r.url))
            tab.on("websocket", lambda ws: log.urls.append(ws.url))
            if role is not Role.RESIDENT:
                tab.goto(f"{live_server.url}{SIGN_IN}?role={role.value}&next=/")
                open_page(tab)
                assert f"Roles: {ROLE_LABELS[role]}" in tab.locator(".st-key-account").inner_text()
            self[role] = tab
            return tab

    yield Tabs()
    for context in contexts:
        context.close()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "axe-lesser-findings.json").write_text(json.dumps(LESSER, indent=1))
    assert log.foreign() == [], f"the pages made third-party requests: {log.foreign()}"


def open_page(tab: Page) -> None:
    """Wait until the page has drawn its first heading and finished its run."""
    tab.locator('[data-testid="stMain"] h1').first.wait_for(timeout=30_000)
    tab.locator('[data-test-script-state="notRunning"]').wait_for(timeout=30_000)
    # Widgets whose code loads on first use stand as skeletons until it has loaded.
    tab.wait_for_function("() => !document.querySelector('[data-testid=\"stSkeleton\"]')",
                          timeout=30_000)
    settle(tab)


def scan(tab: Page, spec: PageSpec, size: str) -> list[str]:
    """Serious findings on the page; the role's own parts only, when the rest was scanned."""
    markup = tab.evaluate(
        r"""parts => { const copy = document.body.cloneNode(true);
                      for (const p of parts) copy.querySelectorAll(p).forEach(e => e.replaceChildren());
                      // The app's embedding id and react-aria's id prefix are drawn at
                      // random, and React numbers its ids (":r1b:") in the order it drew.
                      return copy.outerHTML.replace(/stAppEmbeddingId-\w+/g, '')
                                           .replace(/react-aria\d+-/g, '')
                                           .replace(/:r[0-9a-z]+:/g, ':r:'); }""",
        list(ROLE_PARTS))
    fingerprint = hashlib.sha256(markup.encode()).hexdigest()
    seen = SCANNED.setdefault((spec.url_path, size), set())
    if fingerprint in seen:
        violations = axe_violations(tab, {"include": [[p] for p in ROLE_PARTS
                                                      if tab.locator(p).count()]})
    else:
        violations = axe_violations(tab)
        seen.add(fingerprint)
    found = []
    for violation in violations:
        targets = [", ".join(n["target"]) for n in violation["nodes"]][:5]
        if violation.get("impact") in ("serious", "critical"):
            found.append(f"{violation['id']} ({violation['impact']}): {violation['help']} "
                         f"at {targets}")
        else:
            entry = LESSER.setdefault(violation["id"], {
                "impact": violation.get("impact"), "help": violation["help"], "pages": [],
                "targets": targets})
            entry["pages"].append(f"{spec.url_path} ({size})")  # type: ignore[union-attr]
    return found


@pytest.mark.parametrize(("role", "spec"), SCANS,
                         ids=[f"{role.value}-{spec.url_path}" for role, spec in SCANS])
def test_no_serious_finding_at_desktop_and_phone_size(
    role_pages: dict[Role, Page], live_server: LiveServer, role: Role, spec: PageSpec,
) -> None:
    tab = role_pages[role]
    tab.set_viewport_size(DESKTOP)
    address = "" if spec.url_path == "home" else spec.url_path
    tab.goto(f"{live_server.url}/{address}")
    open_page(tab)
    assert "This page is not available" not in tab.locator("h1").first.inner_text()
    found = {"desktop": scan(tab, spec, "desktop")}
    tab.set_viewport_size(PHONE)
    settle(tab)
    found["phone"] = scan(tab, spec, "phone")
    assert found == {"desktop": [], "phone": []}
