"""Staff sign-in in Chromium against a real OpenID Connect provider (``oidc-provider-mock``).

The whole round trip: the sidebar's Sign in button, the provider's form, back to the
portal signed in with the pages the claims give, and out again. Roles come through
``PORTAL_ROLES_CLAIM=groups`` and ``PORTAL_ROLE_MAP``, as a real deployment's would.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Request, expect
from playwright.sync_api import Error as PlaywrightError
from sqlmodel import Session

from portal.auth.grants import grant_role, revoke_role
from portal.auth.roles import SYSTEM
from portal.db import make_engine
from tests.browser.conftest import (
    ARTIFACTS,
    CHAIN_CHECKED,
    LiveServer,
    OidcProvider,
    account,
    nav_link,
    serious_violations,
    start_oidc_provider,
    start_server,
    stop_server,
    wait_for_app,
)

pytestmark = pytest.mark.browser

HOME = "Alder County Data Transparency Portal"
ROLE_MAP = {"grp-privacy-commission": "commissioner", "grp-portal-admins": "admin"}


@pytest.fixture(scope="module")
def provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OidcProvider]:
    provider = start_oidc_provider(tmp_path_factory.mktemp("oidc"))
    yield provider
    stop_server(provider)


@pytest.fixture(scope="module")
def server(provider: OidcProvider, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    server = start_server(
        tmp_path_factory.mktemp("signin"),
        secrets=provider.auth_secrets(),
        env={"PORTAL_ROLES_CLAIM": "groups", "PORTAL_ROLE_MAP": json.dumps(ROLE_MAP),
             "PORTAL_DEMO_SIGNIN": "0"},
    )
    yield server
    stop_server(server)


@pytest.fixture
def page(browser: Browser, server: LiveServer, provider: OidcProvider,
         request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh context (auth cookies ignore ports); the portal's own pages may reach
    nobody but the portal and the provider it sends people to.

    The mock provider's form links a stylesheet on a public CDN: that request is the
    provider's, not the portal's, and is blocked rather than counted.
    """
    own = {urlsplit(server.url).netloc, urlsplit(provider.url).netloc}
    portal_host = urlsplit(server.url).netloc
    foreign: list[str] = []

    def seen(req: Request) -> None:
        try:
            frame_host = urlsplit(req.frame.url).netloc
        except PlaywrightError:  # a request without a frame (service worker): count it
            frame_host = portal_host
        parts = urlsplit(req.url)
        if frame_host == portal_host and parts.scheme in ("http", "https", "ws", "wss") \
                and parts.netloc not in own:
            foreign.append(req.url)

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("https://cdn.jsdelivr.net/**", lambda route: route.abort())
    page = context.new_page()
    page.on("request", seen)
    yield page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert foreign == [], f"the portal made third-party requests: {foreign}"


def sign_in(page: Page, server: LiveServer, provider: OidcProvider, sub: str) -> None:
    page.goto(server.url)
    wait_for_app(page, HOME)
    sidebar = account(page)
    expect(sidebar.get_by_text("You are browsing as a resident")).to_be_visible()
    sidebar.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{provider.url}/oauth2/authorize**")
    page.locator("input[name=sub]").fill(sub)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{server.url}/**")
    wait_for_app(page, HOME)


def test_round_trip_signs_in_with_the_claims_roles_and_out_again(
    page: Page, server: LiveServer, provider: OidcProvider
) -> None:
    provider.set_user("pat-1", {
        "email": "pat.okafor@alder-county.example", "name": "Pat Okafor",
        "groups": ["grp-privacy-commission", "grp-unrelated"],
    })
    sign_in(page, server, provider, "pat-1")

    sidebar = account(page)
    expect(sidebar.get_by_text("Signed in as Pat Okafor")).to_be_visible()
    expect(sidebar.get_by_text("Roles: Privacy commissioner")).to_be_visible()
    expect(nav_link(page, "Audit log")).to_be_visible()
    expect(nav_link(page, "Roles")).to_have_count(0)
    expect(nav_link(page, "Moderation queue")).to_have_count(0)
    assert serious_violations(page) == []

    nav_link(page, "Audit log").click()
    wait_for_app(page, "Audit log")
    expect(page.get_by_text(CHAIN_CHECKED).first).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "signed-in-commissioner.png"), full_page=True)

    # A reload and a direct link keep the person signed in, on the page they asked for.
    page.reload()
    wait_for_app(page, "Audit log")
    expect(sidebar.get_by_text("Roles: Privacy commissioner")).to_be_visible()
    page.goto(server.url + "/commission-desk")
    wait_for_app(page, "Referred to the commission")
    expect(page.get_by_text("Page not found")).to_have_count(0)

    sidebar.get_by_role("button", name="Sign out").click()
    # The provider ends its session too, then sends the browser back to the portal.
    page.wait_for_url(f"{provider.url}/oauth2/end_session**")
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(f"{server.url}/**")
    wait_for_app(page, HOME)
    expect(sidebar.get_by_role("button", name="Sign in")).to_be_visible()
    expect(nav_link(page, "Audit log")).to_have_count(0)

    page.goto(server.url + "/audit-log")
    wait_for_app(page, "This page is not available")
    expect(page.get_by_role("heading", name="Audit log")).to_have_count(0)
    expect(page.get_by_text("Page not found")).to_have_count(0)


def test_signed_in_without_a_role_is_told_they_are_treated_as_a_resident(
    page: Page, server: LiveServer, provider: OidcProvider
) -> None:
    provider.set_user("sam-2", {"email": "sam@alder-county.example", "name": "Sam Reyes",
                                "groups": ["grp-unrelated"]})
    sign_in(page, server, provider, "sam-2")
    expect(page.get_by_text("you are treated as a resident")).to_be_visible()
    sidebar = account(page)
    expect(sidebar.get_by_text("Signed in as Sam Reyes")).to_be_visible()
    expect(sidebar.get_by_text("Roles: Resident")).to_be_visible()
    expect(sidebar.get_by_role("button", name="Sign out")).to_be_visible()
    expect(nav_link(page, "Audit log")).to_have_count(0)
    assert serious_violations(page) == []


def test_a_grant_and_its_revocation_take_effect_on_the_next_action(
    page: Page, server: LiveServer, provider: OidcProvider
) -> None:
    email = "lee.moderator@alder-county.example"
    provider.set_user("lee-3", {"email": email, "name": "Lee Tran"})
    engine = make_engine(server.database_url)
    try:
        with Session(engine) as session:
            grant_role(session=session, actor=SYSTEM, subject=email, role="moderator")
            session.commit()
        sign_in(page, server, provider, "lee-3")
        expect(nav_link(page, "Moderation queue")).to_be_visible()

        with Session(engine) as session:
            revoke_role(session=session, actor=SYSTEM, subject=email, role="moderator")
            session.commit()
        nav_link(page, "Commission meetings").click()
        wait_for_app(page, "Privacy Commission meetings")
        expect(nav_link(page, "Moderation queue")).to_have_count(0)
        expect(page.get_by_text("you are treated as a resident")).to_be_visible()
    finally:
        engine.dispose()


def test_an_expired_id_token_counts_as_signed_out(
    browser: Browser, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Streamlit keeps its cookie past the ID token's ``exp``; the portal must not."""
    lifetime = 20  # long enough for a slow first page, short enough to wait out
    short = start_oidc_provider(tmp_path_factory.mktemp("oidc-short"), token_max_age=lifetime)
    try:
        portal = start_server(tmp_path_factory.mktemp("signin-short"), secrets=short.auth_secrets())
        try:
            short.set_user("kim-4", {"email": "kim@alder-county.example", "name": "Kim Park",
                                     "roles": ["commissioner"]})
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.route("https://cdn.jsdelivr.net/**", lambda route: route.abort())
            page = context.new_page()
            sign_in(page, portal, short, "kim-4")
            expect(nav_link(page, "Audit log")).to_be_visible()

            # The token was issued before sign_in returned: after this it has expired.
            time.sleep(lifetime + 1)
            nav_link(page, "Commission meetings").click()
            wait_for_app(page, "Privacy Commission meetings")
            expect(page.get_by_text("Your sign-in has expired")).to_be_visible()
            expect(nav_link(page, "Audit log")).to_have_count(0)
            sidebar = account(page)
            expect(sidebar.get_by_role("button", name="Sign in")).to_be_visible()
            context.close()
        finally:
            stop_server(portal)
    finally:
        stop_server(short)
