"""The list of technologies, as residents and staff see it."""

from __future__ import annotations

from sqlmodel import Session

from portal.auth.roles import Role
from tests import factories
from tests.apptest import run_script, texts


def test_residents_see_published_technologies_open_periods_first(session: Session) -> None:
    factories.technology(session, name="Plate readers", open_days=5)
    factories.technology(session, name="Body cameras", status="in_use")
    factories.technology(session, name="Hidden draft", is_published=False)
    session.commit()
    at = run_script("app_pages/notices.py")
    assert not at.exception
    shown = texts(at)
    # Each open notice is a link to it, its closing date on the line under it.
    markdown = "\n".join(m.value for m in at.markdown)
    assert "[Plate readers](/notice?technology=" in markdown
    assert any(c.value.startswith("Comments close ") for c in at.caption)
    frame = at.dataframe[0].value
    assert list(frame["Technology"]) == ["Plate readers", "Body cameras"]
    assert "Hidden draft" not in shown and "Hidden draft" not in set(frame["Technology"])
    assert [b.label for b in at.get("download_button")] == [
        "Notices feed (Atom)", "Comment deadlines (iCalendar)", "Commission meetings (iCalendar)"]


def test_filters_narrow_the_table(session: Session) -> None:
    factories.technology(session, name="Plate readers", open_days=5)
    factories.technology(session, name="Body cameras", status="in_use")
    session.commit()
    at = run_script("app_pages/notices.py", Role.STAFF)
    next(m for m in at.multiselect if m.label == "Status").set_value(["in_use"]).run()
    assert list(at.dataframe[0].value["Technology"]) == ["Body cameras"]
    next(t for t in at.text_input if t.label.startswith("Search")).set_value("zzz").run()
    assert any("No technology matches" in i.value for i in at.info)


def test_no_open_period_is_said_plainly(session: Session) -> None:
    factories.technology(session, name="Body cameras")
    session.commit()
    at = run_script("app_pages/notices.py", Role.COMMISSIONER)
    assert not at.exception
    assert "No notice is open for comment right now." in texts(at)


def test_the_page_links_the_addresses_to_subscribe_to(database_url: str) -> None:
    from tests.apptest import run_script, texts

    shown = texts(run_script("app_pages/notices.py"))
    assert "](/feeds/notices.atom)" in shown and "](/feeds/calendar.ics)" in shown
    assert "](/api/notices.json)" in shown and "](/api/notices.csv)" in shown


def test_the_list_in_spanish(session: Session) -> None:
    """?lang=es: headings, filters, the table's columns and the vocabulary in Spanish; the
    technologies' names as the county wrote them."""
    from portal.i18n import using_language

    factories.technology(session, name="Plate readers", open_days=5)
    factories.technology(session, name="Body cameras", status="in_use")
    session.commit()
    # AppTest formats the filters' options in the test's thread: read them in Spanish too.
    with using_language("es"):
        at = run_script("app_pages/notices.py", query={"lang": "es"})
        assert not at.exception
        shown = texts(at)
        assert at.title[0].value == "Tecnologías de vigilancia"
        assert any(c.value.startswith("Los comentarios se cierran el ") for c in at.caption)
        assert [m.label for m in at.multiselect] == ["Estado", "Categoría", "Departamento"]
        assert "En uso" in at.multiselect[0].options
        assert at.multiselect[0].proto.placeholder == "Elija opciones"
        frame = at.dataframe[0].value
        assert list(frame["Tecnología"]) == ["Plate readers", "Body cameras"]
        assert "En uso" in set(frame["Estado"]) and "Período de comentarios" in frame.columns
        assert [b.label for b in at.get("download_button")] == [
            "Canal de avisos (Atom)", "Plazos de comentarios (iCalendar)",
            "Reuniones de la comisión (iCal)"]
        for english in ("Surveillance technologies", "All technologies", "Follow changes",
                        "Comments close"):
            assert english not in shown, english
        next(t for t in at.text_input if t.label.startswith("Buscar")).set_value("zzz").run()
        assert any("Ninguna tecnología coincide" in i.value for i in at.info)
