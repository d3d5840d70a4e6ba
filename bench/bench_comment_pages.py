"""Pages that show published comments, the first visitor's page, and ``portal screen``, at the
comment scale of DESIGN.md §7 (issue 18).

    python bench/bench_comment_pages.py [--database /tmp/scale-i/portal.db] [--rebuild]

Prints, each measured in a fresh Python process so that "cold" means cold:

- the notice page (``alpr-fixed``, about 11,000 published comments) and "Have your say"
  (about 10,500 general ones), resident, via AppTest: first run and median warm run, and the
  run after pressing "Show more comments" once;
- the whole app's first page (``streamlit_app.py``) in a fresh process: as the server serves
  it (after the warm-up its start-up began), with a warm-up running beside it, and with none;
- ``portal screen`` on 10 and on 1,000 comments: wall time, and from ``python -X importtime``
  what the command imported that it does not use (SQLAlchemy, sqlmodel, alembic), with the
  build of the Unicode tables and the language model's load, measured in the same process.

The database is built by ``bench/scale_comments.py`` when missing. Figures only: nothing
here asserts a duration (DESIGN.md §7).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DB = Path("/tmp/scale-i/portal.db")
PAGES = (
    ("notice page, alpr-fixed (resident)", "app_pages/notice.py", {"technology": "alpr-fixed"}),
    ('"Have your say" (resident)', "app_pages/have_your_say.py", {}),
)


# --- run in a child process --------------------------------------------------------------

def _clock(name: str):  # type: ignore[no-untyped-def]
    return time.process_time if name == "cpu" else time.perf_counter


def _page(script: str, query: dict[str, str], clock: str) -> dict[str, float | None]:
    from bench.pagetime import open_page, time_runs

    tick = _clock(clock)
    at = open_page(script, query=query)
    cold, warm = time_runs(at, runs=10, clock=tick)
    more = next((b for b in at.button if b.label.startswith("Show")), None)
    after_more = None
    if more is not None:
        started = tick()
        more.click().run()
        after_more = tick() - started
    return {"cold": cold, "warm": warm, "more": after_more}


def _first_page(mode: str, clock: str) -> dict[str, float | None]:
    """The whole app's first run in a fresh process, as the first visitor's page.

    ``served``: what the server's start-up does, then the page (the start-up's warm-up given
    time to finish, as when a visitor comes a few seconds after the server starts);
    ``during``: a warm-up running beside the page, as when it began with the page;
    ``none``: no warm-up anywhere, the page alone.
    """
    import threading

    import moderation
    from bench.pagetime import open_page, time_runs

    thread = None
    try:
        from portal.ui.warmup import start_screening_warm_up
    except ImportError:  # before issue 18: the first page run began the warm-up itself
        start_screening_warm_up = None
    if mode == "none":
        moderation.warm_up = lambda: None  # type: ignore[assignment]
    elif mode == "during":
        if start_screening_warm_up is None:
            return {"first": None}  # the page begins its own: that is "served"
        thread = threading.Thread(target=moderation.warm_up, daemon=True)
        thread.start()
    elif start_screening_warm_up is not None:
        start_screening_warm_up().join()
    first, _ = time_runs(open_page("streamlit_app.py"), runs=1, clock=_clock(clock))
    if thread is not None:
        thread.join()
    return {"first": first}


def _screen_parts(path: str) -> dict[str, float]:
    """Inside one ``portal screen`` run: the Unicode tables and the language model."""
    import contextlib
    import io

    started = time.perf_counter()
    from portal.cli import main

    imported = time.perf_counter() - started
    from moderation import language, textview

    parts: dict[str, float] = {"portal.cli import": imported}

    def timed(name: str, function):  # type: ignore[no-untyped-def]
        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            t0 = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                parts[name] = parts.get(name, 0.0) + time.perf_counter() - t0
        return wrapper

    textview._tables.cache_clear()
    textview._tables = timed("Unicode tables", textview._tables)  # type: ignore[assignment]
    load = getattr(language, "_load_model", None) or language._identifier
    name = "_load_model" if hasattr(language, "_load_model") else "_identifier"
    setattr(language, name, timed("language model load", load))
    started = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        main(["screen", path])
    parts["whole command"] = time.perf_counter() - started + imported
    return parts


def _child(kind: str, arg: str) -> None:
    arg, _, clock = arg.partition("@")
    if kind == "page":
        script, _, query = arg.partition("?")
        result = _page(script, dict(p.split("=", 1) for p in query.split("&") if p), clock)
    elif kind == "first-page":
        result = _first_page(arg, clock)
    else:
        result = _screen_parts(arg)
    print("RESULT " + json.dumps(result))


# --- the parent ----------------------------------------------------------------------------

def _run_child(env: dict[str, str], kind: str, arg: str) -> dict[str, float | None]:
    done = subprocess.run([sys.executable, __file__, "--child", kind, arg], env=env, cwd=ROOT,
                          capture_output=True, text=True, check=False)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("RESULT ")), None)
    if line is None:
        raise RuntimeError(f"{kind} {arg} failed:\n{done.stderr[-3000:]}")
    return json.loads(line[len("RESULT "):])  # type: ignore[no-any-return]


def _ms(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 1000:,.0f} ms"


def _screen_files(directory: Path) -> dict[int, Path]:
    from bench.bench_screening import build

    texts = build(1000, 2026)
    files = {}
    for n in (10, 1000):
        path = directory / f"screen-{n}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["text"])
            writer.writerows([t] for t in texts[:n])
        files[n] = path
    return files


def _importtime(env: dict[str, str], path: Path) -> dict[str, float]:
    """Cumulative import time (ms) of the heavy modules a ``portal screen`` run imported."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "portal", "screen", str(path)],
                          env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    found: dict[str, float] = {}
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \|(\s*)(\S+)$", line)
        if match and match.group(3) in ("portal.cli", "sqlalchemy", "sqlmodel", "alembic",
                                        "presidio_analyzer", "py3langid", "moderation"):
            found[match.group(3)] = found.get(match.group(3), 0.0) + int(match.group(1)) / 1000
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", type=Path, default=DEFAULT_DB)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return

    if args.rebuild or not args.database.exists():
        from bench.scale_comments import build

        build(args.database)
    env = {**os.environ, "PORTAL_DATABASE_URL": f"sqlite:///{args.database}"}
    print(f"database: {args.database}; {os.cpu_count()} cores; Python {sys.version.split()[0]}")

    print(f"load average when starting: {os.getloadavg()[0]:.1f} (wall times suffer from it; "
          "CPU times, the process's own, much less)")
    for name, script, query in PAGES:
        address = script + "?" + "&".join(f"{k}={v}" for k, v in query.items())
        wall = _run_child(env, "page", address + "@wall")
        cpu = _run_child(env, "page", address + "@cpu")
        print(f"{name}: cold {_ms(wall['cold'])} (CPU {_ms(cpu['cold'])}), warm median "
              f"{_ms(wall['warm'])} (CPU {_ms(cpu['warm'])}), the run after one \"Show more "
              f"comments\" {_ms(wall['more'])} (CPU {_ms(cpu['more'])})")

    for mode, label in (("served", "as the server serves it"),
                        ("during", "while a screening warm-up runs beside it"),
                        ("none", "with no warm-up anywhere")):
        wall = _run_child(env, "first-page", mode + "@wall")
        # With a warm-up beside it, the process's CPU is the warm-up's too: wall time only.
        cpu = {"first": None} if mode == "during" else _run_child(env, "first-page", mode + "@cpu")
        print(f"first visitor's page (streamlit_app.py, fresh process) {label}: "
              f"{_ms(wall['first'])}" + ("" if cpu["first"] is None else f" (CPU {_ms(cpu['first'])})"))

    files = _screen_files(args.database.parent)
    for n, path in files.items():
        walls, cpus = [], []
        for _ in range(3):
            started, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run([sys.executable, "-m", "portal", "screen", str(path)], env=env, cwd=ROOT,
                           stdout=subprocess.DEVNULL, check=True)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            walls.append(time.perf_counter() - started)
            cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        imports = _importtime(env, path)
        parts = _run_child(env, "screen", str(path))
        print(f"portal screen, {n:,} comments: wall median {_ms(statistics.median(walls))}, CPU "
              f"median {_ms(statistics.median(cpus))} (of 3); in one run: "
              + ", ".join(f"{k} {_ms(v)}" for k, v in parts.items()))
        print("  imported (python -X importtime, cumulative): "
              + ", ".join(f"{k} {v:,.0f} ms" for k, v in sorted(imports.items()))
              + ("; no SQLAlchemy, sqlmodel or alembic" if not {"sqlalchemy", "sqlmodel", "alembic"} & set(imports) else ""))


if __name__ == "__main__":
    main()
