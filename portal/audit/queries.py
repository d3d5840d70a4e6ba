"""Reading the audit log: commissioners and administrators only."""

from __future__ import annotations

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
