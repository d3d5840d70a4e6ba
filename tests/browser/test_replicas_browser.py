"""Two ``portal serve`` replicas over one PostgreSQL database, as a large city runs them
behind a sticky proxy (docs/deploy.md), in Chromium.

A resident's comment sent through the first replica is in the second's moderation queue
without a restart; the moderator's decision on the second is on the first's public page.
Each page is opened once before the write, so a read cached past a write on the other
replica would show here. The replicas share what an operator gives every replica alike —
the database URL and the encryption and checkpoint keys — and nothing else: each runs in a
directory of its own.
"""

from __future__ import annotations

import base64
import os
import re
import secrets
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import sqlalchemy as sa
from cryptography.fernet import Fernet
from playwright.sync_api import Browser, BrowserContext, Page, expect

from portal.db import make_engine
from tests.browser.conftest import (
    LiveServer,
    nav_link,
    settle,
    start_server,
    stop_server,
    use_demo_role,
    wait_for_app,
)
from tests.conftest import own_postgres_database

pytestmark = [pytest.mark.browser, pytest.mark.postgresql]

TOKEN = secrets.token_hex(4)
TEXT = f"Replica check {TOKEN}: who reads the plate readers' data? Call me at 503-248-7731."
PUBLISHED = re.compile(rf"Replica check {TOKEN}: who reads the plate readers' data\? "
                       r"Call me at \[phone removed\]")


@dataclass
class Replicas:
    first: LiveServer
    second: LiveServer
    env: dict[str, str]  # what both were given: the database, the keys


@pytest.fixture(scope="module")
def replicas(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Replicas]:
    """Two servers on one fresh PostgreSQL database with the demo county: the first
    migrates and loads it (as the one-shot ``portal db upgrade`` job would), the second
    starts on what is there."""
    with own_postgres_database(migrate=False) as url:
        env = {
            "PORTAL_DATABASE_URL": url,
            "PORTAL_DEMO_SIGNIN": "1",
            # The same keys on every replica: a raw comment one encrypts, another decrypts.
            "PORTAL_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
            "PORTAL_CHECKPOINT_KEYS": base64.b64encode(secrets.token_bytes(32)).decode(),
        }
        first = start_server(tmp_path_factory.mktemp("replica1"), env=env, demo=True)
        try:
            second = start_server(tmp_path_factory.mktemp("replica2"), env=env, demo=False)
        except BaseException:
            stop_server(first)
            raise
        try:
            yield Replicas(first, second, env)
        finally:
            stop_server(second)
            stop_server(first)


def _context(browser: Browser) -> BrowserContext:
    # One context per person: cookies ignore ports, so a moderator's demo role set on one
    # replica would otherwise ride along to the resident's pages on the other.
    return browser.new_context(viewport={"width": 1280, "height": 900})


def _open(page: Page, server: LiveServer, link: str) -> None:
    page.goto(server.url)
    wait_for_app(page, "Alder County Data Transparency Portal")
    nav_link(page, link).click()
    wait_for_app(page, link)


def _rows(url: str, query: str, **params: object) -> list[sa.Row]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return list(connection.execute(sa.text(query), params))
    finally:
        engine.dispose()


def test_a_comment_through_one_replica_is_moderated_on_the_other_and_published_on_the_first(
    browser: Browser, replicas: Replicas
) -> None:
    first, second = replicas.first, replicas.second
    assert first.database_url == second.database_url and first.url != second.url
    resident_context, moderator_context, reader_context = (_context(browser) for _ in range(3))
    try:
        # The moderator's queue on the second replica, open before the comment exists.
        moderator = moderator_context.new_page()
        moderator.goto(second.url)
        wait_for_app(moderator, "Alder County Data Transparency Portal")
        use_demo_role(moderator, "Moderator")
        nav_link(moderator, "Moderation queue").click()
        wait_for_app(moderator, "Moderation queue")
        expect(moderator.get_by_text(TOKEN)).to_have_count(0)

        # A reader on the first replica's public page, also open before.
        reader = reader_context.new_page()
        _open(reader, first, "Have your say")
        expect(reader.get_by_text(PUBLISHED)).to_have_count(0)

        # The resident sends the comment through the first replica.
        resident = resident_context.new_page()
        _open(resident, first, "Have your say")
        resident.get_by_role("textbox", name="Your comment (required)").fill(TEXT)
        resident.get_by_role("button", name="Check and send").click()
        expect(resident.get_by_text(re.compile("contains personal data: a phone number"))
               ).to_be_visible(timeout=30_000)
        resident.get_by_role("button", name="Send it with these removed").click()
        success = resident.get_by_test_id("stAlert").filter(has_text="awaiting moderation")
        expect(success).to_be_visible(timeout=30_000)
        code = re.search(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", success.inner_text()).group(0)
        # Read as the replicas' database holds it (the raw text stays ciphertext here).
        [(comment_id, state)] = _rows(first.database_url,
                                      "SELECT id, state FROM comment WHERE receipt_code = :c", c=code)
        assert state == "pending"

        # The second replica's queue, run again (no restart), lists it with the raw text,
        # which the second replica decrypts with the keys both were given.
        nav_link(moderator, "Moderation queue").click()
        wait_for_app(moderator, "Moderation queue")
        settle(moderator)  # the earlier run's widgets are gone
        picker = moderator.get_by_label("Comment", exact=True)
        picker.click()
        moderator.keyboard.type(f"#{comment_id} ")
        moderator.keyboard.press("Enter")
        expect(moderator.get_by_test_id("stText").filter(has_text="503-248-7731")
               ).to_be_visible(timeout=30_000)
        moderator.get_by_role("button", name="Record decision").click()
        expect(moderator.get_by_text(f"Comment #{comment_id}: publish — recorded.")
               ).to_be_visible(timeout=30_000)

        # The first replica's public page, run again in the reader's session (no reload, no
        # restart), shows the published, redacted text.
        nav_link(reader, "Have your say").click()
        wait_for_app(reader, "Have your say")
        settle(reader)
        expect(reader.get_by_text(PUBLISHED)).to_be_visible(timeout=30_000)
        expect(reader.get_by_text("503-248-7731")).to_have_count(0)
    finally:
        for context in (resident_context, moderator_context, reader_context):
            context.close()

    # Stored exactly once, published once, by one decision, whichever replica wrote.
    stored = _rows(first.database_url,
                   "SELECT id, state FROM comment WHERE receipt_code = :c", c=code)
    assert [tuple(r) for r in stored] == [(comment_id, "published")]
    assert len(_rows(first.database_url, "SELECT id FROM comment WHERE redacted_text LIKE :t",
                     t=f"%{TOKEN}%")) == 1
    decisions = _rows(first.database_url,
                      "SELECT action FROM moderation_decision WHERE comment_id = :id", id=comment_id)
    assert [r.action for r in decisions] == ["publish"]
    # The audit chain the first replica's start began (the demo county) and the second
    # extended (the decision) holds.
    verify = subprocess.run([sys.executable, "-m", "portal", "audit", "verify"],
                            env={**os.environ, **replicas.env}, capture_output=True, text=True,
                            timeout=120, check=False)
    assert verify.returncode == 0, verify.stdout + verify.stderr
