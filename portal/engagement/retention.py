"""Keeping raw text briefly (DESIGN.md §2.4): the purge, and re-encryption under a new key.

The retention period is ``PORTAL_RETENTION_DAYS`` (portal/settings.py,
default 90), counted from submission. The purge clears raw text, contact
details and the author reference; the redacted text, the state and the
decision history stay. Running it again purges nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session

from portal.audit.service import record_event
from portal.auth.permissions import service
from portal.auth.roles import Actor
from portal.base import utcnow
from portal.encryption import rotate_token
from portal.engagement.limits import purge_buckets
from portal.engagement.models import Comment
from portal.settings import get_settings

_SEALED = ("raw_text", "name", "email", "author_ref")


@dataclass(frozen=True)
class PurgeReport:
    cutoff: datetime
    raw_texts: int
    contact_details: int
    rate_limit_buckets: int


@service("engagement.retention_purge")
def retention_purge(*, session: Session, actor: Actor, now: datetime | None = None) -> PurgeReport:
    now = now or utcnow()
    cutoff = now - timedelta(days=get_settings().retention_days)
    t = Comment.__table__
    old = t.c.submitted_at < cutoff
    raw = session.execute(sa.select(sa.func.count()).where(old, t.c.raw_text.is_not(None))).scalar_one()
    contact = session.execute(sa.select(sa.func.count()).where(
        old, sa.or_(t.c.name.is_not(None), t.c.email.is_not(None)))).scalar_one()
    session.execute(
        sa.update(t)
        .where(old, sa.or_(*(t.c[c].is_not(None) for c in _SEALED)))
        .values(raw_text=None, name=None, email=None, author_ref=None, raw_purged_at=now)
    )
    buckets = purge_buckets(session, now=now)
    report = PurgeReport(cutoff, int(raw), int(contact), buckets)
    record_event(session, actor=actor, action="engagement.retention_purge", entity_type="comment",
                 detail={"cutoff": cutoff.isoformat(), "raw_texts": report.raw_texts,
                         "contact_details": report.contact_details,
                         "rate_limit_buckets": buckets})
    return report


@service("engagement.rotate_keys")
def rotate_keys(*, session: Session, actor: Actor) -> int:
    """Re-encrypt every sealed value with the newest key; return how many values changed."""
    plain = sa.table("comment", sa.column("id", sa.Integer), *(sa.column(c, sa.Text) for c in _SEALED))
    changed = 0
    for row in session.execute(sa.select(plain)).all():
        values = {c: rotate_token(getattr(row, c)) for c in _SEALED if getattr(row, c) is not None}
        if values:
            session.execute(plain.update().where(plain.c.id == row.id).values(**values))
            changed += len(values)
    record_event(session, actor=actor, action="engagement.rotate_keys", entity_type="comment",
                 detail={"values": changed})
    return changed
