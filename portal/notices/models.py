"""Surveillance technologies and their notices.

A technology is the stable thing residents follow; each published notice is an
immutable ``NoticeVersion`` (the content ordinances require), and deployment
locations belong to a version so an older version still shows where the
technology was then.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from portal.base import (
    UTCDateTime,
    created_at_field,
    json_dict_field,
    optional_datetime_field,
    text_field,
    utcnow,
)


class SurveillanceTechnology(SQLModel, table=True):
    __tablename__ = "surveillance_technology"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=120, unique=True, index=True)
    name: str = Field(max_length=200)
    category: str = Field(max_length=40, index=True)  # vocab.CATEGORIES
    department_id: int = Field(foreign_key="department.id", index=True)
    status: str = Field(max_length=20, index=True)  # vocab.STATUSES
    # A technology with no published version is a draft, invisible to residents.
    is_published: bool = Field(default=False, index=True)
    comment_opens_at: datetime | None = optional_datetime_field(index=True)
    comment_closes_at: datetime | None = optional_datetime_field(index=True)
    created_at: datetime = created_at_field()
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class NoticeVersion(SQLModel, table=True):
    __tablename__ = "notice_version"
    __table_args__ = (
        sa.UniqueConstraint("technology_id", "version", name="uq_notice_version"),
    )

    id: int | None = Field(default=None, primary_key=True)
    technology_id: int = Field(foreign_key="surveillance_technology.id", index=True)
    version: int
    published_at: datetime | None = optional_datetime_field()  # None: draft
    description: str = text_field()
    how_it_works: str = text_field()
    purpose: str = text_field()
    problems_addressed: str = text_field()
    data_collected: str = text_field()
    data_subjects: str = text_field()
    retention: str = text_field()
    access: str = text_field()
    access_logging: str = text_field()
    sharing: str = text_field()
    civil_rights_impact: str = text_field()
    disparate_impact: str = text_field()
    mitigations: str = text_field()
    fiscal_acquisition_cost: float | None = None
    fiscal_ongoing_cost: float | None = None
    funding_source: str = text_field()
    vendor: str = Field(default="", max_length=200)
    use_policy: str = text_field()
    approving_authority: str = Field(default="", max_length=300)
    approved_on: date | None = None
    annual_report: dict[str, Any] = json_dict_field()
    change_summary: str = text_field()
    created_by: str = Field(default="system", max_length=320)
    created_at: datetime = created_at_field()


class DeploymentLocation(SQLModel, table=True):
    __tablename__ = "deployment_location"

    id: int | None = Field(default=None, primary_key=True)
    notice_version_id: int = Field(foreign_key="notice_version.id", index=True)
    technology_id: int = Field(foreign_key="surveillance_technology.id", index=True)
    district_id: int | None = Field(default=None, foreign_key="district.id", index=True)
    label: str = Field(max_length=300)
    latitude: float | None = None
    longitude: float | None = None
    # For areas (patrol zones, camera fields of view): a GeoJSON geometry.
    geometry: dict[str, Any] | None = Field(default=None, sa_type=sa.JSON, nullable=True)
