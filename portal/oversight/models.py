"""Meetings, agenda items and packets."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from portal.base import UTCDateTime, created_at_field, text_field


class Meeting(SQLModel, table=True):
    __tablename__ = "meeting"

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=300)
    scheduled_at: datetime = Field(sa_type=UTCDateTime, index=True)
    location: str = Field(default="", max_length=300)
    description: str = text_field()
    status: str = Field(default="scheduled", max_length=16)  # scheduled | held | cancelled
    created_at: datetime = created_at_field()


class AgendaItem(SQLModel, table=True):
    __tablename__ = "agenda_item"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True)
    position: int
    title: str = Field(max_length=300)
    description: str = text_field()
    # What public input this item gathers: a notice, practice, indicator or nothing.
    target_type: str | None = Field(default=None, max_length=20)
    target_id: int | None = None


class Packet(SQLModel, table=True):
    __tablename__ = "packet"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True)
    version: int = 1
    built_at: datetime = created_at_field()
    built_by: str = Field(max_length=320)
    content: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)
    pdf: bytes | None = Field(default=None, sa_type=sa.LargeBinary, nullable=True)
