"""A county's own records in Chromium: staff add a department, a dataset and a practice on it;
a resident comments on the practice; the dataset is in the public catalog (data.json).

The journey adds a practice, which would change the counts other browser tests read from the
shared demo server (the inventory's 153 practices): it runs against its own server instead.
"""

from __future__ import annotations

import json
import re
import secrets
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa
from playwright.sync_api import Browser, Locator, Page, expect

from portal.db import make_engine
from tests.browser.conftest import (
    ARTIFACTS,
    LiveServer,
    RequestLog,
    comment_with_receipt,
    nav_link,
    serious_violations,
    settle,
    start_server,
    stop_server,
    use_demo_role,
    wait_for_app,
)
from tests.services.test_downloads import dcat_validator

pytestmark = pytest.mark.browser

HOME = "Alder County Data Transparency Portal"
PAGE = "Departments and datasets"
# Unique within a run, and again if the module runs twice against one server.
RUN = secrets.token_hex(2).upper()
CODE = f"WTR{RUN}"
DEPARTMENT = f"Water Bureau {RUN}"
EMAIL = f"privacy.{RUN.lower()}@water.alder.example"
IDENTIFIER = f"alder-wtr-meter-reads-{RUN.lower()}"
DATASET = f"Water meter reads {RUN}"
DESCRIPTION = "Monthly meter reads for every service address, with the account number."
MODIFIED = "2026-05-31"
PRACTICE = f"Meter reads to the conservation contractor {RUN}"
COMMENT = "Why does a contractor need every household's meter reads each month? Please publish the contract."


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """Its own demo server: the practice added here must not change what other tests count.

    Streamlit's file watcher is off: a source file saved while the server runs would be
    imported a second time, and SQLModel refuses a table defined twice (every page then fails).
    """
    server = start_server(tmp_path_factory.mktemp("county"),
                          env={"PORTAL_DEMO_SIGNIN": "1", "STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none"})
    yield server
    stop_server(server)


@contextmanager
def visitor(browser: Browser, server: LiveServer, name: str) -> Iterator[Page]:
    """A fresh browser context (nobody signed in) whose every request must stay on ``server``,
    as the ``page`` fixture checks for the shared server; ``name`` names its failure screenshot."""
    seen = RequestLog(own_host=urlsplit(server.url).netloc)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.on("request", lambda r: seen.urls.append(r.url))
    page.on("websocket", lambda ws: seen.urls.append(ws.url))
    try:
        yield page
    except BaseException:
        ARTIFACTS.mkdir(exist_ok=True)
        with suppress(Exception):  # the test's own failure is the one to report
            page.screenshot(path=str(ARTIFACTS / f"county-records-{name}-failed.png"), full_page=True)
        raise
    finally:
        context.close()
    assert seen.foreign() == [], f"the page made third-party requests: {seen.foreign()}"


def choose(scope: Locator, label: str, option: str) -> None:
    """Pick ``option`` in the select box labelled ``label`` inside ``scope`` (a form)."""
    box = scope.get_by_role("combobox", name=label, exact=True)
    box.click()
    scope.page.keyboard.type(option[:24])  # long lists only draw the options in view
    scope.page.get_by_role("option", name=option, exact=True).click()
    expect(box).to_have_value(option)


def form(page: Page, button: str) -> Locator:
    return page.get_by_test_id("stForm").filter(has=page.get_by_role("button", name=button))


def query(server: LiveServer, sql: str, **params: object) -> list[tuple]:
    engine = make_engine(server.database_url)
    with engine.connect() as conn:
        rows = [tuple(r) for r in conn.execute(sa.text(sql), params)]
    engine.dispose()
    return rows


def as_staff(page: Page, server: LiveServer) -> None:
    page.goto(server.url)
    wait_for_app(page, HOME)
    use_demo_role(page, "City staff")
    nav_link(page, PAGE).click()
    wait_for_app(page, PAGE)
    settle(page)


def test_staff_add_a_department_dataset_and_practice_and_a_resident_comments(
    browser: Browser, county: LiveServer
) -> None:
    with visitor(browser, county, "staff") as page:
        as_staff(page, county)

        # The department first: every dataset names its steward.
        page.get_by_role("tab", name="Departments").click()
        department = form(page, "Save department")
        expect(department.get_by_role("heading", name="New department")).to_be_visible()
        department.get_by_role("textbox", name="Code").fill(CODE.lower())  # kept upper-case
        department.get_by_role("textbox", name="Name").fill(DEPARTMENT)
        department.get_by_role("textbox", name="What the department does").fill(
            "Drinking water, meters and billing.")
        department.get_by_role("textbox", name="Privacy contact (e-mail)").fill(EMAIL)
        department.get_by_role("button", name="Save department").click()
        expect(page.get_by_text(f"Saved department {CODE} as version 1.")).to_be_visible(timeout=30_000)
        # The page runs again with the new department open, not an empty form to fill twice.
        expect(department.get_by_role("heading", name="Edit the department")).to_be_visible()
        expect(department.get_by_role("textbox", name="Code")).to_have_value(CODE)
        expect(department.get_by_role("textbox", name="Code")).to_be_disabled()
        assert query(county, "SELECT code, name, contact_email, version FROM department "
                     "WHERE code = :c", c=CODE) == [(CODE, DEPARTMENT, EMAIL, 1)]
        settle(page)

        page.get_by_role("tab", name="Datasets").click()
        dataset = form(page, "Save dataset")
        expect(dataset.get_by_role("heading", name="New dataset")).to_be_visible()
        dataset.get_by_role("textbox", name="Identifier").fill(IDENTIFIER)
        dataset.get_by_role("textbox", name="Title").fill(DATASET)
        choose(dataset, "Steward department", f"{DEPARTMENT} ({CODE})")
        choose(dataset, "Classification", "Confidential")
        dataset.get_by_role("textbox", name="Description (public, in the catalog)").fill(DESCRIPTION)
        dataset.get_by_role("textbox", name="Catalog keywords (separated by semicolons)").fill(
            "water; meters; utilities")
        choose(dataset, "Access level", "Public: anyone may have it")
        dataset.get_by_role("spinbutton", name="Retention policy (days)").fill("1095")
        # The date is typed in its year, month and day fields, each moving on to the next.
        dataset.get_by_role("spinbutton", name="year, Data last changed").click()
        page.keyboard.type(MODIFIED.replace("-", ""))
        expect(dataset.get_by_test_id("stDateInput").locator("input[type=date]")).to_have_value(MODIFIED)
        dataset.get_by_role("button", name="Save dataset").click()
        expect(page.get_by_text(f"Saved dataset {IDENTIFIER} as version 1.")).to_be_visible(timeout=30_000)
        expect(dataset.get_by_role("heading", name="Edit the dataset")).to_be_visible()
        expect(dataset.get_by_role("combobox", name="Access level")).to_have_value(
            "Public: anyone may have it")
        expect(page.get_by_role("heading", name="Change history")).to_be_visible()
        drawn(page)
        snapshot(page, "manage-datasets-saved.png")
        assert query(county, "SELECT d.title, p.code, d.classification, d.access_level, "
                     "d.retention_policy_days, d.version FROM dataset d "
                     "JOIN department p ON p.id = d.department_id WHERE d.identifier = :i",
                     i=IDENTIFIER) == [(DATASET, CODE, "confidential", "public", 1095, 1)]
        settle(page)

        # The practice: the new dataset is offered at once in the inventory's form.
        nav_link(page, "Manage inventory").click()
        wait_for_app(page, "Manage the inventory")
        settle(page)
        practice = form(page, "Save practice")
        expect(practice.get_by_role("heading", name="New practice")).to_be_visible()
        choose(practice, "Dataset", f"{DATASET} ({DEPARTMENT}, confidential)")
        practice.get_by_role("textbox", name="Title").fill(PRACTICE)
        practice.get_by_role("textbox", name="Recipient").fill("BlueDrop Conservation LLC")
        choose(practice, "Recipient type", "Vendor or contractor")
        choose(practice, "How it is shared", "Contract")
        choose(practice, "How often", "Monthly")
        choose(practice, "Kind of legal basis", "Contract")
        practice.get_by_role("textbox", name="Legal basis").fill("Contract WB-2026-14, section 7")
        practice.get_by_role("textbox", name="Purpose").fill(
            "Find leaks and offer rebates to high-use households.")
        practice.get_by_role("textbox", name="Data elements (one per line)").fill(
            "Account number\nService address\nMonthly use")
        practice.get_by_role("button", name="Save practice").click()
        expect(page.get_by_text(f"Saved {PRACTICE} as version 1.")).to_be_visible(timeout=30_000)

    found = query(county, "SELECT p.id, d.identifier, p.status, p.version FROM sharing_practice p "
                  "JOIN dataset d ON d.id = p.dataset_id WHERE p.title = :t", t=PRACTICE)
    assert len(found) == 1
    practice_id, on_dataset, status, version = found[0]
    assert (on_dataset, status, version) == (IDENTIFIER, "active", 1)

    # A resident, signed in as nobody, opens the practice by its address and comments on it.
    with visitor(browser, county, "resident") as page:
        page.goto(f"{county.url}/inventory?practice={practice_id}")
        wait_for_app(page, PRACTICE)
        expect(page.get_by_text(DATASET).first).to_be_visible()
        expect(page.get_by_text("BlueDrop Conservation LLC").first).to_be_visible()
        expect(page.get_by_text("Account number", exact=True)).to_be_visible()
        page.get_by_role("textbox", name="Your comment (required)").fill(COMMENT)
        page.get_by_role("button", name="Check and send").click()
        receipt = page.get_by_test_id("stAlert").filter(has_text="awaiting moderation")
        expect(receipt).to_be_visible(timeout=30_000)
        code = re.search(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", receipt.inner_text()).group(0)
    comment = comment_with_receipt(county, code)
    assert (comment.target_type, comment.target_id) == ("practice", practice_id)
    assert comment.state == "pending"
    assert comment.redacted_text == COMMENT

    # The public catalog lists the dataset, as DCAT-US v1.1 requires, and polls are cheap.
    with urllib.request.urlopen(county.url + "/data.json", timeout=30) as answer:
        assert answer.status == 200
        assert answer.headers["Content-Type"].startswith("application/json")
        etag = answer.headers["ETag"]
        catalog = json.loads(answer.read())
    assert etag
    assert list(dcat_validator().iter_errors(catalog)) == []
    entries = [d for d in catalog["dataset"] if d["identifier"] == IDENTIFIER]
    assert len(entries) == 1
    entry = entries[0]
    assert entry["title"] == DATASET
    assert entry["description"] == DESCRIPTION
    assert entry["keyword"] == ["water", "meters", "utilities"]
    assert entry["modified"] == MODIFIED
    assert entry["accessLevel"] == "public"
    assert entry["publisher"]["name"] == DEPARTMENT
    assert entry["publisher"]["subOrganizationOf"]["name"] == "Alder County"
    assert entry["contactPoint"]["hasEmail"] == f"mailto:{EMAIL}"
    assert entry["contactPoint"]["fn"] == f"{DEPARTMENT} privacy contact"
    again = urllib.request.Request(county.url + "/data.json", headers={"If-None-Match": etag})
    with pytest.raises(urllib.error.HTTPError) as not_modified:
        urllib.request.urlopen(again, timeout=30)
    assert not_modified.value.code == 304
    assert not_modified.value.read() == b""


def drawn(page: Page) -> None:
    """Wait until the run has ended and every widget is drawn: a form's fields show grey
    placeholders for a moment after the script is done, and axe would check those instead."""
    settle(page)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stMain\"] [data-testid=\"stSkeleton\"]')",
        timeout=30_000)
    settle(page)


def snapshot(page: Page, name: str) -> None:
    """The whole page at this width, from its top: Streamlit scrolls inside the page, so a
    full-page screenshot would stop at the window's height; make the window as tall as the page."""
    size = page.viewport_size
    assert size is not None
    main = page.locator("[data-testid='stMain']")
    main.evaluate("e => e.scrollTo(0, 0)")
    height = main.evaluate("e => e.scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], height)})
    drawn(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)
    page.set_viewport_size(size)
    drawn(page)


@pytest.mark.parametrize("width", [1280, 390])
def test_departments_and_datasets_page_is_accessible(
    browser: Browser, county: LiveServer, width: int
) -> None:
    with visitor(browser, county, f"axe-{width}") as page:
        as_staff(page, county)
        if width != 1280:
            # The role is kept in a cookie: the same staff member, on a phone.
            page.set_viewport_size({"width": width, "height": 844})
            page.goto(county.url + "/manage-datasets")
            wait_for_app(page, PAGE)
            expect(page.locator(".st-key-phone_menu")).to_be_visible()
        dataset = form(page, "Save dataset")
        expect(dataset.get_by_role("heading", name="New dataset")).to_be_visible()
        expect(dataset.get_by_role("combobox", name="Steward department")).to_be_visible()
        expect(dataset.get_by_role("textbox", name="Identifier")).to_be_visible()
        drawn(page)
        assert serious_violations(page) == []
        snapshot(page, f"manage-datasets-{width}.png")

        page.get_by_role("tab", name="Departments").click()
        department = form(page, "Save department")
        expect(department.get_by_role("heading", name="New department")).to_be_visible()
        expect(department.get_by_role("textbox", name="Privacy contact (e-mail)")).to_be_visible()
        drawn(page)
        assert serious_violations(page) == []
        snapshot(page, f"manage-departments-{width}.png")
