"""The feeds in Spanish (``?lang=es``): their own words and dates in Spanish, each notice's name
and summary as staff translated it, the language said in the file (``xml:lang``, ``LANGUAGE``);
without ``?lang`` the very bytes a subscriber got before."""

from __future__ import annotations

from xml.etree import ElementTree as ET

import feedparser
import icalendar
from sqlalchemy.engine import Engine
from sqlmodel import Session
from starlette.testclient import TestClient

from portal.auth.roles import RESIDENT
from portal.i18n import using_language
from portal.notices.feeds import ATOM, XML_LANG, notices_atom
from portal.oversight.service import meetings_ics
from portal.translations.service import save_translations
from tests import factories
from tests.web.test_addresses import STAFF, add, client  # noqa: F401 - client is a fixture


def two_notices(session: Session) -> None:
    """One notice staff put in Spanish, one they did not."""
    cameras = factories.technology(session, name="Street cameras", open_days=10)
    factories.technology(session, name="Drones", open_days=20)
    save_translations(session=session, actor=STAFF, kind="notice", record_id=cameras.id,
                      texts={"name": "Cámaras en la calle", "description": "Una cámara."})
    factories.meeting(session, title="Regular meeting of the commission")


def test_the_atom_feed_in_spanish(engine: Engine, client: TestClient) -> None:  # noqa: F811
    add(engine, two_notices)
    english = client.get("/feeds/notices.atom").content
    # Without a language, or with one the portal does not offer, the feed is as it was.
    assert client.get("/feeds/notices.atom?lang=en").content == english
    assert client.get("/feeds/notices.atom?lang=fr").content == english
    assert b"xml:lang" not in english
    with Session(engine) as session:
        assert notices_atom(session=session, actor=RESIDENT, base_url="http://testserver") == english
    assert sorted(e.title for e in feedparser.parse(english).entries) == [
        "Drones: New notice", "Street cameras: New notice"]

    answer = client.get("/feeds/notices.atom?lang=es")
    assert answer.headers["content-type"].startswith("application/atom+xml")
    assert answer.headers["etag"] != client.get("/feeds/notices.atom").headers["etag"]
    root = ET.fromstring(answer.content)  # well-formed XML
    assert root.get(XML_LANG) == "es"
    assert root.findtext(f"{{{ATOM}}}title", "").startswith("Avisos de tecnología de vigilancia")
    entries = {e.findtext(f"{{{ATOM}}}title"): e.find(f"{{{ATOM}}}summary")
               for e in root.iter(f"{{{ATOM}}}entry")}
    assert set(entries) == {"Cámaras en la calle: Aviso nuevo", "Drones: Aviso nuevo"}
    translated, english_only = entries["Cámaras en la calle: Aviso nuevo"], entries["Drones: Aviso nuevo"]
    assert translated is not None and english_only is not None
    assert translated.text == "Una cámara." and translated.get(XML_LANG) is None
    # Staff gave no Spanish: the English shows, and says it is English.
    assert english_only.text == "A camera." and english_only.get(XML_LANG) == "en"
    assert not feedparser.parse(answer.content).bozo


def test_the_calendar_in_spanish(engine: Engine, client: TestClient) -> None:  # noqa: F811
    add(engine, two_notices)
    english = client.get("/feeds/calendar.ics").content
    assert client.get("/feeds/calendar.ics?lang=zz").content == english
    assert b"LANGUAGE=" not in english

    calendar = icalendar.Calendar.from_ical(client.get("/feeds/calendar.ics?lang=es").content)
    assert calendar["x-wr-calname"].params["LANGUAGE"] == "es"
    assert "plazos de comentarios" in str(calendar["x-wr-calname"])
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"Cierre de comentarios: Cámaras en la calle",
                           "Cierre de comentarios: Drones",
                           "Regular meeting of the commission"}  # staff's title, as written
    cameras = events["Cierre de comentarios: Cámaras en la calle"]
    assert cameras["summary"].params["LANGUAGE"] == "es"
    description = str(cameras["description"])
    assert description.startswith("Los comentarios públicos sobre el aviso Cámaras en la calle")
    assert " de 20" in description and " PM" not in description  # a Spanish date, 24-hour clock


def test_the_meetings_calendar_follows_the_language_in_force(engine: Engine) -> None:
    """What the meetings page offers for download, made in the page's language."""
    add(engine, two_notices)
    with Session(engine) as session:
        english = meetings_ics(session=session, actor=RESIDENT, base_url="http://testserver")
        with using_language("es"):
            spanish = meetings_ics(session=session, actor=RESIDENT, base_url="http://testserver")
    assert "Privacy Commission meetings" in str(icalendar.Calendar.from_ical(english)["x-wr-calname"])
    calendar = icalendar.Calendar.from_ical(spanish)
    assert str(calendar["x-wr-calname"]).startswith("Reuniones de la Comisión de Privacidad")
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Regular meeting of the commission"  # staff's title
    assert " de 20" in str(event["description"])
