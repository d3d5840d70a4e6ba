"""Many residents at once (issue 18): concurrent sessions against a running ``portal serve``.

Each session speaks Streamlit's own websocket protocol, as the browser's frontend does,
on loopback only: it takes the ``_streamlit_xsrf`` cookie from ``/_stcore/health``, opens
``ws://127.0.0.1:PORT/_stcore/stream`` (subprotocol ``streamlit`` and the cookie's token),
and sends ``BackMsg`` ``rerun_script`` messages; it reads ``ForwardMsg`` deltas until the
run's ``script_finished``, finds widgets by label in them, and answers with their ids
(values, and a button's ``trigger_value``) in the next rerun.

A session opens the home page, the sharing inventory and a notice open for comment, sends
a comment on that notice, then opens the notice's survey and answers it. The comment and
the survey's free-text answer each carry a marker unique to the session, so the database
can be asked afterwards whether each was stored exactly once. A session fails if a page
shows a Streamlit exception or an error message (``st.error``), if a run does not finish,
or if the success message (the comment's receipt, the survey's thank-you) is missing.

    python bench/loadtest.py --sessions 50
    python bench/loadtest.py --sessions 50 --database-url postgresql://postgres@127.0.0.1:5432/test

starts ``portal serve --demo`` on a fresh database (a temporary SQLite file, or a new
database on that PostgreSQL server, dropped afterwards), runs the sessions all at once,
prints p50/p95 per step, stored/lost/duplicated counts and the server's memory (RSS)
before and after, and stops. Figures are printed, never asserted (DESIGN.md §7).

The portal's abuse limits need no change here: a comment counts against its browser
session (5 an hour; each session sends one) and its network, but Streamlit gives no
address for loopback (``st.context.ip_address`` is ``None``), so the per-network limit does
not apply to these sessions. Nothing about the product's defaults is weakened.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import statistics
import string
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import websockets
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

STEPS = ("home", "inventory", "notice", "comment", "survey", "answer")
NOTICE = "alpr-fixed"
SURVEY = "alpr-expansion-2026"
RUN_TIMEOUT = 180.0
_FINISHED = ForwardMsg.ScriptFinishedStatus


class PageError(Exception):
    """A run that showed an error, did not finish, or lacked what it should show."""


@dataclass
class Run:
    """What one script run drew: its elements in order, and how long it took."""

    elements: list[Element]
    seconds: float

    def problems(self) -> list[str]:
        found = []
        for element in self.elements:
            kind = element.WhichOneof("type")
            if kind == "exception":
                found.append(f"exception: {element.exception.type}: {element.exception.message}")
            elif kind == "alert" and element.alert.format == Alert.ERROR:
                found.append(f"error message: {element.alert.body}")
        return found

    def widget(self, kind: str, label: str) -> Any:
        """The widget of ``kind`` whose label starts with ``label``."""
        for element in self.elements:
            if element.WhichOneof("type") == kind and getattr(element, kind).label.startswith(label):
                return getattr(element, kind)
        raise PageError(f"no {kind} labelled {label!r} on the page")

    def alerts(self, format: int) -> list[str]:
        return [e.alert.body for e in self.elements
                if e.WhichOneof("type") == "alert" and e.alert.format == format]


class Resident:
    """One browser session, without a browser: Streamlit's websocket and its protobufs."""

    def __init__(self, url: str, cookies: dict[str, str] | None = None) -> None:
        self.url = url
        self.cookies = cookies or {}  # sent beside the XSRF cookie (a demo role, say)
        self.query_string = ""
        self.page = ""
        self._socket: Any = None

    async def connect(self) -> None:
        cookie = await asyncio.to_thread(_xsrf_cookie, self.url)
        self._socket = await websockets.connect(
            self.url.replace("http://", "ws://") + "/_stcore/stream",
            subprotocols=["streamlit", cookie],  # type: ignore[list-item]
            additional_headers={"Cookie": "; ".join(f"{k}={v}" for k, v in
                                                    {"_streamlit_xsrf": cookie, **self.cookies}.items()),
                                "Origin": self.url},
            max_size=None, open_timeout=60, ping_interval=None,
        )

    async def close(self) -> None:
        if self._socket is not None:
            await self._socket.close()

    async def open(self, page: str, query_string: str = "") -> Run:
        """Go to a page, as following a link does: a fresh rerun with no widget values."""
        self.page, self.query_string = page, query_string
        return await self.rerun([])

    async def rerun(self, widgets: list[WidgetState]) -> Run:
        """Run the current page with these widget values; wait for the run (and any rerun it
        asked for) to finish."""
        message = BackMsg()
        state = message.rerun_script
        state.query_string = self.query_string
        state.page_name = self.page
        state.widget_states.widgets.extend(widgets)
        state.context_info.timezone = "America/Los_Angeles"
        state.context_info.locale = "en-US"
        started = time.perf_counter()
        await self._socket.send(message.SerializeToString())
        elements: list[Element] = []
        while True:
            raw = await asyncio.wait_for(self._socket.recv(), RUN_TIMEOUT)
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                elements = []  # a new run (st.rerun) draws the page again
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                elements.append(msg.delta.new_element)
            elif kind == "page_info_changed":
                self.query_string = msg.page_info_changed.query_string
            elif kind == "page_not_found":
                raise PageError(f"page not found: {self.page!r}")
            elif kind == "script_finished":
                if msg.script_finished == _FINISHED.FINISHED_WITH_COMPILE_ERROR:
                    raise PageError(f"{self.page!r} did not compile")
                if msg.script_finished == _FINISHED.FINISHED_SUCCESSFULLY:
                    return Run(elements, time.perf_counter() - started)


def _xsrf_cookie(url: str) -> str:
    """The ``_streamlit_xsrf`` cookie that the health check sets, as a browser receives it."""
    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=60) as response:
        for header in response.headers.get_all("Set-Cookie") or []:
            match = re.match(r"_streamlit_xsrf=([^;]+)", header)
            if match:
                return match.group(1)
    raise PageError("the health check set no _streamlit_xsrf cookie")


def _value(widget: Any, **value: Any) -> WidgetState:
    state = WidgetState(id=widget.id)
    for name, v in value.items():
        if name == "string_array_value":
            state.string_array_value.data[:] = v
        else:
            setattr(state, name, v)
    return state


def new_marker() -> str:
    """Letters only: a run of digits could be taken for a phone number and redacted."""
    return "loadmark" + "".join(random.choices(string.ascii_lowercase, k=16))


@dataclass
class Outcome:
    marker: str
    seconds: dict[str, float] = field(default_factory=dict)
    receipt: str | None = None
    answered: bool = False
    errors: list[str] = field(default_factory=list)


def _checked(outcome: Outcome, step: str, run: Run) -> Run:
    outcome.seconds[step] = run.seconds
    problems = run.problems()
    if problems:
        raise PageError(f"{step}: " + "; ".join(problems))
    return run


async def resident_visit(url: str, marker: str, *, notice: str = NOTICE, survey: str = SURVEY) -> Outcome:
    """One resident's visit: browse, comment on ``notice``, answer ``survey``."""
    outcome = Outcome(marker)
    resident = Resident(url)
    try:
        await resident.connect()
        _checked(outcome, "home", await resident.open(""))
        _checked(outcome, "inventory", await resident.open("inventory"))
        page = _checked(outcome, "notice", await resident.open("notice", f"technology={notice}"))
        text = page.widget("text_area", "Your comment (required)")
        send = page.widget("button", "Check and send")
        sent = _checked(outcome, "comment", await resident.rerun([
            _value(text, string_value=f"Comment {marker}: please publish how long the readers "
                                      "keep plates that match nothing."),
            _value(send, trigger_value=True),
        ]))
        receipts = [m for body in sent.alerts(Alert.SUCCESS)
                    for m in re.findall(r"receipt code[^*]*\*\*([A-Z0-9-]+)\*\*", body)]
        if len(receipts) != 1:
            raise PageError(f"comment: no receipt shown ({sent.alerts(Alert.SUCCESS)})")
        outcome.receipt = receipts[0]
        form = _checked(outcome, "survey", await resident.open("surveys", f"survey={survey}"))
        answers = [
            _value(form.widget("radio", "1."), string_value="Somewhat support"),
            _value(form.widget("radio", "2."), string_value="3"),
            _value(form.widget("multiselect", "3."),
                   string_array_value=list(form.widget("multiselect", "3.").options[:2])),
            _value(form.widget("radio", "4."), string_value="Every week"),
            _value(form.widget("text_area", "5."), string_value=f"Survey {marker}: keep it short."),
        ]
        done = _checked(outcome, "answer", await resident.rerun(
            [*answers, _value(form.widget("button", "Send answers"), trigger_value=True)]))
        if not any(body.startswith("Thank you: your answers were received")
                   for body in done.alerts(Alert.SUCCESS)):
            raise PageError("answer: no thank-you shown")
        outcome.answered = True
    except (PageError, TimeoutError, OSError, websockets.WebSocketException) as error:
        outcome.errors.append(f"{type(error).__name__}: {error}")
    finally:
        await resident.close()
    return outcome


async def many_visits(url: str, sessions: int) -> list[Outcome]:
    """``sessions`` visits at once, each with its own marker."""
    return list(await asyncio.gather(*(resident_visit(url, new_marker()) for _ in range(sessions))))


def run_visits(url: str, sessions: int) -> list[Outcome]:
    """:func:`many_visits` on an event loop of its own thread (a caller's thread may already
    run one: Playwright's sync API leaves one behind in a test process)."""
    done: list[list[Outcome]] = []
    thread = threading.Thread(target=lambda: done.append(asyncio.run(many_visits(url, sessions))))
    thread.start()
    thread.join()
    if not done:
        raise RuntimeError("the visits ended without an outcome (see the traceback above)")
    return done[0]


@dataclass
class Stored:
    """Per session marker: how many comments, and how many survey free-text answers, hold it."""

    comments: dict[str, int]
    answers: dict[str, int]
    responses: int


def stored(database_url: str, markers: list[str]) -> Stored:
    """Ask the database what it holds: each marker's comments on the notice and its survey
    answers (free text is stored, redacted, as a comment linked from the answer)."""
    import sqlalchemy as sa

    from portal.db import make_engine

    engine = make_engine(database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(sa.text(
                "SELECT c.target_type, c.redacted_text, a.id IS NOT NULL FROM comment c "
                "LEFT JOIN survey_answer a ON a.comment_id = c.id "
                "WHERE c.redacted_text LIKE '%loadmark%'")).all()
            responses = conn.execute(sa.text(
                "SELECT count(*) FROM survey_response r JOIN survey s ON s.id = r.survey_id "
                "WHERE s.slug = :slug"), {"slug": SURVEY}).scalar_one()
    finally:
        engine.dispose()
    comments = dict.fromkeys(markers, 0)
    answers = dict.fromkeys(markers, 0)
    for target_type, text, is_answer in rows:
        for marker in re.findall(r"loadmark[a-z]{16}", text):
            if marker in comments:
                (answers if is_answer else comments)[marker] += 1
    return Stored(comments, answers, int(responses))


@contextmanager
def fresh_postgres(admin_url: str) -> Iterator[str]:
    """A new, empty database on the PostgreSQL server at ``admin_url``, dropped afterwards."""
    import sqlalchemy as sa

    from portal.db import normalize_url

    admin = sa.create_engine(normalize_url(admin_url), isolation_level="AUTOCOMMIT")
    name = f"portal_load_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield sa.engine.make_url(normalize_url(admin_url)).set(database=name).render_as_string(
            hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def rss_mib(pid: int) -> tuple[float, float]:
    """The process's resident memory now and at its peak (``VmRSS``, ``VmHWM``), in MiB."""
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                  if ":" in line)
    return (int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024)


def cpu_seconds(pid: int) -> float:
    """User and system CPU time the process has used (``/proc/PID/stat``), in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def report(outcomes: list[Outcome], found: Stored, wall: float, responses_before: int) -> bool:
    """Print the figures; True when every session succeeded and everything was stored once."""
    print(f"{len(outcomes)} sessions at once, {wall:.1f} s wall")
    print(f"{'step':<10} {'runs':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for step in STEPS:
        times = [o.seconds[step] * 1000 for o in outcomes if step in o.seconds]
        if times:
            print(f"{step:<10} {len(times):>5} {statistics.median(times):>8.0f} "
                  f"{percentile(times, 0.95):>8.0f} {max(times):>8.0f}")
    failed = [o for o in outcomes if o.errors]
    for o in failed:
        print(f"session {o.marker}: {'; '.join(o.errors)}")
    ok = bool(outcomes) and not failed
    for name, counts, sent in (
        ("comments", found.comments, {o.marker for o in outcomes if o.receipt}),
        ("survey answers", found.answers, {o.marker for o in outcomes if o.answered}),
    ):
        stored_once = sum(1 for n in counts.values() if n == 1)
        lost = sum(1 for m in sent if counts[m] == 0)
        duplicated = sum(1 for n in counts.values() if n > 1)
        print(f"{name}: {len(sent)} confirmed to the session, {stored_once} stored once, "
              f"{lost} lost, {duplicated} duplicated")
        ok = ok and stored_once == len(outcomes) and not lost and not duplicated
    added = found.responses - responses_before
    print(f"survey responses: {responses_before} before, {found.responses} after ({added} added)")
    return ok and added == len(outcomes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--database-url", help="a PostgreSQL server: a fresh database is made on it")
    parser.add_argument("--settle", type=float, default=30.0,
                        help="seconds to wait after the load before reading memory again")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.browser.conftest import start_server, stop_server

    with tempfile.TemporaryDirectory() as tmp, \
            (fresh_postgres(args.database_url) if args.database_url else nullcontext()) as pg_url:
        env = {"PORTAL_DATABASE_URL": pg_url} if pg_url else {}
        started = time.perf_counter()
        server = start_server(Path(tmp), env=env)
        print(f"portal serve --demo on {server.url} ({'PostgreSQL' if pg_url else 'SQLite'}), "
              f"up in {time.perf_counter() - started:.1f} s; {os.cpu_count()} cores")
        try:
            idle = rss_mib(server.process.pid)[0]
            # One resident first, alone: the pages' first runs import and cache what every
            # later run reuses, as on a server that has been up a while.
            (warm,) = run_visits(server.url, 1)
            print("warm-up visit, alone: "
                  + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in warm.seconds.items())
                  + (f"; {'; '.join(warm.errors)}" if warm.errors else ""))
            warmed = rss_mib(server.process.pid)[0]
            responses = stored(pg_url or server.database_url, []).responses
            cpu, load = cpu_seconds(server.process.pid), os.getloadavg()[0]
            started = time.perf_counter()
            outcomes = run_visits(server.url, args.sessions)
            wall = time.perf_counter() - started
            loaded, peak = rss_mib(server.process.pid)
            cpu = cpu_seconds(server.process.pid) - cpu
            runs = sum(len(o.seconds) for o in outcomes)
            found = stored(pg_url or server.database_url, [o.marker for o in outcomes])
            ok = report(outcomes, found, wall, responses)
            print(f"portal serve CPU: {cpu:.1f} s for {runs} script runs "
                  f"({cpu / max(runs, 1) * 1000:.0f} ms a run, {runs / wall:.2f} runs/s); "
                  f"load average {load:.1f} before, {os.getloadavg()[0]:.1f} after")
            time.sleep(args.settle)
            print(f"portal serve RSS: {idle:.0f} MiB started, {warmed:.0f} MiB after the warm-up "
                  f"visit, {loaded:.0f} MiB after the load (peak {peak:.0f} MiB), "
                  f"{rss_mib(server.process.pid)[0]:.0f} MiB {args.settle:.0f} s after the "
                  "sessions closed")
        finally:
            stop_server(server)
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
