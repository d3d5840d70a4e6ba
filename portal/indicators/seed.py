"""The demo county's indicators and their values by district, group and quarter."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from portal.demo.seeding import Checker, Seed, SeedContext
from portal.indicators.models import Indicator, IndicatorValue
from portal.indicators.values import plan_values, write_values
from portal.indicators.vocab import ALL

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


def load(ctx: SeedContext) -> None:
    known = dict(ctx.s.exec(select(Indicator.slug, Indicator.id)).all())
    department = ctx.ids["department"]
    new = [Indicator(
        slug=i["slug"], name=i["name"], description=i["description"],
        department_id=department.get(i["department"]), unit=i["unit"],
        rate_per=i["rate_per"], source=i["source"], is_published=i["is_published"],
        caveats=i.get("caveats", ""), update_frequency=i.get("update_frequency", "Quarterly"),
    ) for i in ctx.d["indicators"] if i["slug"] not in known]
    ctx.add(new)
    known.update({r.slug: r.id for r in new})
    ctx.ids["indicator"] = known

    # The values go through the import's own checks, as a county's file would.
    rows: list[tuple[int, dict[str, Any]]] = []
    for slug, values in ctx.d["indicator_values"]["indicators"].items():
        for code, dimension, group, period, value, denominator in values:
            rows.append((len(rows) + 2, {
                "indicator": slug, "period": period, "district": code or ALL,
                "group_dimension": dimension, "group": group, "numerator": value,
                "denominator": denominator,
            }))
    plan, ids = plan_values(ctx.s, rows)
    write_values(ctx.s, plan, ids)
    # Indicator values are counted even when none is new: the result names every table.
    ctx.count(IndicatorValue.__tablename__, len(plan.added))


SEED = Seed(
    files={"indicators": "indicators.json", "indicator_values": "indicator_values.json"},
    check=check, load=load, tables=(Indicator, IndicatorValue),
    provides=("indicator",), uses=("department", "district"),
)
