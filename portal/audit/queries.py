"""Reading the audit log: commissioners and administrators only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlmodel import Session, select

from portal.audit.models import AuditEvent
from portal.audit.service import ChainReport, verify_chain
from portal.auth.permissions import service
from portal.auth.roles import Actor

if TYPE_CHECKING:
    from portal.audit.checkpoints import RecentReport

#: Entries the audit log page shows at a time; "Load more" asks for the next page.
PAGE = 100


@service("audit.list_events")
def list_events(
    *,
    session: Session,
    actor: Actor,
    limit: int = 200,
    action_prefix: str | None = None,
    kind: str | None = None,
    by: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    before: int | None = None,
) -> list[AuditEvent]:
    """The newest events first, at most ``limit``, filtered in the query (before the limit).

    ``kind`` is an event type (``"engagement.publish"``) or a whole area (``"engagement"``);
    ``by`` is part of who acted, any case; ``since`` and ``until`` are instants, ``until``
    excluded (pages turn the county's calendar days into them).

    Pages are keyset pages: ``before`` is the last entry of the page shown, and the next page
    is the entries before it. Newest first means by entry number, the order the chain was
    written in: timestamps can tie, and across replicas' clocks even run backwards, while
    entry numbers never do, so no entry is skipped or shown twice from page to page, however
    many are written meanwhile. The primary key's index serves it; no OFFSET is counted off.
    """
    query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(max(1, min(limit, 5000)))
    if before is not None:
        query = query.where(AuditEvent.id < before)
    if action_prefix:
        query = query.where(AuditEvent.action.startswith(action_prefix, autoescape=True))
    if kind and kind.strip():
        kind = kind.strip()
        query = query.where(sa.or_(AuditEvent.action == kind,
                                   AuditEvent.action.startswith(f"{kind}.", autoescape=True)))
    if by and by.strip():
        query = query.where(sa.func.lower(AuditEvent.actor)
                            .contains(by.strip().lower(), autoescape=True))
    if since is not None:
        query = query.where(AuditEvent.occurred_at >= since)
    if until is not None:
        query = query.where(AuditEvent.occurred_at < until)
    return list(session.exec(query).all())


@service("audit.verify_chain")
def verify(*, session: Session, actor: Actor) -> ChainReport:
    """Every event re-hashed, from the first: grows with the log (3.7 s at 90,000 events)."""
    return verify_chain(session)


@service("audit.verify_recent")
def verify_recent(*, session: Session, actor: Actor) -> RecentReport:
    """The newest signed checkpoint's signature, and the events after it re-hashed: what the
    audit log page checks on every view (portal/audit/checkpoints.py)."""
    from portal.audit.checkpoints import verify_from_checkpoint

    return verify_from_checkpoint(session)


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
