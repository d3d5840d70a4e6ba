"""Writing and verifying the hash-chained audit log.

Each event's hash covers the previous event's hash and the event's own
canonical content, so editing or deleting any row breaks every link after it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from portal.audit.models import AuditEvent, RecordVersion
from portal.auth.roles import Actor
from portal.i18n import _

GENESIS = "0" * 64


def as_json_value(value: Any) -> Any:
    """``value`` as it reads back from a JSON column (dates as ISO text, tuples as lists).

    Snapshots and audit details are stored this way, and comparing a new value
    with a stored one is only fair once both are in this form.
    """
    return json.loads(json.dumps(value, default=str))


def _canonical(event: Any) -> str:
    occurred = event.occurred_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return json.dumps(
        {
            "occurred_at": occurred,
            "actor": event.actor,
            "actor_roles": event.actor_roles,
            "action": event.action,
            "entity_type": event.entity_type,
            "entity_id": event.entity_id,
            "detail": event.detail,
        },
        sort_keys=True,
        ensure_ascii=True,
        default=str,
    )


def compute_hash(prev_hash: str, event: Any) -> str:
    """``event`` is an ``AuditEvent`` or a row of its columns."""
    return hashlib.sha256((prev_hash + _canonical(event)).encode()).hexdigest()


def lock_chain(session: Session) -> None:
    """Serialise writers so two events never claim the same predecessor."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(sa.text("SELECT pg_advisory_xact_lock(724001)"))


def record_event(
    session: Session,
    *,
    actor: Actor,
    action: str,
    entity_type: str,
    entity_id: object = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event in the caller's transaction (it commits with the change it records)."""
    lock_chain(session)
    last = session.exec(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).first()
    event = AuditEvent(
        actor=actor.subject,
        actor_roles=actor.role_names,
        action=action,
        entity_type=entity_type,
        entity_id=None if entity_id is None else str(entity_id),
        detail=as_json_value(detail or {}),
        prev_hash=last or GENESIS,
        hash="",
    )
    event.hash = compute_hash(event.prev_hash, event)
    session.add(event)
    session.flush()
    from portal.audit.checkpoints import sign_if_due

    sign_if_due(session)  # at least one signed checkpoint a day (portal/audit/checkpoints.py)
    return event


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    events: int
    first_broken_id: int | None = None
    reason: str = ""


#: What re-hashing an event reads: its link, its hash and the content the hash covers.
CHAIN_COLUMNS = (AuditEvent.id, AuditEvent.prev_hash, AuditEvent.hash, AuditEvent.occurred_at,
                  AuditEvent.actor, AuditEvent.actor_roles, AuditEvent.action,
                  AuditEvent.entity_type, AuditEvent.entity_id, AuditEvent.detail)


def verify_chain(session: Session, *, after_id: int | None = None,
                 after_hash: str = GENESIS) -> ChainReport:
    """Re-hash every event, in order, and check that each points at the one before it.

    With ``after_id`` only the events after that one are read, the first of them expected to
    point at ``after_hash`` (a signed checkpoint's head: portal/audit/checkpoints.py); the
    report then counts the events read. Rows are read as plain columns, streamed, not as
    ORM objects: the whole chain is read for this, 90,000 events at county scale.
    """
    query = sa.select(*CHAIN_COLUMNS).order_by(AuditEvent.id)
    if after_id is not None:
        query = query.where(AuditEvent.id > after_id)
    prev = after_hash
    count = 0
    for event in session.execute(query.execution_options(yield_per=2000)):
        count += 1
        if event.prev_hash != prev:
            return ChainReport(False, count, event.id, _("does not point at the event before it"))
        if compute_hash(prev, event) != event.hash:
            return ChainReport(False, count, event.id, _("has content that does not match its hash"))
        prev = event.hash
    return ChainReport(True, count)


#: ``RecordVersion.summary``'s length.
SUMMARY_LIMIT = 500


def record_version(
    session: Session,
    *,
    actor: Actor,
    record_type: str,
    record_id: int,
    version: int,
    data: dict[str, Any],
    summary: str = "",
) -> RecordVersion:
    """Store a version of a record. ``summary`` names the change in the history; one longer
    than its column keeps its first 500 characters (PostgreSQL refuses a longer one, where
    SQLite would keep it), while ``data`` keeps every field whole (a notice's own summary of
    its changes among them)."""
    snapshot = RecordVersion(
        record_type=record_type,
        record_id=record_id,
        version=version,
        data=as_json_value(data),
        changed_by=actor.subject,
        summary=summary[:SUMMARY_LIMIT],
    )
    session.add(snapshot)
    session.flush()
    return snapshot
