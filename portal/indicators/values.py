"""Importing indicator values: every row checked, then all written or none.

A values file has one row per cell (indicator, period, district, group) with the
numerator (people counted) and the denominator (people in the group). The demo
county's values load through the same checks as a county's own file.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from portal.audit.service import record_event
from portal.auth.permissions import service
from portal.auth.roles import Actor
from portal.disclosure import Figure
from portal.errors import FieldError, ValidationFailed
from portal.geography.models import District
from portal.i18n import _, number
from portal.indicators.models import Indicator, IndicatorValue
from portal.indicators.periods import HELP as PERIOD_HELP
from portal.indicators.periods import normalised, period_start
from portal.indicators.tables import Key, additivity_problems, store_patterns
from portal.indicators.vocab import ALL
from portal.settings import get_settings

#: (indicator id, district id or None, group_dimension, group, period): one cell.
CellId = tuple[int, int | None, str, str, str]


@dataclass
class ValuesPlan:
    """What an import will do, before it does it (the staff page's preview)."""

    added: list[dict[str, Any]] = field(default_factory=list)
    updated: list[dict[str, Any]] = field(default_factory=list)
    unchanged: int = 0
    indicators: list[str] = field(default_factory=list)

    @property
    def changes(self) -> int:
        return len(self.added) + len(self.updated)


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _number(value: Any, what: str, row: int, errors: list[FieldError], *,
            whole: bool) -> float | None:
    text = _text(value).replace(",", "")
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        errors.append(FieldError(what, _("{value} is not a number").format(value=repr(_text(value))), row))
        return None
    if math.isnan(number) or math.isinf(number):
        errors.append(FieldError(what, _("{value} is not a number").format(value=repr(_text(value))), row))
        return None
    if number < 0:
        errors.append(FieldError(what, _("a count of people cannot be negative"), row))
        return None
    if whole and not number.is_integer():
        errors.append(FieldError(what, _("people are counted in whole numbers"), row))
        return None
    return number


def _check(session: Session, rows: list[tuple[int, Mapping[str, Any]]],
           districts: Mapping[str, tuple[int, str]]) -> tuple[list[dict[str, Any]], list[FieldError]]:
    indicators = {slug: (i, unit) for slug, i, unit in session.execute(
        sa.select(Indicator.slug, Indicator.id, Indicator.unit))}
    errors: list[FieldError] = []
    cells: list[dict[str, Any]] = []
    seen: dict[CellId, int] = {}
    for row, values in rows:
        before = len(errors)
        slug = _text(values.get("indicator"))
        indicator = indicators.get(slug)
        if indicator is None:
            errors.append(FieldError("indicator", _("unknown indicator {slug}").format(slug=repr(slug))
                                     if slug else _("name the indicator (its slug)"), row))
        period = normalised(_text(values.get("period")))
        start = period_start(period) if period else None
        if start is None:
            errors.append(FieldError("period", _("{value} is not {what}").format(
                value=repr(_text(values.get("period"))), what=_(PERIOD_HELP)), row))
        code = _text(values.get("district"))
        district_id: int | None = None
        if code and code.lower() != ALL:
            found = districts.get(code.upper())
            if found is None:
                errors.append(FieldError("district", _("unknown district {code}").format(
                    code=repr(code)), row))
            else:
                district_id = found[0]
        dimension = _text(values.get("group_dimension")) or ALL
        group = _text(values.get("group")) or ALL
        if dimension.lower() == ALL:
            dimension = ALL
            if group.lower() != ALL:
                errors.append(FieldError("group", _("a row for everyone (group_dimension all) has "
                                           "group all"), row))
            group = ALL
        elif group.lower() == ALL:
            errors.append(FieldError("group", _("the total of {dimension} is the row with "
                                       "group_dimension all; name a group").format(
                                           dimension=dimension), row))
        if len(dimension) > 40 or len(group) > 80:
            errors.append(FieldError("group", _("group_dimension is at most 40 characters and "
                                       "group at most 80"), row))
        # A blank numerator is a figure with no data, published as "missing".
        numerator = _number(values.get("numerator"), "numerator", row, errors, whole=True)
        denominator = _number(values.get("denominator"), "denominator", row, errors, whole=True)
        if numerator is not None and denominator is not None and numerator > denominator:
            errors.append(FieldError("numerator", _("{counted} people counted is more than the "
                                                    "{group} in the group (denominator)").format(
                counted=number(numerator, 0), group=number(denominator, 0)), row))
        if len(errors) > before or indicator is None or start is None:
            continue
        cell: CellId = (indicator[0], district_id, dimension, group, period)
        if cell in seen:
            errors.append(FieldError("indicator", _("the same cell is also on row {row}").format(
                row=seen[cell]), row))
            continue
        seen[cell] = row
        cells.append({
            "row": row, "indicator": slug, "indicator_id": indicator[0], "district_id": district_id,
            "district": districts.get(code.upper(), (None, ALL))[1] if district_id else ALL,
            "group_dimension": dimension, "group_value": group, "period": period,
            "period_start": start, "value": numerator,
            "denominator": None if denominator is None else int(denominator),
        })
    return cells, errors


def _existing(session: Session, cells: list[dict[str, Any]]) -> dict[CellId, tuple[int, float | None, int | None]]:
    pairs = sorted({(c["indicator_id"], c["period"]) for c in cells})
    found: dict[CellId, tuple[int, float | None, int | None]] = {}
    for indicator_id in sorted({i for i, _unused in pairs}):
        periods = [p for i, p in pairs if i == indicator_id]
        for start in range(0, len(periods), 500):
            for r in session.execute(sa.select(
                IndicatorValue.id, IndicatorValue.district_id, IndicatorValue.group_dimension,
                IndicatorValue.group_value, IndicatorValue.period, IndicatorValue.value,
                IndicatorValue.denominator,
            ).where(IndicatorValue.indicator_id == indicator_id,
                    IndicatorValue.period.in_(periods[start:start + 500]))):
                found[(indicator_id, r.district_id, r.group_dimension, r.group_value, r.period)] = (
                    r.id, r.value, r.denominator)
    return found


def _additive(cells: list[dict[str, Any]], existing: Mapping[CellId, tuple[int, float | None, int | None]],
              codes: Mapping[int, str]) -> list[FieldError]:
    """The tables as they will be after the import must add up (members at most their total)."""
    tables: dict[tuple[int, str], dict[Key, Figure]] = {}
    for (indicator_id, district_id, dimension, group, period), (_unused, value, denominator) in existing.items():
        key = (codes.get(district_id, ALL) if district_id else ALL, dimension, group)
        tables.setdefault((indicator_id, period), {})[key] = Figure(value, denominator)
    first_row: dict[tuple[int, str], int] = {}
    for c in cells:
        where = (c["indicator_id"], c["period"])
        tables.setdefault(where, {})[(c["district"], c["group_dimension"], c["group_value"])] = (
            Figure(c["value"], c["denominator"]))
        first_row.setdefault(where, c["row"])
    slugs = {c["indicator_id"]: c["indicator"] for c in cells}
    errors = []
    for where in sorted(first_row):
        for problem in additivity_problems(tables[where]):
            errors.append(FieldError("numerator", _("{indicator} {period}: {reason}").format(
                indicator=slugs[where[0]], period=where[1], reason=problem), first_row[where]))
    return errors


def plan_values(session: Session, rows: list[tuple[int, Mapping[str, Any]]]) -> tuple[ValuesPlan, dict[CellId, int]]:
    # Districts by upper-case code (what files write) → (id, code as stored).
    districts = {code.upper(): (i, code) for code, i in session.execute(sa.select(District.code, District.id))}
    cells, errors = _check(session, rows, districts)
    if errors:
        raise ValidationFailed(errors)
    existing = _existing(session, cells)
    errors = _additive(cells, existing, {i: code for i, code in districts.values()})
    if errors:
        raise ValidationFailed(errors)
    plan, ids = ValuesPlan(), {}
    for c in cells:
        cell: CellId = (c["indicator_id"], c["district_id"], c["group_dimension"], c["group_value"], c["period"])
        known = existing.get(cell)
        if known is None:
            plan.added.append(c)
        elif (known[1], known[2]) != (c["value"], c["denominator"]):
            plan.updated.append(c)
            ids[cell] = known[0]
        else:
            plan.unchanged += 1
    plan.indicators = sorted({c["indicator"] for c in cells})
    return plan, ids


@service("indicators.preview_values")
def preview_values(*, session: Session, actor: Actor,
                   rows: list[tuple[int, Mapping[str, Any]]]) -> ValuesPlan:
    """What :func:`import_values` would add and change; writes nothing."""
    return plan_values(session, rows)[0]


_COLUMNS = ("indicator_id", "district_id", "group_dimension", "group_value", "period",
            "period_start", "value", "denominator")


def write_values(session: Session, plan: ValuesPlan, ids: Mapping[CellId, int]) -> list[int]:
    """Write a checked plan; returns the ids of the indicators it changed.

    The demo county calls this after :func:`plan_values` (its load is one audited event
    of its own); everything else goes through :func:`import_values`.
    """
    if plan.added:
        session.execute(sa.insert(IndicatorValue.__table__),
                        [{k: c[k] for k in _COLUMNS} for c in plan.added])
    if plan.updated:
        table = IndicatorValue.__table__
        session.execute(
            table.update().where(table.c.id == sa.bindparam("cell_id"))
            .values(value=sa.bindparam("new_value"), denominator=sa.bindparam("new_denominator")),
            [{"cell_id": ids[(c["indicator_id"], c["district_id"], c["group_dimension"],
                              c["group_value"], c["period"])],
              "new_value": c["value"], "new_denominator": c["denominator"]} for c in plan.updated],
        )
    touched = sorted({c["indicator_id"] for c in (*plan.added, *plan.updated)})
    if touched:
        session.execute(sa.update(Indicator).where(Indicator.id.in_(touched))
                        .values(values_version=Indicator.values_version + 1))
        refresh_summaries(session.connection(), touched)
        k = get_settings().suppression_k
        for indicator_id in touched:
            periods = sorted({c["period"] for c in (*plan.added, *plan.updated)
                              if c["indicator_id"] == indicator_id})
            store_patterns(session, indicator_id, periods, k)
    session.expire_all()
    return touched


@service("indicators.import_values")
def import_values(*, session: Session, actor: Actor, rows: list[tuple[int, Mapping[str, Any]]],
                  source: str = "") -> ValuesPlan:
    """Add new cells and update changed ones; every row is checked first, all or nothing."""
    plan, ids = plan_values(session, rows)
    if write_values(session, plan, ids):
        # A file that changes nothing writes nothing, not even an event: importing the
        # same file twice leaves the database as the first import did.
        record_event(session, actor=actor, action="indicators.import_values",
                     entity_type="indicator_value",
                     detail={"source": source, "added": len(plan.added), "updated": len(plan.updated),
                             "unchanged": plan.unchanged, "indicators": plan.indicators})
    return plan


def refresh_summaries(connection: sa.Connection, indicator_ids: list[int]) -> None:
    """Store each indicator's latest period and its group dimensions for the catalog."""
    table, values = Indicator.__table__, IndicatorValue.__table__
    for indicator_id in indicator_ids:
        periods = connection.execute(sa.select(values.c.period).distinct()
                                     .where(values.c.indicator_id == indicator_id)).scalars().all()
        dimensions = connection.execute(sa.select(values.c.group_dimension).distinct()
                                        .where(values.c.indicator_id == indicator_id)).scalars().all()
        latest = max(periods, key=lambda p: (period_start(p), p)) if periods else None
        connection.execute(table.update().where(table.c.id == indicator_id).values(
            latest_period=latest, dimensions=sorted(dimensions, key=lambda d: (d != ALL, d))))
