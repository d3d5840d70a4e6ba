"""Abuse limits that identify nobody (DESIGN.md §2.1).

A submission counts against two hourly buckets: the browser session's random
token and the network it came from. Neither is stored: each becomes an HMAC
with a secret that changes daily, so a bucket cannot be traced to a person,
nor linked to the same session or network on another day.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from portal.encryption import salted_hash
from portal.engagement.models import SubmissionBucket
from portal.errors import PortalError


class RateLimited(PortalError):
    """Too many submissions from one session or network; try again later."""


def _window(now: datetime) -> datetime:
    return now.replace(minute=0, second=0, microsecond=0)


def _increment(session: Session, key_hash: str, window: datetime) -> int:
    """Add one to a bucket atomically (concurrent submitters never lose a count)."""
    table = SubmissionBucket.__table__
    dialect = session.get_bind().dialect.name
    insert = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)
    statement = insert.values(key_hash=key_hash, window_start=window, count=1).on_conflict_do_update(
        index_elements=["key_hash", "window_start"], set_={"count": table.c.count + 1}
    ).returning(table.c.count)
    return int(session.execute(statement).scalar_one())


def count_submission(
    session: Session,
    *,
    now: datetime,
    session_token: str | None,
    network: str | None,
    per_session: int,
    per_network: int,
) -> None:
    """Count this submission, or raise ``RateLimited`` when a bucket is already full."""
    window = _window(now)
    checks = [
        ("session", session_token, per_session,
         "You have sent several comments in the last hour from this browser. "
         "Please wait an hour and try again."),
        ("network", network, per_network,
         "Many comments have come from your network in the last hour. "
         "Please wait an hour and try again."),
    ]
    for kind, value, limit, message in checks:
        if not value:
            continue
        if _increment(session, salted_hash(f"{kind}:{value}", now.date()), window) > limit:
            raise RateLimited(message)


def purge_buckets(session: Session, *, now: datetime) -> int:
    """Delete buckets older than two days: they only ever mattered for an hour."""
    table = SubmissionBucket.__table__
    result = session.execute(sa.delete(table).where(table.c.window_start < now - timedelta(days=2)))
    return int(result.rowcount or 0)
