"""Meetings, agenda items, commissioners' notes and packets."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from portal.base import UTCDateTime, created_at_field, optional_datetime_field, text_field


class Meeting(SQLModel, table=True):
    __tablename__ = "meeting"

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=300)
    scheduled_at: datetime = Field(sa_type=UTCDateTime, index=True)
    location: str = Field(default="", max_length=300)
    # Where to follow it online, when it is (also) held online.
    link: str = Field(default="", max_length=500, sa_column_kwargs={"server_default": ""})
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
    # The published record this item is about: notice, practice, indicator, survey or none.
    target_type: str | None = Field(default=None, max_length=20)
    target_id: int | None = None
    # The resident input it covers: comments sent in [input_from, input_to). No start means
    # from the first comment; no end means up to the meeting.
    input_from: datetime | None = optional_datetime_field()
    input_to: datetime | None = optional_datetime_field()


class CommissionNote(SQLModel, table=True):
    """A commissioners' note on an agenda item: private until a packet publishes it."""

    __tablename__ = "commission_note"

    id: int | None = Field(default=None, primary_key=True)
    agenda_item_id: int = Field(foreign_key="agenda_item.id", unique=True, index=True)
    text: str = text_field()
    updated_by: str = Field(max_length=320)
    updated_at: datetime = created_at_field()
    version: int = 1


class Packet(SQLModel, table=True):
    """One published version of a meeting's packet: never changed once written.

    ``content`` is the JSON of docs/packet-format.md; ``content_hash`` its SHA-256,
    also written to the audit log; the PDF and Markdown are drawn from it alone.
    """

    __tablename__ = "packet"
    __table_args__ = (sa.UniqueConstraint("meeting_id", "version", name="uq_packet_version"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True)
    version: int = 1
    built_at: datetime = created_at_field()
    built_by: str = Field(max_length=320)
    content: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)
    content_hash: str = Field(default="", max_length=64, sa_column_kwargs={"server_default": ""})
    pdf: bytes | None = Field(default=None, sa_type=sa.LargeBinary, nullable=True)
    pdf_hash: str = Field(default="", max_length=64, sa_column_kwargs={"server_default": ""})
    markdown: str = text_field()
    # The audit chain's head when the packet was built, printed in it.
    audit_event_id: int | None = None
    audit_hash: str = Field(default="", max_length=64, sa_column_kwargs={"server_default": ""})


@sa.event.listens_for(Packet, "before_update")
def _packets_are_immutable(_mapper: Any, _connection: Any, packet: Packet) -> None:
    raise PermissionError("a published packet never changes: build a new version instead")


@sa.event.listens_for(Packet, "before_delete")
def _packets_stay(_mapper: Any, _connection: Any, packet: Packet) -> None:
    raise PermissionError("a published packet is part of the public record and stays")


class InputRead(SQLModel, table=True):
    """A commissioner's own mark that they have read a comment behind an agenda item."""

    __tablename__ = "input_read"
    __table_args__ = (sa.UniqueConstraint("reader", "comment_id", name="uq_input_read"),)

    id: int | None = Field(default=None, primary_key=True)
    reader: str = Field(max_length=320, index=True)
    comment_id: int = Field(foreign_key="comment.id", index=True)
    read_at: datetime = created_at_field()
