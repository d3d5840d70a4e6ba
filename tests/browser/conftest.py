"""The real app in a real Chromium (DESIGN.md §4, §6).

``portal serve`` runs on a free loopback port over a fresh SQLite file with
the demo county; Playwright drives Debian's ``/usr/bin/chromium``. Every
request a page makes is recorded, and a test fails if any leaves the
portal's own host: a resident's visit is reported to nobody else.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Locator, Page, sync_playwright

from portal.settings import PROJECT_ROOT

CHROMIUM = os.environ.get("PORTAL_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
ARTIFACTS = PROJECT_ROOT / "test-results"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LiveServer:
    url: str
    database_url: str
    process: subprocess.Popen[bytes]
    log: Path


def start_server(
    tmp: Path, *, env: dict[str, str] | None = None, demo: bool = True, secrets: str | None = None,
) -> LiveServer:
    """``portal serve`` in ``tmp``; ``secrets`` is the text of its own ``secrets.toml``.

    Without ``secrets`` the server reads Streamlit's usual files, as an operator's would.
    """
    port = free_port()
    database_url = (env or {}).get("PORTAL_DATABASE_URL", f"sqlite:///{tmp / 'portal.db'}")
    log = tmp / "server.log"
    environment = {
        **os.environ,
        "PORTAL_DATABASE_URL": database_url,
        "PYTHONUNBUFFERED": "1",
        # The server must run the code under test, not whatever copy is installed.
        "PYTHONPATH": os.pathsep.join(filter(None, [str(PROJECT_ROOT), os.environ.get("PYTHONPATH")])),
        **(env or {}),
    }
    command = [sys.executable, "-m", "portal", "serve", "--port", str(port)]
    if demo:
        command.append("--demo")
    if secrets is not None:
        secrets_file = tmp / ".streamlit" / "secrets.toml"
        secrets_file.parent.mkdir(parents=True, exist_ok=True)
        secrets_file.write_text(secrets.replace("{port}", str(port)), encoding="utf-8")
        command += ["--secrets", str(secrets_file)]
    process = subprocess.Popen(
        command, cwd=tmp, env=environment, stdout=log.open("wb"), stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"portal serve exited:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return LiveServer(url, database_url, process, log)
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"portal serve did not answer in 90 s:\n{log.read_text()}")


@dataclass
class OidcProvider:
    """``oidc-provider-mock`` on a loopback port: a real OpenID Connect provider for tests."""

    url: str
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def metadata_url(self) -> str:
        return f"{self.url}/.well-known/openid-configuration"

    def set_user(self, sub: str, claims: dict[str, object]) -> None:
        """The claims the provider will put in ``sub``'s ID token at the next sign-in."""
        request = urllib.request.Request(
            f"{self.url}/users/{sub}", data=json.dumps(claims).encode(), method="PUT",
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 204, response.status

    def auth_secrets(self, *, client_id: str = "portal-tests") -> str:
        """A ``secrets.toml`` for a portal served on 127.0.0.1 (``{port}`` is filled in)."""
        return (
            "[auth]\n"
            'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
            f'cookie_secret = "{secrets.token_urlsafe(48)}"\n'
            f'client_id = "{client_id}"\n'
            f'client_secret = "{secrets.token_urlsafe(32)}"\n'
            f'server_metadata_url = "{self.metadata_url}"\n'
        )


def start_oidc_provider(tmp: Path, *, token_max_age: int | None = None) -> OidcProvider:
    """The provider on a free loopback port; ``token_max_age`` (seconds) shortens ID tokens."""
    port = free_port()
    log = tmp / "oidc.log"
    command = [sys.executable, "-m", "oidc_provider_mock", "-H", "127.0.0.1", "-p", str(port)]
    if token_max_age is not None:
        command += ["--token-max-age", str(token_max_age)]
    process = subprocess.Popen(
        command,
        cwd=tmp, stdout=log.open("wb"), stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
    )
    provider = OidcProvider(f"http://127.0.0.1:{port}", process, log)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"oidc-provider-mock exited:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(provider.metadata_url, timeout=2) as response:
                if response.status == 200:
                    return provider
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"oidc-provider-mock did not answer in 30 s:\n{log.read_text()}")


def stop_server(server: LiveServer | OidcProvider) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.process.kill()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The portal with the demo county and the demo sign-in enabled."""
    server = start_server(tmp_path_factory.mktemp("live"), env={"PORTAL_DEMO_SIGNIN": "1"})
    yield server
    stop_server(server)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class RequestLog:
    own_host: str
    urls: list[str] = field(default_factory=list)

    def foreign(self) -> list[str]:
        return [
            u for u in self.urls
            if urlsplit(u).scheme in ("http", "https", "ws", "wss")
            and urlsplit(u).netloc != self.own_host
        ]


@pytest.fixture
def requests_seen(live_server: LiveServer) -> RequestLog:
    return RequestLog(own_host=urlsplit(live_server.url).netloc)


@pytest.fixture
def page(browser: Browser, requests_seen: RequestLog, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh context per test (auth cookies ignore ports), recording every request."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.on("request", lambda r: requests_seen.urls.append(r.url))
    page.on("websocket", lambda ws: requests_seen.urls.append(ws.url))
    yield page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    foreign = requests_seen.foreign()
    assert foreign == [], f"the page made third-party requests: {foreign}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


#: The phone's folded menu has finished unfolding.
MENU_UNFOLDED = """() => {
  const menu = document.querySelector('.st-key-phone_menu details');
  return menu && menu.open && !menu.style.height && menu.getAnimations({subtree: true}).length === 0;
}"""


def nav_link(page: Page, name: str) -> Locator:
    """A page's entry in the site menu (pages may link to the same page too): the sidebar's
    on a desktop, the folded "Menu" at the top of the page on a phone (opened first)."""
    phone = page.locator(".st-key-phone_menu")
    size = page.viewport_size
    if size is not None and size["width"] < 768:  # the site style sheet's breakpoint
        # A click that lands while the page is still running is lost: let it finish first.
        settle(page)
        link = phone.get_by_role("link", name=name, exact=True)
        if not link.is_visible():
            phone.locator("summary").click()
        link.wait_for(state="visible", timeout=10_000)
        # The menu unfolds for half a second at a first measured height, its lower links
        # clipped, then takes its full height: a click in that moment lands on nothing
        # (1 click in 5 on a lower link was lost).
        page.wait_for_function(MENU_UNFOLDED, timeout=10_000)
        return link
    return page.locator(".st-key-site_menu").get_by_role("link", name=name, exact=True)


#: The audit log's verdict when its check passes: from the newest signed checkpoint, or the
#: whole chain when none is signed yet.
CHAIN_CHECKED = re.compile(r"entr(y|ies) is intact|entr(y|ies) written since the newest signed "
                           r"checkpoint are intact|No entry was written since the newest signed")


def account(page: Page) -> Locator:
    """The header's account area: who is signed in, and the way in or out."""
    return page.locator(".st-key-account")


def comment_with_receipt(live_server: LiveServer, code: str):  # type: ignore[no-untyped-def]
    """The comment a resident's receipt code names, read from the live server's database."""
    from sqlmodel import Session, select

    from portal.db import make_engine
    from portal.engagement.models import Comment

    engine = make_engine(live_server.database_url)
    with Session(engine) as session:
        comment = session.exec(select(Comment).where(Comment.receipt_code == code)).one()
    engine.dispose()
    return comment


def settle(page: Page) -> None:
    """Wait until the script run has ended and the previous run's faded elements are gone.

    axe measures contrast on what is drawn, so an element still fading back in after a rerun
    would be reported; wait for full opacity instead of sleeping.
    """
    run_ended(page)
    page.wait_for_function(
        """() => !document.querySelector('[data-stale="true"]')
                 && [...document.querySelectorAll('[data-testid="stElementContainer"]')]
                      .every(e => getComputedStyle(e).opacity === '1')""",
        timeout=30_000,
    )


def use_demo_role(page: Page, role: str) -> None:
    """Take ``role`` (its label, "Privacy commissioner") through the demo sign-in and wait
    until the header says so. The role is kept in a cookie: reloads and links keep it."""
    from playwright.sync_api import expect

    nav_link(page, "Demo sign-in").click()
    wait_for_app(page, "Demo sign-in")
    page.get_by_role("link", name=role, exact=True).click()
    wait_for_app(page, "Demo sign-in")
    expect(account(page).get_by_text(f"Roles: {role}")).to_be_visible(timeout=30_000)
    settle(page)


#: The script's run has ended: the app says so on its root element. The status widget alone
#: is not enough: it shows only after a run has gone on a moment, so on a loaded machine a
#: page could look idle with its heading drawn and the rest of the run still to come.
RUN_ENDED = """() => document.querySelector('[data-testid="stApp"]')
                        ?.getAttribute('data-test-script-state') === 'notRunning'
                    && !document.querySelector('[data-testid="stStatusWidget"]')"""


def run_ended(page: Page) -> None:
    """Wait until the script's run has ended."""
    page.wait_for_function(RUN_ENDED, timeout=30_000)


def wait_for_app(page: Page, heading: str) -> None:
    """Wait until Streamlit has drawn ``heading`` and finished running the script."""
    page.get_by_role("heading", name=heading).first.wait_for(timeout=30_000)
    run_ended(page)


def axe_violations(page: Page, context: dict[str, object] | None = None) -> list[dict]:  # type: ignore[type-arg]
    """axe-core's violations of every impact, on the page or within ``context`` (axe's
    include/exclude selectors)."""
    from axe_playwright_python.sync_playwright import Axe

    # The menu's links are drawn a moment after the page's heading: until then the sidebar
    # holds their placeholders, which axe rightly finds scrollable with nothing to focus.
    page.wait_for_function(
        """() => !document.querySelector('.st-key-site_menu')
                 || document.querySelectorAll('.st-key-site_menu a[href]').length > 0""",
        timeout=30_000,
    )
    return list(Axe().run(page, context=context).response["violations"])


def serious_violations(page: Page, context: dict[str, object] | None = None) -> list[str]:
    """axe-core findings of serious or critical impact, as readable lines."""
    found = []
    for violation in axe_violations(page, context):
        if violation.get("impact") in ("serious", "critical"):
            targets = [", ".join(n["target"]) for n in violation["nodes"]][:5]
            found.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return found
