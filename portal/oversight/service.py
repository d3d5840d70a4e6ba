"""Commission meetings and their agendas."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from portal.audit.service import record_event
from portal.auth.permissions import service
from portal.auth.roles import Actor
from portal.errors import FieldError, NotFound, ValidationFailed
from portal.oversight.models import AgendaItem, Meeting

MEETING_STATUSES = ("scheduled", "held", "cancelled")


@service("oversight.list_meetings")
def list_meetings(*, session: Session, actor: Actor) -> list[Meeting]:
    return list(session.exec(select(Meeting).order_by(Meeting.scheduled_at.desc())).all())


@service("oversight.get_meeting")
def get_meeting(*, session: Session, actor: Actor, meeting_id: int) -> tuple[Meeting, list[AgendaItem]]:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound(f"No meeting {meeting_id}.")
    items = session.exec(
        select(AgendaItem).where(AgendaItem.meeting_id == meeting_id).order_by(AgendaItem.position)
    ).all()
    return meeting, list(items)


@service("oversight.create_meeting")
def create_meeting(
    *,
    session: Session,
    actor: Actor,
    title: str,
    scheduled_at: datetime,
    location: str = "",
    description: str = "",
) -> Meeting:
    errors: list[FieldError] = []
    title = title.strip()
    if not title:
        errors.append(FieldError("title", "a meeting needs a title"))
    elif len(title) > 300:
        errors.append(FieldError("title", "at most 300 characters"))
    if scheduled_at.tzinfo is None:
        errors.append(FieldError("scheduled_at", "give the time with its time zone"))
    if len(location) > 300:
        errors.append(FieldError("location", "at most 300 characters"))
    if errors:
        raise ValidationFailed(errors)
    meeting = Meeting(
        title=title, scheduled_at=scheduled_at, location=location.strip(), description=description
    )
    session.add(meeting)
    session.flush()
    record_event(
        session, actor=actor, action="oversight.create_meeting", entity_type="meeting",
        entity_id=meeting.id, detail={"title": title, "scheduled_at": scheduled_at.isoformat()},
    )
    return meeting


@service("oversight.add_agenda_item")
def add_agenda_item(
    *,
    session: Session,
    actor: Actor,
    meeting_id: int,
    title: str,
    description: str = "",
    target_type: str | None = None,
    target_id: int | None = None,
) -> AgendaItem:
    if session.get(Meeting, meeting_id) is None:
        raise NotFound(f"No meeting {meeting_id}.")
    title = title.strip()
    if not title:
        raise ValidationFailed([FieldError("title", "an agenda item needs a title")])
    existing = session.exec(select(AgendaItem.position).where(AgendaItem.meeting_id == meeting_id)).all()
    item = AgendaItem(
        meeting_id=meeting_id,
        position=max(existing, default=0) + 1,
        title=title[:300],
        description=description,
        target_type=target_type,
        target_id=target_id,
    )
    session.add(item)
    session.flush()
    record_event(
        session, actor=actor, action="oversight.add_agenda_item", entity_type="agenda_item",
        entity_id=item.id, detail={"meeting_id": meeting_id, "title": item.title},
    )
    return item
