"""The comment-period rule that every comment on a notice must pass.

The comment service (another area) calls ``ensure_open_for_comment`` before it
stores a comment, so a closed period refuses comments in the service, not only
on the page. The window is half-open: ``opens_at <= now < closes_at``. A comment
sent at the exact closing instant is late.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session

from portal.errors import FieldError, NotFound, ValidationFailed
from portal.i18n import _, ngettext
from portal.notices.models import SurveillanceTechnology


class CommentPeriodClosed(ValidationFailed):
    """A comment arrived outside the notice's comment period (or the notice is not public)."""

    def __init__(self, message: str) -> None:
        super().__init__([FieldError("comment period", message, label=_("comment period"))])


def comment_state(tech: SurveillanceTechnology, now: datetime) -> str:
    """none: no period set; upcoming: not open yet; open; closed: the period has ended."""
    opens, closes = tech.comment_opens_at, tech.comment_closes_at
    if opens is None or closes is None:
        return "none"
    if now < opens:
        return "upcoming"
    if now < closes:
        return "open"
    return "closed"


def refusal(tech: SurveillanceTechnology, now: datetime) -> str | None:
    """Why ``tech`` takes no comment at ``now``, or None when it does.

    The one rule for "is commenting open?": the comment service, the notice page
    and the home page's list of open periods all ask here.
    """
    if not tech.is_published:
        return _("this notice is not open for comment")
    if tech.status == "retired":
        return _("this technology is retired; its notice takes no more comments")
    state = comment_state(tech, now)
    if state == "none":
        return _("this notice has no public comment period")
    if state == "upcoming":
        return _("the comment period has not opened yet")
    if state == "closed":
        return _("the comment period has closed")
    return None


def accepts_comments(tech: SurveillanceTechnology, now: datetime) -> bool:
    return refusal(tech, now) is None


def open_for_comment(now: datetime) -> sa.ColumnElement[bool]:
    """The same rule as :func:`refusal`, as a query condition (for lists of open periods)."""
    return sa.and_(
        SurveillanceTechnology.is_published == sa.true(),
        SurveillanceTechnology.status != "retired",
        SurveillanceTechnology.comment_opens_at <= now,
        SurveillanceTechnology.comment_closes_at > now,
    )


def technology_or_404(session: Session, technology_id: int) -> SurveillanceTechnology:
    """The technology with that id, published or not, or ``NotFound`` saying so."""
    tech = session.get(SurveillanceTechnology, technology_id)
    if tech is None:
        raise NotFound(_("No technology {id}.").format(id=technology_id))
    return tech


def ensure_open_for_comment(session: Session, technology_id: int, now: datetime) -> None:
    """Refuse unless the technology is published and ``opens_at <= now < closes_at``.

    Raises ``NotFound`` for an unknown id and ``CommentPeriodClosed`` otherwise;
    an unpublished technology is refused the same way as a closed one, so the
    refusal does not reveal that a draft exists.
    """
    if now.tzinfo is None:
        raise ValueError("naive datetime: pass an aware UTC datetime")
    tech = technology_or_404(session, technology_id)
    reason = refusal(tech, now)
    if reason is not None:
        raise CommentPeriodClosed(reason)


def time_left(closes_at: datetime, now: datetime) -> str:
    """A plain-language countdown: '3 days, 4 hours', '5 hours, 10 minutes', 'less than a minute'."""
    seconds = int((closes_at - now).total_seconds())
    if seconds < 60:
        return _("less than a minute")
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    day = ngettext("{n} day", "{n} days", days).format(n=days)
    hour = ngettext("{n} hour", "{n} hours", hours).format(n=hours)
    minute = ngettext("{n} minute", "{n} minutes", minutes).format(n=minutes)
    if days:
        return day + (f", {hour}" if hours else "")
    if hours:
        return hour + (f", {minute}" if minutes else "")
    return minute
