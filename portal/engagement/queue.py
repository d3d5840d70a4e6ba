"""The moderators' view of comments awaiting a decision."""

from __future__ import annotations

from sqlmodel import Session, select

from portal.auth.permissions import service
from portal.auth.roles import Actor
from portal.engagement.models import Comment


@service("engagement.moderation_queue")
def moderation_queue(*, session: Session, actor: Actor, limit: int = 500) -> list[Comment]:
    """Pending and escalated comments, oldest first: the longest wait is decided first."""
    query = (
        select(Comment)
        .where(Comment.state.in_(("pending", "escalated")))
        .order_by(Comment.submitted_at, Comment.id)
        .limit(limit)
    )
    return list(session.exec(query).all())
