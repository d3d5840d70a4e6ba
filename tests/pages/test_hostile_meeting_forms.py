"""Hostile text through the commission's meeting forms (issue 14): a new meeting, its place
and online link, an agenda item and the commissioners' note, then the packet built from
them. Each value is stored as typed or refused with a message, and the meetings list, the
meeting page and its packet show it as text."""

from __future__ import annotations

from sqlmodel import Session, select

from portal.auth.roles import SYSTEM, Role
from portal.oversight.models import AgendaItem, CommissionNote, Meeting
from portal.oversight.packets import build_packet
from tests import hostile
from tests.apptest import plain, run_script
from tests.pages.hostile_forms import (
    NULLS,
    TEXTS,
    assert_inert,
    by_label,
    fill,
    fits,
    rounds,
    stored,
)

NEW_MEETING = {"Title": 300, "Location": 300, "Description": None}
#: The item's description takes no limit; the corpus's 20,000-character line is left to the
#: other forms here, as the packet's PDF spends seconds setting it.
AGENDA = {"Agenda item": 300, "What the commission will consider": 10_000}
#: An address a meeting may give: http(s) with a host, and after that anything at all.
LINK = ("https://evil.example/" + hostile.named("markdown-js-link") + hostile.named("img-onerror")
        + hostile.named("streamlit-colour"))
NOTE = ("Commissioners' note (private until the next packet is published)")


def _refused(at, *words: str) -> None:  # type: ignore[no-untyped-def]
    assert not at.exception, [e.value for e in at.exception]
    said = " ".join(plain(e.value) for e in at.error)
    assert all(w in said for w in words), said


def test_hostile_meeting_agenda_and_note_are_kept_as_typed_and_shown_inert(
        session: Session) -> None:
    new = rounds(list(NEW_MEETING), NEW_MEETING, saves=1)[0]
    item = rounds(list(AGENDA), AGENDA, saves=1, texts=TEXTS[::-1])[0]
    place, note = fits(300, TEXTS[1:]), fits(10_000, TEXTS[2:])
    staff = run_script("app_pages/meetings.py", Role.STAFF)
    fill(staff, new | {"Online link": hostile.named("url-javascript")})
    by_label(staff.button, "Schedule meeting").click().run()
    _refused(staff, "link", "https://")
    fill(staff, new | {"Online link": LINK})
    by_label(staff.button, "Schedule meeting").click().run()
    assert not staff.exception and not staff.error, [e.value for e in staff.error]
    meeting = session.exec(select(Meeting)).one()
    assert (meeting.title, meeting.location, meeting.description, meeting.link) == (
        stored(new["Title"]), stored(new["Location"]), new["Description"], LINK)
    assert_inert(staff, [new["Title"], new["Location"]])  # the list of meetings

    query = {"id": str(meeting.id)}
    page = run_script("app_pages/meeting.py", Role.STAFF, query=query)
    fill(page, {"Place": place})
    by_label(page.button, "Save").click().run()
    assert not page.exception and not page.error, [e.value for e in page.error]
    fill(page, item)
    by_label(page.button, "Add to agenda").click().run()
    assert not page.exception and not page.error, [e.value for e in page.error]
    session.expire_all()
    assert session.get(Meeting, meeting.id).location == stored(place)
    agenda = session.exec(select(AgendaItem)).one()
    assert (agenda.title, agenda.description) == (stored(item["Agenda item"]),
                                                  item["What the commission will consider"])

    commission = run_script("app_pages/meeting.py", Role.COMMISSIONER, query=query)
    by_label(commission.text_area, NOTE).set_value(f"{note}{NULLS[0]}")
    by_label(commission.button, "Save note").click().run()
    _refused(commission, "null character")
    by_label(commission.text_area, NOTE).set_value(note)
    by_label(commission.button, "Save note").click().run()
    assert not commission.exception and not commission.error, [e.value for e in commission.error]
    assert session.exec(select(CommissionNote.text)).one() == stored(note)
    build_packet(session=session, actor=SYSTEM, meeting_id=meeting.id)  # the note goes public
    session.commit()

    # Everyone reads the meeting, its agenda and its packet.
    public = run_script("app_pages/meeting.py", query=query)
    assert_inert(public, [new["Title"], place, LINK, new["Description"], *item.values(), note])
