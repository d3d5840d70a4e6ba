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
from playwright.sync_api import Browser, Page, expect

from portal.manifest import PageSpec
from portal.registry import all_pages
from tests.browser.conftest import ARTIFACTS, LiveServer, RequestLog, nav_link, settle
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


def test_a_page_chosen_from_the_phone_menu_opens_at_its_top(tab: Page, live_server: LiveServer) -> None:
    """The menu changes the page without loading a new document: the page chosen must not
    keep the scroll offset the folded menu was read at (the new page's heading was hidden)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.set_viewport_size(PHONE)
    tab.goto(live_server.url)
    open_page(tab)
    # The menu's last entries: reaching them scrolls the page down past the header.
    for name, heading in (("Accessibility statement", "Accessibility statement"),
                          ("Moderation policy", "Moderation policy")):
        nav_link(tab, name).click()  # once the menu has unfolded
        tab.locator('[data-testid="stMain"] h1').filter(has_text=heading).wait_for(timeout=30_000)
        open_page(tab)
        where = tab.evaluate("""() => {
          const main = document.querySelector('[data-testid="stMain"]');
          const h1 = main.querySelector('h1').getBoundingClientRect();
          return {scrolled: main.scrollTop + window.scrollY, top: h1.top, bottom: h1.bottom,
                  height: window.innerHeight};
        }""")
        tab.screenshot(path=str(SCREENSHOTS / f"menu-to-{name.split()[0].lower()}-390.png"))
        assert where["scrolled"] == 0, f"{name} opened {where['scrolled']} px down"
        assert 0 <= where["top"] and where["bottom"] <= where["height"], where


def test_a_long_option_of_a_select_box_is_read_whole_on_a_phone(
    browser: Browser, live_server: LiveServer,
) -> None:
    """A dataset's classification was a sentence ("Restricted: sensitive information about
    identifiable people (such as …"), cut at the box's width open and closed: each option is
    now the class's name, its meaning in the help beside it, and none is cut."""
    from portal.web.demo import SIGN_IN

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport=PHONE)
    try:
        staff = context.new_page()
        staff.goto(f"{live_server.url}{SIGN_IN}?role=staff&next=/manage-datasets")
        open_page(staff)
        staff.get_by_label("Classification", exact=True).click()
        staff.keyboard.press("ArrowDown")  # a box with nothing chosen yet opens on a key
        options = staff.get_by_role("listbox").get_by_role("option")
        expect(options).to_have_count(4)
        settle(staff)
        staff.screenshot(path=str(SCREENSHOTS / "classification-options-390.png"))
        cut = options.evaluate_all("""options => options.filter(o => {
          const text = o.firstElementChild || o;
          return text.scrollWidth > text.clientWidth + 1
                 || o.getBoundingClientRect().right > window.innerWidth;
        }).map(o => o.textContent.slice(0, 40))""")
        assert cut == [], f"options cut short on a phone: {cut}"
    finally:
        context.close()
