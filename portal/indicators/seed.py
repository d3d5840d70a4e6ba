"""The demo county's indicators and their values by district, group and quarter."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import select

from portal.demo.seeding import Checker, Seed, SeedContext
from portal.indicators.models import Indicator, IndicatorValue

UNITS = ("count", "rate", "percent")
COLUMNS = ["district", "group_dimension", "group_value", "period", "value", "denominator"]


def check(c: Checker) -> None:
    indicators = c.known["indicator"] = {i["slug"] for i in c.data["indicators"]}
    for n, i in enumerate(c.data["indicators"], start=1):
        c.vocab(i["department"], c.known["department"], "indicators.department", n)
        c.vocab(i["unit"], UNITS, "indicators.unit", n)
    values = c.data["indicator_values"]
    c.require(values.get("columns") == COLUMNS, "indicator_values.columns", None,
              "unexpected columns")
    districts = c.known["district"]
    for slug, rows in values.get("indicators", {}).items():
        c.vocab(slug, indicators, "indicator_values.indicator", None)
        bad = [k for k, row in enumerate(rows, start=1)
               if row[0] is not None and row[0] not in districts]
        c.require(not bad, f"indicator_values.{slug}.district", bad[0] if bad else None,
                  "unknown district")


def period_start(period: str) -> date:
    year, quarter = period.split("-Q")
    return date(int(year), (int(quarter) - 1) * 3 + 1, 1)


def load(ctx: SeedContext) -> None:
    known = dict(ctx.s.exec(select(Indicator.slug, Indicator.id)).all())
    pre_existing = set(known.values())
    department = ctx.ids["department"]
    new = [Indicator(
        slug=i["slug"], name=i["name"], description=i["description"],
        department_id=department.get(i["department"]), unit=i["unit"],
        rate_per=i["rate_per"], source=i["source"], is_published=i["is_published"],
    ) for i in ctx.d["indicators"] if i["slug"] not in known]
    ctx.add(new)
    known.update({r.slug: r.id for r in new})
    ctx.ids["indicator"] = known

    rows: list[dict[str, Any]] = []
    starts: dict[str, date] = {}
    for slug, values in ctx.d["indicator_values"]["indicators"].items():
        indicator_id = known[slug]
        have: set[tuple[Any, ...]] = set()
        if indicator_id in pre_existing:
            have = set(ctx.s.exec(select(
                IndicatorValue.district_id, IndicatorValue.group_dimension,
                IndicatorValue.group_value, IndicatorValue.period,
            ).where(IndicatorValue.indicator_id == indicator_id)).all())
        for code, dimension, group, period, value, denominator in values:
            district_id = None if code is None else ctx.ids["district"][code]
            if (district_id, dimension, group, period) in have:
                continue
            if period not in starts:
                starts[period] = period_start(period)
            rows.append({
                "indicator_id": indicator_id, "district_id": district_id,
                "group_dimension": dimension, "group_value": group, "period": period,
                "period_start": starts[period], "value": value, "denominator": denominator,
            })
    # Indicator values are counted even when none is new: the result names every table.
    ctx.count(IndicatorValue.__tablename__, len(rows))
    if rows:
        # Core executemany: thousands of rows without building ORM objects.
        ctx.s.execute(sa.insert(IndicatorValue.__table__), rows)


SEED = Seed(
    files={"indicators": "indicators.json", "indicator_values": "indicator_values.json"},
    check=check, load=load, tables=(Indicator, IndicatorValue),
    provides=("indicator",), uses=("department", "district"),
)
