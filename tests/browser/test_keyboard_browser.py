"""Keyboard only, in Chromium (issue 16): a resident reaches and uses the inventory's search
with Tab and Enter alone, every element focused on the way shows a visible focus indicator
(a computed outline or box shadow on it or on the control drawn around it), and Tab always
moves on: no widget keeps the focus.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import groupby

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import LiveServer
from tests.browser.test_accessibility_browser import DESKTOP, open_page
from tests.browser.test_site_browser import _open_notice_slug

pytestmark = pytest.mark.browser

#: The focused element, and whether it (or the control drawn around it, up to three
#: ancestors) shows a focus indicator.
FOCUSED = """() => {
  let e = document.activeElement;
  // Inside a map's frame, the element focused in the frame's own document.
  while (e && e.tagName === 'IFRAME' && e.contentDocument && e.contentDocument.activeElement
         && e.contentDocument.activeElement !== e.contentDocument.body) {
    e = e.contentDocument.activeElement;
  }
  if (!e || e === document.body) return null;
  let shown = false;
  for (let n = e, i = 0; n && i < 4 && !shown; n = n.parentElement, i++) {
    const s = n.ownerDocument.defaultView.getComputedStyle(n);
    shown = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
            || (s.boxShadow && s.boxShadow !== 'none');
  }
  const label = (e.getAttribute('aria-label') || (e.labels && e.labels[0] && e.labels[0].textContent)
                 || e.textContent || e.tagName).trim().slice(0, 40);
  return {label, shown, key: e.outerHTML.slice(0, 200) + label};
}"""


@pytest.fixture(scope="module")
def tab(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


def tab_until(tab: Page, label: str, *, limit: int = 150) -> list[dict[str, object]]:
    """Press Tab until the focused element's name contains ``label`` (begins with it, for a
    label ending in "…"); every stop on the way."""
    stops: list[dict[str, object]] = []
    for _ in range(limit):
        tab.keyboard.press("Tab")
        focused = tab.evaluate(FOCUSED)
        if focused is None:
            continue
        stops.append(focused)
        name = str(focused["label"])
        if name.startswith(label[:-1]) if label.endswith("…") else label in name:
            return stops
    raise AssertionError(f"{label!r} not reached in {limit} presses of Tab: "
                         f"{[s['label'] for s in stops]}")


def assert_no_trap(stops: list[dict[str, object]], *, most: int = 10) -> None:
    """Tab moves the focus out of every element. A data grid takes Tab from cell to cell
    along its row first (one press a column), then lets it go: at most ``most`` presses."""
    keys = [s["key"] for s in stops]
    runs = [len(list(group)) for _, group in groupby(keys)]
    assert max(runs, default=0) <= most, "Tab keeps the focus on one element"


def test_a_resident_searches_the_inventory_by_keyboard(tab: Page, live_server: LiveServer) -> None:
    tab.goto(f"{live_server.url}/inventory")
    open_page(tab)
    stops = tab_until(tab, "Search the inventory")
    assert [s["label"] for s in stops if not s["shown"]] == [], "focused without a visible sign"
    # No trap: each press of Tab moved the focus on (no element twice in a row).
    assert_no_trap(stops)
    tab.keyboard.type("vendor")
    tab.keyboard.press("Enter")
    open_page(tab)
    expect(tab.get_by_text("vendor", exact=False).first).to_be_visible()
    # From the search box, Tab goes on to the rest of the page.
    after = tab_until(tab, "Filters")
    assert [s["label"] for s in after if not s["shown"]] == []


def test_a_resident_opens_a_notice_and_sends_a_comment_by_keyboard(
    tab: Page, live_server: LiveServer,
) -> None:
    _, name = _open_notice_slug(live_server)
    tab.goto(f"{live_server.url}/notices")
    open_page(tab)
    stops = tab_until(tab, name)
    tab.keyboard.press("Enter")
    tab.get_by_role("heading", name=name).first.wait_for(timeout=30_000)
    open_page(tab)
    stops += tab_until(tab, "Your comment (required)…")
    tab.keyboard.type("Please publish how long the recordings are kept, and who can see them.")
    stops += tab_until(tab, "Check and send")
    tab.keyboard.press("Enter")
    expect(tab.get_by_text(re.compile(r"check its status later")).first).to_be_visible(
        timeout=30_000)
    assert [s["label"] for s in stops if not s["shown"]] == [], "focused without a visible sign"
    assert_no_trap(stops)


def test_a_resident_answers_a_survey_by_keyboard(tab: Page, live_server: LiveServer) -> None:
    """The demo county's first open survey (its first question is about licence plate
    readers): one choice taken with the space bar, the rest passed by with Tab, sent with
    Enter."""
    from sqlmodel import Session

    from portal.auth.roles import RESIDENT
    from portal.db import make_engine
    from portal.surveys.builder import list_surveys

    engine = make_engine(live_server.database_url)
    with Session(engine) as session:
        slug = next(s.slug for s in list_surveys(session=session, actor=RESIDENT)
                    if s.status == "open")
    engine.dispose()
    tab.goto(f"{live_server.url}/surveys?survey={slug}")
    open_page(tab)
    # The first question's first choice, taken with the space bar; then on to the button.
    stops = tab_until(tab, "Strongly support")
    tab.keyboard.press("Space")
    open_page(tab)
    stops += tab_until(tab, "Send answers")
    tab.keyboard.press("Enter")
    expect(tab.get_by_text("your answers were received").first).to_be_visible(timeout=30_000)
    assert [s["label"] for s in stops if not s["shown"]] == [], "focused without a visible sign"
    assert_no_trap(stops)
