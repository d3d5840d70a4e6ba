"""Abuse limits that identify nobody (DESIGN.md §2.1).

A submission counts against two hourly buckets: the browser session's random
token and the network it came from. Neither is stored: each becomes an HMAC
with a random secret of the day's own (``RateLimitSecret``), deleted once the
day is over, so a bucket cannot be traced to a person, nor linked to the same
session or network on another day.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from portal.engagement.models import RateLimitSecret, SubmissionBucket
from portal.errors import PortalError
from portal.i18n import _


class RateLimited(PortalError):
    """Too many submissions from one session or network; try again later."""


def _window(now: datetime) -> datetime:
    return now.replace(minute=0, second=0, microsecond=0)


def _insert(session: Session, table: sa.Table) -> Any:
    dialect = session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)


def day_secret(session: Session, day: date) -> bytes:
    """The day's secret, made at the day's first submission; earlier days' are deleted then.

    Two submissions racing to make it both insert-or-ignore, then read the one that won.
    """
    table = RateLimitSecret.__table__
    found = session.execute(sa.select(table.c.secret).where(table.c.day == day)).scalar()
    if found is None:
        session.execute(sa.delete(table).where(table.c.day < day))
        session.execute(_insert(session, table).values(day=day, secret=secrets.token_hex(32))
                        .on_conflict_do_nothing(index_elements=["day"]))
        found = session.execute(sa.select(table.c.secret).where(table.c.day == day)).scalar_one()
    return bytes.fromhex(found)


def bucket_key(session: Session, value: str, day: date) -> str:
    return hmac.new(day_secret(session, day), value.encode("utf-8", "surrogatepass"),
                    hashlib.sha256).hexdigest()


def _increment(session: Session, key_hash: str, window: datetime) -> int:
    """Add one to a bucket atomically (concurrent submitters never lose a count)."""
    table = SubmissionBucket.__table__
    statement = _insert(session, table).values(key_hash=key_hash, window_start=window, count=1).on_conflict_do_update(
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
         _("You have sent several comments in the last hour from this browser. "
           "Please wait an hour and try again.")),
        ("network", network, per_network,
         _("Many comments have come from your network in the last hour. "
           "Please wait an hour and try again.")),
    ]
    for kind, value, limit, message in checks:
        if not value:
            continue
        if _increment(session, bucket_key(session, f"{kind}:{value}", now.date()), window) > limit:
            raise RateLimited(message)


def purge_buckets(session: Session, *, now: datetime) -> int:
    """Delete buckets older than two days (they only ever mattered for an hour), and every
    secret of a day that is over, also on days nobody commented."""
    table = SubmissionBucket.__table__
    result = session.execute(sa.delete(table).where(table.c.window_start < now - timedelta(days=2)))
    session.execute(sa.delete(RateLimitSecret.__table__)
                    .where(RateLimitSecret.__table__.c.day < now.date()))
    return int(result.rowcount or 0)
