"""Every page at county scale, as each role that uses it, and the other figures of DESIGN.md §7.

    python bench/run_all.py [--database URL] [--quick] [--runs N] [--skip serve,packet,...]

Against the county-scale database that ``portal demo --scale county`` builds (default:
``PORTAL_DATABASE_URL``, else ``/tmp/county/county.db``), prints:

- every page the registry knows (``portal.registry.all_pages``), as a resident when it is
  public and otherwise as each of staff, moderator and commissioner who may open it (the
  administrator only where none of them may): its script run in AppTest, cold (the first run
  in a fresh Python process) and warm (median of ``--runs``), wall and CPU, against §7's
  targets (300 ms warm, 1.5 s cold);
- screening throughput (``bench/bench_screening.py``, one core);
- a meeting packet over 10,000 published comments, PDF included
  (``bench.bench_packet.populate`` and ``build_packet``), on a copy of the database;
- ``portal import inventory`` of a 5,000-row file the portal exported, on that copy;
- the resident set size of a real ``portal serve`` on that copy: after start, and after a
  round of every public page in Chromium (twice), with the peak (VmHWM).

The database itself is only read: whatever writes works on a copy (SQLite only; on
PostgreSQL those parts are skipped with a note). Figures only: nothing here asserts a
duration (DESIGN.md §7). ``--quick`` runs 3 warm runs a page, 2,000 comments for screening
and the packet, and one round of pages for ``portal serve``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DB = Path("/tmp/county/county.db")
WARM_MS, COLD_MS = 300, 1500
STAFF_ROLES = ("staff", "moderator", "commissioner")


def _user(role: str) -> dict[str, object] | None:
    if role == "resident":
        return None
    from bench.bench_audit_moderation import USERS

    return USERS[role]


# --- run in a child process ---------------------------------------------------------------

def _child_page(script: str, role: str, runs: int, query: str) -> dict[str, float]:
    """Cold and warm, wall and CPU, of one page as one role in this (fresh) process."""
    from bench.pagetime import open_page, time_runs

    cpu: list[float] = []

    def clock() -> float:  # time_runs reads it before and after every run: keep the CPU too
        cpu.append(time.process_time())
        return time.perf_counter()

    params = dict(p.split("=", 1) for p in query.split("&") if p)
    at = open_page(script, _user(role), params)
    cold, warm = time_runs(at, runs=runs, clock=clock)
    spans = [cpu[i + 1] - cpu[i] for i in range(0, len(cpu), 2)]
    return {"cold": cold, "warm": warm, "cold_cpu": spans[0],
            "warm_cpu": statistics.median(spans[1:])}


def _child_packet(comments: int) -> dict[str, float]:
    from sqlmodel import Session

    from bench.bench_packet import populate
    from portal.auth.roles import Actor, Role
    from portal.db import make_engine
    from portal.oversight.packets import build_packet

    engine = make_engine()
    meeting_id, _ = populate(engine, comments, 7)
    commissioner = Actor(subject="bench@alder-county.example",
                         roles=frozenset({Role.COMMISSIONER}), display_name="Bench commissioner")
    with Session(engine, expire_on_commit=False) as session:
        started, cpu = time.perf_counter(), time.process_time()
        packet = build_packet(session=session, actor=commissioner, meeting_id=meeting_id)
        session.commit()
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {"seconds": seconds, "cpu": cpu, "pdf_bytes": len(packet.pdf or b"")}


def _run_child(env: dict[str, str], *args: str) -> dict[str, float]:
    done = subprocess.run([sys.executable, __file__, "--child", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, check=False)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("RESULT ")), None)
    if line is None:
        raise RuntimeError(f"{' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return json.loads(line[len("RESULT "):])  # type: ignore[no-any-return]


# --- the parent ----------------------------------------------------------------------------

def _roles(page) -> list[str]:  # type: ignore[no-untyped-def]
    from portal.auth.roles import Actor, Role

    if page.is_public:
        return ["resident"]
    able = [r for r in STAFF_ROLES
            if page.visible_to(Actor(subject=r, roles=frozenset({Role(r)}), authenticated=True))]
    return able or ["admin"]


def _busiest_notice(url: str) -> str:
    """The notice page's ``technology``: the published notice with most published comments."""
    import sqlalchemy as sa

    from portal.db import make_engine

    engine = make_engine(url)
    with engine.connect() as conn:
        slug = conn.execute(sa.text(
            "SELECT t.slug FROM surveillance_technology t JOIN comment c ON c.target_type = "
            "'notice' AND c.target_id = t.id AND c.state = 'published' WHERE t.is_published "
            "GROUP BY t.slug ORDER BY count(*) DESC LIMIT 1")).scalar()
    engine.dispose()
    return f"technology={slug}" if slug else ""


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f}"


def pages(env: dict[str, str], url: str, runs: int) -> list[tuple[str, str, dict[str, float]]]:
    from portal.registry import all_pages

    queries = {"app_pages/notice.py": _busiest_notice(url)}
    print(f"\n## Pages (AppTest; cold = first run in a fresh process; warm = median of {runs}; "
          f"targets {WARM_MS} ms warm, {COLD_MS:,} ms cold)")
    print("| page | role | cold ms | warm ms | cold CPU ms | warm CPU ms | §7 |")
    print("|---|---|---:|---:|---:|---:|---|")
    results = []
    for page in all_pages():
        if page.demo_only:
            continue
        for role in _roles(page):
            query = queries.get(page.script, "")
            r = _run_child(env, "page", page.script, role, str(runs), query)
            misses = [f"warm over {WARM_MS} ms"] if r["warm"] * 1000 > WARM_MS else []
            misses += [f"cold over {COLD_MS:,} ms"] if r["cold"] * 1000 > COLD_MS else []
            name = page.script.removeprefix("app_pages/") + (f"?{query}" if query else "")
            print(f"| {name} | {role} | {_ms(r['cold'])} | {_ms(r['warm'])} | "
                  f"{_ms(r['cold_cpu'])} | {_ms(r['warm_cpu'])} | "
                  f"{'; '.join(misses) or 'within'} |", flush=True)
            results.append((name, role, r))
    return results


def screening(comments: int) -> None:
    print(f"\n## Screening ({comments:,} comments, bench/bench_screening.py, one core)")
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_screening.py"),
                           "--comments", str(comments)], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    for line in done.stdout.splitlines():
        if line.startswith(("screening:", "screen_batch:")):
            print(line)


def _copy(url: str, directory: Path) -> str | None:
    if not url.startswith("sqlite:///"):
        return None
    source = Path(url.removeprefix("sqlite:///"))
    target = directory / "county.db"
    started = time.perf_counter()
    shutil.copyfile(source, target)
    for suffix in ("-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")
    print(f"\n(copied the database to {target} in {time.perf_counter() - started:.1f} s: "
          "what follows writes only to the copy)")
    return f"sqlite:///{target}"


def packet(env: dict[str, str], comments: int) -> None:
    r = _run_child(env, "packet", str(comments))
    verdict = "within" if r["seconds"] < 10 else "OVER"
    print(f"\n## Packet\nbuild_packet over {comments:,} published comments (PDF "
          f"{int(r['pdf_bytes']):,} bytes): {r['seconds']:.2f} s ({verdict} the 10 s target), "
          f"CPU {r.get('cpu', float('nan')):.2f} s, imports of scikit-learn, matplotlib and "
          "fpdf2 included")


def import_inventory(source_env: dict[str, str], copy_env: dict[str, str], directory: Path,
                     rows: int = 5_000) -> None:
    exported = directory / "inventory-all.csv"
    subprocess.run([sys.executable, "-m", "portal", "export", "inventory", "-o", str(exported)],
                   env=source_env, cwd=ROOT, check=True, capture_output=True)
    path = directory / f"inventory-{rows}.csv"
    with exported.open(newline="", encoding="utf-8") as src, \
            path.open("w", newline="", encoding="utf-8") as dst:
        reader, writer = csv.reader(src), csv.writer(dst)
        header = next(reader)
        writer.writerow(header)
        everything = list(reader)
        # The import refuses two practices with one dataset and title; leave out the pairs
        # the county generator wrote that way (it inserts in bulk, past that rule).
        key = [header.index("dataset"), header.index("title")]
        seen: dict[tuple[str, ...], int] = {}
        for row in everything:
            seen[tuple(row[i] for i in key)] = seen.get(tuple(row[i] for i in key), 0) + 1
        unique = [row for row in everything if seen[tuple(row[i] for i in key)] == 1]
        writer.writerows(unique[:rows])
        count = min(rows, len(unique))
        if len(unique) < len(everything):
            print(f"\n(left out {len(everything) - len(unique)} exported rows that share a "
                  "dataset and title with another: the import refuses them)")
    purpose = header.index("purpose")
    changed = directory / f"inventory-{rows}-changed.csv"
    with path.open(newline="", encoding="utf-8") as src, \
            changed.open("w", newline="", encoding="utf-8") as dst:
        reader, writer = csv.reader(src), csv.writer(dst)
        writer.writerow(next(reader))
        writer.writerows(row[:purpose] + [row[purpose] + " Reviewed in 2026."] + row[purpose + 1:]
                         for row in reader)
    print("\n## Import")
    for label, file in (("as exported (each row unchanged)", path),
                        ("each row's purpose changed (5,000 new versions)", changed)):
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "portal", "import", "inventory", str(file)],
                              env=copy_env, cwd=ROOT, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - started
        print(f"portal import inventory, {count:,} rows {label}: {seconds:.2f} s, whole process "
              f"(exit {done.returncode}; {(done.stdout.strip().splitlines() or [''])[-1][:160]})")
        if done.returncode:
            print(done.stderr[-2000:])


def _rss(pid: int) -> tuple[int, int]:
    """Resident and peak resident KiB of ``pid`` and its descendants."""
    rss = peak = 0
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        rss += int(fields.get("VmRSS", "0 kB").split()[0])
        peak += int(fields.get("VmHWM", "0 kB").split()[0])
        todo += [int(c) for c in children]
    return rss, peak


def serve(copy_url: str, directory: Path, rounds: int) -> None:
    from playwright.sync_api import sync_playwright

    from portal.registry import all_pages
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, settle, start_server, stop_server

    public = [p for p in all_pages() if p.is_public]
    server = start_server(directory, env={"PORTAL_DATABASE_URL": copy_url}, demo=False)
    try:
        time.sleep(5)  # the screening warm-up the start began
        print(f"\n## portal serve (PID {server.process.pid}, its database a copy)")
        rss, peak = _rss(server.process.pid)
        print(f"after start: RSS {rss / 1024:,.0f} MiB (peak {peak / 1024:,.0f} MiB)")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for n in range(1, rounds + 1):
                context = browser.new_context()
                page = context.new_page()
                started = time.perf_counter()
                for spec in public:
                    page.goto(f"{server.url}/{spec.url_path}")
                    page.wait_for_selector('[data-testid="stMainBlockContainer"]', timeout=60_000)
                    settle(page)
                seconds = time.perf_counter() - started
                context.close()
                rss, peak = _rss(server.process.pid)
                print(f"after round {n} of the {len(public)} public pages in Chromium "
                      f"({seconds:.1f} s; one new session): RSS {rss / 1024:,.0f} MiB "
                      f"(peak {peak / 1024:,.0f} MiB)", flush=True)
            browser.close()
    finally:
        stop_server(server)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="database URL or SQLite file (default: "
                        "PORTAL_DATABASE_URL, else /tmp/county/county.db)")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--runs", type=int, help="warm runs a page (default 10; 3 with --quick)")
    parser.add_argument("--skip", default="", help="comma-separated: pages, screening, "
                        "packet, import, serve")
    parser.add_argument("--only-page", help="only the pages whose script contains this")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "page":
            result = _child_page(rest[0], rest[1], int(rest[2]), rest[3] if len(rest) > 3 else "")
        else:
            result = _child_packet(int(rest[0]))
        print("RESULT " + json.dumps(result))
        return

    url = args.database or os.environ.get("PORTAL_DATABASE_URL") or str(DEFAULT_DB)
    if "://" not in url:
        url = f"sqlite:///{Path(url).resolve()}"
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        raise SystemExit(f"{url} does not exist. Build it (4 to 15 minutes) with:\n"
                         f"  PORTAL_DATABASE_URL={url} portal demo --scale county")
    skip = set(filter(None, args.skip.split(",")))
    runs = args.runs or (3 if args.quick else 10)
    comments = 2_000 if args.quick else 10_000
    env = {**os.environ, "PORTAL_DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
    load = os.getloadavg()
    print(f"database: {url}; {os.cpu_count()} cores; load average {load[0]:.2f} {load[1]:.2f} "
          f"{load[2]:.2f}; Python {sys.version.split()[0]}")
    started = time.perf_counter()
    if "pages" not in skip:
        if args.only_page:
            from portal import registry

            everything = registry.all_pages
            registry.all_pages = lambda: [p for p in everything() if args.only_page in p.script]
        pages(env, url, runs)
    if "screening" not in skip:
        screening(comments)
    if not {"packet", "import", "serve"} <= skip:
        with tempfile.TemporaryDirectory(prefix="run-all-") as tmp:
            directory = Path(tmp)
            copy_url = _copy(url, directory)
            if copy_url is None:
                print("\n(packet, import and portal serve write to the database: on "
                      "PostgreSQL they are skipped; run them on a SQLite copy)")
            else:
                copy_env = {**env, "PORTAL_DATABASE_URL": copy_url}
                if "packet" not in skip:
                    packet(copy_env, comments)
                if "import" not in skip:
                    import_inventory(env, copy_env, directory)
                if "serve" not in skip:
                    serve(copy_url, directory, 1 if args.quick else 2)
    load = os.getloadavg()
    print(f"\nwhole run: {(time.perf_counter() - started) / 60:.1f} min; load average at the "
          f"end {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
