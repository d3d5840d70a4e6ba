"""The indicator catalog and an indicator page with 1,000,000 indicator values (DESIGN.md §7).

    python bench/bench_indicators.py [--rows 1000000] [--seed 7] [--export]
    python bench/bench_indicators.py --postgres postgresql://postgres@127.0.0.1:5432/test

Adds 40 synthetic indicators to the demo county, each with its 8 districts and the
county total, for everyone, by race and ethnicity (7 groups) and by age (4 groups),
quarter by quarter from 2000-Q1, until ``indicator_value`` holds ``--rows`` rows. The
figures are seeded and additive (groups add up to at most their district, districts to
the county) and many groups are small (fewer than 11 people, 0–10 counted), so
suppression has work to do. Values are inserted in bulk (SQLAlchemy Core executemany),
not through the import's checks.

Then it times, as a resident, the catalog and one big indicator's page (also by race
and ethnicity for district D3): cold is the first script run with the page cache and the
kept suppression patterns cleared (a fresh server), warm the median of later runs.
Targets: under 300 ms warm, under 1.5 s cold. It also times the first 10,000 rows of
the public export (all of it with ``--export``: minutes).

With ``--postgres URL`` it also creates a database of its own on that server, loads the
same figures with COPY, and prints ``EXPLAIN (ANALYZE, BUFFERS)`` for the queries an
indicator page runs on ``indicator_value``, saying whether each uses an index; the
database is dropped at the end.

It prints figures; it is not a timed test.
"""

from __future__ import annotations

import argparse
import itertools
import logging
import math
import os
import random
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

INDICATORS = 40
DISTRICTS = [f"D{i}" for i in range(1, 9)]
RACE = [("White", 0.52), ("Hispanic or Latino", 0.17), ("Black or African American", 0.11),
        ("Asian", 0.09), ("Two or more races", 0.05), ("American Indian or Alaska Native", 0.02),
        ("Native Hawaiian or Pacific Islander", 0.01)]
AGE = [("Under 25", 0.30), ("25 to 44", 0.30), ("45 to 64", 0.25), ("65 and over", 0.15)]
ROWS_PER_PERIOD = (len(DISTRICTS) + 1) * (1 + len(RACE) + len(AGE))  # 108
BATCH = 20_000
PAGE = "app_pages/indicators.py"

#: kind: (unit, rate_per, district group size range, share counted range)
KINDS = {
    # Applications approved: a few dozen to a few hundred a district, so groups are small.
    "applications": ("percent", None, (20, 400), (0.45, 0.75)),
    # Rare events among residents (eviction filings): small counts in big groups.
    "rare": ("rate", 1000, (3_000, 25_000), (0.002, 0.010)),
    # Common events (library cards, traffic stops).
    "common": ("percent", None, (8_000, 60_000), (0.10, 0.50)),
    # Counts of people served by a small programme: groups of a handful.
    "program": ("count", None, (5, 120), (0.20, 0.90)),
}


def indicator_plan() -> list[dict[str, Any]]:
    """The synthetic definitions; index 0 (applications) is the page timed."""
    kinds = list(KINDS)
    out = []
    for n in range(INDICATORS):
        kind = kinds[n % len(kinds)]
        unit, rate_per, _, _ = KINDS[kind]
        out.append({
            "slug": f"bench-indicator-{n:02d}", "name": f"Bench indicator {n:02d} ({kind})",
            "unit": unit, "rate_per": rate_per, "kind": kind,
            "description": f"A synthetic {kind} indicator for the benchmark.",
            "source": "bench/bench_indicators.py", "update_frequency": "Quarterly",
        })
    return out


def quarters() -> Iterator[str]:
    for year in itertools.count(2000):
        for q in range(1, 5):
            yield f"{year}-Q{q}"


def _split(rng: random.Random, total: int, shares: list[tuple[str, float]], keep: float) -> list[int]:
    """Whole parts of ``total`` by jittered shares, adding up to at most ``keep`` of it."""
    weights = [s * rng.uniform(0.6, 1.4) for _, s in shares]
    scale = keep / sum(weights)
    return [math.floor(total * w * scale) for w in weights]


def _counted(rng: random.Random, sizes: list[int], share: float) -> list[int]:
    return [min(size, round(size * share * rng.uniform(0.5, 1.5))) for size in sizes]


def period_table(rng: random.Random, kind: str) -> dict[tuple[str, str, str], tuple[float | None, int]]:
    """One period of one indicator: (district or "all", dimension, group) → (counted, size)."""
    _, _, (low, high), (share_low, share_high) = KINDS[kind]
    share = rng.uniform(share_low, share_high)
    table: dict[tuple[str, str, str], tuple[float | None, int]] = {}
    county: dict[tuple[str, str], list[int]] = {}
    for district in DISTRICTS:
        size = rng.randint(low, high)
        # Race and ethnicity: some people declined to say, so the groups add up to less.
        race_sizes = _split(rng, size, RACE, rng.uniform(0.9, 1.0))
        race_counts = _counted(rng, race_sizes, share)
        declined = size - sum(race_sizes)
        counted = sum(race_counts) + min(declined, round(declined * share))
        age_sizes = _split(rng, size, AGE, 1.0)
        age_counts = [min(s, c) for s, c in zip(
            age_sizes, _split(rng, counted, AGE, 0.98), strict=True)]
        rows = [(("all", "all"), counted, size)]
        rows += [(("race_ethnicity", g), c, s) for (g, _), c, s in zip(RACE, race_counts, race_sizes, strict=True)]
        rows += [(("age", g), c, s) for (g, _), c, s in zip(AGE, age_counts, age_sizes, strict=True)]
        for (dimension, group), c, s in rows:
            table[(district, dimension, group)] = (float(c), s)
            total = county.setdefault((dimension, group), [0, 0])
            total[0] += c
            total[1] += s
    for (dimension, group), (c, s) in county.items():
        table[("all", dimension, group)] = (float(c), s)
    # Now and then a district did not report one group: a missing figure, not a zero.
    if rng.random() < 0.05:
        key = (rng.choice(DISTRICTS), "race_ethnicity", rng.choice(RACE)[0])
        table[key] = (None, table[key][1])
    return table


def generate(ids: dict[str, int], districts: dict[str, int], rows: int,
             seed: int) -> Iterator[tuple[Any, ...]]:
    """Exactly ``rows`` value rows as tuples in ``COLUMNS`` order, the same for every database."""
    from portal.indicators.periods import period_start

    plan = indicator_plan()
    per_indicator = math.ceil(rows / (len(plan) * ROWS_PER_PERIOD))
    made = 0
    for n, spec in enumerate(plan):
        rng = random.Random(f"{seed}-{n}")
        for period in itertools.islice(quarters(), per_indicator):
            start = period_start(period)
            table = period_table(rng, spec["kind"])
            # Totals first, so a last, cut-short period still has them.
            for (code, dimension, group), (value, size) in sorted(
                    table.items(), key=lambda kv: (kv[0][1] != "all", kv[0][0] != "all", kv[0])):
                yield (ids[spec["slug"]], None if code == "all" else districts[code], dimension,
                       group, period, start, value, size)
                made += 1
                if made >= rows:
                    return


COLUMNS = ("indicator_id", "district_id", "group_dimension", "group_value", "period",
           "period_start", "value", "denominator")


def create_indicators(session: Session) -> dict[str, int]:
    import sqlalchemy as sa

    from portal.auth.roles import SYSTEM
    from portal.indicators.definitions import create_definition
    from portal.inventory.models import Department

    departments = sorted(session.execute(sa.select(Department.code)).scalars())
    ids = {}
    for n, spec in enumerate(indicator_plan()):
        values = {k: spec[k] for k in ("slug", "name", "unit", "rate_per", "description",
                                       "source", "update_frequency")}
        values["department"] = departments[n % len(departments)]
        ids[spec["slug"]] = create_definition(session=session, actor=SYSTEM, values=values).id
    return ids


def load(engine: Engine, rows: int, seed: int,
         write: Callable[[Connection, Iterator[tuple[Any, ...]]], None]) -> None:
    """Add the synthetic indicators and values until ``indicator_value`` holds ``rows``."""
    import sqlalchemy as sa

    from portal.db import session_scope
    from portal.geography.models import District
    from portal.indicators.models import IndicatorValue
    from portal.indicators.tables import store_patterns
    from portal.indicators.values import refresh_summaries
    from portal.settings import get_settings

    started = time.perf_counter()
    with session_scope(engine) as session:
        ids = create_indicators(session)
        districts = dict(session.execute(sa.select(District.code, District.id)).all())
        existing = session.execute(sa.text("SELECT COUNT(*) FROM indicator_value")).scalar_one()
        write(session.connection(), generate(ids, districts, max(0, rows - existing), seed))
        refresh_summaries(session.connection(), sorted(ids.values()))
    loaded = time.perf_counter()
    # What an import does after writing: work out each period's suppression and store it.
    with session_scope(engine) as session:
        k = get_settings().suppression_k
        stored = 0
        for indicator_id in sorted(ids.values()):
            periods = sorted(session.execute(sa.select(IndicatorValue.period).distinct().where(
                IndicatorValue.indicator_id == indicator_id)).scalars())
            stored += store_patterns(session, indicator_id, periods, k)
    print(f"{engine.dialect.name}: suppression worked out and stored for {stored:,} cells in "
          f"{time.perf_counter() - loaded:.1f} s (the import's share of the work)")
    with engine.connect() as conn:
        count = conn.execute(sa.text("SELECT COUNT(*) FROM indicator_value")).scalar_one()
        indicators = conn.execute(sa.text("SELECT COUNT(*) FROM indicator")).scalar_one()
    print(f"{engine.dialect.name}: {count:,} indicator values in {indicators} indicators, "
          f"loaded in {time.perf_counter() - started:.1f} s")


def insert_batches(connection: Connection, values: Iterator[tuple[Any, ...]]) -> None:
    import sqlalchemy as sa

    from portal.indicators.models import IndicatorValue

    statement = sa.insert(IndicatorValue.__table__)
    while batch := [dict(zip(COLUMNS, row, strict=True)) for row in itertools.islice(values, BATCH)]:
        connection.execute(statement, batch)


def copy_rows(connection: Connection, values: Iterator[tuple[Any, ...]]) -> None:
    raw = connection.connection.driver_connection  # psycopg 3, in the session's transaction
    with raw.cursor() as cursor, cursor.copy(
            f"COPY indicator_value ({', '.join(COLUMNS)}) FROM STDIN") as copy:
        for row in values:
            copy.write_row(row)


def fresh_caches() -> None:
    """As a newly started server: no page cache, no kept suppression pattern."""
    import streamlit as st

    from portal.indicators import tables

    # Cleared outside a script run, which streamlit warns about: quiet for the moment.
    quiet = [logging.getLogger(n) for n in ("streamlit.runtime.caching.cache_data_api",
                                            "streamlit.runtime.scriptrunner_utils.script_run_context")]
    for logger in quiet:
        logger.setLevel(logging.ERROR)
    st.cache_resource.clear()
    st.cache_data.clear()
    with tables._LOCK:
        tables._KEPT.clear()


def cold_and_warm(name: str, query: dict[str, str] | None = None) -> None:
    from bench.pagetime import report, time_page

    fresh_caches()
    cold, warm = time_page(PAGE, query=query, runs=7)
    report(name, cold, warm)
    verdict = "within" if cold <= 1.5 else "OVER"
    print(f"    cold {cold:.2f} s ({verdict} the 1.5 s target)")


def services(engine: Engine, slug: str) -> None:
    """indicator_data outside the page: once with nothing kept, once with the patterns kept."""
    from portal.auth.roles import RESIDENT
    from portal.db import session_scope
    from portal.indicators.service import data_version, indicator_data

    fresh_caches()
    for label in ("statuses stored at import", "second call"):
        with session_scope(engine) as session:
            started = time.perf_counter()
            data_version(session=session, actor=RESIDENT, slug=slug)
            middle = time.perf_counter()
            data = indicator_data(session=session, actor=RESIDENT, slug=slug)
            done = time.perf_counter()
        cells = sum(len(c) for c in data.cells.values())
        print(f"{engine.dialect.name} services, {slug} ({label}): data_version "
              f"{(middle - started) * 1000:.0f} ms, indicator_data {(done - middle) * 1000:.0f} ms "
              f"({len(data.periods)} periods, {cells:,} cells)")


def export(engine: Engine, everything: bool) -> None:
    from portal.auth.roles import RESIDENT
    from portal.db import session_scope
    from portal.indicators.service import export_rows

    fresh_caches()
    with session_scope(engine) as session:
        started = time.perf_counter()
        rows = export_rows(session=session, actor=RESIDENT)
        n = sum(1 for _ in (rows if everything else itertools.islice(rows, 10_000)))
        elapsed = time.perf_counter() - started
    what = "the whole export" if everything else "the export's first rows"
    print(f"{what}: {n:,} rows in {elapsed:.1f} s ({n / elapsed:,.0f} rows/s; "
          "an indicator's every period is protected before its first row)")


@contextmanager
def captured(engine: Engine) -> Iterator[list[tuple[str, Any]]]:
    """The statements (and parameters) that reach the database inside the block."""
    import sqlalchemy as sa

    seen: list[tuple[str, Any]] = []

    def listener(conn: Any, cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        seen.append((statement, parameters))

    sa.event.listen(engine, "before_cursor_execute", listener)
    try:
        yield seen
    finally:
        sa.event.remove(engine, "before_cursor_execute", listener)


def page_queries(engine: Engine, slug: str) -> list[tuple[str, Any]]:
    """The statements on indicator_value that the indicator page runs for ``slug``."""
    from portal.auth.roles import RESIDENT
    from portal.db import session_scope
    from portal.indicators.service import data_version, indicator_data

    with captured(engine) as seen, session_scope(engine) as session:
        data_version(session=session, actor=RESIDENT, slug=slug)
        indicator_data(session=session, actor=RESIDENT, slug=slug)
    return [(s, p) for s, p in seen if "indicator_value" in s]


def one_line(statement: str) -> str:
    return " ".join(statement.split())


def sqlite_plans(engine: Engine, slug: str) -> None:
    for statement, parameters in page_queries(engine, slug):
        with engine.connect() as conn:
            plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
        print(f"  sqlite: {one_line(statement)[:110]}...")
        for row in plan:
            print(f"    {row[-1]}")


def postgres(url: str, rows: int, seed: int, slug: str) -> None:
    import sqlalchemy as sa

    from portal.auth.roles import SYSTEM
    from portal.db import make_engine, normalize_url, session_scope, upgrade
    from portal.demo.loader import load_demo

    name = f"bench_indicators_{os.getpid()}"
    server = make_engine(url).execution_options(isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine = None
    try:
        engine = make_engine(sa.engine.make_url(normalize_url(url)).set(database=name)
                             .render_as_string(hide_password=False))
        upgrade(engine)
        with session_scope(engine) as session:
            load_demo(session=session, actor=SYSTEM)
        load(engine, rows, seed, copy_rows)
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            started = time.perf_counter()
            conn.exec_driver_sql("ANALYZE")
            print(f"postgresql: ANALYZE in {time.perf_counter() - started:.1f} s")
        services(engine, slug)
        for statement, parameters in page_queries(engine, slug):
            with engine.connect() as conn:
                plan = [r[0] for r in conn.exec_driver_sql(
                    "EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters).all()]
            uses = [line.strip().removeprefix("->").split("  (")[0].strip() for line in plan
                    if "Index" in line and "Scan" in line]
            print(f"\n-- {one_line(statement)}\n-- parameters: {parameters}")
            print("\n".join(plan))
            print(f"=> {'uses an index: ' + '; '.join(uses) if uses else 'NO index used'}")
    finally:
        if engine is not None:
            engine.dispose()
        with server.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.dispose()
        print(f"postgresql: dropped {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--export", action="store_true", help="time the whole export (minutes)")
    parser.add_argument("--postgres", metavar="URL", help="also load a new database on this "
                        "PostgreSQL server and print the page's query plans")
    args = parser.parse_args()

    from bench.pagetime import demo_database

    slug = indicator_plan()[0]["slug"]
    with demo_database() as engine:
        load(engine, args.rows, args.seed, insert_batches)
        cold_and_warm("indicator catalog (resident)")
        cold_and_warm(f"indicator page, {slug} (resident)", {"indicator": slug})
        cold_and_warm(f"indicator page, {slug} by race and ethnicity, D3 (resident)",
                      {"indicator": slug, "dimension": "race_ethnicity", "district": "D3"})
        services(engine, slug)
        export(engine, args.export)
        print("SQLite query plans of the page's queries on indicator_value:")
        sqlite_plans(engine, slug)
    if args.postgres:
        postgres(args.postgres, args.rows, args.seed, slug)


if __name__ == "__main__":
    main()
