"""Surveys in Chromium: staff build one, two browsers answer, the first cannot answer twice."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from playwright.sync_api import Browser, Page, expect

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

SLUG = "bus-stops-2026"


def responses(live_server: LiveServer) -> int:
    engine = make_engine(live_server.database_url)
    with engine.connect() as conn:
        n = conn.execute(sa.text(
            "SELECT COUNT(*) FROM survey_response JOIN survey ON survey.id = survey_response.survey_id "
            "WHERE survey.slug = :s"), {"s": SLUG}).scalar_one()
    engine.dispose()
    return int(n)


def settle(page: Page) -> None:
    run_ended(page)
    page.wait_for_timeout(600)


def add_question(page: Page, kind: str, text: str, options: str = "") -> None:
    form = page.get_by_test_id("stForm").filter(has=page.get_by_label("Question", exact=True))
    if kind != "One choice":  # the default
        form.get_by_test_id("stSelectbox").filter(has_text="Kind").click()
        page.keyboard.type(kind)
        # Enter only once the list has filtered to the kind: under load Enter could land
        # first, and the question was saved as the default kind and refused.
        expect(page.get_by_test_id("stSelectboxVirtualDropdown")).to_contain_text(kind,
                                                                                  timeout=30_000)
        page.keyboard.press("Enter")
    form.get_by_label("Question", exact=True).fill(text)
    if options:
        form.get_by_label("Options, one per line (choices; a 5-point question's labels)").fill(options)
    form.get_by_role("button", name="Save question").click()
    expect(page.get_by_text(text).first).to_be_visible(timeout=30_000)
    settle(page)
    # Saved, not refused: the question is in the preview residents will see.
    expect(page.get_by_text(f"{text} (optional)").first).to_be_visible(timeout=30_000)


def build(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url)
    wait_for_app(page, "Alder County Data Transparency Portal")
    use_demo_role(page, "City staff")
    nav_link(page, "Build surveys").click()
    wait_for_app(page, "Build surveys")
    page.get_by_role("textbox", name="Address name (slug)").fill(SLUG)
    page.get_by_role("textbox", name="Title", exact=True).fill("Bus stops near you")
    page.get_by_role("button", name="Save survey").click()
    # The new survey opens at once, ready for its questions.
    expect(page.get_by_role("heading", name="Questions")).to_be_visible(timeout=30_000)
    settle(page)
    add_question(page, "One choice", "Do you wait at a stop without a shelter?", "Yes\nNo")
    add_question(page, "Rating 0–10", "How safe does your stop feel?")
    add_question(page, "Short text", "Which stop do you use most?")
    page.get_by_role("button", name="Publish survey").click()
    expect(page.get_by_role("button", name="Close survey")).to_be_visible(timeout=30_000)
    settle(page)
    assert serious_violations(page) == []


def answer(page: Page, live_server: LiveServer, choice: str, *, from_list: bool = False) -> None:
    """Answer the survey, opened by its address or (``from_list``) from the list of surveys:
    a survey opened from the list once lost its place on the first answer chosen."""
    if from_list:
        page.goto(f"{live_server.url}/surveys")
        wait_for_app(page, "Surveys")
        page.get_by_role("link", name="Bus stops near you").click()
    else:
        page.goto(f"{live_server.url}/surveys?survey={SLUG}")
    wait_for_app(page, "Bus stops near you")
    expect(page).to_have_url(f"{live_server.url}/surveys?survey={SLUG}", timeout=30_000)
    page.get_by_text(choice, exact=True).first.click()
    settle(page)
    page.get_by_label("Which stop do you use most? (optional)").fill("The one outside the library")
    page.get_by_label("Which stop do you use most? (optional)").press("Tab")
    settle(page)
    page.get_by_role("button", name="Send answers").click()
    expect(page.get_by_text("your answers were received").first).to_be_visible(timeout=30_000)


def test_build_answer_twice_and_refuse_a_second_answer(browser: Browser, page: Page,
                                                       live_server: LiveServer) -> None:
    build(page, live_server)
    first = browser.new_context(viewport={"width": 390, "height": 844})  # a phone
    second = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        one, two = first.new_page(), second.new_page()
        answer(one, live_server, "Yes")
        answer(two, live_server, "No", from_list=True)
        assert responses(live_server) == 2
        # The first browser comes back (a reload is a new Streamlit session): refused.
        one.goto(f"{live_server.url}/surveys?survey={SLUG}")
        wait_for_app(one, "Bus stops near you")
        expect(one.get_by_text("your answers were received").first).to_be_visible(timeout=30_000)
        expect(one.get_by_role("button", name="Send answers")).to_have_count(0)
        assert responses(live_server) == 2
        # Results: two responses, shown as fewer than 11 (k = 11), never as "2".
        two.get_by_role("tab", name="Results so far").click()
        expect(two.get_by_text("Responses: fewer than 11").first).to_be_visible(timeout=30_000)
        settle(two)
        ARTIFACTS.mkdir(exist_ok=True)
        one.screenshot(path=str(ARTIFACTS / "survey-phone.png"), full_page=True)
        two.screenshot(path=str(ARTIFACTS / "survey-results.png"), full_page=True)
        assert serious_violations(two) == []
        assert serious_violations(one) == []
        # Staff (still signed in on the first page) download the answers: no identifiers.
        nav_link(page, "Surveys").click()
        wait_for_app(page, "Surveys")
        page.get_by_role("link", name="Bus stops near you").click()
        wait_for_app(page, "Bus stops near you")
        page.get_by_role("tab", name="Results so far").click()
        with page.expect_download() as info:
            page.get_by_role("button", name="Answers (CSV, no identifiers)").click()
        rows = open(info.value.path(), "rb").read().decode("utf-8-sig").splitlines()
        assert rows[0] == "response,question,question_text,answer"
        assert {r.split(",")[0] for r in rows[1:]} == {"1", "2"}
    finally:
        first.close()
        second.close()
