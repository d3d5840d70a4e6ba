"""The moderators' view of comments awaiting a decision."""

from __future__ import annotations

import moderation
from sqlmodel import Session, select

from portal.auth.permissions import service
from portal.auth.roles import Actor
from portal.engagement.models import Comment

#: Flags that most need a person's eye come first in the queue.
_URGENCY = {"profanity": 3, "spam": 2}


def urgency(comment: Comment) -> int:
    kinds = {f.get("kind", "") for f in comment.flags}
    return sum(_URGENCY.get(k, 1) for k in kinds)


@service("engagement.moderation_queue")
def moderation_queue(
    *,
    session: Session,
    actor: Actor,
    limit: int = 500,
    states: tuple[str, ...] = ("pending", "escalated"),
    flag_kind: str | None = None,
    target_type: str | None = None,
) -> list[Comment]:
    """Open comments, most-flagged first and then the longest wait first."""
    query = select(Comment).where(Comment.state.in_(states))
    if target_type:
        query = query.where(Comment.target_type == target_type)
    rows = list(session.exec(query.order_by(Comment.submitted_at, Comment.id).limit(limit)).all())
    if flag_kind:
        rows = [c for c in rows if any(f.get("kind", "").startswith(flag_kind) for f in c.flags)]
    return sorted(rows, key=lambda c: (-urgency(c), c.submitted_at, c.id or 0))


def suggested_campaigns(comments: list[Comment]) -> dict[int, list[int]]:
    """Copy-paste groups among the queued comments not yet marked: campaign id → comment ids."""
    unmarked = [c for c in comments if not c.campaign_key]
    texts = [c.raw_text or c.redacted_text for c in unmarked]
    return {
        group.id: [unmarked[i].id for i in group.members]  # type: ignore[misc]
        for group in moderation.find_campaigns(texts)
    }
