"""Keyboard only, in Chromium (issue 16): a resident searches and filters the inventory,
opens a notice and sends a comment, answers a survey; a moderator decides a waiting comment.
Every element focused on the way shows a visible focus indicator (a computed outline or box
shadow on it or on the control drawn around it), and Tab always moves on: no widget keeps the
focus.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import groupby

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import LiveServer, comment_with_receipt
from tests.browser.test_accessibility_browser import DESKTOP, open_page
from tests.browser.test_site_browser import _open_notice_slug

pytestmark = pytest.mark.browser

#: The focused element, and whether it (or the control drawn around it, up to three
#: ancestors) shows a focus indicator that is drawn: a background tint alone does not count.
FOCUSED = """() => {
  let e = document.activeElement;
  // Inside a map's frame, the element focused in the frame's own document.
  while (e && e.tagName === 'IFRAME' && e.contentDocument && e.contentDocument.activeElement
         && e.contentDocument.activeElement !== e.contentDocument.body) {
    e = e.contentDocument.activeElement;
  }
  if (!e || e === document.body) return null;
  // An indicator inside a visually hidden box (the 1 px clipped span around a radio button's
  // own input) is drawn nowhere: it does not count.
  const hidden = n => {
    for (let a = n; a && a.tagName !== 'BODY'; a = a.parentElement) {
      const r = a.getBoundingClientRect();
      const s = a.ownerDocument.defaultView.getComputedStyle(a);
      const clips = s.overflow !== 'visible' || s.clipPath !== 'none' || s.clip !== 'auto';
      if ((r.width < 2 || r.height < 2) && clips) return true;
    }
    return false;
  };
  let shown = false;
  for (let n = e, i = 0; n && i < 4 && !shown; n = n.parentElement, i++) {
    const s = n.ownerDocument.defaultView.getComputedStyle(n);
    shown = ((s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
             || (s.boxShadow && s.boxShadow !== 'none')) && !hidden(n);
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


def tab_until(tab: Page, label: str, *, limit: int = 150, exact: bool = False,
              ) -> list[dict[str, object]]:
    """Press Tab until the focused element's name contains ``label`` (begins with it, for a
    label ending in "…"; is it, with ``exact``); every stop on the way."""
    stops: list[dict[str, object]] = []
    for _ in range(limit):
        tab.keyboard.press("Tab")
        focused = tab.evaluate(FOCUSED)
        if focused is None:
            continue
        stops.append(focused)
        name = str(focused["label"])
        if (name == label if exact else name.startswith(label[:-1]) if label.endswith("…")
                else label in name):
            return stops
    raise AssertionError(f"{label!r} not reached in {limit} presses of Tab: "
                         f"{[s['label'] for s in stops]}")


def arrow_to(tab: Page, option: str, *, limit: int = 600) -> None:
    """Press the down arrow in the focused list box (a select box's) or radio group until
    ``option`` is highlighted or chosen (the highlighted option's text begins with it)."""
    for _ in range(limit):
        tab.keyboard.press("ArrowDown")
        current = tab.evaluate("""() => {
          const e = document.activeElement;
          const id = e && e.getAttribute('aria-activedescendant');
          const option = id ? document.getElementById(id) : e && e.closest('label');
          return option ? option.textContent.trim() : '';
        }""")
        if current.startswith(option):
            return
    raise AssertionError(f"{option!r} not reached in {limit} presses of the down arrow")


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


def test_a_resident_filters_the_inventory_by_keyboard(tab: Page, live_server: LiveServer) -> None:
    """The folded "Filters" opened with Enter, one value chosen with the arrows, the list
    narrowed to it, the filter cleared with its own button; the focus is never lost."""
    tab.goto(f"{live_server.url}/inventory")
    open_page(tab)

    def figure(name: str) -> str:
        metric = tab.get_by_test_id("stMetric").filter(has_text=name)
        return metric.get_by_test_id("stMetricValue").inner_text()

    everything = figure("Practices shown")
    stops = tab_until(tab, "Filters")
    tab.keyboard.press("Enter")
    expect(tab.get_by_label("Formal or informal", exact=True)).to_be_visible()
    stops += tab_until(tab, "Formal or informal", exact=True)
    arrow_to(tab, "Informal")
    tab.keyboard.press("Enter")
    tab.keyboard.press("Escape")
    open_page(tab)
    # Only the informal practices are listed, and every one of them is.
    expect(tab.get_by_test_id("stMetric").filter(has_text="Practices shown")
           .get_by_test_id("stMetricValue")).not_to_have_text(everything)
    assert figure("Practices shown") == figure("Shared informally") != "0"
    # The box keeps the focus through the page's run, then Tab reaches its "Clear all".
    assert (tab.evaluate(FOCUSED) or {}).get("label") == "Formal or informal"
    stops += tab_until(tab, "Clear all", limit=3)
    tab.keyboard.press("Enter")
    open_page(tab)
    expect(tab.get_by_test_id("stMetric").filter(has_text="Practices shown")
           .get_by_test_id("stMetricValue")).to_have_text(everything)
    # The pressed button is gone: the focus went back to the box, not to the page's body.
    assert (tab.evaluate(FOCUSED) or {}).get("label") == "Formal or informal"
    assert [s["label"] for s in stops if not s["shown"]] == [], "focused without a visible sign"
    assert_no_trap(stops)


def test_a_moderator_decides_a_comment_by_keyboard(browser: Browser, live_server: LiveServer) -> None:
    """A waiting comment chosen in the queue with the arrows, "Do not publish" chosen in the
    decision's radio group, a reason from the policy, recorded with Enter; the decision is in
    the database, not only on the page."""
    from sqlmodel import Session, select

    from portal.auth.roles import RESIDENT
    from portal.db import make_engine
    from portal.engagement.comments import submit_comment
    from portal.engagement.models import ModerationDecision
    from portal.engagement.policy import REJECTION_REASONS
    from portal.web.demo import SIGN_IN

    engine = make_engine(live_server.database_url)
    with Session(engine) as session:
        receipt = submit_comment(session=session, actor=RESIDENT, target_type="general",
                                 text="Cheap website ranking for county offices, ask for our rates.")
        session.commit()
    comment = comment_with_receipt(live_server, receipt.code)
    context = browser.new_context(viewport=DESKTOP)
    try:
        moderator = context.new_page()
        moderator.goto(f"{live_server.url}{SIGN_IN}?role=moderator&next=/moderation")
        open_page(moderator)
        stops = tab_until(moderator, "Comment", exact=True)
        arrow_to(moderator, f"#{comment.id} ·")
        moderator.keyboard.press("Enter")
        expect(moderator.get_by_test_id("stText").filter(has_text="Cheap website ranking")
               ).to_be_visible(timeout=30_000)
        open_page(moderator)
        # The page ran again for the comment chosen: the focus stayed on the box.
        assert (moderator.evaluate(FOCUSED) or {}).get("label") == "Comment"
        stops += tab_until(moderator, "Publish", exact=True)
        arrow_to(moderator, "Do not publish")
        stops.append(moderator.evaluate(FOCUSED))
        stops += tab_until(moderator, "Reason from the moderation policy…")
        spam = REJECTION_REASONS["spam"].public_text
        arrow_to(moderator, spam)
        moderator.keyboard.press("Enter")
        stops += tab_until(moderator, "Record decision")
        moderator.keyboard.press("Enter")
        expect(moderator.get_by_text(f"Comment #{comment.id}: do not publish — recorded.")
               ).to_be_visible(timeout=30_000)
    finally:
        context.close()
    assert [s["label"] for s in stops if not s["shown"]] == [], "focused without a visible sign"
    assert_no_trap(stops)
    decided = comment_with_receipt(live_server, receipt.code)
    assert (decided.state, decided.public_reason) == ("rejected", spam)
    with Session(engine) as session:
        logged = session.exec(select(ModerationDecision)
                              .where(ModerationDecision.comment_id == comment.id)).all()
    engine.dispose()
    assert [(d.action, d.moderator, d.reason) for d in logged] == [
        ("reject", "demo-moderator@localhost", "spam")]
