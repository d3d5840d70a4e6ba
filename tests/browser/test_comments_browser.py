"""A resident's comment with a phone number, from the form to publication, in Chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import (
    ARTIFACTS,
    LiveServer,
    comment_with_receipt,
    nav_link,
    run_ended,
    serious_violations,
    use_demo_role,
    wait_for_app,
)

pytestmark = pytest.mark.browser

TEXT = "Please stop the drone flights over Eastgate park. Call me at 503-248-7731 to talk."


def test_comment_with_a_phone_number_is_warned_moderated_and_published_redacted(
    page: Page, live_server: LiveServer
) -> None:
    page.goto(live_server.url)
    wait_for_app(page, "Alder County Data Transparency Portal")
    nav_link(page, "Have your say").click()
    wait_for_app(page, "Have your say")
    # The bots' field is in the page, but neither a person nor a screen reader meets it.
    expect(page.get_by_label("Leave this field empty")).to_have_count(1)
    expect(page.get_by_label("Leave this field empty")).to_be_hidden()
    expect(page.get_by_text("For automated checks only")).to_have_count(0)
    page.get_by_role("textbox", name="Your comment (required)").fill(TEXT)
    page.get_by_role("button", name="Check and send").click()
    expect(page.get_by_text(re.compile("contains personal data: a phone number"))).to_be_visible(timeout=30_000)
    expect(page.get_by_text("[phone removed]").first).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "comment-warning.png"), full_page=True)
    assert serious_violations(page) == []

    page.get_by_role("button", name="Send it with these removed").click()
    success = page.get_by_test_id("stAlert").filter(has_text="awaiting moderation")
    expect(success).to_be_visible(timeout=30_000)
    code = re.search(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", success.inner_text()).group(0)
    comment = comment_with_receipt(live_server, code)
    assert comment.state == "pending" and "503-248-7731" not in comment.redacted_text

    use_demo_role(page, "Moderator")
    nav_link(page, "Moderation queue").click()
    wait_for_app(page, "Moderation queue")
    picker = page.get_by_label("Comment", exact=True)
    picker.click()
    page.keyboard.type(f"#{comment.id} ")
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("stText").filter(has_text="503-248-7731")).to_be_visible(timeout=30_000)
    run_ended(page)
    page.wait_for_timeout(1500)  # faded elements of the rerun must settle before checking contrast
    page.screenshot(path=str(ARTIFACTS / "moderation-queue.png"), full_page=True)
    assert serious_violations(page) == []
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_text(f"Comment #{comment.id}: publish — recorded.")).to_be_visible(timeout=30_000)
    assert comment_with_receipt(live_server, code).state == "published"

    nav_link(page, "Have your say").click()
    wait_for_app(page, "Have your say")
    published = page.get_by_text(re.compile(r"Please stop the drone flights over Eastgate park\. Call me at \[phone removed\]"))
    expect(published).to_be_visible(timeout=30_000)
    expect(page.get_by_text("503-248-7731")).to_have_count(0)
    page.screenshot(path=str(ARTIFACTS / "comment-published.png"), full_page=True)


def test_policy_page_has_no_serious_accessibility_violation(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url)
    wait_for_app(page, "Alder County Data Transparency Portal")
    nav_link(page, "Moderation policy").click()
    wait_for_app(page, "Moderation policy")
    expect(page.get_by_text("Moderation statistics")).to_be_visible()
    expect(page.get_by_test_id("stDataFrame")).to_have_count(2)
    # Let the previous page's faded elements go before checking contrast.
    page.wait_for_timeout(1500)
    assert serious_violations(page) == []
