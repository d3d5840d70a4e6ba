"""Audit events (hash-chained) and record versions.

Every write service records an ``AuditEvent``; edits to published records also
store a full snapshot as a ``RecordVersion`` so nothing is ever overwritten
without a trace a commissioner can read.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from portal.base import UTCDateTime, created_at_field, utcnow


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_event"

    id: int | None = Field(default=None, primary_key=True)
    occurred_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    actor: str = Field(max_length=320)
    actor_roles: str = Field(default="", max_length=200)
    action: str = Field(max_length=80, index=True)
    entity_type: str = Field(max_length=60, index=True)
    entity_id: str | None = Field(default=None, max_length=80)
    detail: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)
    # SHA-256 of the previous event's hash and this event's canonical content.
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64, unique=True)


class RecordVersion(SQLModel, table=True):
    __tablename__ = "record_version"
    __table_args__ = (
        sa.UniqueConstraint("record_type", "record_id", "version", name="uq_record_version"),
        sa.Index("ix_record_version_record", "record_type", "record_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    record_type: str = Field(max_length=60)
    record_id: int
    version: int
    data: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)
    changed_by: str = Field(max_length=320)
    changed_at: datetime = created_at_field()
    summary: str = Field(default="", max_length=500)


class AuditCheckpoint(SQLModel, table=True):
    """A signed statement of the audit chain's head: "by ``signed_at`` the log held ``events``
    events, the last being ``event_id`` with ``event_hash``" (portal/audit/checkpoints.py)."""

    __tablename__ = "audit_checkpoint"

    id: int | None = Field(default=None, primary_key=True)
    event_id: int | None = None  # None: the log was empty
    event_hash: str = Field(max_length=64)
    events: int
    signed_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    key_id: str = Field(max_length=16)
    public_key: str = Field(max_length=64)
    signature: str = Field(max_length=128)
    reason: str = Field(default="manual", max_length=16)  # manual | daily | packet
