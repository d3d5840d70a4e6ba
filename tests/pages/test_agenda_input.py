"""The input behind an agenda item, as commissioners and everyone else see it."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select
from streamlit.testing.v1 import AppTest

from portal.auth.roles import SYSTEM, Role
from portal.i18n import using_language
from portal.oversight.models import InputRead
from portal.oversight.packets import preview_packet
from portal.settings import PROJECT_ROOT
from tests.apptest import TIMEOUT, texts, user_for
from tests.services.test_reading import item  # noqa: F401 - the fixture

PAGE = str(PROJECT_ROOT / "app_pages/agenda_input.py")


def open_page(meeting_id: int, item_id: int, role: Role | None) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    at.user = user_for(role)  # type: ignore[attr-defined]
    at.query_params["meeting"] = str(meeting_id)
    at.query_params["item"] = str(item_id)
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("role", [Role.COMMISSIONER, Role.ADMIN])
def test_the_commission_reads_filters_and_marks(session: Session, item, role: Role) -> None:  # noqa: F811
    meeting, agenda_item = item
    at = open_page(meeting.id, agenda_item.id, role)
    metrics = {m.label: m.value for m in at.metric}
    packet = preview_packet(session=session, actor=SYSTEM, meeting_id=meeting.id)
    assert metrics["Published input"] == str(packet["items"][0]["summary"]["count"])
    assert metrics["Survey answers"] == "1"
    assert "Showing 31 of 31 matching" in texts(at)
    next(s for s in at.multiselect if s.label == "Position").set_value(["support"])
    at.run()
    assert "Showing 9 of 9 matching" in texts(at)
    at.checkbox(key=next(c.key for c in at.checkbox if c.label == "Read")).check()
    at.run()
    assert not at.exception
    assert len(session.exec(select(InputRead)).all()) == 1
    assert {m.label: m.value for m in at.metric}["Read by you"] == "1"
    next(s for s in at.multiselect if s.label == "Position").set_value([])
    at.run()
    next(b for b in at.button if b.label.startswith("Mark the")).click()
    at.run()
    assert {m.label: m.value for m in at.metric}["Read by you"] == "31"


@pytest.mark.parametrize("role", [None, Role.STAFF, Role.MODERATOR])
def test_others_are_refused_by_the_service(session: Session, item, role: Role | None) -> None:  # noqa: F811
    meeting, agenda_item = item
    at = open_page(meeting.id, agenda_item.id, role)
    assert any("may not do this: oversight.item_input" in e.value for e in at.error)
    assert "Showing" not in texts(at)
    assert not at.checkbox


def test_the_input_in_spanish(session: Session, item) -> None:  # noqa: F811
    meeting, agenda_item = item
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    at.user = user_for(Role.COMMISSIONER)  # type: ignore[attr-defined]
    at.query_params.update({"meeting": str(meeting.id), "item": str(agenda_item.id), "lang": "es"})
    at.run()
    assert not at.exception, at.exception
    shown = texts(at)
    assert "Aportes a la agenda" in shown
    assert "Se muestran 31 de 31 coincidentes" in shown
    assert "Input behind an agenda item" not in shown and "Showing" not in shown
    assert {m.label: m.value for m in at.metric}["Respuestas a encuestas"] == "1"
    assert at.expander[0].label == "Filtrar"
    district = next(s for s in at.selectbox if s.label == "Distrito")
    assert district.options[0] == "Todos"
    with using_language("es"):
        next(s for s in at.multiselect if s.label == "Postura").set_value(["support"])
        at.run()
    assert "Se muestran 9 de 9 coincidentes" in texts(at)
