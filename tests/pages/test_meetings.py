from sqlmodel import Session, select

from portal.auth.roles import Role
from portal.oversight.models import AgendaItem, Meeting
from tests import factories
from tests.apptest import run_script, texts


def test_residents_see_meetings_and_agendas_but_no_forms(session: Session) -> None:
    meeting = factories.meeting(session, title="January meeting", location="Council Chambers")
    session.add(AgendaItem(meeting_id=meeting.id, position=1, title="Licence plate readers"))
    session.commit()
    at = run_script("app_pages/meetings.py")
    assert not at.exception
    shown = texts(at)
    assert "January meeting" in shown
    assert "Licence plate readers" in shown
    assert "Council Chambers" in shown
    assert not at.text_input  # no scheduling form for residents


def test_staff_schedule_a_meeting(session: Session) -> None:
    at = run_script("app_pages/meetings.py", Role.STAFF)
    assert not at.exception
    title = next(t for t in at.text_input if t.label == "Title")
    title.set_value("Special meeting on drones")
    next(t for t in at.text_input if t.label == "Location").set_value("Library auditorium")
    next(b for b in at.button if b.label == "Schedule meeting").click()
    at.run()
    assert not at.exception
    assert "Special meeting on drones" in texts(at)
    rows = session.exec(select(Meeting)).all()
    assert [m.title for m in rows] == ["Special meeting on drones"]


def test_empty_title_is_refused_with_a_message(session: Session) -> None:
    at = run_script("app_pages/meetings.py", Role.STAFF)
    next(b for b in at.button if b.label == "Schedule meeting").click()
    at.run()
    assert any("title" in e.value for e in at.error)
    assert session.exec(select(Meeting)).all() == []


def test_the_page_links_the_calendar_to_subscribe_to(database_url: str) -> None:
    from tests.apptest import run_script, texts

    assert "](/feeds/calendar.ics)" in texts(run_script("app_pages/meetings.py"))


def test_meetings_in_spanish_and_a_refusal_in_spanish(session: Session) -> None:
    factories.meeting(session, title="Winter meeting", location="")
    session.commit()
    at = run_script("app_pages/meetings.py", query={"lang": "es"})
    assert not at.exception
    shown = texts(at)
    assert at.title[0].value == "Reuniones de la Comisión de Privacidad"
    assert "Winter meeting" in shown and "Privacy Commission meetings" not in shown
    assert any(b.proto.label == "Calendario de reuniones (iCalendar)" for b in at.get("download_button"))
    at = run_script("app_pages/meetings.py", Role.STAFF, query={"lang": "es"})
    next(b for b in at.button if b.label == "Programar reunión").click()
    at.run()
    assert any("una reunión necesita un título" in e.value for e in at.error)
