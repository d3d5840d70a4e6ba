"""The home page in Chromium: the demo county's real figures, accessible, no third parties."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import Session

from portal.auth.roles import RESIDENT
from portal.db import make_engine
from portal.home.service import home_summary
from tests.browser.conftest import (
    ARTIFACTS,
    CHAIN_CHECKED,
    LiveServer,
    nav_link,
    serious_violations,
    use_demo_role,
    wait_for_app,
)

pytestmark = pytest.mark.browser


def test_home_shows_the_demo_county(page: Page, live_server: LiveServer) -> None:
    engine = make_engine(live_server.database_url)
    with Session(engine) as session:
        summary = home_summary(session=session, actor=RESIDENT)
    engine.dispose()
    assert summary.value("inventory.practices") > 100

    page.goto(live_server.url)
    wait_for_app(page, "Alder County Data Transparency Portal")
    metric = page.get_by_test_id("stMetric").filter(has_text="Current data-sharing practices")
    expect(metric).to_contain_text(f"{summary.value('inventory.practices'):,}")
    sensitive = page.get_by_test_id("stMetric").filter(has_text="Involving sensitive data")
    expect(sensitive).to_contain_text(f"{summary.value('inventory.sensitive'):,}")
    for period in summary.open_periods:
        expect(page.get_by_text(period.name, exact=False).first).to_be_visible()
    expect(page.get_by_text("no real authentication is in place")).to_be_visible()

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "home.png"), full_page=True)


def test_home_has_no_serious_accessibility_violation(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url)
    wait_for_app(page, "Alder County Data Transparency Portal")
    assert serious_violations(page) == []


def test_demo_sign_in_opens_the_commissioners_pages(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url)
    wait_for_app(page, "Alder County Data Transparency Portal")
    use_demo_role(page, "Privacy commissioner")
    nav_link(page, "Audit log").click()
    wait_for_app(page, "Audit log")
    # Checked from the newest signed checkpoint, or whole when none is signed yet.
    expect(page.get_by_text(CHAIN_CHECKED).first).to_be_visible()


def test_a_page_outside_the_role_answers_not_available_with_a_way_on(
    page: Page, live_server: LiveServer
) -> None:
    page.goto(live_server.url + "/roles")
    wait_for_app(page, "This page is not available")
    expect(page.get_by_role("heading", name="Roles")).to_have_count(0)
    expect(page.get_by_text("Page not found")).to_have_count(0)
    page.get_by_role("link", name="Sharing inventory").first.click()
    wait_for_app(page, "Sharing inventory")


def test_a_deep_link_on_a_fresh_server_goes_through_the_entry_script(
    browser, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The first visit after a restart may be a bookmark: it must still get the role
    checks and banner of ``streamlit_app.py``, not a page script run on its own."""
    from tests.browser.conftest import start_server, stop_server

    server = start_server(tmp_path_factory.mktemp("fresh"), env={"PORTAL_DEMO_SIGNIN": "1"})
    try:
        context = browser.new_context()
        page = context.new_page()
        page.goto(server.url + "/demo-sign-in")
        wait_for_app(page, "Demo sign-in")
        expect(page.get_by_text("Page not found")).to_have_count(0)
        page.goto(server.url + "/audit_log")
        wait_for_app(page, "This page is not available")
        expect(page.get_by_text("no real authentication is in place")).to_be_visible()
        expect(page.get_by_role("heading", name="Audit log")).to_have_count(0)
        expect(page.get_by_text("Page not found")).to_have_count(0)
        nav = page.get_by_test_id("stTopNav")
        expect(nav.get_by_text("Your work", exact=True)).to_have_count(0)
        context.close()
    finally:
        stop_server(server)
