"""The commission's desk: comments moderators referred to the Privacy Commission, and its decisions.

A moderator's "Refer to the commission" leaves a comment ``escalated``: not public, not in
any packet. Commissioners read it here — redacted text only; raw text and contact details
stay with moderators — and decide it: publish, do not publish (with a reason from the public
moderation policy), or return it to the moderators with a note. The decision goes through
the same conditional UPDATE as a moderator's (one of two people deciding at once wins), is
kept as a ``ModerationDecision`` whose action says the commission made it, is audited with
the commissioner's identity, and is counted as a commission decision in the public
monthly statistics. The resident's receipt lookup says when the comment was referred and
what the commission decided.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session

from portal.auth.permissions import service
from portal.auth.roles import Actor
from portal.base import utcnow
from portal.engagement.decisions import _apply, _check_decision, _note
from portal.engagement.models import Comment, ModerationDecision
from portal.engagement.targets import target_titles
from portal.errors import FieldError, NotFound, ValidationFailed
from portal.geography.models import District
from portal.i18n import N_, _

#: What the commission may do with a referred comment → (decision action, resulting state).
COMMISSION_ACTIONS: dict[str, tuple[str, str]] = {
    "publish": ("commission_publish", "published"),
    "reject": ("commission_reject", "rejected"),
    "return": ("commission_return", "pending"),
}
COMMISSION_DECISIONS = frozenset(action for action, _state in COMMISSION_ACTIONS.values())


@dataclass(frozen=True)
class ReferredComment:
    """What a commissioner reads: never the raw text, a name, an e-mail or the author."""

    id: int
    text: str  # the redacted text
    position: str | None
    language: str
    district: str | None
    about: str  # "Surveillance technology notice 4", etc.
    target_type: str
    target_id: int | None
    submitted_at: datetime
    referred_at: datetime | None
    referred_by: str | None
    moderator_note: str | None
    lock_version: int


@service("engagement.referred_awaiting")
def referred_awaiting(*, session: Session, actor: Actor) -> int:
    """How many comments wait for the commission."""
    return session.execute(sa.select(sa.func.count()).select_from(Comment)
                           .where(Comment.state == "escalated")).scalar_one()


@service("engagement.list_referred")
def list_referred(*, session: Session, actor: Actor,
                  limit: int | None = None) -> list[ReferredComment]:
    """The comments waiting for the commission, longest referred first; the first ``limit``
    of them when given (1,300 wait at county scale: the desk shows them 20 at a time)."""
    referral = (
        sa.select(ModerationDecision.comment_id,
                  sa.func.max(ModerationDecision.id).label("decision_id"))
        .where(ModerationDecision.action == "escalate")
        .group_by(ModerationDecision.comment_id).subquery()
    )
    rows = session.execute(
        sa.select(Comment.id, Comment.redacted_text, Comment.position, Comment.language,
                  District.name, Comment.target_type, Comment.target_id, Comment.submitted_at,
                  ModerationDecision.decided_at, ModerationDecision.moderator,
                  ModerationDecision.reason, Comment.lock_version)
        .join(District, District.id == Comment.district_id, isouter=True)
        .join(referral, referral.c.comment_id == Comment.id, isouter=True)
        .join(ModerationDecision, ModerationDecision.id == referral.c.decision_id, isouter=True)
        .where(Comment.state == "escalated")
        .order_by(ModerationDecision.decided_at, Comment.id)
        .limit(limit)
    ).all()
    titles = target_titles(session, {(r[5], r[6]) for r in rows})
    return [
        ReferredComment(
            id=r[0], text=r[1], position=r[2], language=r[3] or "und", district=r[4],
            about=titles[(r[5], r[6])],
            target_type=r[5], target_id=r[6], submitted_at=r[7], referred_at=r[8],
            referred_by=r[9], moderator_note=r[10], lock_version=r[11],
        )
        for r in rows
    ]


@service("engagement.commission_decide")
def commission_decide(
    *, session: Session, actor: Actor, comment_id: int, lock_version: int, action: str,
    reason_code: str | None = None, note: str | None = None, now: datetime | None = None,
) -> str:
    """Decide a referred comment for the commission; return the comment's new state."""
    if action not in COMMISSION_ACTIONS:
        raise ValidationFailed([FieldError(
            "action", _("the commission publishes, does not publish, or returns to moderators"),
            label=_("action"))])
    note = _note(note)
    public_reason, log_reason = None, note
    if action == "reject":
        public_reason, log_reason = _check_decision("reject", reason_code, note, None)
    if action == "return" and not note:
        raise ValidationFailed([FieldError(
            "note", _("say what the moderators should look at again"), label=_("note"))])
    comment = session.get(Comment, comment_id)
    if comment is None:
        raise NotFound(_("There is no comment {id}.").format(id=comment_id))
    decision, state = COMMISSION_ACTIONS[action]
    _apply(session, actor, comment, lock_version, decision, public_reason, log_reason, None,
           now or utcnow(), state=state, from_states=("escalated",), conflict=N_(
               "Someone decided or changed this comment while you were reading it. "
               "The list has been refreshed; check it again."))
    return state


def referral_history(session: Session, comment_id: int) -> tuple[datetime | None, str | None, datetime | None]:
    """When the comment was last referred, and the commission's decision on it since, if any."""
    rows = session.execute(
        sa.select(ModerationDecision.action, ModerationDecision.decided_at)
        .where(ModerationDecision.comment_id == comment_id,
               ModerationDecision.action.in_(["escalate", *COMMISSION_DECISIONS]))
        .order_by(ModerationDecision.id)).all()
    referred = decided = None
    decision = None
    for action, at in rows:
        if action == "escalate":
            referred, decision, decided = at, None, None
        else:
            decision, decided = action, at
    return referred, decision, decided


