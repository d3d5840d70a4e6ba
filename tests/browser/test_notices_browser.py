"""A resident opens a notice in Chromium: the map draws from the portal's own assets."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import (
    ARTIFACTS,
    LiveServer,
    nav_link,
    serious_violations,
    wait_for_app,
)

pytestmark = pytest.mark.browser


def map_frame(page: Page):
    frame = page.frame_locator("iframe[title='streamlit_folium.st_folium']").first
    return frame


def open_alpr_notice(page: Page, live_server: LiveServer) -> None:
    """The way a resident gets there: home, the list, the open comment period's link."""
    page.goto(live_server.url)
    wait_for_app(page, "Alder County Data Transparency Portal")
    nav_link(page, "Surveillance technologies").click()
    wait_for_app(page, "Surveillance technologies")
    page.get_by_role("link", name="Fixed automated license plate readers").click()
    wait_for_app(page, "Surveillance technology notice")


def test_notice_map_renders_and_versions_switch(page: Page, live_server: LiveServer) -> None:
    open_alpr_notice(page, live_server)
    expect(page).to_have_url(re.compile(r"technology=alpr-fixed"))
    expect(page.get_by_role("heading", name="Fixed automated license plate readers")).to_be_visible()
    expect(page.get_by_text("Open for public comment until")).to_be_visible()
    # Leaflet loaded from /app/static and drew the districts and the clustered points.
    frame = map_frame(page)
    expect(frame.locator(".leaflet-container")).to_be_visible(timeout=30_000)
    # Districts are drawn on a canvas (prefer_canvas); the 24 points cluster.
    expect(frame.locator(".leaflet-overlay-pane canvas").first).to_be_attached(timeout=30_000)
    expect(frame.locator(".marker-cluster").first).to_be_visible(timeout=30_000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "notice.png"), full_page=True)

    page.get_by_test_id("stSelectbox").filter(has_text="Version").first.click()
    page.get_by_role("option", name="Version 1").click()
    expect(page.get_by_text("You are reading an earlier version")).to_be_visible(timeout=30_000)
    expect(page).to_have_url(re.compile(r"version=1"))


def test_notice_and_list_pages_have_no_serious_accessibility_violation(
    page: Page, live_server: LiveServer
) -> None:
    open_alpr_notice(page, live_server)
    map_frame(page).locator(".leaflet-container").wait_for(timeout=30_000)
    assert serious_violations(page) == []
    nav_link(page, "Surveillance technologies").click()
    wait_for_app(page, "Surveillance technologies")
    assert serious_violations(page) == []


def test_deployment_map_draws_without_third_parties(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url)
    wait_for_app(page, "Alder County Data Transparency Portal")
    nav_link(page, "Map of deployments").click()
    wait_for_app(page, "Map of deployments")
    expect(map_frame(page).locator(".leaflet-container")).to_be_visible(timeout=30_000)
    expect(map_frame(page).locator(".marker-cluster").first).to_be_visible(timeout=30_000)
    assert serious_violations(page) == []


def test_the_feeds_downloaded_from_a_page_in_spanish_are_in_spanish(
        page: Page, live_server: LiveServer) -> None:
    """The files are made when the button is pressed, after the page's run has ended: they
    still come in the language the page was read in."""
    page.goto(live_server.url + "/notices?lang=es")
    wait_for_app(page, "Tecnologías de vigilancia")
    with page.expect_download() as atom:
        page.get_by_role("button", name="Canal de avisos (Atom)").click()
    feed = atom.value.path().read_text(encoding="utf-8")
    assert 'xml:lang="es"' in feed
    with page.expect_download() as ics:
        page.get_by_role("button", name="Plazos de comentarios (iCalendar)").click()
    assert "LANGUAGE=es" in ics.value.path().read_text(encoding="utf-8")

    page.goto(live_server.url + "/notices")
    wait_for_app(page, "Surveillance technologies")
    with page.expect_download() as english:
        page.get_by_role("button", name="Notices feed (Atom)").click()
    assert 'xml:lang="es"' not in english.value.path().read_text(encoding="utf-8")
