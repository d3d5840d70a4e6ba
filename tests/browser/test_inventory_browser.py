"""The sharing inventory in Chromium: filter, open a practice by its URL, download, axe."""

from __future__ import annotations

import csv
import io
import re

import pytest
import sqlalchemy as sa
from playwright.sync_api import Page, expect

from portal.db import make_engine
from tests.browser.conftest import (
    ARTIFACTS,
    LiveServer,
    nav_link,
    run_ended,
    serious_violations,
    use_demo_role,
    wait_for_app,
)

pytestmark = pytest.mark.browser


def _practice(live_server: LiveServer, title_like: str) -> tuple[int, str]:
    engine = make_engine(live_server.database_url)
    with engine.connect() as conn:
        row = conn.execute(sa.text("SELECT id, title FROM sharing_practice WHERE title LIKE :t"),
                           {"t": title_like}).first()
        total = conn.execute(sa.text("SELECT COUNT(*) FROM sharing_practice")).scalar_one()
    engine.dispose()
    assert row is not None and total > 100
    return row[0], row[1]


def shown(page: Page) -> str:
    return page.get_by_test_id("stMetric").filter(has_text="Practices shown").inner_text()


def test_filter_then_download_the_csv(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url + "/inventory")
    wait_for_app(page, "Sharing inventory")
    expect(page.get_by_test_id("stMetric").filter(has_text="Practices shown")).to_contain_text("153")
    search = page.get_by_label("Search the inventory")
    search.fill("ICE")
    search.press("Enter")
    expect(page.get_by_test_id("stMetric").filter(has_text="Practices shown")).not_to_contain_text("153")
    wait_for_app(page, "Sharing inventory")
    count = int(re.search(r"\d[\d,]*", shown(page).split("shown", 1)[1]).group().replace(",", ""))
    assert 0 < count < 153
    # A click while the filter's run is still drawing can land on a button being replaced
    # (the download then never starts): wait for the run to end first.
    run_ended(page)
    page.wait_for_timeout(500)

    with page.expect_download() as info:
        page.get_by_role("button", name="Inventory (CSV)").click()
    data = open(info.value.path(), "rb").read().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(data)))
    assert len(rows) == count
    assert all(not r["title"].startswith(("=", "+", "-", "@")) for r in rows)
    wait_for_app(page, "Sharing inventory")
    page.wait_for_timeout(500)  # stale elements fade while a run finishes; axe would flag them
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "inventory.png"), full_page=True)
    assert serious_violations(page) == []


def test_a_practice_opens_by_its_url(page: Page, live_server: LiveServer) -> None:
    practice_id, title = _practice(live_server, "Release-date confirmations to ICE%")
    page.goto(f"{live_server.url}/inventory?practice={practice_id}")
    wait_for_app(page, title)
    expect(page.get_by_text("Immigration or citizenship status shared informally").first).to_be_visible()
    expect(page.get_by_role("heading", name="Change history")).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "practice.png"), full_page=True)
    assert serious_violations(page) == []


@pytest.mark.parametrize("path,heading", [("/request-log", "Request transparency log"),
                                          ("/definitions", "Definitions")])
def test_public_pages_are_accessible(page: Page, live_server: LiveServer, path: str, heading: str) -> None:
    page.goto(live_server.url + path)
    wait_for_app(page, heading)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{path.strip('/')}.png"), full_page=True)
    assert serious_violations(page) == []


def test_commissioner_sees_findings(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url)
    wait_for_app(page, "Alder County Data Transparency Portal")
    use_demo_role(page, "Privacy commissioner")
    nav_link(page, "Compliance findings").click()
    wait_for_app(page, "Compliance findings")
    expect(page.get_by_test_id("stMetric").filter(has_text="Open findings")).to_be_visible()
    wait_for_app(page, "Compliance findings")
    page.wait_for_timeout(500)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "compliance.png"), full_page=True)
    assert serious_violations(page) == []
