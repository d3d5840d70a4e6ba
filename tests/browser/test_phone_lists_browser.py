"""Lists a resident reads on a phone (390 × 844): nothing they need is clipped or off-screen."""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect
from sqlmodel import Session

from portal.auth.roles import RESIDENT
from portal.db import make_engine
from portal.notices.service import list_technologies
from portal.timefmt import county_zone, format_datetime
from tests.browser.conftest import ARTIFACTS, LiveServer, settle, wait_for_app

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def _open_notices(live_server: LiveServer) -> list[tuple[str, str]]:
    """(name, closing date as the page writes it) of each notice open for comment."""
    engine = make_engine(live_server.database_url)
    with Session(engine) as session:
        rows = list_technologies(session=session, actor=RESIDENT)
    engine.dispose()
    zone = county_zone()
    return [(r.name, format_datetime(r.closes_at, zone)) for r in rows if r.comment_state == "open"]


def _fully_on_screen(page: Page, locator: Locator) -> None:
    """Visible, inside the viewport's width, and not cut off by its own box (no ellipsis)."""
    locator.scroll_into_view_if_needed()
    expect(locator).to_be_visible()
    box = locator.bounding_box()
    assert box is not None
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 0.5, box
    clipped = locator.evaluate(
        """el => {
            for (let e = el; e && e !== document.body; e = e.parentElement) {
                if (e.scrollWidth > e.clientWidth + 1 &&
                    getComputedStyle(e).overflowX !== 'visible') return true;
            }
            return false;
        }"""
    )
    assert not clipped, "the text is cut off by an element that hides its overflow"


@pytest.mark.parametrize(("path", "heading", "shot"), [
    ("/notices", "Surveillance technologies", "notices-phone.png"),
    ("/", "Alder County Data Transparency Portal", "home-phone.png"),
])
def test_open_for_comment_shows_each_link_and_closing_date_on_a_phone(
    page: Page, live_server: LiveServer, path: str, heading: str, shot: str,
) -> None:
    open_notices = _open_notices(live_server)
    assert open_notices, "the demo county has notices open for comment"
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + path)
    wait_for_app(page, heading)
    settle(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / shot))
    for name, closes in open_notices[:10]:
        link = page.get_by_role("link", name=name).first
        _fully_on_screen(page, link)
        date = page.get_by_text(closes, exact=False).first
        _fully_on_screen(page, date)
    # The first one leads to its notice.
    page.get_by_role("link", name=open_notices[0][0]).first.click()
    wait_for_app(page, open_notices[0][0])
