"""A referred comment in Chromium: a moderator refers it, a commissioner publishes it from the
commission's desk, and the resident's receipt lookup shows the commission's decision."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import (
    LiveServer,
    comment_with_receipt,
    nav_link,
    serious_violations,
    settle,
    use_demo_role,
    wait_for_app,
)

pytestmark = pytest.mark.browser

TEXT = "The drone flew over the school on Ash Street twice last week; who decided that?"


def _state(live_server: LiveServer, code: str) -> str:
    return comment_with_receipt(live_server, code).state


def test_a_referred_comment_is_decided_by_the_commission_and_the_resident_sees_it(
    page: Page, live_server: LiveServer
) -> None:
    page.goto(live_server.url)
    wait_for_app(page, "Alder County Data Transparency Portal")
    nav_link(page, "Have your say").click()
    wait_for_app(page, "Have your say")
    page.get_by_role("textbox", name="Your comment (required)").fill(TEXT)
    page.get_by_role("button", name="Check and send").click()
    success = page.get_by_test_id("stAlert").filter(has_text="awaiting moderation")
    expect(success).to_be_visible(timeout=30_000)
    code = re.search(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", success.inner_text()).group(0)

    use_demo_role(page, "Moderator")
    nav_link(page, "Moderation queue").click()
    wait_for_app(page, "Moderation queue")
    picker = page.get_by_label("Comment", exact=True)
    picker.click()
    # By its id, as moderators pick: other queued comments may match words of the text.
    page.keyboard.type(f"#{comment_with_receipt(live_server, code).id} ")
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("stText").filter(has_text="Ash Street")).to_be_visible(timeout=30_000)
    settle(page)
    page.get_by_text("Refer to the commission", exact=True).click()
    page.get_by_label(re.compile("Note for the moderation log")).fill(
        "A school and a drone: for the commission.")
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_text(re.compile("refer to the commission — recorded"))).to_be_visible(timeout=30_000)
    assert _state(live_server, code) == "escalated"

    use_demo_role(page, "Privacy commissioner")
    nav_link(page, "Referred to the commission").click()
    wait_for_app(page, "Referred to the commission")
    card = page.get_by_test_id("stVerticalBlock").filter(
        has=page.get_by_test_id("stText").filter(has_text="Ash Street")).filter(
        has=page.get_by_role("button", name="Record the decision")).last
    expect(card.get_by_text("A school and a drone: for the commission.")).to_be_visible()
    settle(page)
    assert serious_violations(page) == []
    card.get_by_role("button", name="Record the decision").click()  # "Publish it" is the default
    settle(page)
    expect(page.get_by_test_id("stText").filter(has_text="Ash Street")).to_have_count(0, timeout=30_000)
    assert _state(live_server, code) == "published"

    nav_link(page, "Have your say").click()
    wait_for_app(page, "Have your say")
    page.get_by_label("Receipt code").fill(code)
    page.get_by_role("button", name="Check status").click()
    expect(page.get_by_text(re.compile("referred it to the Privacy Commission"))).to_be_visible(
        timeout=30_000)
    expect(page.get_by_text(re.compile("Published by the commission"))).to_be_visible()
    settle(page)
    assert serious_violations(page) == []
