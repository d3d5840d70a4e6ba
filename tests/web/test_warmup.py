"""The screening models load when the server starts, never during a visitor's page (issue 18:
the warm-up begun in the first page run doubled that visitor's wait)."""

from __future__ import annotations

import asyncio
import runpy
import threading
from typing import Any

import pytest
import streamlit as st
from sqlmodel import Session

import moderation
from portal.settings import PROJECT_ROOT
from portal.ui import warmup
from tests.apptest import run_script


def test_the_server_begins_the_warm_up_as_it_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    """``web_app.py`` (what ``portal serve`` runs) hands the server a lifespan that begins it."""
    made: dict[str, Any] = {}
    monkeypatch.setattr(st, "App", lambda script, **options: made.update(options, script=script))
    runpy.run_path(str(PROJECT_ROOT / "web_app.py"))
    assert made["script"].endswith("streamlit_app.py")
    assert made["lifespan"] is warmup.warm_up_at_start

    begun: list[str] = []
    monkeypatch.setattr(warmup, "start_screening_warm_up", lambda: begun.append("begun"))

    async def serve() -> None:
        async with made["lifespan"](object()):
            assert begun == ["begun"]  # before the server answers anyone

    # In its own thread: Playwright's sync API, used by the browser tests in the same process,
    # leaves an event loop running on this one.
    failed: list[BaseException] = []

    def run() -> None:
        try:
            asyncio.run(serve())
        except BaseException as error:  # noqa: BLE001 - handed back to the test below
            failed.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)
    assert failed == []
    assert begun == ["begun"]


def test_the_warm_up_runs_once_per_process_in_the_background(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    release = threading.Event()

    def slow_warm_up() -> None:
        calls.append(threading.current_thread().name)
        release.wait(5)

    monkeypatch.setattr(moderation, "warm_up", slow_warm_up)
    monkeypatch.setattr(warmup, "_thread", None)
    first = warmup.start_screening_warm_up()
    assert first.daemon and first.is_alive()  # the caller did not wait for it
    assert warmup.start_screening_warm_up() is first
    release.set()
    first.join(5)
    assert calls == ["screening-warm-up"]


def test_a_page_run_starts_no_warm_up(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    begun: list[str] = []
    monkeypatch.setattr(warmup, "start_screening_warm_up", lambda: begun.append("start"))
    monkeypatch.setattr(moderation, "warm_up", lambda: begun.append("warm_up"))
    at = run_script("streamlit_app.py")
    assert not at.exception
    assert begun == []


def test_the_warm_up_imports_the_pages_libraries_before_the_models(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The first page run in a process spent most of its time importing (issue 18)."""
    order: list[str] = []
    monkeypatch.setattr(warmup, "import_page_libraries", lambda: order.append("pages"))
    monkeypatch.setattr(moderation, "warm_up", lambda: order.append("models"))
    monkeypatch.setattr(warmup, "_thread", None)
    warmup.start_screening_warm_up().join(10)
    assert order == ["pages", "models"]


def test_the_pages_libraries_are_what_a_page_imports() -> None:
    import subprocess
    import sys

    code = ("import sys; from portal.ui.warmup import import_page_libraries; "
            "import_page_libraries(); "
            "print(all(m in sys.modules for m in ('pandas', 'plotly.graph_objects', "
            "'portal.engagement.models', 'portal.indicators.service')))")
    done = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == "True"
