"""Information requests. Published only as aggregates; no row names a resident."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from portal.base import created_at_field, json_list_field, text_field


class InformationRequest(SQLModel, table=True):
    __tablename__ = "information_request"

    id: int | None = Field(default=None, primary_key=True)
    reference: str = Field(max_length=40, unique=True, index=True)
    received_date: date = Field(index=True)
    department_id: int = Field(foreign_key="department.id", index=True)
    requesting_agency: str = Field(max_length=300)
    agency_type: str = Field(max_length=40, index=True)  # vocab.AGENCY_TYPES
    legal_process: str = Field(max_length=40, index=True)  # vocab.LEGAL_PROCESSES
    data_categories: list[str] = json_list_field()
    outcome: str = Field(max_length=32, index=True)  # vocab.OUTCOMES
    residents_notified: str = Field(max_length=32)  # vocab.NOTIFICATION
    people_covered: int = 0
    response_date: date | None = None
    public_summary: str = text_field()
    status: str = Field(default="published", max_length=16)  # draft | published
    version: int = 1
    created_at: datetime = created_at_field()
