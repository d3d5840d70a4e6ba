"""Indicators and their values.

A value row carries its denominator (group size) so small-number suppression
can be decided from the data itself, never from a page's judgement.
"""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from portal.base import UTCDateTime, text_field, utcnow


class IndicatorBase(SQLModel):
    """What staff write about an indicator and residents read in the catalog."""

    slug: str = Field(max_length=120, unique=True, index=True)
    name: str = Field(max_length=200)
    description: str = text_field()
    department_id: int | None = Field(default=None, foreign_key="department.id", index=True)
    unit: str = Field(max_length=16)  # vocab.UNITS: count | rate | percent
    rate_per: int | None = None  # e.g. 1000 for "per 1,000 residents"
    source: str = Field(default="", max_length=300)
    caveats: str = text_field()
    update_frequency: str = Field(default="", max_length=40)
    is_published: bool = True


class Indicator(IndicatorBase, table=True):
    __tablename__ = "indicator"

    id: int | None = Field(default=None, primary_key=True)
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})
    # Bumped by every import of values that changes one: part of the pages' cache key.
    values_version: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    # Kept by each import of values, so the catalog reads no value rows.
    latest_period: str | None = Field(default=None, max_length=10)
    dimensions: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_by: str = Field(default="system", max_length=320)


class IndicatorValue(SQLModel, table=True):
    __tablename__ = "indicator_value"
    __table_args__ = (
        sa.UniqueConstraint(
            "indicator_id", "district_id", "group_dimension", "group_value", "period",
            name="uq_indicator_value_cell",
        ),
        sa.Index("ix_indicator_value_lookup", "indicator_id", "period"),
        sa.Index("ix_indicator_value_district", "indicator_id", "district_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    indicator_id: int = Field(foreign_key="indicator.id")
    district_id: int | None = Field(default=None, foreign_key="district.id")  # None: countywide
    group_dimension: str = Field(default="all", max_length=40)  # all, race_ethnicity, age...
    group_value: str = Field(default="all", max_length=80)
    period: str = Field(max_length=10)  # "2024-Q1"
    period_start: date
    value: float | None = None  # count, or the numerator for rates
    denominator: int | None = None  # people in the group
    # The cell's suppression status, worked out when its period's values were imported, and
    # the threshold it was worked out for (pages recompute when PORTAL_SUPPRESSION_K differs).
    status: str | None = Field(default=None, max_length=32)
    status_k: int | None = None
