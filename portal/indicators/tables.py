"""An indicator's tables for one period, protected by small-number suppression.

The unit of protection is one indicator and one period with every group dimension at
once: the race-and-ethnicity and the age breakdowns share their district totals, so a
reader holding both could subtract across them unless both are protected together
(``portal.disclosure`` — "callers protect linked tables by passing all their lines to
one protect call").

Protection costs about 7–13 ms for a period of the demo county (8 districts, 11 groups)
and an indicator page needs every period for its time series (2.2 s cold for 231
quarters, bench/bench_indicators.py), so it is worked out when values are imported and
stored with each cell, with the *k* it was worked out for (:func:`store_patterns`).
A period stored for another *k* is worked out on reading and kept in memory under its
figures and *k*. Pages and exports both read through :func:`period_cells`, so they always
agree; the pattern is deterministic, so stored and recomputed patterns agree too.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from threading import Lock
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from portal.disclosure import Figure, Line, Status, protect
from portal.geography.models import District
from portal.i18n import N_, _, number
from portal.indicators.figures import interval, value_of
from portal.indicators.models import Indicator, IndicatorValue
from portal.indicators.vocab import ALL

#: (district code or "all", group_dimension, group); the total of a district is (d, all, all).
Key = tuple[str, str, str]


@dataclass(frozen=True)
class Cell:
    """One published cell: a suppressed or missing one carries no figure at all."""

    period: str
    district: str  # a district code, or "all" for the county
    group_dimension: str
    group: str
    numerator: float | None
    denominator: int | None
    value: float | None
    low: float | None
    high: float | None
    status: Status

    @property
    def key(self) -> Key:
        return (self.district, self.group_dimension, self.group)


def canonical(keys: Iterable[Key]) -> list[Key]:
    """The order protection runs in: by the keys' text, never by database ids or file order,
    so the same figures give the same pattern whatever order they were loaded in."""
    return sorted(set(keys), key=lambda k: (k[0] == ALL, k[0], k[1] != ALL, k[1], k[2] != ALL, k[2]))


def period_lines(keys: Iterable[Key]) -> list[Line]:
    """Every sum a reader can form in one period: districts into the county, and for each
    dimension its groups into their district's total and districts into the county's group."""
    keys = set(keys)
    districts = sorted({k[0] for k in keys} - {ALL})
    dimensions: dict[str, set[str]] = {}
    for _district, dimension, group in keys:
        if dimension != ALL:
            dimensions.setdefault(dimension, set()).add(group)
    lines: list[Line] = []
    if districts:
        lines.append(Line((ALL, ALL, ALL), tuple((d, ALL, ALL) for d in districts)))
    for dimension in sorted(dimensions):
        groups = sorted(dimensions[dimension])
        for d in [*districts, ALL]:
            lines.append(Line((d, ALL, ALL), tuple((d, dimension, g) for g in groups)))
        if districts:
            for g in groups:
                lines.append(Line((ALL, dimension, g), tuple((d, dimension, g) for d in districts)))
    return lines


def _describe(line: Line) -> str:
    total: Key = line.total  # type: ignore[assignment]
    first: Key = line.members[0]  # type: ignore[assignment]
    if total == (ALL, ALL, ALL) and first[1] == ALL:
        return _("the districts' totals")
    if total[1] == ALL:
        if total[0] == ALL:
            return _("the {dimension} groups of the county").format(dimension=first[1])
        return _("the {dimension} groups of district {district}").format(dimension=first[1],
                                                                          district=total[0])
    return _("the districts' figures for {group} ({dimension})").format(group=total[2],
                                                                         dimension=total[1])


def additivity_problems(figures: Mapping[Key, Figure]) -> list[str]:
    """Lines whose members add up to more than their total: no audit can protect them,
    so such figures are refused at import rather than published."""
    problems = []
    for line in period_lines(figures):
        total = figures.get(line.total)  # type: ignore[call-overload]
        if total is None:
            continue
        for what, attr in ((N_("people counted"), "count"), (N_("people in the groups"), "group_size")):
            whole = getattr(total, attr)
            parts = [getattr(figures[m], attr) for m in line.members if m in figures]  # type: ignore[index]
            parts = [p for p in parts if p is not None]
            if whole is not None and parts and sum(parts) > whole + 1e-6:
                problems.append(_("{members} add up to {sum} {what}, more than their total of "
                                  "{total}").format(members=_describe(line), sum=number(sum(parts), 0),
                                                    what=_(what), total=number(whole, 0)))
    return problems


# ---------------------------------------------------------------------------------------------
# The kept patterns.

_KEPT: OrderedDict[tuple[Any, ...], dict[Key, Status]] = OrderedDict()
_KEPT_MAX = 4096
_LOCK = Lock()


def _pattern(figures: Mapping[Key, Figure], k: int) -> dict[Key, Status]:
    ordered = {key: figures[key] for key in canonical(figures)}
    # Keyed by the figures themselves: a different table can never be served this one's pattern.
    version = (k, tuple(ordered.items()))
    with _LOCK:
        kept = _KEPT.get(version)
        if kept is not None:
            _KEPT.move_to_end(version)
            return kept
    statuses = protect(ordered, period_lines(ordered), k)
    with _LOCK:
        _KEPT[version] = statuses
        while len(_KEPT) > _KEPT_MAX:
            _KEPT.popitem(last=False)
    return statuses


def _rows(session: Session, indicator_id: int, periods: Sequence[str] | None) -> list[Any]:
    where = [IndicatorValue.indicator_id == indicator_id]
    if periods is not None:
        where.append(IndicatorValue.period.in_(periods))
    return list(session.execute(
        sa.select(IndicatorValue.period, District.code, IndicatorValue.group_dimension,
                  IndicatorValue.group_value, IndicatorValue.value, IndicatorValue.denominator,
                  IndicatorValue.status, IndicatorValue.status_k, IndicatorValue.id)
        .outerjoin(District, District.id == IndicatorValue.district_id)
        .where(*where)
    ))


def _tables(rows: Sequence[Any]) -> dict[str, tuple[dict[Key, Figure], dict[Key, tuple[str | None, int | None, int]]]]:
    """Rows by period: the figures, and each cell's stored status, its k and its row id."""
    out: dict[str, tuple[dict[Key, Figure], dict[Key, tuple[str | None, int | None, int]]]] = {}
    for period, code, dimension, group, numerator, denominator, status, status_k, row_id in rows:
        figures, stored = out.setdefault(period, ({}, {}))
        key = (code or ALL, dimension, group)
        figures[key] = Figure(numerator, denominator)
        stored[key] = (status, status_k, row_id)
    return out


def store_patterns(session: Session, indicator_id: int, periods: Sequence[str], k: int) -> int:
    """Work out and store the statuses of these periods' cells (at import: pages then read
    them instead of solving linear programs). Returns how many cells it wrote."""
    updates = []
    for start in range(0, len(periods), 500):
        for figures, stored in _tables(_rows(session, indicator_id, periods[start:start + 500])).values():
            statuses = _pattern(figures, k)
            updates += [{"row_id": stored[key][2], "new_status": statuses[key].value, "new_k": k}
                        for key in figures if stored[key][:2] != (statuses[key].value, k)]
    if updates:
        table = IndicatorValue.__table__
        session.execute(table.update().where(table.c.id == sa.bindparam("row_id"))
                        .values(status=sa.bindparam("new_status"), status_k=sa.bindparam("new_k")),
                        updates)
    return len(updates)


def period_cells(session: Session, indicator: Indicator, periods: Sequence[str] | None,
                 k: int) -> dict[str, list[Cell]]:
    """Every cell of the given periods (all periods when None), protected, by period.

    Statuses stored at import for this *k* are used as they are; a period stored for
    another *k* (or never) is worked out here, and kept in memory."""
    out: dict[str, list[Cell]] = {}
    for period, (figures, stored) in _tables(_rows(session, indicator.id, periods)).items():
        if all(s is not None and sk == k for s, sk, _ in stored.values()):
            statuses = {key: Status(stored[key][0]) for key in figures}
        else:
            statuses = _pattern(figures, k)
        out[period] = [_cell(indicator, period, key, figures[key], statuses[key])
                       for key in canonical(figures)]
    return out


def _cell(indicator: Indicator, period: str, key: Key, figure: Figure, status: Status) -> Cell:
    if status.suppressed or status is Status.MISSING:
        return Cell(period, *key, None, None, None, None, None, status)
    value = value_of(indicator.unit, indicator.rate_per, figure.count, figure.group_size)
    bounds = interval(indicator.unit, indicator.rate_per, figure.count, figure.group_size)
    return Cell(period, *key, figure.count, figure.group_size, value,
                bounds[0] if bounds else None, bounds[1] if bounds else None, status)
