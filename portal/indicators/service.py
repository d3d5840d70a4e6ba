"""What residents read about indicators: the catalog, one indicator's tables, the export.

Every figure leaves through :func:`portal.indicators.tables.period_cells`, protected by
small-number suppression with the threshold in force (``PORTAL_SUPPRESSION_K``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from portal.auth.permissions import allowed, service
from portal.auth.roles import Actor
from portal.errors import NotFound
from portal.geography.models import District
from portal.i18n import _
from portal.indicators.models import Indicator, IndicatorValue
from portal.indicators.periods import period_start
from portal.indicators.tables import Cell, period_cells
from portal.indicators.vocab import ALL
from portal.inventory.models import Department
from portal.settings import get_settings


@dataclass(frozen=True)
class IndicatorSummary:
    """An indicator as the catalog lists it."""

    id: int
    slug: str
    name: str
    description: str
    unit: str
    rate_per: int | None
    department: str | None  # its name
    department_code: str | None
    source: str
    caveats: str
    update_frequency: str
    is_published: bool
    version: int
    latest_period: str | None
    dimensions: tuple[str, ...]


@dataclass(frozen=True)
class IndicatorData:
    """One indicator's every protected cell, and the choices a page offers over them."""

    indicator: IndicatorSummary
    k: int
    periods: tuple[str, ...]  # oldest first
    dimensions: dict[str, tuple[str, ...]]  # dimension → its groups in the file's order
    districts: dict[str, str]  # code → name, in code order
    cells: dict[str, list[Cell]]  # period → cells
    index: dict[tuple[str, tuple[str, str, str]], Cell] = field(default_factory=dict)  # (period, key)


def _may_see_drafts(actor: Actor) -> bool:
    return allowed(actor, "indicators.update_definition")


def _summaries(session: Session, actor: Actor, slug: str | None = None) -> list[IndicatorSummary]:
    query = (select(Indicator, Department.name, Department.code).outerjoin(Department, Department.id == Indicator.department_id)
             .order_by(Indicator.name))
    if slug is not None:
        query = query.where(Indicator.slug == slug)
    if not _may_see_drafts(actor):
        query = query.where(Indicator.is_published == sa.true())
    rows = session.exec(query).all()
    if not rows:
        return []
    return [IndicatorSummary(
        id=i.id, slug=i.slug, name=i.name, description=i.description, unit=i.unit,  # type: ignore[arg-type]
        rate_per=i.rate_per, department=department, department_code=code, source=i.source, caveats=i.caveats,
        update_frequency=i.update_frequency, is_published=i.is_published, version=i.version,
        latest_period=i.latest_period, dimensions=tuple(i.dimensions or ()),
    ) for i, department, code in rows]


@service("indicators.list")
def list_indicators(*, session: Session, actor: Actor) -> list[IndicatorSummary]:
    """The catalog: published indicators (staff also see drafts), by name."""
    return _summaries(session, actor)


def _indicator(session: Session, actor: Actor, slug: str) -> Indicator:
    indicator = session.exec(select(Indicator).where(Indicator.slug == slug)).first()
    if indicator is None or (not indicator.is_published and not _may_see_drafts(actor)):
        raise NotFound(_("No published indicator {slug}.").format(slug=repr(slug)))
    return indicator


@service("indicators.data_version")
def data_version(*, session: Session, actor: Actor, slug: str) -> tuple[Any, ...]:
    """Changes whenever what :func:`indicator_data` returns may change: a cache key."""
    indicator = _indicator(session, actor, slug)
    rows, newest = session.execute(
        sa.select(sa.func.count(), sa.func.max(IndicatorValue.id))
        .where(IndicatorValue.indicator_id == indicator.id)).one()
    return (indicator.id, indicator.version, indicator.values_version, indicator.updated_at,
            rows, newest, get_settings().suppression_k, _may_see_drafts(actor))


@service("indicators.get_data")
def indicator_data(*, session: Session, actor: Actor, slug: str) -> IndicatorData:
    indicator = _indicator(session, actor, slug)
    [summary] = _summaries(session, actor, slug)
    k = get_settings().suppression_k
    cells = period_cells(session, indicator, None, k)
    periods = tuple(sorted(cells, key=lambda p: period_start(p)))  # type: ignore[arg-type, return-value]
    groups: dict[str, list[str]] = {}
    for dimension, group, _first in session.execute(
        sa.select(IndicatorValue.group_dimension, IndicatorValue.group_value, sa.func.min(IndicatorValue.id))
        .where(IndicatorValue.indicator_id == indicator.id)
        .group_by(IndicatorValue.group_dimension, IndicatorValue.group_value)
        .order_by(sa.func.min(IndicatorValue.id))
    ):
        groups.setdefault(dimension, []).append(group)
    dimensions = {d: tuple(groups[d]) for d in sorted(groups, key=lambda d: (d != ALL, d))}
    districts = dict(session.execute(sa.select(District.code, District.name).order_by(District.code)).all())
    index = {(period, cell.key): cell for period, row in cells.items() for cell in row}
    return IndicatorData(summary, k, periods, dimensions, districts, cells, index)  # type: ignore[arg-type]


@service("indicators.export")
def export_rows(*, session: Session, actor: Actor) -> Iterator[dict[str, Any]]:
    """One row per cell (DESIGN.md §3): a suppressed or missing row carries no figure."""
    k = get_settings().suppression_k
    query = select(Indicator).order_by(Indicator.slug)
    if not _may_see_drafts(actor):
        query = query.where(Indicator.is_published == sa.true())
    for indicator in session.exec(query).all():
        cells = period_cells(session, indicator, None, k)
        for period in sorted(cells, key=lambda p: period_start(p)):  # type: ignore[arg-type, return-value]
            for cell in cells[period]:
                yield {
                    "indicator": indicator.slug, "period": period, "district": cell.district,
                    "group_dimension": cell.group_dimension, "group": cell.group,
                    "numerator": None if cell.numerator is None else int(cell.numerator),
                    "denominator": cell.denominator,
                    "value": None if cell.value is None else round(cell.value, 4),
                    "status": cell.status.value,
                }


def values_chunks(session: Session, actor: Actor, fmt: str) -> Iterator[bytes]:
    """Every published indicator's cells as CSV or JSON, suppressed as on the pages, in pieces
    as they are read (a million rows are never held whole): what ``portal export indicators``
    writes."""
    from portal.exports import iter_csv, iter_json_list
    from portal.indicators.vocab import EXPORT_COLUMNS

    rows = export_rows(session=session, actor=actor)
    return iter_json_list(rows) if fmt == "json" else iter_csv(rows, list(EXPORT_COLUMNS))


def values_file(session: Session, actor: Actor, fmt: str) -> bytes:
    """``values_chunks`` whole: what ``/api/indicators.csv`` answers."""
    return b"".join(values_chunks(session, actor, fmt))
