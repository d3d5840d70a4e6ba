"""The county-scale indicators: definitions, values by district, group and period, and the
suppression status of every cell.

Each indicator is a series of periods (quarters from a start year, or months from 2019) up
to :data:`LAST_PERIOD`; each period is one table of 9 districts' rows (8 and the county) for
everyone, by race and ethnicity (7 groups) and by age (4 bands): 108 cells, or 9 for an
indicator without a demographic breakdown. The figures are built like the demo county's
(``data/generate_demo.py``): district populations split by the demo's shares, counts drawn
around a level that trends over time, groups adding up to at most their district and
districts to the county, so the import's additivity check holds. Small groups arise where
they do in a real county: few Pacific Islander applicants in one district, a handful of
events among a few hundred people. A figure is missing now and then (not reported).

A cell's status is worked out with the function an import uses
(:func:`portal.indicators.tables._pattern`, what ``store_patterns`` stores), for the
threshold in force, so pages read stored statuses as they do after any import; it is
computed here, in worker processes when there are several cores, and written with the row.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from portal.demo import scale_words as w

ALL = "all"
#: The last period of every series (fixed, so the data set is the same whenever it is made).
LAST_PERIOD = (2026, 3)  # 2026-Q3; monthly series end with its last month

RACE_GROUPS = (
    "American Indian or Alaska Native", "Asian", "Black or African American",
    "Hispanic or Latino", "Native Hawaiian or Pacific Islander", "White", "Two or more races",
)
#: Shares of residents by race and ethnicity (the demo county's, by district code).
RACE_SHARES: dict[str, tuple[float, ...]] = {
    "D1": (0.013, 0.062, 0.094, 0.172, 0.0011, 0.592, 0.0659),
    "D2": (0.009, 0.118, 0.041, 0.121, 0.0006, 0.647, 0.0634),
    "D3": (0.016, 0.097, 0.083, 0.138, 0.0012, 0.588, 0.0768),
    "D4": (0.010, 0.143, 0.067, 0.291, 0.0052, 0.421, 0.0628),
    "D5": (0.012, 0.021, 0.008, 0.246, 0.0003, 0.669, 0.0437),
    "D6": (0.014, 0.086, 0.071, 0.243, 0.0068, 0.513, 0.0662),
    "D7": (0.006, 0.162, 0.029, 0.082, 0.0004, 0.667, 0.0536),
    "D8": (0.021, 0.013, 0.004, 0.071, 0.0002, 0.846, 0.0448),
}
DEFAULT_RACE = (0.013, 0.088, 0.050, 0.170, 0.0020, 0.617, 0.060)
AGE_BANDS = ("Under 25", "25 to 44", "45 to 64", "65 and over")
DEFAULT_AGE = (0.31, 0.29, 0.25, 0.15)
#: Who a figure counts among, as a share of a district's residents.
BASE_SHARE = {"residents": 1.0, "adults": 0.79, "renters": 0.18, "children": 0.06,
              "applications": 0.04}

ROWS_PER_PERIOD = {True: 9 * (1 + len(RACE_GROUPS) + len(AGE_BANDS)), False: 9}


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:120]


def indicator_specs(seed: int) -> Iterator[dict[str, Any]]:
    """An endless, seeded sequence of indicator definitions (the loader takes what it needs)."""
    rng = random.Random(f"{seed}-indicator-specs")
    series = ("", "second series", "third series", "fourth series", "fifth series")
    n = 0
    while True:
        topic = w.INDICATOR_TOPICS[n % len(w.INDICATOR_TOPICS)]
        cycle = n // len(w.INDICATOR_TOPICS)
        name, unit, rate_per, base_kind, level = topic
        qualifier = series[cycle] if cycle < len(series) else f"series {cycle + 1}"
        monthly = rng.random() < 0.15
        yield {
            "n": n,
            "slug": slugify(f"county {name} {qualifier}"),
            "name": name + (f" ({qualifier})" if qualifier else ""),
            "unit": unit, "rate_per": rate_per, "base": base_kind, "level": level,
            "trend": rng.uniform(-0.006, 0.008), "monthly": monthly,
            "start": 2019 if monthly else rng.randint(2000, 2012),
            "demographics": n % 7 != 6,
            "race_factor": [round(rng.uniform(0.6, 1.8), 2) for _ in RACE_GROUPS],
            "age_factor": [round(rng.uniform(0.5, 1.6), 2) for _ in AGE_BANDS],
            "district_factor": [round(rng.uniform(0.6, 1.45), 2) for _ in range(64)],
        }
        n += 1


def periods(spec: dict[str, Any]) -> list[tuple[str, date]]:
    year, quarter = LAST_PERIOD
    out = []
    if spec["monthly"]:
        for y in range(spec["start"], year + 1):
            for m in range(1, 13):
                if (y, m) > (year, quarter * 3):
                    break
                out.append((f"{y}-{m:02d}", date(y, m, 1)))
    else:
        for y in range(spec["start"], year + 1):
            for q in range(1, 5):
                if (y, q) > (year, quarter):
                    break
                out.append((f"{y}-Q{q}", date(y, (q - 1) * 3 + 1, 1)))
    return out


def rows_of(spec: dict[str, Any]) -> int:
    return len(periods(spec)) * ROWS_PER_PERIOD[spec["demographics"]]


def _allocate(total: int, weights: Sequence[float]) -> list[int]:
    """``total`` split into whole parts proportional to ``weights`` (largest remainder)."""
    wsum = sum(weights) or 1.0
    raw = [total * x / wsum for x in weights]
    parts = [math.floor(x) for x in raw]
    for k in sorted(range(len(raw)), key=lambda i: raw[i] - parts[i], reverse=True)[:total - sum(parts)]:
        parts[k] += 1
    return parts


def _count(rng: random.Random, spec: dict[str, Any], size: int, level: float) -> int:
    """People counted in a group of ``size``: a rate's events or a share's members."""
    if size <= 0:
        return 0
    if spec["unit"] == "rate":
        expected = size * level / spec["rate_per"]
        return max(0, min(size, round(rng.gauss(expected, math.sqrt(expected + 1)))))
    share = min(0.98, max(0.0, level * rng.uniform(0.9, 1.1)))
    return min(size, round(size * share))


def period_table(rng: random.Random, spec: dict[str, Any], districts: Sequence[tuple[str, int]],
                 t: int, total_periods: int) -> dict[tuple[str, str, str], tuple[float | None, int]]:
    """One period: (district code or "all", dimension, group) → (counted, group size)."""
    growth = 0.85 + 0.15 * t / max(total_periods - 1, 1)
    per_year = 1.0 if not spec["monthly"] else 1 / 3
    table: dict[tuple[str, str, str], tuple[float | None, int]] = {}
    county: dict[tuple[str, str], list[int]] = {}
    for index, (code, population) in enumerate(districts):
        factor = spec["district_factor"][index % len(spec["district_factor"])]
        level = spec["level"] * factor * (1 + spec["trend"] * t)
        base = population * BASE_SHARE[spec["base"]] * growth
        if spec["base"] == "applications":
            base *= per_year * rng.uniform(0.85, 1.15)
        rows: list[tuple[str, str, int, int]] = []
        if spec["demographics"]:
            shares = RACE_SHARES.get(code, DEFAULT_RACE)
            sizes = [round(base * s * rng.uniform(0.95, 1.05)) for s in shares]
            counts = [_count(rng, spec, s, level * f)
                      for s, f in zip(sizes, spec["race_factor"], strict=True)]
            # Some people gave no race or ethnicity: the groups add up to less than "all".
            declined = round(base * rng.uniform(0.0, 0.04))
            size = sum(sizes) + declined
            counted = sum(counts) + _count(rng, spec, declined, level)
            rows.append((ALL, ALL, counted, size))
            rows += [("race_ethnicity", g, c, s) for g, c, s in zip(RACE_GROUPS, counts, sizes, strict=True)]
            age_sizes = _allocate(size, DEFAULT_AGE)
            age_counts = _allocate(counted, [s * f for s, f in zip(age_sizes, spec["age_factor"], strict=True)])
            rows += [("age", g, min(c, s), s) for g, c, s in zip(AGE_BANDS, age_counts, age_sizes, strict=True)]
        else:
            size = round(base)
            rows.append((ALL, ALL, _count(rng, spec, size, level), size))
        for dimension, group, c, s in rows:
            table[(code, dimension, group)] = (float(c), s)
            total = county.setdefault((dimension, group), [0, 0])
            total[0] += c
            total[1] += s
    for (dimension, group), (c, s) in county.items():
        table[(ALL, dimension, group)] = (float(c), s)
    if spec["demographics"] and rng.random() < 0.04:
        # A district did not report one group this period: a missing figure, not a zero.
        key = (rng.choice(districts)[0], "race_ethnicity", rng.choice(RACE_GROUPS))
        table[key] = (None, table[key][1])
    return table


def _order(key: tuple[str, str, str]) -> tuple[bool, bool, tuple[str, str, str]]:
    # Totals first, so that a series cut short in its last period still has them.
    return (key[1] != ALL, key[0] != ALL, key)


def indicator_rows(job: tuple[dict[str, Any], list[tuple[str, int]], int, int, int]) -> list[tuple[Any, ...]]:
    """One indicator's rows with their statuses: (district code or None, dimension, group,
    period, period start, value, denominator, status, k). At most ``limit`` rows."""
    from portal.demo.areas import function
    from portal.disclosure import Figure

    # What ``store_patterns`` stores at import (the same function, so the same statuses).
    _pattern = function("portal.indicators.tables:_pattern")

    spec, districts, seed, k, limit = job
    rng = random.Random(f"{seed}-indicator-{spec['n']}")
    series = periods(spec)
    out: list[tuple[Any, ...]] = []
    for t, (period, start) in enumerate(series):
        table = period_table(rng, spec, districts, t, len(series))
        keys = sorted(table, key=_order)[:limit - len(out)]
        figures = {key: Figure(*table[key]) for key in keys}
        statuses = _pattern(figures, k)
        out += [(None if key[0] == ALL else key[0], key[1], key[2], period, start,
                 table[key][0], table[key][1], statuses[key].value, k) for key in keys]
        if len(out) >= limit:
            break
    return out
