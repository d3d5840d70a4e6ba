"""The meeting page as residents, commissioners and staff see it."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlmodel import Session, select
from streamlit.testing.v1 import AppTest

from portal.auth.roles import SYSTEM, Role
from portal.base import utcnow
from portal.engagement.models import Comment
from portal.oversight.models import AgendaItem, CommissionNote, Packet
from portal.oversight.packets import build_packet
from portal.oversight.service import add_agenda_item
from portal.settings import PROJECT_ROOT
from tests import factories
from tests.apptest import TIMEOUT, texts, user_for

PAGE = str(PROJECT_ROOT / "app_pages/meeting.py")


def open_meeting(meeting_id: int, role: Role | None = None) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    at.user = user_for(role)  # type: ignore[attr-defined]
    at.query_params["id"] = str(meeting_id)
    at.run()
    assert not at.exception, at.exception
    return at


def setup(session: Session):
    tech = factories.technology(session, name="Gunshot detection", open_days=5)
    meeting = factories.meeting(session, title="Winter meeting", location="Library")
    item = add_agenda_item(session=session, actor=SYSTEM, meeting_id=meeting.id,
                           title="Gunshot detection: renewal", target_type="notice",
                           target_id=tech.id)
    for n in range(3):
        session.add(Comment(target_type="notice", target_id=tech.id, state="published",
                            redacted_text=f"The sensors misfire on fireworks night {n}.",
                            receipt_code=uuid.uuid4().hex[:16],
                            submitted_at=utcnow() - timedelta(days=1)))
    session.commit()
    return meeting, item


def test_residents_read_the_agenda_and_download_the_packet(session: Session) -> None:
    meeting, _item = setup(session)
    build_packet(session=session, actor=SYSTEM, meeting_id=meeting.id)
    session.commit()
    at = open_meeting(meeting.id)
    shown = texts(at)
    assert "Winter meeting" in shown
    assert "Gunshot detection\\: renewal" in shown  # shown as text, Markdown escaped
    assert "Version 1" in shown
    assert {b.label for b in at.get("download_button")} >= {"PDF", "Markdown",
                                                            "JSON (every figure and quote)"}
    assert not [b for b in at.button if b.label.startswith("Build")]
    assert not at.text_area  # no notes, no agenda form for residents
    assert not [s for s in at.selectbox if s.label == "What the item is about"]


def test_a_commissioner_writes_a_note_and_builds_the_packet(session: Session) -> None:
    meeting, _item = setup(session)
    at = open_meeting(meeting.id, Role.COMMISSIONER)
    at.text_area[0].set_value("Ask for the false-alarm rate.")
    next(b for b in at.button if b.label == "Save note").click()
    at.run()
    assert not at.exception
    assert session.exec(select(CommissionNote.text)).all() == ["Ask for the false-alarm rate."]
    build = next(b for b in at.button if b.label == "Build and publish version 1")
    assert build.disabled  # nothing is published by one stray click
    next(c for c in at.checkbox if c.label.startswith("Publish version 1")).check()
    at.run()
    next(b for b in at.button if b.label == "Build and publish version 1").click()
    at.run()
    assert not at.exception
    packets = session.exec(select(Packet)).all()
    assert [p.version for p in packets] == [1]
    assert packets[0].content["items"][0]["notes"][0]["text"] == "Ask for the false-alarm rate."
    assert "Version 1" in texts(at)
    assert any(b.label == "Build and publish version 2" for b in at.button)


def test_staff_add_an_agenda_item_linked_to_a_published_record(session: Session) -> None:
    meeting, _item = setup(session)
    practice = factories.practice(session, title="Jail roster to ICE")
    session.commit()
    at = open_meeting(meeting.id, Role.STAFF)
    assert not [t for t in at.text_area if t.label.startswith("Commissioners")]  # the commission's
    next(s for s in at.selectbox if s.label == "What the item is about").set_value("practice")
    at.run()
    next(s for s in at.selectbox if s.label == "Sharing practice").set_value(practice.id)
    next(t for t in at.text_input if t.label == "Agenda item").set_value("Jail roster review")
    next(b for b in at.button if b.label == "Add to agenda").click()
    at.run()
    assert not at.exception
    items = session.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting.id)
                         .order_by(AgendaItem.position)).all()
    assert [(i.title, i.target_type, i.target_id) for i in items][-1] == (
        "Jail roster review", "practice", practice.id)
    assert "Jail roster review" in texts(at)


def test_a_refused_agenda_item_says_why_and_adds_nothing(session: Session) -> None:
    meeting, _item = setup(session)
    at = open_meeting(meeting.id, Role.STAFF)
    next(b for b in at.button if b.label == "Add to agenda").click()
    at.run()
    assert any("title" in e.value for e in at.error)
    assert len(session.exec(select(AgendaItem)).all()) == 1


def test_an_unknown_meeting_id_opens_the_latest(session: Session) -> None:
    meeting, _item = setup(session)
    at = open_meeting(99999)
    assert "Winter meeting" in texts(at)
    assert at.query_params["id"] == [str(meeting.id)] or at.query_params["id"] == str(meeting.id)


def test_the_page_shows_the_packet_and_never_unpublished_input(session: Session) -> None:
    meeting, _item = setup(session)
    tech_id = session.exec(select(AgendaItem.target_id)).first()
    markers = {}
    for state in ("pending", "rejected", "escalated"):
        markers[state] = f"zq{state}{uuid.uuid4().hex[:6]}"
        session.add(Comment(target_type="notice", target_id=tech_id, state=state,
                            redacted_text=f"Sensors {markers[state]} everywhere.",
                            receipt_code=uuid.uuid4().hex[:16],
                            submitted_at=utcnow() - timedelta(days=1)))
    session.commit()
    build_packet(session=session, actor=SYSTEM, meeting_id=meeting.id)
    session.commit()
    for role in (None, Role.COMMISSIONER, Role.STAFF):
        at = open_meeting(meeting.id, role)
        shown = texts(at) + "".join(str(frame.value) for frame in at.dataframe)
        assert "The sensors misfire on fireworks night" in shown
        for marker in markers.values():
            assert marker not in shown


def test_the_meeting_and_its_packet_in_spanish(session: Session) -> None:
    meeting, _item = setup(session)
    build_packet(session=session, actor=SYSTEM, meeting_id=meeting.id)
    session.commit()
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    at.user = user_for(None)  # type: ignore[attr-defined]
    at.query_params["id"] = str(meeting.id)
    at.query_params["lang"] = "es"
    at.run()
    assert not at.exception, at.exception
    shown = texts(at)
    assert "Winter meeting" in shown and "Orden del día" in shown and "Versión 1" in shown
    assert "Lo que dijeron los residentes" in shown and "Aportes de los residentes considerados" in shown
    assert "Agenda" not in [h.value for h in at.header] and "What residents said" not in shown
    assert "JSON (todas las cifras y citas)" in {b.proto.label for b in at.get("download_button")}
