"""The input behind an agenda item, for a commissioner to read in full before the meeting.

Every published comment and free-text survey answer in the item's input period, found by
the same function the packet uses (``portal.oversight.input.item_sources``) and themed by
the same summarizer, so the counts here and in the packet always agree. Each entry carries
its theme and campaign so the page can filter by them, and the reader's own "read" mark.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session

from portal.auth.permissions import service
from portal.auth.roles import Actor
from portal.base import utcnow
from portal.errors import FieldError, NotFound, ValidationFailed
from portal.geography.models import District
from portal.i18n import _
from portal.oversight.input import input_fingerprint, item_scope, item_sources, summarize_input
from portal.oversight.models import AgendaItem, InputRead, Meeting


@dataclass(frozen=True)
class InputEntry:
    id: int
    text: str
    position: str | None
    language: str
    district: str | None
    source: str  # "comment" | "survey"
    theme: str | None
    campaign: int | None
    read: bool


@dataclass(frozen=True)
class ItemInput:
    meeting_id: int
    meeting_title: str
    item_title: str
    record_title: str | None
    start: datetime | None
    end: datetime | None
    count: int
    comments: int
    survey_answers: int
    positions: dict[str, int]
    themes: list[str]
    campaigns: dict[int, int]  # campaign id → copies
    entries: list[InputEntry]


def _item(session: Session, agenda_item_id: int) -> tuple[AgendaItem, Meeting]:
    item = session.get(AgendaItem, agenda_item_id)
    if item is None:
        raise NotFound(_("No agenda item {id}.").format(id=agenda_item_id))
    meeting = session.get(Meeting, item.meeting_id)
    assert meeting is not None
    return item, meeting


@service("oversight.item_input_version")
def item_input_version(*, session: Session, actor: Actor, agenda_item_id: int) -> tuple[str, ...]:
    """A cheap key that changes whenever ``item_input`` would (not counting read marks)."""
    item, meeting = _item(session, agenda_item_id)
    scope = item_scope(session, item, meeting)
    key = (str(scope.start), str(scope.end))
    if scope.record is None:
        return key
    return key + (scope.record.type, str(scope.record.id), scope.record.title,
                  str(scope.survey_ids)) + input_fingerprint(session, **scope.about)


@service("oversight.get_read_marks")
def read_marks(*, session: Session, actor: Actor, comment_ids: list[int]) -> set[int]:
    """Which of these comments this commissioner has marked read."""
    if not comment_ids:
        return set()
    return set(session.execute(sa.select(InputRead.comment_id).where(
        InputRead.reader == actor.subject, InputRead.comment_id.in_(comment_ids))).scalars())


@service("oversight.item_input")
def item_input(*, session: Session, actor: Actor, agenda_item_id: int) -> ItemInput:
    """Everything behind the item, each entry with its theme, campaign and the reader's mark."""
    item, meeting = _item(session, agenda_item_id)
    sources = item_sources(session, item, meeting)
    comments = sources.comments
    summary = summarize_input(comments)
    theme_of = {m: t.label for t in summary.themes for m in t.members}
    campaign_of = {m: c.id for c in summary.campaigns for m in c.members}
    districts = dict(session.execute(sa.select(District.id, District.name)).all())
    read = read_marks(session=session, actor=actor, comment_ids=[c.id for c in comments])
    entries = [InputEntry(c.id, c.text, c.position, c.language, districts.get(c.district_id),
                          c.source, theme_of.get(c.id), campaign_of.get(c.id), c.id in read)
               for c in comments]
    return ItemInput(
        meeting_id=meeting.id or 0, meeting_title=meeting.title, item_title=item.title,
        record_title=sources.record.title if sources.record else None,
        start=sources.start, end=sources.end, count=summary.count,
        comments=sum(1 for c in comments if c.source == "comment"),
        survey_answers=sum(1 for c in comments if c.source == "survey"),
        positions=dict(summary.positions), themes=[t.label for t in summary.themes],
        campaigns={c.id: c.copies for c in summary.campaigns}, entries=entries)


@service("oversight.mark_read")
def mark_read(*, session: Session, actor: Actor, comment_ids: list[int], read: bool = True) -> int:
    """Mark (or unmark) comments as read by this commissioner; return how many changed.

    Only published comments can be marked: a reading mark never touches anything else."""
    ids = sorted({int(i) for i in comment_ids})
    if not ids:
        raise ValidationFailed([FieldError("comments", _("choose at least one comment"))])
    from portal.engagement.models import Comment

    published = set(session.execute(sa.select(Comment.id).where(
        Comment.id.in_(ids), Comment.state == "published")).scalars())
    if published != set(ids):
        raise NotFound(_("Some of those comments are not published."))
    have = set(session.execute(sa.select(InputRead.comment_id).where(
        InputRead.reader == actor.subject, InputRead.comment_id.in_(ids))).scalars())
    if read:
        now = utcnow()
        new = [InputRead(reader=actor.subject, comment_id=i, read_at=now)
               for i in ids if i not in have]
        session.add_all(new)
        session.flush()
        return len(new)
    gone = session.execute(sa.delete(InputRead).where(
        InputRead.reader == actor.subject, InputRead.comment_id.in_(ids)))
    return gone.rowcount or 0
