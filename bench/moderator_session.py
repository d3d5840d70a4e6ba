"""A moderator's long session at county scale (issue 18): ``portal serve``'s memory as it goes.

    python bench/moderator_session.py [--database FILE] [--decisions 250] [--every 25]

Copies the SQLite database ``portal demo --scale county`` builds (default
``/tmp/county/county.db``; only the copy is written), starts a real ``portal serve`` on the copy
with the demo sign-in on, and drives one browser session over Streamlit's websocket
(``bench/loadtest.py``'s client) as a moderator: the demo sign-in's role cookie rides on the
websocket as a browser's would. The session opens the moderation queue and decides the comment
at its head, again and again — publish, and every fourth one "Do not publish" (off topic) —
reading the queue again after each decision as picking the next comment does. Every
``--every`` decisions it also reads the moderation policy, the audit checkpoints and "Have your
say" (with two presses of "Show more comments"), then goes back to the queue.

Prints the server's resident memory (``VmRSS``) and its peak (``VmHWM``) every ``--every``
decisions, the median script run of each stretch, and the memory ``--settle`` seconds after the
session closed. Figures only: nothing is asserted (DESIGN.md §7). A decision that is not
confirmed on the page ends the run with the page's messages.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.proto.Alert_pb2 import Alert

from bench.loadtest import PageError, Resident, Run, _value, rss_mib
from bench.run_all import DEFAULT_DB, _copy

#: The option labels a moderator picks, as the page shows them in English.
PUBLISH, REJECT = "Publish", "Do not publish"
OFF_TOPIC = "Not about the county's use of residents' data or technology."
DETOUR = (("moderation-policy", ""), ("audit-checkpoints", ""))


def checked(run: Run, step: str) -> Run:
    problems = run.problems()
    if problems:
        raise PageError(f"{step}: " + "; ".join(problems))
    return run


async def decide_head(moderator: Resident, queue: Run, reject: bool) -> tuple[int, Run]:
    """Decide the comment the queue shows first (its form is that comment's)."""
    head = queue.widget("selectbox", "Comment").options[0]
    comment_id = int(re.match(r"#(\d+)", head).group(1))  # type: ignore[union-attr]
    values = [_value(queue.widget("radio", "Decision"), string_value=REJECT if reject else PUBLISH)]
    if reject:
        values.append(_value(queue.widget("selectbox", "Reason from the moderation policy"),
                             string_value=OFF_TOPIC))
    values.append(_value(queue.widget("button", "Record decision"), trigger_value=True))
    done = checked(await moderator.rerun(values), f"decision on #{comment_id}")
    if not any(body.startswith(f"Comment #{comment_id}:") and body.endswith("recorded.")
               for body in done.alerts(Alert.SUCCESS)):
        raise PageError(f"#{comment_id}: no decision confirmed "
                        f"({done.alerts(Alert.SUCCESS) + done.alerts(Alert.ERROR)})")
    return comment_id, done


async def detour(moderator: Resident) -> list[float]:
    """The pages a moderator reads between decisions; back to the queue at the end."""
    seconds = []
    for page, query in DETOUR:
        seconds.append(checked(await moderator.open(page, query), page).seconds)
    say = checked(await moderator.open("have-your-say"), "have-your-say")
    seconds.append(say.seconds)
    for _ in range(2):
        more = next((e.button for e in say.elements if e.WhichOneof("type") == "button"
                     and e.button.label.startswith("Show ") and " more comment" in e.button.label),
                    None)
        if more is None:
            break
        say = checked(await moderator.rerun([_value(more, trigger_value=True)]), "show more")
        seconds.append(say.seconds)
    return seconds


async def session(url: str, pid: int, decisions: int, every: int) -> list[tuple[int, float, float, float]]:
    """Decide ``decisions`` comments; (decisions, RSS, peak, median run ms) every ``every``."""
    moderator = Resident(url, cookies={"portal_demo_role": "moderator"})
    await moderator.connect()
    rows: list[tuple[int, float, float, float]] = []
    try:
        queue = checked(await moderator.open("moderation"), "moderation queue")
        queue.widget("button", "Record decision")  # signed in as a moderator: the form is there
        rows.append((0, *rss_mib(pid), queue.seconds * 1000))
        runs: list[float] = []
        for n in range(1, decisions + 1):
            _, done = await decide_head(moderator, queue, reject=n % 4 == 0)
            queue = checked(await moderator.rerun([]), "queue after a decision")
            runs += [done.seconds, queue.seconds]
            if n % every == 0:
                runs += await detour(moderator)
                queue = checked(await moderator.open("moderation"), "moderation queue")
                runs.append(queue.seconds)
                rows.append((n, *rss_mib(pid), statistics.median(runs) * 1000))
                print(f"  {n} decisions: RSS {rows[-1][1]:,.0f} MiB", file=sys.stderr, flush=True)
                runs = []
    finally:
        await moderator.close()
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default=str(DEFAULT_DB),
                        help="the county-scale SQLite file (default: %(default)s)")
    parser.add_argument("--decisions", type=int, default=250)
    parser.add_argument("--every", type=int, default=25, help="decisions between samples")
    parser.add_argument("--settle", type=float, default=30.0,
                        help="seconds to wait after the session before reading memory again")
    args = parser.parse_args(argv)
    source = Path(args.database).resolve()
    if not source.exists():
        raise SystemExit(f"{source} does not exist. Build it (4 to 15 minutes) with:\n"
                         f"  PORTAL_DATABASE_URL=sqlite:///{source} portal demo --scale county")

    from tests.browser.conftest import start_server, stop_server

    with tempfile.TemporaryDirectory(prefix="moderator-session-") as tmp:
        directory = Path(tmp)
        copy_url = _copy(f"sqlite:///{source}", directory)
        assert copy_url is not None
        server = start_server(directory, demo=False,
                              env={"PORTAL_DATABASE_URL": copy_url, "PORTAL_DEMO_SIGNIN": "1"})
        try:
            time.sleep(5)  # the screening warm-up the start began, as bench/run_all.py waits
            started_rss = rss_mib(server.process.pid)[0]
            load = os.getloadavg()
            print(f"portal serve (PID {server.process.pid}) on a copy of {source}; "
                  f"{os.cpu_count()} cores; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; "
                  f"RSS after start {started_rss:,.0f} MiB")
            began = time.perf_counter()
            rows = asyncio.run(session(server.url, server.process.pid, args.decisions, args.every))
            wall = time.perf_counter() - began
            print(f"\n{rows[-1][0]} decisions in {wall / 60:.1f} min, one moderator session "
                  f"(every {args.every}: the policy, the audit checkpoints, \"Have your say\" "
                  "with two \"Show more\")")
            print("| decisions | RSS MiB | peak (VmHWM) MiB | median script run ms |")
            print("|---:|---:|---:|---:|")
            for decided, rss, peak, ms in rows:
                print(f"| {decided} | {rss:,.0f} | {peak:,.0f} | {ms:,.0f} |")
            time.sleep(args.settle)
            rss, peak = rss_mib(server.process.pid)
            load = os.getloadavg()
            print(f"\n{args.settle:.0f} s after the session closed: RSS {rss:,.0f} MiB "
                  f"(peak {peak:,.0f} MiB); load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
        finally:
            stop_server(server)


if __name__ == "__main__":
    main()
