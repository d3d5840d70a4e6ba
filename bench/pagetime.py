"""Timing a page's script run the way AppTest runs it: cold (first) and warm (median).

Benchmarks print figures; they are not timed tests (DESIGN.md §7).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy.engine import Engine
from streamlit.testing.v1 import AppTest

from portal.auth.roles import SYSTEM
from portal.db import make_engine, session_scope, upgrade
from portal.demo.loader import load_demo
from portal.settings import PROJECT_ROOT


@contextmanager
def demo_database() -> Iterator[Engine]:
    """A migrated temporary SQLite file holding the demo county, which the pages will use."""
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PORTAL_DATABASE_URL"] = f"sqlite:///{tmp}/portal.db"
        engine = make_engine()
        upgrade(engine)
        with session_scope(engine) as session:
            counts = load_demo(session=session, actor=SYSTEM)
        print(f"demo county loaded: {sum(counts.values()):,} rows")
        try:
            yield engine
        finally:
            engine.dispose()


def open_page(
    script: str,
    user: dict[str, object] | None = None,
    query: dict[str, str] | None = None,
) -> AppTest:
    """``script`` in AppTest as ``user`` (a resident by default), with ``query`` in its address,
    not yet run."""
    at = AppTest.from_file(str(PROJECT_ROOT / script), default_timeout=120)
    at.user = user or {"is_logged_in": False}  # type: ignore[attr-defined]
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at


def time_runs(at: AppTest, runs: int = 15,
              clock: Callable[[], float] = time.perf_counter) -> tuple[float, float]:
    """Seconds for the first run of ``at`` and the median of the following ``runs``, by
    ``clock``: wall time, or ``time.process_time`` for the CPU the process spent (less
    disturbed by other work on a shared machine)."""
    started = clock()
    at.run()
    cold = clock() - started
    if at.exception:
        raise RuntimeError(f"{at._script_path} raised: {at.exception[0].value}")
    samples = []
    for _ in range(runs):
        started = clock()
        at.run()
        samples.append(clock() - started)
    return cold, statistics.median(samples)


def time_page(
    script: str,
    user: dict[str, object] | None = None,
    runs: int = 15,
    query: dict[str, str] | None = None,
) -> tuple[float, float]:
    """Seconds for the first run and the median of the following ``runs``."""
    return time_runs(open_page(script, user, query), runs)


def report(name: str, cold: float, warm: float, target_ms: float = 300) -> None:
    verdict = "within" if warm * 1000 <= target_ms else "OVER"
    print(f"{name}: cold {cold * 1000:.0f} ms, warm median {warm * 1000:.0f} ms "
          f"({verdict} the {target_ms:.0f} ms target)")
