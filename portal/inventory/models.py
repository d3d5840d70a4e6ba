"""Departments, datasets and sharing practices.

Enumerated values are stored as short strings (the vocabularies live in
``portal.inventory.vocab``) rather than database enums, so adding a value is a
code change and not a schema migration on two databases.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlmodel import Field, SQLModel

from portal.base import (
    created_at_field,
    json_dict_field,
    json_list_field,
    optional_text_field,
    text_field,
    utcnow,
    UTCDateTime,
)


class Department(SQLModel, table=True):
    __tablename__ = "department"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=16, unique=True, index=True)
    name: str = Field(max_length=200)
    description: str = text_field()
    contact_email: str | None = Field(default=None, max_length=320)
    version: int = 1
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_by: str = Field(default="system", max_length=320)


class Dataset(SQLModel, table=True):
    __tablename__ = "dataset"

    id: int | None = Field(default=None, primary_key=True)
    # Stable public identifier, used as DCAT-US ``identifier``.
    identifier: str = Field(max_length=120, unique=True, index=True)
    department_id: int = Field(foreign_key="department.id", index=True)
    title: str = Field(max_length=300)
    description: str = text_field()
    classification: str = Field(max_length=16, index=True)  # see vocab.CLASSIFICATIONS
    keywords: list[str] = json_list_field()
    sensitive_categories: list[str] = json_list_field()  # vocab.SENSITIVE_CATEGORIES
    # DCAT-US accessLevel: public, restricted public, non-public.
    access_level: str = Field(default="non-public", max_length=20)
    retention_policy_days: int | None = None
    modified: date | None = None
    created_at: datetime = created_at_field()
    version: int = 1
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_by: str = Field(default="system", max_length=320)


class SharingPracticeBase(SQLModel):
    """The fields of a sharing practice that staff write and residents read."""

    dataset_id: int = Field(foreign_key="dataset.id", index=True)
    department_id: int = Field(foreign_key="department.id", index=True)
    title: str = Field(max_length=300)
    recipient: str = Field(max_length=300)
    recipient_type: str = Field(max_length=32, index=True)  # vocab.RECIPIENT_TYPES
    mechanism: str = Field(max_length=16, index=True)  # formal | informal
    channel: str = Field(max_length=32)  # vocab.CHANNELS (law, contract, phone...)
    legal_basis_type: str = Field(max_length=32, index=True)  # vocab.LEGAL_BASIS_TYPES
    legal_basis: str = text_field()
    purpose: str = text_field()
    data_elements: list[str] = json_list_field()
    sensitive_categories: list[str] = json_list_field()  # vocab.SENSITIVE_CATEGORIES
    frequency: str = Field(max_length=32)  # vocab.FREQUENCIES
    agreement_title: str | None = Field(default=None, max_length=300)
    agreement_start: date | None = None
    agreement_end: date | None = None
    # Key terms the agreement contains: {"permitted_uses": true, "onward_sharing_ban": false, ...}
    agreement_terms: dict[str, Any] = json_dict_field()
    retention_days: int | None = None
    retention_text: str | None = optional_text_field()
    residents_notified: bool = False
    hosted_by_third_party: bool = False
    status: str = Field(default="active", max_length=16, index=True)  # vocab.PRACTICE_STATUSES
    start_date: date | None = None
    end_date: date | None = None


class SharingPractice(SharingPracticeBase, table=True):
    __tablename__ = "sharing_practice"

    id: int | None = Field(default=None, primary_key=True)
    version: int = 1
    created_at: datetime = created_at_field()
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_by: str = Field(default="system", max_length=320)


class PracticePublic(SharingPracticeBase):
    """What a save returns to a page: the record as saved, detached from the session.

    A table row handed to a page could be changed there and flushed by the next unit
    of work without a version or an audit event; this cannot.
    """

    id: int
    version: int
    created_at: datetime
    updated_at: datetime
    updated_by: str

    @classmethod
    def of(cls, row: SharingPractice) -> PracticePublic:
        return cls.model_validate(row, from_attributes=True)
