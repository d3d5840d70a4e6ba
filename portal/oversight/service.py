"""Commission meetings, their agendas and commissioners' notes.

An agenda item names the published record it is about (portal/oversight/records.py)
and the period of resident input it covers; the packet summarizes that input. Notes
are the commission's own until a packet publishes them (portal/oversight/packets.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

import icalendar
from sqlmodel import Session, select

from portal.audit.history import locked, snapshot_of
from portal.audit.service import record_event, record_version
from portal.auth.permissions import service
from portal.auth.roles import Actor
from portal.base import utcnow
from portal.errors import FieldError, NotFound, ValidationFailed
from portal.i18n import N_, _, number
from portal.oversight.models import AgendaItem, CommissionNote, Meeting
from portal.oversight.records import Record, published_choices, published_record
from portal.settings import get_settings
from portal.textsafety import unstorable_fields

MEETING_STATUSES: dict[str, str] = {"scheduled": N_("Scheduled"), "held": N_("Held"),
                                    "cancelled": N_("Cancelled")}
NOTE_LIMIT = 10_000


@dataclass(frozen=True)
class AgendaEntry:
    """An agenda item with the published record it is about (``None`` for none)."""

    item: AgendaItem
    record: Record | None


def meeting_or_404(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound(_("No meeting {id}.").format(id=meeting_id))
    return meeting


def _check_link(link: str, errors: list[FieldError]) -> str:
    link = link.strip()
    if link and (urlsplit(link).scheme not in ("http", "https") or not urlsplit(link).netloc):
        errors.append(FieldError("link", _("give the online link as an address starting https://")))
    elif len(link) > 500:
        errors.append(FieldError("link", _("at most 500 characters")))
    return link


@service("oversight.list_meetings")
def list_meetings(*, session: Session, actor: Actor) -> list[Meeting]:
    return list(session.exec(select(Meeting).order_by(Meeting.scheduled_at.desc())).all())


@service("oversight.get_meeting")
def get_meeting(*, session: Session, actor: Actor, meeting_id: int) -> tuple[Meeting, list[AgendaItem]]:
    meeting = meeting_or_404(session, meeting_id)
    items = session.exec(
        select(AgendaItem).where(AgendaItem.meeting_id == meeting_id).order_by(AgendaItem.position)
    ).all()
    return meeting, list(items)


@service("oversight.get_agenda")
def agenda(*, session: Session, actor: Actor, meeting_id: int) -> list[AgendaEntry]:
    """The meeting's agenda, each item with its record in brief.

    A record unpublished since the item was added is shown as no record rather than
    leaking a draft.
    """
    meeting_or_404(session, meeting_id)
    entries = []
    for item in session.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
                             .order_by(AgendaItem.position)).all():
        try:
            record = published_record(session, item.target_type, item.target_id)
        except ValidationFailed:
            record = None
        entries.append(AgendaEntry(item, record))
    return entries


@service("oversight.create_meeting")
def create_meeting(
    *,
    session: Session,
    actor: Actor,
    title: str,
    scheduled_at: datetime,
    location: str = "",
    description: str = "",
    link: str = "",
) -> Meeting:
    errors: list[FieldError] = []
    title = title.strip()
    if not title:
        errors.append(FieldError("title", _("a meeting needs a title")))
    elif len(title) > 300:
        errors.append(FieldError("title", _("at most 300 characters")))
    if scheduled_at.tzinfo is None:
        errors.append(FieldError("scheduled_at", _("give the time with its time zone")))
    if len(location) > 300:
        errors.append(FieldError("location", _("at most 300 characters")))
    errors += unstorable_fields({"title": title, "location": location, "description": description,
                                 "link": link})
    link = _check_link(link, errors)
    if errors:
        raise ValidationFailed(errors)
    meeting = Meeting(
        title=title, scheduled_at=scheduled_at, location=location.strip(),
        description=description, link=link,
    )
    session.add(meeting)
    session.flush()
    record_event(
        session, actor=actor, action="oversight.create_meeting", entity_type="meeting",
        entity_id=meeting.id, detail={"title": title, "scheduled_at": scheduled_at.isoformat()},
    )
    return meeting


@service("oversight.update_meeting")
def update_meeting(
    *, session: Session, actor: Actor, meeting_id: int, status: str | None = None,
    location: str | None = None, link: str | None = None,
) -> Meeting:
    """Mark a meeting held or cancelled, or change where it is; audited field by field."""
    meeting = meeting_or_404(session, meeting_id)
    errors: list[FieldError] = unstorable_fields({"location": location, "link": link})
    changes: dict[str, list[str]] = {}
    if status is not None:
        if status not in MEETING_STATUSES:
            errors.append(FieldError("status", _("choose one of {choices}").format(
                choices=", ".join(MEETING_STATUSES))))
        elif status != meeting.status:
            changes["status"] = [meeting.status, status]
    if location is not None:
        location = location.strip()
        if len(location) > 300:
            errors.append(FieldError("location", _("at most 300 characters")))
        elif location != meeting.location:
            changes["location"] = [meeting.location, location]
    if link is not None:
        link = _check_link(link, errors)
        if link != meeting.link:
            changes["link"] = [meeting.link, link]
    if errors:
        raise ValidationFailed(errors)
    if not changes:
        return meeting
    for name, (_before, after) in changes.items():
        setattr(meeting, name, after)
    session.add(meeting)
    session.flush()
    record_event(session, actor=actor, action="oversight.update_meeting", entity_type="meeting",
                 entity_id=meeting.id, detail={"changes": changes})
    return meeting


@service("oversight.target_choices")
def agenda_targets(*, session: Session, actor: Actor) -> dict[str, list[tuple[int, str]]]:
    """The published records an agenda item may link to, by kind."""
    return published_choices(session)


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
    input_from: datetime | None = None,
    input_to: datetime | None = None,
) -> AgendaItem:
    meeting = meeting_or_404(session, meeting_id)
    errors: list[FieldError] = unstorable_fields({"title": title, "description": description})
    title = title.strip()
    if not title:
        errors.append(FieldError("title", _("an agenda item needs a title")))
    elif len(title) > 300:
        errors.append(FieldError("title", _("at most 300 characters")))
    for name, value in (("input_from", input_from), ("input_to", input_to)):
        if value is not None and value.tzinfo is None:
            errors.append(FieldError(name, _("give the time with its time zone")))
    if not errors and input_from and input_to and input_from >= input_to:
        errors.append(FieldError("input_to", _("the input period must end after it starts")))
    try:
        published_record(session, target_type, target_id)
    except ValidationFailed as failed:
        errors.extend(failed.errors)
    if errors:
        raise ValidationFailed(errors)
    existing = session.exec(select(AgendaItem.position).where(AgendaItem.meeting_id == meeting_id)).all()
    item = AgendaItem(
        meeting_id=meeting_id,
        position=max(existing, default=0) + 1,
        title=title,
        description=description,
        target_type=target_type,
        target_id=target_id,
        input_from=input_from,
        input_to=input_to or (None if target_type is None else meeting.scheduled_at),
    )
    session.add(item)
    session.flush()
    record_event(
        session, actor=actor, action="oversight.add_agenda_item", entity_type="agenda_item",
        entity_id=item.id, detail={"meeting_id": meeting_id, "title": item.title,
                                   "target": [target_type, target_id]},
    )
    return item


def input_period(item: AgendaItem, meeting: Meeting) -> tuple[datetime | None, datetime]:
    """``[start, end)`` of the resident input an item covers: no end means up to the meeting."""
    return item.input_from, item.input_to or meeting.scheduled_at


# ---------------------------------------------------------------------------
# Commissioners' notes


@service("oversight.list_notes")
def list_notes(*, session: Session, actor: Actor, meeting_id: int) -> dict[int, CommissionNote]:
    """agenda item id → the commission's note on it."""
    rows = session.exec(
        select(CommissionNote).join(AgendaItem, AgendaItem.id == CommissionNote.agenda_item_id)
        .where(AgendaItem.meeting_id == meeting_id)).all()
    return {note.agenda_item_id: note for note in rows}


@service("oversight.save_note")
def save_note(*, session: Session, actor: Actor, agenda_item_id: int, text: str,
              expected_version: int | None = None) -> CommissionNote:
    """Write the commission's note on an item: a new version, audited, kept private until
    the next packet is built."""
    if session.get(AgendaItem, agenda_item_id) is None:
        raise NotFound(_("No agenda item {id}.").format(id=agenda_item_id))
    text = text.strip()
    if len(text) > NOTE_LIMIT:
        raise ValidationFailed([FieldError("text", _("at most {n} characters").format(
            n=number(NOTE_LIMIT)))])
    if refused := unstorable_fields({"text": text}):
        raise ValidationFailed(refused)
    note_id = session.exec(select(CommissionNote.id)
                           .where(CommissionNote.agenda_item_id == agenda_item_id)).first()
    if note_id is None:
        note = CommissionNote(agenda_item_id=agenda_item_id, text=text,
                              updated_by=actor.display_name or actor.subject)
    else:
        note = locked(session, CommissionNote, note_id, expected_version, N_("note"))
        if note.text == text:
            return note
        note.text = text
        note.version += 1
        note.updated_by = actor.display_name or actor.subject
        note.updated_at = utcnow()
    session.add(note)
    session.flush()
    record_version(session, actor=actor, record_type="commission_note", record_id=note.id or 0,
                   version=note.version, data=snapshot_of(note), summary="Note saved")
    record_event(session, actor=actor, action="oversight.save_note", entity_type="agenda_item",
                 entity_id=agenda_item_id, detail={"version": note.version,
                                                   "characters": len(text)})
    return note


# ---------------------------------------------------------------------------
# Calendar


@service("oversight.feed_ics")
def meetings_ics(*, session: Session, actor: Actor, base_url: str,
                 now: datetime | None = None) -> bytes:
    """Every meeting (cancelled ones marked so), as an iCalendar file residents subscribe to."""
    from portal.timefmt import format_datetime

    now = now or utcnow()
    host = urlsplit(base_url).hostname or "localhost"
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Civic data transparency portal//Meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("{county} Privacy Commission meetings").format(
        county=get_settings().county_name))
    for meeting in session.exec(select(Meeting).order_by(Meeting.scheduled_at)).all():
        event = icalendar.Event()
        event.add("uid", f"meeting-{meeting.id}@{host}")
        event.add("dtstamp", now.astimezone(UTC))
        event.add("dtstart", meeting.scheduled_at.astimezone(UTC))
        event.add("summary", meeting.title)
        event.add("status", "CANCELLED" if meeting.status == "cancelled" else "CONFIRMED")
        if meeting.location:
            event.add("location", meeting.location)
        lines = [f"{meeting.title}, {format_datetime(meeting.scheduled_at)}."]
        if meeting.link:
            lines.append(_("Online: {link}").format(link=meeting.link))
        if meeting.description:
            lines.append(meeting.description)
        event.add("description", "\n\n".join(lines))
        event.add("url", f"{base_url.rstrip('/')}/meeting?id={meeting.id}")
        calendar.add_component(event)
    return calendar.to_ical()
