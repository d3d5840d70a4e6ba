"""Many residents at once, bounded for CI (issue 18; the full 50 sessions: bench/loadtest.py).

A real ``portal serve --demo`` on a fresh database (a SQLite file; a database of its own on
the PostgreSQL server), and residents speaking Streamlit's websocket protocol to it at the
same time: each browses, comments on a notice and answers its survey. Every comment and
every survey answer is stored exactly once, found in the database by the marker that only
its session wrote, and no session sees an exception or an error message. Durations are
printed by the bench, never asserted here.
"""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

import pytest

from bench.loadtest import fresh_postgres, run_visits, stored
from tests.browser.conftest import start_server, stop_server
from tests.conftest import BACKENDS, PG_URL

SESSIONS = 8


@pytest.mark.parametrize("backend", BACKENDS)
def test_residents_at_once_each_store_their_comment_and_answers_once(
    backend: str, tmp_path: Path
) -> None:
    with fresh_postgres(PG_URL) if backend == "postgresql" else nullcontext() as pg_url:
        server = start_server(tmp_path, env={"PORTAL_DATABASE_URL": pg_url} if pg_url else None)
        url = pg_url or server.database_url
        try:
            responses = stored(url, []).responses
            outcomes = run_visits(server.url, SESSIONS)
        finally:
            stop_server(server)
        found = stored(url, [o.marker for o in outcomes])

    assert [o.errors for o in outcomes if o.errors] == []
    assert len({o.marker for o in outcomes}) == SESSIONS
    # Each session saw its receipt and its thank-you, and the database holds each once.
    assert all(o.receipt and o.answered for o in outcomes)
    assert len({o.receipt for o in outcomes}) == SESSIONS
    assert found.comments == {o.marker: 1 for o in outcomes}
    assert found.answers == {o.marker: 1 for o in outcomes}
    assert found.responses == responses + SESSIONS
