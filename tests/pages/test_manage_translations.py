"""Staff give a notice its Spanish version on the page; others are refused."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from portal.auth.roles import Role
from portal.notices.models import NoticeVersion
from portal.translations.models import ContentTranslation
from tests import factories
from tests.apptest import run_script

PAGE = "app_pages/manage_translations.py"


def by_label(widgets, label):  # type: ignore[no-untyped-def]
    return next(w for w in widgets if w.label == label)


def test_staff_translate_a_notice_field_by_field(session: Session) -> None:
    tech = factories.technology(session, name="Police drones")
    session.commit()
    at = run_script(PAGE, Role.STAFF)
    assert not at.exception
    assert "Police drones (0 of 2 fields translated)" in by_label(at.selectbox, "Record").options
    by_label(at.text_area, "Name in Spanish").set_value("Drones policiales")
    by_label(at.button, "Save the Spanish version").click().run()
    assert not at.exception, at.exception
    saved = session.exec(select(ContentTranslation)).one()
    assert (saved.kind, saved.record_id, saved.field, saved.text, saved.source) == (
        "notice", tech.id, "name", "Drones policiales", "Police drones")
    assert saved.updated_by == "staff@alder-county.example"

    # The description is rewritten in a new version: a translation of the old one is
    # reported outdated, and saving the form without confirming it keeps it so.
    session.add(ContentTranslation(kind="notice", record_id=tech.id, field="description",
                                   language="es", source="An old text.", text="Un texto viejo."))
    session.commit()
    at = run_script(PAGE, Role.STAFF)
    assert any("outdated" in m.value for m in at.markdown)
    assert any("It was translated from: An old text" in c.value for c in at.caption)
    by_label(at.button, "Save the Spanish version").click().run()
    session.expire_all()
    description = session.exec(select(ContentTranslation)
                               .where(ContentTranslation.field == "description")).one()
    assert description.source == "An old text."
    # Confirmed, it becomes a translation of the English now.
    at = run_script(PAGE, Role.STAFF)
    by_label(at.checkbox, "This Spanish still says what the new English says").check()
    by_label(at.button, "Save the Spanish version").click().run()
    session.expire_all()
    version = session.exec(select(NoticeVersion)).one()
    description = session.exec(select(ContentTranslation)
                               .where(ContentTranslation.field == "description")).one()
    assert description.source == version.description


@pytest.mark.parametrize("role", [None, Role.MODERATOR, Role.COMMISSIONER])
def test_others_are_refused(database_url: str, role: Role | None) -> None:
    at = run_script(PAGE, role)
    assert not at.exception
    assert not at.text_area
    assert at.error


def test_the_page_in_spanish(database_url: str) -> None:
    at = run_script(PAGE, Role.STAFF, query={"lang": "es"})
    assert not at.exception
    assert at.title[0].value == "Versiones en español"
