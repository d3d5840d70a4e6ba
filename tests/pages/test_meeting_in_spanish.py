"""The meeting's packet at ?lang=es: its words, dates and numbers in Spanish on the page and in
the files offered, the residents' words as they wrote them, the JSON and the English PDF as
published."""

from __future__ import annotations

import io
import json
import re

import pypdf
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from portal.auth.roles import SYSTEM
from portal.i18n import using_language
from portal.oversight.packet_pdf import packet_pdf
from portal.oversight.packets import build_packet, packet_file
from tests.apptest import TIMEOUT, plain, run_script, texts, user_for
from tests.pages.test_meeting import PAGE, setup


def open_in(meeting_id: int, lang: str | None) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    at.user = user_for(None)  # type: ignore[attr-defined]
    at.query_params["id"] = str(meeting_id)
    if lang:
        at.query_params["lang"] = lang
    at.run()
    assert not at.exception, at.exception
    return at


def test_the_packet_on_the_page_follows_the_page_language(session: Session) -> None:
    meeting, _item = setup(session)
    build_packet(session=session, actor=SYSTEM, meeting_id=meeting.id)
    session.commit()

    at = open_in(meeting.id, "es")
    shown = plain(texts(at))
    labels = [e.label for e in at.expander]
    assert "Punto 1: Gunshot detection: renewal" in [plain(label) for label in labels]
    # The period's end as Spanish writes a date, on a 24-hour clock.
    assert re.search(r"Aportes considerados: Todo lo recibido hasta el \w+, \d+ de \w+ de \d{4}, "
                     r"\d\d:\d\d \(UTC", shown)
    # Three comments, fewer than k: the note the JSON holds in English, said in Spanish.
    assert "Se publicaron menos de 11 comentarios" in shown
    assert "Fewer than 11 comments were published" not in shown
    # The residents' words stand as they wrote them, with their source in Spanish.
    assert "The sensors misfire on fireworks night" in shown
    assert "Comentario n.º" in shown and "Comment #" not in shown
    buttons = {b.label for b in at.get("download_button")}
    assert {"PDF", "Markdown", "PDF en inglés, tal como se publicó"} <= buttons

    at = open_in(meeting.id, None)
    shown = plain(texts(at))
    assert "Fewer than 11 comments were published" in shown and "Comment #" in shown
    assert "Se publicaron" not in shown
    assert "PDF en inglés, tal como se publicó" not in {b.label for b in at.get("download_button")}


def test_the_spanish_pdf_is_drawn_from_the_published_json(session: Session) -> None:
    meeting, _item = setup(session)
    packet = build_packet(session=session, actor=SYSTEM, meeting_id=meeting.id)
    session.commit()

    def text(pdf: bytes) -> str:
        return " ".join((page.extract_text() or "") for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)

    spanish = packet_file(session=session, actor=SYSTEM, packet_id=packet.id, kind="pdf",
                          language="es")
    flat = " ".join(text(spanish).split())
    assert "Cómo verificar este expediente" in flat and "Orden del día" in flat
    assert "Aportes de los residentes" in flat and "Página 1 de" in flat
    assert "How to verify this packet" not in flat
    # The meeting's date as Spanish writes it, and the same content hash as the English.
    assert " de 2026" in flat and packet.content_hash in flat
    assert "The sensors misfire on fireworks night" in flat  # quoted as written
    assert pypdf.PdfReader(io.BytesIO(spanish)).trailer["/Root"]["/Lang"] == "es"

    # The English PDF is the bytes published; the JSON is the same in either language.
    english = packet_file(session=session, actor=SYSTEM, packet_id=packet.id, kind="pdf")
    assert english == packet.pdf and english != spanish
    assert packet_file(session=session, actor=SYSTEM, packet_id=packet.id, kind="json",
                       language="es") == packet_file(session=session, actor=SYSTEM,
                                                     packet_id=packet.id, kind="json")
    assert json.loads(packet_file(session=session, actor=SYSTEM, packet_id=packet.id,
                                  kind="json", language="es"))["items"][0]["title"]
    # Drawn again, the Spanish is the same bytes: the JSON and the catalog decide it.
    with using_language("es"):
        assert packet_pdf(packet.content, content_hash=packet.content_hash) == spanish

    markdown = packet_file(session=session, actor=SYSTEM, packet_id=packet.id, kind="md",
                           language="es").decode()
    assert "## Cómo verificar este expediente" in markdown
    assert packet_file(session=session, actor=SYSTEM, packet_id=packet.id,
                       kind="md").decode() == packet.markdown


def test_pages_in_spanish_link_the_feeds_in_spanish(session: Session) -> None:
    setup(session)
    at = run_script("app_pages/meetings.py", query={"lang": "es"})
    assert not at.exception
    shown = texts(at)
    assert "(/feeds/notices.atom?lang=es)" in shown and "(/feeds/calendar.ics?lang=es)" in shown
    shown = texts(run_script("app_pages/meetings.py"))
    assert "(/feeds/notices.atom)" in shown and "(/feeds/calendar.ics)" in shown
