"""Keyboard only, in Chromium (issue 16): a resident reaches and uses the inventory's search
with Tab and Enter alone, every element focused on the way shows a visible focus indicator
(a computed outline or box shadow on it or on the control drawn around it), and Tab always
moves on: no widget keeps the focus.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import LiveServer
from tests.browser.test_accessibility_browser import DESKTOP, open_page

pytestmark = pytest.mark.browser

#: The focused element, and whether it (or the control drawn around it, up to three
#: ancestors) shows a focus indicator.
FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  let shown = false;
  for (let n = e, i = 0; n && i < 4 && !shown; n = n.parentElement, i++) {
    const s = getComputedStyle(n);
    shown = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
            || (s.boxShadow && s.boxShadow !== 'none');
  }
  const label = (e.getAttribute('aria-label') || e.textContent || e.tagName).trim().slice(0, 40);
  return {label, shown, key: e.outerHTML.slice(0, 200) + label};
}"""


@pytest.fixture(scope="module")
def tab(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


def tab_until(tab: Page, label: str, *, limit: int = 80) -> list[dict[str, object]]:
    """Press Tab until the focused element's name contains ``label``; every stop on the way."""
    stops: list[dict[str, object]] = []
    for _ in range(limit):
        tab.keyboard.press("Tab")
        focused = tab.evaluate(FOCUSED)
        if focused is None:
            continue
        stops.append(focused)
        if label in str(focused["label"]):
            return stops
    raise AssertionError(f"{label!r} not reached in {limit} presses of Tab: "
                         f"{[s['label'] for s in stops]}")


def test_a_resident_searches_the_inventory_by_keyboard(tab: Page, live_server: LiveServer) -> None:
    tab.goto(f"{live_server.url}/inventory")
    open_page(tab)
    stops = tab_until(tab, "Search the inventory")
    assert [s["label"] for s in stops if not s["shown"]] == [], "focused without a visible sign"
    # No trap: each press of Tab moved the focus on (no element twice in a row).
    keys = [s["key"] for s in stops]
    assert all(a != b for a, b in pairwise(keys)), [s["label"] for s in stops]
    tab.keyboard.type("vendor")
    tab.keyboard.press("Enter")
    open_page(tab)
    expect(tab.get_by_text("vendor", exact=False).first).to_be_visible()
    # From the search box, Tab goes on to the rest of the page.
    after = tab_until(tab, "Filters")
    assert [s["label"] for s in after if not s["shown"]] == []
