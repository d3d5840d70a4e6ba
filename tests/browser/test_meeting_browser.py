"""A commission meeting in Chromium: a resident reads its agenda, a commissioner publishes the
packet, and the downloaded PDF holds every agenda item and the quotes the JSON lists."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Download, Page, expect
from pypdf import PdfReader

from portal.settings import PROJECT_ROOT
from tests.browser.conftest import (
    LiveServer,
    nav_link,
    serious_violations,
    settle,
    use_demo_role,
    wait_for_app,
)

pytestmark = pytest.mark.browser

MEETINGS = "Privacy Commission meetings"


def upcoming_meeting() -> dict:
    """The demo county's first upcoming meeting, as data/demo/meetings.json describes it."""
    meetings = json.loads((PROJECT_ROOT / "data" / "demo" / "meetings.json").read_text("utf-8"))
    return min((m for m in meetings if m["in_days"] > 0), key=lambda m: m["in_days"])


def words(text: str) -> str:
    """``text`` with every run of whitespace made one space: PDF extraction breaks lines."""
    return " ".join(text.split())


def open_meeting(page: Page, title: str) -> None:
    """From the meetings list, in the same session: the meeting's "Agenda and packet" link."""
    # The innermost block holding both the title and a link is the meeting's bordered card.
    card = page.get_by_test_id("stVerticalBlock").filter(
        has=page.get_by_role("heading", name=title, exact=True)).filter(
        has=page.get_by_role("link", name="Agenda and packet")).last
    card.get_by_role("link", name="Agenda and packet").click()
    # The title is a heading on the list too: wait for what only the meeting page has.
    expect(page).to_have_url(re.compile(r"/meeting\?id=\d+"), timeout=30_000)
    expect(page.get_by_role("heading", name="Agenda", exact=True)).to_be_visible(timeout=30_000)
    wait_for_app(page, title)
    settle(page)


def agenda_headings(page: Page, meeting: dict) -> None:
    for position, item in enumerate(meeting["agenda"], start=1):
        expect(page.get_by_role("heading", name=f"{position}. {item['title']}", exact=True)) \
            .to_be_visible(timeout=30_000)


def download(page: Page, label: str) -> Download:
    settle(page)  # a click during a rerun can be lost
    with page.expect_download(timeout=60_000) as info:
        # The accessible name may start with the icon's ligature ("picture_as_pdf PDF").
        page.get_by_role("button", name=re.compile(rf"(^|\s){re.escape(label)}$")).click()
    return info.value


def test_resident_reads_the_agenda_of_the_next_meeting(page: Page, live_server: LiveServer) -> None:
    meeting = upcoming_meeting()
    page.goto(f"{live_server.url}/meetings")
    wait_for_app(page, MEETINGS)
    expect(page.get_by_role("heading", name="Upcoming meetings")).to_be_visible()
    settle(page)
    assert serious_violations(page) == []

    open_meeting(page, meeting["title"])
    agenda_headings(page, meeting)
    # A resident sees the packet's section but no way to build one.
    expect(page.get_by_role("heading", name="Packet")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^Build and publish"))).to_have_count(0)
    assert serious_violations(page) == []


def test_commissioner_publishes_the_packet_and_the_pdf_holds_agenda_and_quotes(
    page: Page, live_server: LiveServer, tmp_path: Path
) -> None:
    meeting = upcoming_meeting()
    titles = [item["title"] for item in meeting["agenda"]]
    page.goto(live_server.url)
    wait_for_app(page, "Alder County Data Transparency Portal")
    use_demo_role(page, "Privacy commissioner")
    # Within the session (a fresh page load would start a new one, signed out).
    nav_link(page, "Commission meetings").click()
    wait_for_app(page, MEETINGS)
    settle(page)
    open_meeting(page, meeting["title"])
    agenda_headings(page, meeting)

    build = page.get_by_role("button", name="Build and publish version 1")
    expect(build).to_be_disabled()  # nothing is published by one stray click
    page.get_by_text(re.compile("^Publish version 1 for everyone")).click()
    expect(build).to_be_enabled(timeout=30_000)
    settle(page)
    build.click()
    expect(page.get_by_role("heading", name="Version 1", exact=True)).to_be_visible(timeout=60_000)
    expect(page.get_by_role("button", name="Build and publish version 2")).to_be_visible(
        timeout=30_000)
    settle(page)

    pdf_path = tmp_path / "packet.pdf"
    pdf = download(page, "PDF")
    assert pdf.suggested_filename.endswith("-packet-v1.pdf")
    pdf.save_as(pdf_path)
    packet = json.loads(download(page, "JSON (every figure and quote)").path().read_bytes())
    assert packet["version"] == 1
    assert [item["title"] for item in packet["items"]] == titles

    text = words(" ".join(p.extract_text() or "" for p in PdfReader(pdf_path).pages))
    missing = [t for t in titles if words(t) not in text]
    assert missing == [], f"agenda items missing from the PDF: {missing}"
    quotes = [q["text"] for item in packet["items"] for theme in item["summary"]["themes"]
              for q in theme["quotes"]]
    assert quotes, "the demo meeting's packet has no quote to look for"
    # Every quote, not just one: each is a resident's exact words, so the PDF must carry it.
    missing = [q[:80] for q in quotes if words(q)[:40] not in text]
    assert missing == [], f"quotes of the JSON missing from the PDF: {missing}"

    assert serious_violations(page) == []
