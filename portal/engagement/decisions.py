"""Moderators' decisions, campaigns, official responses and the moderation log.

Several moderators work at once: each decision names the ``lock_version`` it
saw and is applied with one conditional UPDATE, so exactly one of two
moderators deciding the same comment succeeds and the other is told. A
moderator never decides a comment they wrote themselves.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

import moderation
from portal.audit.service import record_event, record_version
from portal.auth.permissions import service
from portal.auth.roles import Actor
from portal.base import utcnow
from portal.engagement import policy
from portal.engagement.models import Comment, ModerationDecision
from portal.engagement.targets import target_titles
from portal.engagement.vocab import MODERATION_ACTIONS
from portal.errors import (
    Conflict,
    FieldError,
    NotFound,
    PermissionDenied,
    PortalError,
    ValidationFailed,
)
from portal.i18n import N_, _, number
from portal.textsafety import unstorable_fields

OPEN_STATES = ("pending", "escalated")
_RESULT_STATE = {
    "publish": "published",
    "publish_redacted": "published",
    "reject": "rejected",
    "escalate": "escalated",
}


class OwnComment(PermissionDenied):
    def __init__(self, action: str) -> None:
        PortalError.__init__(self, _("You wrote this comment, so another moderator must decide it."))
        self.action = action
        self.roles = frozenset()


def _note(note: str | None) -> str | None:
    note = (note or "").strip() or None
    if note is not None and len(note) > policy.MAX_NOTE_CHARS:
        raise ValidationFailed([FieldError("note", _("up to {limit} characters").format(
            limit=number(policy.MAX_NOTE_CHARS)), label=_("note"))])
    if refused := unstorable_fields({"note": note}):
        raise ValidationFailed(refused)
    return note


def _check_decision(
    action: str, reason_code: str | None, note: str | None, redacted_text: str | None,
) -> tuple[str | None, str | None]:
    """Return (public reason, log reason), or raise what the policy demands."""
    if action not in _RESULT_STATE:
        raise ValidationFailed([FieldError("action", _("choose one of {actions}").format(
            actions=", ".join(_RESULT_STATE)), label=_("action"))])
    if action in policy.ACTIONS_NEEDING_NOTE and not note:
        raise ValidationFailed([FieldError("note", _("the policy asks for a reason to {action}").format(
            action=_(MODERATION_ACTIONS[action]).lower()), label=_("note"))])
    if action == "reject":
        reason = policy.REJECTION_REASONS.get(reason_code or "")
        if reason is None:
            raise ValidationFailed([FieldError("reason", _("choose a reason from the moderation policy"),
                                               label=_("reason"))])
        if reason.needs_note and not note:
            raise ValidationFailed([FieldError("note", _("the policy asks for a note with “{reason}”").format(
                reason=_(reason.public_text)), label=_("note"))])
        return reason.public_text, "; ".join(filter(None, [reason.code, note]))
    if action == "publish_redacted":
        if not (redacted_text or "").strip():
            raise ValidationFailed([FieldError("redacted_text", _("give the text to publish"),
                                               label=_("redacted_text"))])
        if refused := unstorable_fields({"redacted_text": redacted_text}):
            raise ValidationFailed(refused)
        if len(redacted_text or "") > policy.MAX_TEXT_CHARS:
            raise ValidationFailed([FieldError("redacted_text", _("up to {limit} characters").format(
                limit=number(policy.MAX_TEXT_CHARS)), label=_("redacted_text"))])
        left = moderation.screen(redacted_text or "")
        if left.has_pii:
            kinds = ", ".join(sorted({f.kind.removeprefix("pii:") for f in left.flags if f.kind.startswith("pii:")}))
            raise ValidationFailed([FieldError("redacted_text", _(
                "the edited text still contains personal data ({kinds})").format(kinds=kinds),
                label=_("redacted_text"))])
    return None, note


def _get_open(session: Session, comment_id: int, actor: Actor, action: str) -> Comment:
    comment = session.get(Comment, comment_id)
    if comment is None:
        raise NotFound(_("There is no comment {id}.").format(id=comment_id))
    if comment.author_ref is not None and comment.author_ref == actor.subject:
        raise OwnComment(action)
    return comment


_CONFLICT = N_("Another moderator decided or changed this comment while you were reading it. "
               "The queue has been refreshed; check it again.")


def _apply(
    session: Session, actor: Actor, comment: Comment, lock_version: int, action: str,
    public_reason: str | None, log_reason: str | None, redacted_text: str | None, now: datetime,
    *, state: str | None = None, from_states: tuple[str, ...] = OPEN_STATES,
    conflict: str = _CONFLICT,
) -> Comment:
    """Record one decision on a comment: the one way a comment's state changes after
    submission, for moderators and (with its own actions and ``from_states``) the commission."""
    table = Comment.__table__
    values: dict[str, Any] = {
        "state": state or _RESULT_STATE[action],
        "lock_version": table.c.lock_version + 1,
        "public_reason": public_reason,
    }
    if values["state"] == "published":
        values["published_at"] = now
        if action == "publish_redacted":
            values["redacted_text"] = (redacted_text or "").strip()
    # One conditional UPDATE: of two moderators who saw the same version, one wins.
    result = session.execute(
        sa.update(table)
        .where(table.c.id == comment.id, table.c.lock_version == lock_version,
               table.c.state.in_(from_states))
        .values(**values)
    )
    if result.rowcount != 1:
        session.expire(comment)
        raise Conflict(_(conflict))
    session.add(ModerationDecision(
        comment_id=comment.id, moderator=actor.subject, action=action, reason=log_reason,
        decided_at=now,
    ))
    session.flush()
    session.refresh(comment)
    record_event(
        session, actor=actor, action=f"engagement.{action}", entity_type="comment",
        entity_id=comment.id,
        detail={"state": comment.state, "reason": log_reason, "campaign": comment.campaign_key},
    )
    return comment


@service("engagement.decide")
def decide(
    *,
    session: Session,
    actor: Actor,
    comment_id: int,
    lock_version: int,
    action: str,
    reason_code: str | None = None,
    note: str | None = None,
    redacted_text: str | None = None,
    now: datetime | None = None,
) -> Comment:
    """Publish, publish with an edited redaction, reject with a policy reason, or escalate."""
    note = _note(note)
    public_reason, log_reason = _check_decision(action, reason_code, note, redacted_text)
    comment = _get_open(session, comment_id, actor, action)
    return _apply(session, actor, comment, lock_version, action, public_reason, log_reason,
                  redacted_text, now or utcnow())


@service("engagement.mark_campaign")
def mark_campaign(
    *, session: Session, actor: Actor, comment_ids: list[int], campaign_key: str | None = None,
) -> str:
    """Group comments as one copy-paste campaign, so they are decided together, not as spam."""
    ids = sorted({int(i) for i in comment_ids})
    if len(ids) < 2:
        raise ValidationFailed([FieldError("comments", _("a campaign groups at least two comments"),
                                           label=_("comments"))])
    key = (campaign_key or "").strip() or f"campaign-{secrets.token_hex(4)}"
    if len(key) > 64:
        raise ValidationFailed([FieldError("campaign", _("a campaign name is up to 64 characters"),
                                           label=_("campaign"))])
    if refused := unstorable_fields({"campaign": key}):
        raise ValidationFailed(refused)
    comments = session.exec(select(Comment).where(Comment.id.in_(ids))).all()
    if len(comments) != len(ids):
        raise NotFound(_("Some of those comments do not exist."))
    for comment in comments:
        if comment.state not in OPEN_STATES:
            raise ValidationFailed([FieldError("comments", _("comment {id} is already decided").format(
                id=comment.id), label=_("comments"))])
        if comment.author_ref is not None and comment.author_ref == actor.subject:
            raise OwnComment("engagement.mark_campaign")
    table = Comment.__table__
    session.execute(
        sa.update(table).where(table.c.id.in_(ids))
        .values(campaign_key=key, lock_version=table.c.lock_version + 1)
    )
    now = utcnow()
    for i in ids:
        session.add(ModerationDecision(comment_id=i, moderator=actor.subject,
                                       action="mark_campaign", reason=key, decided_at=now))
    session.flush()
    for comment in comments:
        session.refresh(comment)
    record_event(session, actor=actor, action="engagement.mark_campaign", entity_type="campaign",
                 entity_id=key, detail={"comments": ids})
    return key


@service("engagement.decide_campaign")
def decide_campaign(
    *,
    session: Session,
    actor: Actor,
    campaign_key: str,
    action: str,
    reason_code: str | None = None,
    note: str | None = None,
    now: datetime | None = None,
) -> int:
    """Decide every open comment of a campaign at once; return how many were decided."""
    if action not in ("publish", "reject", "escalate"):
        raise ValidationFailed([FieldError(
            "action", _("a campaign is published, rejected or escalated as a whole"),
            label=_("action"))])
    note = _note(note)
    public_reason, log_reason = _check_decision(action, reason_code, note, None)
    members = session.exec(
        select(Comment).where(Comment.campaign_key == campaign_key, Comment.state.in_(OPEN_STATES))
        .order_by(Comment.id)
    ).all()
    if not members:
        raise NotFound(_("That campaign has no comment awaiting a decision."))
    now = now or utcnow()
    for comment in members:
        if comment.author_ref is not None and comment.author_ref == actor.subject:
            raise OwnComment("engagement.decide_campaign")
    for comment in members:
        _apply(session, actor, comment, comment.lock_version, action, public_reason, log_reason, None, now)
    return len(members)


@service("engagement.respond")
def respond(
    *, session: Session, actor: Actor, comment_id: int, text: str, lock_version: int | None = None,
) -> Comment:
    """Write (or replace) the county's official response beside a published comment."""
    text = (text or "").strip()
    if not text:
        raise ValidationFailed([FieldError("response", _("write the response"), label=_("response"))])
    if refused := unstorable_fields({"response": text}):
        raise ValidationFailed(refused)
    if len(text) > policy.MAX_RESPONSE_CHARS:
        raise ValidationFailed([FieldError("response", _("up to {limit} characters").format(
            limit=number(policy.MAX_RESPONSE_CHARS)), label=_("response"))])
    comment = session.get(Comment, comment_id)
    if comment is None or comment.state != "published":
        raise NotFound(_("Only a published comment can receive an official response."))
    seen = comment.lock_version if lock_version is None else lock_version
    previous = {"redacted_text": comment.redacted_text, "official_response": comment.official_response,
                "official_response_by": comment.official_response_by,
                "official_response_at": comment.official_response_at}
    table = Comment.__table__
    now = utcnow()
    result = session.execute(
        sa.update(table).where(table.c.id == comment.id, table.c.lock_version == seen).values(
            official_response=text, official_response_by=actor.subject, official_response_at=now,
            lock_version=table.c.lock_version + 1,
        )
    )
    if result.rowcount != 1:
        raise Conflict(_("Someone else changed this comment's response first; reload and try again."))
    session.flush()
    session.refresh(comment)
    # The published record changed: keep what it said before.
    record_version(session, actor=actor, record_type="comment", record_id=comment.id,
                   version=seen, data=previous, summary="official response written")
    record_event(session, actor=actor, action="engagement.respond", entity_type="comment",
                 entity_id=comment.id, detail={"replaced": previous["official_response"] is not None})
    return comment


@dataclass(frozen=True)
class AwaitingResponse:
    """What staff need to answer a published comment: its public text, never the raw one.

    Unredacted text and contact details are for moderators only (DESIGN.md §2.4).
    """

    id: int
    target_type: str
    target_id: int | None
    redacted_text: str
    published_at: datetime | None
    official_response: str | None
    lock_version: int
    # What it is about, named as the moderation queue names it ("Surveillance technology
    # notice: Drones"): not a column.
    about: str = ""


@service("engagement.awaiting_response")
def awaiting_response(*, session: Session, actor: Actor, limit: int = 200) -> list[AwaitingResponse]:
    """Published comments, those without a response first, for staff to answer."""
    query = select(
        Comment.id, Comment.target_type, Comment.target_id, Comment.redacted_text,
        Comment.published_at, Comment.official_response, Comment.lock_version,
    ).where(Comment.state == "published").order_by(
        Comment.official_response.is_not(None), Comment.published_at.desc()
    ).limit(limit)
    rows = session.exec(query).all()
    titles = target_titles(session, {(row.target_type, row.target_id) for row in rows})
    return [AwaitingResponse(*row, about=titles[(row.target_type, row.target_id)]) for row in rows]


LOG_COLUMNS = ("decided_at", "comment_id", "about", "action", "reason", "moderator", "state_now")


@service("engagement.moderation_log")
def moderation_log(*, session: Session, actor: Actor) -> list[dict[str, Any]]:
    """Every moderation decision, oldest first, for the commission (no resident's text).

    It grows with every decision (90,000 at county scale): pages build its download only
    when asked (app_pages/moderation_queue.py) and count it with :func:`decision_count`.
    Read as plain columns, not ORM objects.
    """
    rows = session.execute(
        select(ModerationDecision.decided_at, ModerationDecision.comment_id,
               ModerationDecision.action, ModerationDecision.reason,
               ModerationDecision.moderator, Comment.target_type, Comment.target_id,
               Comment.state)
        .join(Comment, Comment.id == ModerationDecision.comment_id)
        .order_by(ModerationDecision.decided_at, ModerationDecision.id)
    ).all()
    # The record by name, as the queue and the response picker say it, not its table's name.
    titles = target_titles(session, {(r.target_type, r.target_id) for r in rows})
    return [
        {
            "decided_at": r.decided_at, "comment_id": r.comment_id,
            "about": titles[(r.target_type, r.target_id)],
            "action": MODERATION_ACTIONS.get(r.action, r.action), "reason": r.reason or "",
            "moderator": r.moderator, "state_now": r.state,
        }
        for r in rows
    ]


@service("engagement.log_size")
def decision_count(*, session: Session, actor: Actor) -> int:
    """How many decisions the moderation log holds (a COUNT, not the log itself)."""
    return session.execute(sa.select(sa.func.count()).select_from(ModerationDecision)
                           ).scalar_one()


@dataclass(frozen=True)
class EarlierDecision:
    """A decision already made on a comment still waiting (a referral, a return)."""

    decided_at: datetime
    action: str
    reason: str | None
    moderator: str


@service("engagement.list_earlier_decisions")
def earlier_decisions(*, session: Session, actor: Actor,
                  comment_ids: Iterable[int]) -> dict[int, list[EarlierDecision]]:
    """The decisions on these comments only, oldest first: comment id → its decisions.

    The queue asks for the comments it lists (at most a page of them), never the whole
    moderation log; ids are sent in chunks that every database's parameter limit allows.
    """
    ids = sorted(set(comment_ids))
    found: dict[int, list[EarlierDecision]] = {}
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(ModerationDecision.comment_id, ModerationDecision.decided_at,
                   ModerationDecision.action, ModerationDecision.reason,
                   ModerationDecision.moderator)
            .where(ModerationDecision.comment_id.in_(ids[start:start + 500]))
            .order_by(ModerationDecision.decided_at, ModerationDecision.id)
        ).all()
        for row in rows:
            found.setdefault(row.comment_id, []).append(
                EarlierDecision(row.decided_at, row.action, row.reason, row.moderator))
    return found


@dataclass(frozen=True)
class MonthStats:
    month: str
    received: int
    published: int
    not_published: int
    awaiting: int
    reasons: dict[str, int]
    #: Of those published or not published, how many the Privacy Commission decided.
    by_commission: int = 0


def _county_months(first: datetime, last: datetime) -> list[tuple[str, datetime]]:
    """Each month of the county's calendar from ``first``'s to ``last``'s: its label and the
    instant it begins there (midnight on the 1st, whatever UTC says)."""
    from portal.timefmt import county_zone, local

    zone = county_zone()
    start, end = local(first, zone), local(last, zone)
    year, month, months = start.year, start.month, []
    while (year, month) <= (end.year, end.month):
        months.append((f"{year:04d}-{month:02d}", datetime(year, month, 1, tzinfo=zone)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


@service("engagement.statistics_version")
def statistics_version(*, session: Session, actor: Actor) -> tuple[Any, ...]:
    """A cheap fingerprint of what the monthly statistics count: the cache key of the public
    moderation policy page. A new comment moves the count and newest id; a decision, by a
    moderator or the commission, moves the newest decision, a comment's lock version and the
    counts by state (so two databases with as many comments and decisions, as after a restore
    or in tests, still differ where their figures do)."""
    comments = session.execute(sa.select(
        sa.func.count(Comment.id), sa.func.max(Comment.id), sa.func.max(Comment.submitted_at),
        sa.func.sum(Comment.lock_version),
        sa.func.count(Comment.id).filter(Comment.state == "published"),
        sa.func.count(Comment.id).filter(Comment.state == "rejected"))).one()
    newest = session.execute(sa.select(sa.func.max(ModerationDecision.id))).scalar_one()
    return (*comments, newest)


@service("engagement.monthly_statistics")
def monthly_statistics(*, session: Session, actor: Actor) -> list[MonthStats]:
    """Comments received per month, what became of them by public reason, and how many of
    those decisions the Privacy Commission made on comments referred to it.

    Counted in the database, by the county's months (100,000 comments at county scale were
    read one by one): each comment's month is the last month that began before it."""
    first, last = session.execute(sa.select(sa.func.min(Comment.submitted_at),
                                            sa.func.max(Comment.submitted_at))).one()
    if first is None:
        return []
    calendar = _county_months(first, last)
    month = sa.case(*((Comment.submitted_at < begins, i)
                      for i, (_, begins) in enumerate(calendar[1:])),
                    else_=len(calendar) - 1) if len(calendar) > 1 else sa.literal(0)
    by_commission = Comment.id.in_(select(ModerationDecision.comment_id).where(
        ModerationDecision.action.in_(("commission_publish", "commission_reject"))))
    each = sa.select(month.label("month"), Comment.state.label("state"),
                     Comment.public_reason.label("reason"),
                     by_commission.label("commission")).subquery()
    rows = session.execute(sa.select(each.c.month, each.c.state, each.c.reason,
                                     each.c.commission, sa.func.count())
                           .group_by(each.c.month, each.c.state, each.c.reason,
                                     each.c.commission)).all()
    months: dict[str, dict[str, Any]] = {}
    for index, state, reason, commission, count in rows:
        m = months.setdefault(calendar[index][0], {"received": 0, "published": 0, "rejected": 0,
                                                   "open": 0, "reasons": {}, "commission": 0})
        m["received"] += count
        if state == "published":
            m["published"] += count
        elif state == "rejected":
            m["rejected"] += count
            label = reason or N_("No reason recorded")
            m["reasons"][label] = m["reasons"].get(label, 0) + count
        else:
            m["open"] += count
        if state in ("published", "rejected") and commission:
            m["commission"] += count
    return [
        MonthStats(k, v["received"], v["published"], v["rejected"], v["open"], v["reasons"],
                   v["commission"])
        for k, v in sorted(months.items(), reverse=True)
    ]
