"""The moderators' view of comments awaiting a decision."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

import moderation
from portal.auth.permissions import service
from portal.auth.roles import Actor
from portal.engagement.models import Comment, CommentQueueItem
from portal.engagement.targets import target_titles

_QUEUE_COLUMNS = [getattr(Comment, name) for name in CommentQueueItem.model_fields
                  if name != "about"]
_QUEUE_ORDER = (Comment.urgency.desc(), Comment.submitted_at, Comment.id)


def _waiting(states: tuple[str, ...], target_type: str | None) -> list[Any]:
    where = [Comment.state.in_(states)]
    if target_type:
        where.append(Comment.target_type == target_type)
    return where


def _flagged(flags: list[dict[str, Any]], flag_kind: str) -> bool:
    return any(f.get("kind", "").startswith(flag_kind) for f in flags)


@service("engagement.moderation_queue")
def moderation_queue(
    *,
    session: Session,
    actor: Actor,
    limit: int = 500,
    states: tuple[str, ...] = ("pending", "escalated"),
    flag_kind: str | None = None,
    target_type: str | None = None,
) -> list[CommentQueueItem]:
    """Open comments, most-flagged first and then the longest wait first.

    Ordered over every open comment before ``limit`` applies, so an urgent comment
    is never left out behind hundreds of older quiet ones; only the comments shown
    are read in full (and their raw text decrypted).
    """
    where = _waiting(states, target_type)
    if flag_kind:
        # Flags are JSON, searched in Python: only this filter reads them for every comment.
        keys = session.execute(select(Comment.id, Comment.flags).where(*where)
                               .order_by(*_QUEUE_ORDER)).all()
        chosen = [k.id for k in keys if _flagged(k.flags, flag_kind)][:limit]
    else:
        chosen = list(session.execute(select(Comment.id).where(*where)
                                      .order_by(*_QUEUE_ORDER).limit(limit)).scalars())
    if not chosen:
        return []
    rows = session.execute(select(*_QUEUE_COLUMNS).where(Comment.id.in_(chosen))).all()
    titles = target_titles(session, {(row.target_type, row.target_id) for row in rows})
    by_id = {row.id: CommentQueueItem.model_validate(
        {**row._mapping, "about": titles[(row.target_type, row.target_id)]}) for row in rows}
    return [by_id[i] for i in chosen]


@service("engagement.queue_waiting")
def waiting_count(
    *,
    session: Session,
    actor: Actor,
    states: tuple[str, ...] = ("pending", "escalated"),
    flag_kind: str | None = None,
    target_type: str | None = None,
) -> int:
    """How many comments wait with these filters: all of them, not the queue's ``limit``.

    A COUNT in the database (the queue's index on state); with a flag filter, the flags of
    the waiting comments are read and matched as :func:`moderation_queue` matches them.
    """
    where = _waiting(states, target_type)
    if flag_kind:
        flags = session.execute(select(Comment.flags).where(*where)).scalars()
        return sum(_flagged(f, flag_kind) for f in flags)
    return session.execute(select(sa.func.count()).select_from(Comment).where(*where)).scalar_one()


def suggested_campaigns(comments: list[CommentQueueItem]) -> dict[int, list[int]]:
    """Copy-paste groups among the queued comments not yet marked: campaign id → comment ids."""
    unmarked = [c for c in comments if not c.campaign_key]
    texts = [c.raw_text or c.redacted_text for c in unmarked]
    return {
        group.id: [unmarked[i].id for i in group.members]
        for group in moderation.find_campaigns(texts)
    }
