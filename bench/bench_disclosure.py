"""Small-number suppression at the size of an indicator table (DESIGN.md §2.6).

Builds seeded random 9 × 8 tables like the portal's disaggregated indicators — 8 districts
plus "all", 7 race and ethnicity groups plus "all", each cell a count of people with its
group size — and times ``portal.disclosure.protect`` on each, then audits every result with
the LP attack (not timed). Half the tables have "all" totals that include people who declined
to give their race, so their rows add up to less than the total. Three kinds of indicator:

- applications (rental assistance): 60–600 applications a district, 45–75 % approved;
- rare events (eviction filings): 3,000–25,000 residents a district, 2–10 per thousand;
- common events (traffic stops): the same residents, 10–50 per thousand.

Run: ``python bench/bench_disclosure.py [--tables 300] [--seed 2026] [--k 11]``.
It prints figures; it is not a timed test.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

# Run from a checkout: import this repository's portal/, not an installed copy.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from portal.disclosure import Figure, Status, exposed, protect, two_way_lines

DISTRICTS = [f"D{i}" for i in range(1, 9)]
GROUPS = ["white", "latino", "black", "asian", "multiracial", "native", "pacific"]
SHARES = [0.42, 0.24, 0.14, 0.10, 0.05, 0.03, 0.02]


def _binomial(rng: random.Random, n: int, p: float) -> int:
    return sum(1 for _ in range(n) if rng.random() < p)


def _poisson(rng: random.Random, mean: float) -> int:
    # Knuth's method is fine for the small means of rare events; a normal beyond.
    if mean > 50:
        return max(0, round(rng.gauss(mean, mean**0.5)))
    limit, k, p = pow(2.718281828459045, -mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def build_table(rng: random.Random) -> dict[tuple[str, str], Figure]:
    """One district × group table with margins, in the canonical order rows × columns."""
    kind = rng.choice(["applications", "rare events", "common events"])
    declined = rng.random() < 0.5
    body: dict[tuple[str, str], tuple[int, int]] = {}
    row_all: dict[str, tuple[int, int]] = {}
    for d in DISTRICTS:
        weights = [s * rng.uniform(0.5, 1.6) for s in SHARES]
        total_w = sum(weights)
        if kind == "applications":
            size = rng.randint(60, 600)
            rate = rng.uniform(0.45, 0.75)

            def draw(group: int, rate: float = rate) -> int:
                return _binomial(rng, group, rate)
        else:
            size = rng.randint(3_000, 25_000)
            low, high = (0.002, 0.01) if kind == "rare events" else (0.01, 0.05)
            rate = rng.uniform(low, high)

            def draw(group: int, rate: float = rate) -> int:
                return _poisson(rng, group * rate)

        counted = people = 0
        for g, w in zip(GROUPS, weights, strict=True):
            group = round(size * w / total_w)
            count = draw(group)
            body[(d, g)] = (count, group)
            counted += count
            people += group
        # People who declined to give their race are in the district's "all" only.
        extra_people = round(people * rng.uniform(0.02, 0.08)) if declined else 0
        row_all[d] = (counted + draw(extra_people), people + extra_people)
    cells: dict[tuple[str, str], Figure] = {}
    for d in DISTRICTS:
        for g in GROUPS:
            cells[(d, g)] = Figure(*body[(d, g)])
        cells[(d, "all")] = Figure(*row_all[d])
    for g in GROUPS:
        cells[("all", g)] = Figure(
            sum(body[(d, g)][0] for d in DISTRICTS), sum(body[(d, g)][1] for d in DISTRICTS)
        )
    cells[("all", "all")] = Figure(
        sum(row_all[d][0] for d in DISTRICTS), sum(row_all[d][1] for d in DISTRICTS)
    )
    return cells


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--k", type=int, default=11)
    args = parser.parse_args()

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    rng = random.Random(args.seed)
    lines = two_way_lines(DISTRICTS, GROUPS)
    tables = [build_table(rng) for _ in range(args.tables)]
    protect(tables[0], lines, args.k)  # warm up imports and HiGHS

    times: list[float] = []
    results = []
    for cells in tables:
        t0 = time.perf_counter()
        results.append(protect(cells, lines, args.k))
        times.append(1e3 * (time.perf_counter() - t0))

    primary = [sum(s is Status.SUPPRESSED_PRIMARY for s in r.values()) for r in results]
    complementary = [sum(s is Status.SUPPRESSED_COMPLEMENTARY for s in r.values()) for r in results]
    zeros_hidden = sum(
        1
        for cells, r in zip(tables, results, strict=True)
        for key, s in r.items()
        if s is Status.SUPPRESSED_COMPLEMENTARY and cells[key].count == 0
    )
    with_primary = sum(1 for p in primary if p)
    with_complementary = sum(1 for c in complementary if c)
    cells_per_table = len(tables[0])
    ordered = sorted(times)
    print(
        f"tables: {len(tables)} of {len(DISTRICTS) + 1} × {len(GROUPS) + 1} cells "
        f"(seed {args.seed}, k = {args.k})"
    )
    print(
        f"protect: median {statistics.median(times):.1f} ms per table, "
        f"90th percentile {ordered[int(0.9 * len(ordered)) - 1]:.1f} ms, "
        f"max {ordered[-1]:.1f} ms (single core)"
    )
    print(
        f"tables needing complementary cells: {with_complementary} of {len(tables)} "
        f"({100 * with_complementary / len(tables):.0f} %); with any primary cell: {with_primary}"
    )
    print(
        f"suppressed cells per table: primary mean {statistics.mean(primary):.1f}, "
        f"complementary mean {statistics.mean(complementary):.1f} "
        f"(of {cells_per_table}); complementary zeros in all tables: {zeros_hidden}"
    )

    t0 = time.perf_counter()
    bad = sum(1 for cells, r in zip(tables, results, strict=True) if exposed(cells, lines, r))
    print(
        f"audit (LP attack on counts and group sizes, not timed above): {bad} tables with an "
        f"exposed cell; {time.perf_counter() - t0:.1f} s"
    )
    if bad:
        sys.exit(1)


if __name__ == "__main__":
    main()
