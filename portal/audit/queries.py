"""Reading the audit log: commissioners and administrators only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from portal.audit.models import AuditEvent
from portal.audit.service import ChainReport, verify_chain
from portal.auth.permissions import service
from portal.auth.roles import Actor


@service("audit.list_events")
def list_events(
    *, session: Session, actor: Actor, limit: int = 200, action_prefix: str | None = None
) -> list[AuditEvent]:
    query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(max(1, min(limit, 5000)))
    if action_prefix:
        query = query.where(AuditEvent.action.startswith(action_prefix))
    return list(session.exec(query).all())


@service("audit.verify_chain")
def verify(*, session: Session, actor: Actor) -> ChainReport:
    return verify_chain(session)


@dataclass(frozen=True)
class PublishedCheckpoints:
    """Every checkpoint as published (newest first) and the keys that verify them."""

    documents: list[dict[str, Any]]
    reasons: list[str]
    public_keys: dict[str, str]


@service("audit.list_checkpoints")
def published_checkpoints(*, session: Session, actor: Actor, limit: int = 500) -> PublishedCheckpoints:
    """Public: anyone may keep a checkpoint and later check the log against it."""
    from portal.audit.checkpoints import document, list_checkpoints, public_keys

    rows = list_checkpoints(session, limit=limit)
    return PublishedCheckpoints([document(r) for r in rows], [r.reason for r in rows],
                                public_keys())
