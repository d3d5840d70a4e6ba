"""A notice staff have put in Spanish reads in Spanish at ?lang=es; a part still only in
English is shown in English and says so; a rewritten part loses its old Spanish."""

from __future__ import annotations

from sqlmodel import Session

from portal.notices.editing import publish, save_draft
from portal.translations.service import save_translations
from tests import factories
from tests.apptest import plain, run_script, texts
from tests.pages.test_notice import STAFF

NOTE = "Esta parte aún no tiene versión en español; se muestra en inglés."


def paragraphs(at) -> list[str]:  # type: ignore[no-untyped-def]
    """Each paragraph the page draws on its own (the sections' text, not the list of what
    changed between versions, which quotes the English it compares)."""
    return [plain(m.value) for m in at.markdown]


def test_a_translated_notice_in_spanish(session: Session) -> None:
    tech = factories.technology(session, name="Plate readers", open_days=3)
    save_draft(session=session, actor=STAFF, technology_id=tech.id,
               content={"description": "Cameras that read plates.", "purpose": "Find stolen cars.",
                        "data_collected": "Plates.", "change_summary": "Written out."})
    publish(session=session, actor=STAFF, technology_id=tech.id)
    save_translations(session=session, actor=STAFF, kind="notice", record_id=tech.id,
                      texts={"name": "Lectores de matrículas",
                             "description": "Cámaras que leen matrículas.",
                             "purpose": "Encontrar autos robados."})
    session.commit()

    at = run_script("app_pages/notice.py", query={"technology": tech.slug, "lang": "es"})
    assert not at.exception
    shown = plain(texts(at))
    assert "Lectores de matrículas" in shown and "Cámaras que leen matrículas." in shown
    assert "Encontrar autos robados." in shown
    assert "Cameras that read plates." not in paragraphs(at)
    # What data it collects has no Spanish: its English shows, with the note beside it.
    assert "Plates." in paragraphs(at)
    assert [c.value for c in at.caption].count(NOTE) == 1

    # In English nothing of the Spanish shows, and no note.
    at = run_script("app_pages/notice.py", query={"technology": tech.slug})
    shown = plain(texts(at))
    assert "Cameras that read plates." in paragraphs(at) and "Cámaras" not in shown
    assert NOTE not in shown

    # A new version rewrites the purpose: in Spanish it now shows in English, noted; the
    # description, unchanged, keeps its Spanish.
    save_draft(session=session, actor=STAFF, technology_id=tech.id,
               content={"description": "Cameras that read plates.",
                        "purpose": "Find stolen cars and missing people.",
                        "data_collected": "Plates.", "change_summary": "Purpose widened."})
    publish(session=session, actor=STAFF, technology_id=tech.id)
    session.commit()
    at = run_script("app_pages/notice.py", query={"technology": tech.slug, "lang": "es"})
    shown = plain(texts(at))
    assert "Cámaras que leen matrículas." in shown
    assert "Find stolen cars and missing people." in paragraphs(at)
    assert "Encontrar autos robados." not in shown
    assert [c.value for c in at.caption].count(NOTE) == 2


def test_the_home_page_lists_open_notices_by_their_spanish_name(session: Session) -> None:
    tech = factories.technology(session, name="Police drones", open_days=3)
    other = factories.technology(session, name="Library cameras", open_days=4)
    save_translations(session=session, actor=STAFF, kind="notice", record_id=tech.id,
                      texts={"name": "Drones policiales"})
    session.commit()
    at = run_script("app_pages/home.py", query={"lang": "es"})
    assert not at.exception
    labels = [link.proto.label for link in at.get("page_link")]
    shown = " ".join(plain(m.value) for m in at.markdown)
    names = " ".join(labels) + shown
    assert "Drones policiales" in names and "Police drones" not in names
    assert other.name in names  # no Spanish name yet: the English one


def test_the_list_of_technologies_names_them_in_spanish(session: Session) -> None:
    tech = factories.technology(session, name="Police drones", open_days=3)
    save_translations(session=session, actor=STAFF, kind="notice", record_id=tech.id,
                      texts={"name": "Drones policiales"})
    session.commit()
    at = run_script("app_pages/notices.py", query={"lang": "es"})
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table["Tecnología"]) == ["Drones policiales"]
    at.text_input[0].set_value("drones policiales").run()  # found by its Spanish name too
    assert list(at.dataframe[0].value["Tecnología"]) == ["Drones policiales"]


def test_redaction_labels_in_a_published_comment_read_in_spanish(session: Session) -> None:
    """The label redaction left is the portal's word, so it is translated; the resident's own
    words around it are not, and the stored text keeps the English label."""
    tech = factories.technology(session, name="Plate readers", open_days=3)
    factories.stored_comment(session, "Call me at [phone removed] about the cameras.",
                             target_type="notice", target_id=tech.id)
    session.commit()
    spanish = plain(texts(run_script("app_pages/notice.py",
                                     query={"technology": tech.slug, "lang": "es"})))
    assert "Call me at [teléfono eliminado] about the cameras." in spanish
    english = plain(texts(run_script("app_pages/notice.py", query={"technology": tech.slug})))
    assert "Call me at [phone removed] about the cameras." in english
