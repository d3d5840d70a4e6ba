"""Every resident page on a phone (390 × 844) and a desktop (1280 × 800), issue 16.

Screenshots of both sizes go to ``test-results/screenshots/``. On the phone the page never
scrolls sideways, and every visible tap target (links, buttons, inputs, checkboxes, radio
labels, tabs, select boxes, the folded menu) has nothing lying over it and is at least 24 × 24
CSS pixels, success criterion 2.5.8 (WCAG 2.2) as the standard words it: a smaller target
passes when it is a link inside a sentence (the inline exception) or when a 24 px circle
centred on it touches no other target (the spacing exception). The pages come from the registry: a new public page is checked too.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from portal.manifest import PageSpec
from portal.registry import all_pages
from tests.browser.conftest import ARTIFACTS, LiveServer, RequestLog
from tests.browser.test_accessibility_browser import DESKTOP, PHONE, open_page

pytestmark = pytest.mark.browser

SCREENSHOTS = ARTIFACTS / "screenshots"
RESIDENT_PAGES = [spec for spec in all_pages() if spec.is_public]

#: Targets too small for WCAG 2.5.8 that no exception covers, as "text (w×h)".
SMALL_TARGETS = """(min) => {
  const selector = 'a[href], button, input:not([type=hidden]), textarea, select, summary, '
    + '[role=button], [role=tab], [role=checkbox], [role=radio], [role=combobox], '
    + '[role=slider], label[data-baseweb=checkbox], label[data-baseweb=radio]';
  const visible = e => {
    const r = e.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) return false;  // visually hidden: its label is the target
    if (!e.checkVisibility({opacityProperty: true, visibilityProperty: true})) return false;
    return !e.closest('[data-testid="stSidebar"][aria-expanded="false"]')
           && r.right > 0 && r.left < window.innerWidth;
  };
  const all = [...document.querySelectorAll(selector)].filter(visible);
  // A control inside another target (the input of a select box, a checkbox in its label)
  // is part of that target.
  const targets = all.filter(e => !all.some(o => o !== e && o.contains(e)));
  const rect = e => e.getBoundingClientRect();
  const small = t => { const r = rect(t); return r.width < min - 0.5 || r.height < min - 0.5; };
  const inline = e => {
    if (e.tagName !== 'A') return false;
    const block = e.closest('p, li, td, dd, span[data-testid], div[data-testid="stMarkdownContainer"]');
    return block && block.textContent.trim().length > e.textContent.trim().length + 2;
  };
  const centre = r => [r.left + r.width / 2, r.top + r.height / 2];
  const distanceToRect = ([x, y], r) => Math.hypot(Math.max(r.left - x, 0, x - r.right),
                                                   Math.max(r.top - y, 0, y - r.bottom));
  const spaced = t => {
    const c = centre(rect(t));
    return targets.every(o => {
      if (o === t || o.contains(t) || t.contains(o)) return true;
      const r = rect(o);
      if (small(o)) { const d = centre(r); return Math.hypot(c[0] - d[0], c[1] - d[1]) >= min; }
      return distanceToRect(c, r) >= min / 2;
    });
  };
  // A target another element lies over (Streamlit's header over the folded menu) is
  // smaller than it looks: its top edge, centre and bottom edge must reach it.
  const covered = t => {
    const r = rect(t);
    if (r.top < 0 || r.bottom > window.innerHeight) return false;  // off screen: not judged
    const x = r.left + r.width / 2;
    return [r.top + 2, r.top + r.height / 2, r.bottom - 2].some(y => {
      const hit = document.elementFromPoint(x, y);
      return hit && !t.contains(hit) && !hit.contains(t);
    });
  };
  return targets.filter(t => (small(t) && !inline(t) && !spaced(t)) || covered(t)).map(t => {
    const r = rect(t);
    const name = (t.getAttribute('aria-label') || t.textContent || t.tagName).trim().slice(0, 40);
    return `${name} (${Math.round(r.width)}×${Math.round(r.height)})`;
  });
}"""


@pytest.fixture(scope="module")
def tab(browser: Browser, live_server: LiveServer) -> Iterator[Page]:
    """One tab for every page (a resident's: no role)."""
    log = RequestLog(own_host=live_server.url.split("//", 1)[1])
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.on("request", lambda r: log.urls.append(r.url))
    yield page
    context.close()
    assert log.foreign() == [], f"the pages made third-party requests: {log.foreign()}"


@pytest.mark.parametrize("spec", RESIDENT_PAGES, ids=[s.url_path for s in RESIDENT_PAGES])
def test_a_resident_page_fits_a_phone_with_targets_big_enough(
    tab: Page, live_server: LiveServer, spec: PageSpec,
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.set_viewport_size(DESKTOP)
    tab.goto(f"{live_server.url}/{'' if spec.url_path == 'home' else spec.url_path}")
    open_page(tab)
    tab.screenshot(path=str(SCREENSHOTS / f"{spec.url_path}-1280.png"))
    tab.set_viewport_size(PHONE)
    tab.wait_for_timeout(300)  # the layout's media queries apply on the next frame
    tab.screenshot(path=str(SCREENSHOTS / f"{spec.url_path}-390.png"))
    width = tab.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways on a phone ({width} px)"
    assert tab.evaluate(SMALL_TARGETS, 24) == []
