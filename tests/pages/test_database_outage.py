"""PostgreSQL stopped mid-session and started again, with a server this test runs itself.

The resident sees a clear message, nothing written half-way stays, and once the database
is back the same submission succeeds exactly once (its receipt code was fixed before the
first attempt).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session, select

from portal.db import make_engine, upgrade
from portal.engagement.models import Comment, SubmissionBucket
from portal.ui.messages import DATABASE_DOWN
from tests.apptest import run_script

TEXT = "Please publish how long the licence plate reads are kept."


def _bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    assert found, f"PostgreSQL's {name} is not installed (Debian's postgresql package)"
    return found[-1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class OwnServer:
    """A throwaway cluster: initdb, start and stop with pg_ctl, as the postgres user when
    the tests run as root (PostgreSQL refuses to run as root)."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="portal-pg-"))
        self.port = _free_port()
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            shutil.chown(self.dir, "postgres", "postgres")
        self.data = self.dir / "data"
        self._run(_bin("initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")

    def _run(self, *command: str) -> None:
        full = ["runuser", "-u", "postgres", "--", *command] if self.as_postgres else list(command)
        subprocess.run(full, check=True, capture_output=True, timeout=120)

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        self._run(_bin("pg_ctl"), "-D", str(self.data), "-w", "-t", "60", "-l", str(self.dir / "log"),
                  "-o", f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1", "start")

    def stop(self) -> None:
        self._run(_bin("pg_ctl"), "-D", str(self.data), "-w", "-t", "60", "-m", "fast", "stop")

    def remove(self) -> None:
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture
def own_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[OwnServer]:
    server = OwnServer()
    try:
        server.start()
        engine = make_engine(server.url)
        upgrade(engine)
        engine.dispose()
        monkeypatch.setenv("PORTAL_DATABASE_URL", server.url)
        yield server
    finally:
        server.remove()


def _stored(url: str) -> tuple[list[Comment], int]:
    engine = make_engine(url)
    with Session(engine) as session:
        comments = list(session.exec(select(Comment)).all())
        buckets = len(session.exec(select(SubmissionBucket)).all())
    engine.dispose()
    return comments, buckets


def test_a_stopped_database_gets_a_clear_message_and_the_retry_stores_once(own_server: OwnServer) -> None:
    at = run_script("app_pages/have_your_say.py")
    assert not at.exception
    next(t for t in at.text_area if t.label == "Your comment (required)").input(TEXT)

    own_server.stop()
    next(b for b in at.button if b.label == "Check and send").click()
    at.run()
    assert not at.exception
    assert any(DATABASE_DOWN in e.value for e in at.error)
    # What the resident typed is still in the form.
    assert any(t.value == TEXT for t in at.text_area)

    own_server.start()
    comments, buckets = _stored(own_server.url)
    assert comments == [] and buckets == 0  # nothing half-written, not even a counter

    next(b for b in at.button if b.label == "Check and send").click()
    at.run()
    assert not at.exception
    assert any("awaiting moderation" in s.value for s in at.success)
    comments, _ = _stored(own_server.url)
    assert len(comments) == 1 and comments[0].raw_text == TEXT
    code = comments[0].receipt_code
    assert any(code in s.value for s in at.success)
