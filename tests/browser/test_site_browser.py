"""The site around the pages, in Chromium: menu, header and footer, addresses that never trap,
roles that survive a reload, and a resident's whole journey on a phone (issue 15)."""

from __future__ import annotations

import re
import urllib.request

import feedparser
import pytest
from playwright.sync_api import Page, expect
from sqlmodel import Session, select

from portal.auth.roles import ROLE_LABELS, Role
from portal.db import make_engine
from portal.engagement.models import Comment
from portal.notices.models import SurveillanceTechnology
from tests.browser.conftest import (
    ARTIFACTS,
    LiveServer,
    account,
    nav_link,
    serious_violations,
    settle,
    use_demo_role,
    wait_for_app,
)

pytestmark = pytest.mark.browser

HOME = "Alder County Data Transparency Portal"
PHONE = {"width": 390, "height": 844}


def no_dialog(page: Page) -> None:
    expect(page.get_by_text("Page not found")).to_have_count(0)


@pytest.mark.parametrize("path", ["/manage-notices", "/invntory"])
def test_an_address_the_person_cannot_open_gets_the_portals_page(
    page: Page, live_server: LiveServer, path: str
) -> None:
    page.goto(live_server.url + path)
    wait_for_app(page, "This page is not available")
    no_dialog(page)
    expect(page.get_by_test_id("stMain").get_by_role("link", name="Home")).to_be_visible()
    assert serious_violations(page) == []


def test_slash_home_is_the_home_page(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url + "/home")
    wait_for_app(page, HOME)
    no_dialog(page)


@pytest.mark.parametrize("role,path,heading", [
    (Role.MODERATOR, "/moderation", "Moderation queue"),
    (Role.STAFF, "/manage-notices", "Manage notices"),
    (Role.COMMISSIONER, "/audit-log", "Audit log"),
    (Role.ADMIN, "/roles", "Roles"),
], ids=lambda v: v.value if isinstance(v, Role) else None)
def test_a_demo_role_survives_a_reload_and_a_direct_link(
    page: Page, live_server: LiveServer, role: Role, path: str, heading: str
) -> None:
    page.goto(live_server.url)
    wait_for_app(page, HOME)
    use_demo_role(page, ROLE_LABELS[role])
    page.goto(live_server.url + path)
    wait_for_app(page, heading)
    page.reload()
    wait_for_app(page, heading)
    expect(account(page).get_by_text(f"Roles: {ROLE_LABELS[role]}")).to_be_visible()
    no_dialog(page)
    # Signing out ends it, and the same address then says so.
    account(page).get_by_role("link", name="Sign out of the demo role").click()
    wait_for_app(page, HOME)
    page.goto(live_server.url + path)
    wait_for_app(page, "This page is not available")


def _open_first_practice(page: Page) -> str:
    grid = page.get_by_test_id("stDataFrame").first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    assert box is not None
    # The row's selection box: first column, first row under the header.
    page.mouse.click(box["x"] + 15, box["y"] + 35 + 17)
    page.get_by_role("button", name="← Back to the inventory").wait_for(timeout=30_000)
    settle(page)
    return page.locator("h1").first.inner_text()


def test_leaving_a_practice_returns_to_the_list_every_way(page: Page, live_server: LiveServer) -> None:
    """Back button, the browser's Back and the menu each return to the list; before, the
    table's remembered selection reopened the same practice every time."""
    page.goto(live_server.url + "/inventory")
    wait_for_app(page, "Sharing inventory")
    title = _open_first_practice(page)
    assert title != "Sharing inventory"
    page.get_by_role("button", name="← Back to the inventory").click()
    wait_for_app(page, "Sharing inventory")
    page.wait_for_timeout(1500)  # a reopening would come in the next run
    expect(page.locator("h1").first).to_have_text("Sharing inventory")

    _open_first_practice(page)
    page.go_back()
    wait_for_app(page, "Sharing inventory")
    page.wait_for_timeout(1500)
    expect(page.locator("h1").first).to_have_text("Sharing inventory")

    _open_first_practice(page)
    nav_link(page, "Sharing inventory").click()
    wait_for_app(page, "Sharing inventory")
    page.wait_for_timeout(1500)
    expect(page.locator("h1").first).to_have_text("Sharing inventory")


def _open_notice_slug(live_server: LiveServer) -> tuple[str, str]:
    """A notice open for comment now (the last to close, so it stays open for the test)."""
    from portal.base import utcnow

    engine = make_engine(live_server.database_url)
    with Session(engine) as session:
        tech = session.exec(select(SurveillanceTechnology)
                            .where(SurveillanceTechnology.is_published == True,  # noqa: E712
                                   SurveillanceTechnology.comment_opens_at <= utcnow(),
                                   SurveillanceTechnology.comment_closes_at > utcnow())
                            .order_by(SurveillanceTechnology.comment_closes_at.desc())).first()
    engine.dispose()
    assert tech is not None
    return tech.slug, tech.name


def test_a_resident_on_a_phone_goes_from_home_to_a_receipt_by_links_alone(
    browser, live_server: LiveServer  # type: ignore[no-untyped-def]
) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(live_server.url)
        wait_for_app(page, HOME)
        main = page.get_by_test_id("stMain")
        main.get_by_role("link", name="Sharing inventory").first.click()
        wait_for_app(page, "Sharing inventory")
        _open_first_practice(page)
        page.get_by_role("button", name="← Back to the inventory").click()
        wait_for_app(page, "Sharing inventory")

        nav_link(page, "Surveillance technologies").click()
        wait_for_app(page, "Surveillance technologies")
        _, name = _open_notice_slug(live_server)
        main.get_by_role("link", name=re.compile(re.escape(name))).first.click()
        wait_for_app(page, name)
        text = "Please publish how long the recordings are kept, and who can see them."
        page.get_by_role("textbox", name="Your comment (required)").fill(text)
        page.get_by_role("button", name="Check and send").click()
        receipt = page.get_by_text(re.compile(r"check its status later")).first
        expect(receipt).to_be_visible(timeout=30_000)
        code = re.search(r"([A-Z0-9]{4}(?:-[A-Z0-9]{4})+)\s*$", receipt.inner_text().strip())
        assert code is not None, receipt.inner_text()

        nav_link(page, "Have your say").click()
        wait_for_app(page, "Have your say")
        page.get_by_label("Receipt code").fill(code.group(1))
        page.get_by_role("button", name="Check status").click()
        expect(page.get_by_text(re.compile(f"Comment {code.group(1)}"))).to_be_visible(timeout=30_000)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"the page scrolls sideways on a phone ({width} px)"
    finally:
        context.close()
    engine = make_engine(live_server.database_url)
    with Session(engine) as session:
        stored = session.exec(select(Comment).where(Comment.receipt_code == code.group(1))).one()
    engine.dispose()
    assert stored.state == "pending"


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 800}],
                         ids=["phone", "desktop"])
def test_every_page_has_the_header_and_footer(browser, live_server: LiveServer, viewport) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    try:
        for path, heading in [("/", HOME), ("/notices", "Surveillance technologies"),
                              ("/privacy", "Privacy notice")]:
            page.goto(live_server.url + path)
            wait_for_app(page, heading)
            expect(page.locator(".st-key-site_header")).to_contain_text("Alder County")
            footer = page.locator(".st-key-site_footer")
            expect(footer.get_by_role("link", name="Privacy notice")).to_be_visible()
            expect(footer.get_by_role("link", name="Accessibility statement")).to_be_visible()
            expect(footer.get_by_role("link", name=re.compile("notices feed"))).to_be_visible()
        settle(page)
        assert serious_violations(page) == []
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"privacy-{viewport['width']}.png"), full_page=True)
        page.goto(live_server.url)
        wait_for_app(page, HOME)
        settle(page)
        page.screenshot(path=str(ARTIFACTS / f"home-{viewport['width']}.png"))
    finally:
        context.close()


def test_a_feed_reader_subscribes_and_polls_cheaply(live_server: LiveServer) -> None:
    with urllib.request.urlopen(live_server.url + "/feeds/notices.atom", timeout=30) as answer:
        body, etag = answer.read(), answer.headers["ETag"]
        assert answer.headers["Referrer-Policy"] == "no-referrer"
    feed = feedparser.parse(body)
    assert not feed.bozo and feed.entries
    request = urllib.request.Request(live_server.url + "/feeds/notices.atom",
                                     headers={"If-None-Match": etag})
    with pytest.raises(urllib.error.HTTPError) as not_modified:
        urllib.request.urlopen(request, timeout=30)
    assert not_modified.value.code == 304


def test_data_json_is_where_harvesters_look(live_server: LiveServer) -> None:
    import json

    from tests.services.test_downloads import dcat_validator

    with urllib.request.urlopen(live_server.url + "/data.json", timeout=30) as answer:
        catalog = json.loads(answer.read())
    assert catalog["dataset"]
    assert list(dcat_validator().iter_errors(catalog)) == []


def test_pages_carry_the_security_headers(live_server: LiveServer) -> None:
    with urllib.request.urlopen(live_server.url + "/inventory", timeout=30) as answer:
        headers = answer.headers
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Frame-Options"] == "SAMEORIGIN"
    assert "default-src 'self'" in headers["Content-Security-Policy"]


def test_help_icons_and_feeds_follow_the_pages_language(page: Page, live_server: LiveServer) -> None:
    """Streamlit names a help icon "Help for <label>" in English: on a Spanish page a screen
    reader hears it in Spanish; the footer's feeds are the Spanish ones."""
    page.goto(live_server.url + "/request-log?lang=es")
    wait_for_app(page, "Registro de solicitudes")
    settle(page)
    icons = page.locator('[aria-label^="Ayuda sobre "]')
    expect(icons.first).to_be_attached()
    assert page.locator('[aria-label^="Help for "]').count() == 0
    assert "Ayuda sobre Personas afectadas" in [icons.nth(i).get_attribute("aria-label")
                                                for i in range(icons.count())]
    footer = page.locator(".st-key-site_footer")
    expect(footer.locator('a[href="/feeds/notices.atom?lang=es"]')).to_have_count(1)

    page.goto(live_server.url + "/request-log")
    wait_for_app(page, "Request transparency log")
    settle(page)
    expect(page.locator('[aria-label="Help for People covered"]')).to_have_count(1)
    expect(page.locator(".st-key-site_footer").locator('a[href="/feeds/notices.atom"]')).to_have_count(1)
