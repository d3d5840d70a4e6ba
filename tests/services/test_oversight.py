from datetime import datetime, timedelta

import pytest
from sqlmodel import Session, select

from portal.audit.models import AuditEvent
from portal.auth.roles import Actor, Role
from portal.base import utcnow
from portal.errors import NotFound, ValidationFailed
from portal.oversight.service import add_agenda_item, create_meeting, get_meeting, list_meetings

STAFF = Actor(subject="clerk@x.example", roles=frozenset({Role.STAFF}))


def test_create_meeting_and_agenda_in_order(session: Session) -> None:
    meeting = create_meeting(session=session, actor=STAFF, title="  Regular meeting ",
                             scheduled_at=utcnow() + timedelta(days=3))
    add_agenda_item(session=session, actor=STAFF, meeting_id=meeting.id, title="Drones")
    add_agenda_item(session=session, actor=STAFF, meeting_id=meeting.id, title="Cameras")
    session.commit()
    found, items = get_meeting(session=session, actor=STAFF, meeting_id=meeting.id)
    assert found.title == "Regular meeting"
    assert [(i.position, i.title) for i in items] == [(1, "Drones"), (2, "Cameras")]
    actions = session.exec(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions == ["oversight.create_meeting", "oversight.add_agenda_item", "oversight.add_agenda_item"]


def test_naive_time_and_blank_title_are_refused(session: Session) -> None:
    with pytest.raises(ValidationFailed) as caught:
        create_meeting(session=session, actor=STAFF, title=" ", scheduled_at=datetime(2027, 1, 1))
    assert {e.field for e in caught.value.errors} == {"title", "scheduled_at"}
    assert list_meetings(session=session, actor=STAFF) == []


def test_missing_meeting(session: Session) -> None:
    with pytest.raises(NotFound):
        add_agenda_item(session=session, actor=STAFF, meeting_id=999, title="x")


def test_times_come_back_as_aware_utc(session: Session, engine) -> None:
    when = utcnow().replace(microsecond=0) + timedelta(days=1)
    create_meeting(session=session, actor=STAFF, title="T", scheduled_at=when)
    session.commit()
    with Session(engine) as fresh:
        (meeting,) = list_meetings(session=fresh, actor=STAFF)
    assert meeting.scheduled_at == when
    assert meeting.scheduled_at.utcoffset() == timedelta(0)
