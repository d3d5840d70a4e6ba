"""Staff edit indicator definitions; other roles are refused before any form."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from portal.audit.models import RecordVersion
from portal.auth.roles import Role
from portal.indicators.models import Indicator
from tests import factories
from tests.apptest import plain, run_script, texts


def by_label(widgets, label):  # type: ignore[no-untyped-def]
    return next(w for w in widgets if w.label == label)


def test_staff_create_then_edit_a_definition(session: Session) -> None:
    factories.department(session, code="HOU", name="Housing")
    session.commit()
    at = run_script("app_pages/manage_indicators.py", Role.STAFF)
    assert not at.exception
    by_label(at.text_input, "Address name (slug)").set_value("evictions")
    by_label(at.text_input, "Name").set_value("Eviction filings")
    by_label(at.selectbox, "Unit").set_value("rate")
    by_label(at.selectbox, "Department").set_value("HOU")
    by_label(at.button, "Save indicator").click().run()
    assert not at.exception
    assert any("as version 1" in s.value for s in at.success), [e.value for e in at.error]
    indicator = session.exec(select(Indicator)).one()
    assert (indicator.unit, indicator.rate_per, indicator.is_published) == ("rate", 1000, False)

    at = run_script("app_pages/manage_indicators.py", Role.STAFF)
    by_label(at.selectbox, "Indicator").set_value(indicator.id).run()
    by_label(at.checkbox, "Published").check()
    by_label(at.text_input, "What changed and why").set_value("Ready for the public")
    by_label(at.button, "Save indicator").click().run()
    assert any("as version 2" in s.value for s in at.success), [e.value for e in at.error]
    versions = session.exec(select(RecordVersion.version).where(RecordVersion.record_type == "indicator")).all()
    assert sorted(versions) == [1, 2]


def test_a_bad_definition_is_refused_with_its_reason(session: Session) -> None:
    at = run_script("app_pages/manage_indicators.py", Role.STAFF)
    by_label(at.text_input, "Address name (slug)").set_value("Not A Slug")
    by_label(at.text_input, "Name").set_value("X")
    by_label(at.selectbox, "Unit").set_value("count")
    by_label(at.button, "Save indicator").click().run()
    assert not at.exception
    assert any("lower-case letters" in plain(e.value) for e in at.error)
    assert session.exec(select(Indicator)).first() is None


@pytest.mark.parametrize("role", [None, Role.MODERATOR, Role.COMMISSIONER])
def test_other_roles_are_refused(database_url: str, role: Role | None) -> None:
    at = run_script("app_pages/manage_indicators.py", role)
    assert not at.exception
    assert any("may not do this" in e.value for e in at.error)
    assert not at.button


def test_indicators_in_spanish(session: Session) -> None:
    at = run_script("app_pages/manage_indicators.py", Role.STAFF, query={"lang": "es"})
    assert not at.exception
    shown = texts(at)
    assert "Gestionar indicadores" in shown and "Nuevo indicador" in shown
    assert "Manage indicators" not in shown and "New indicator" not in shown
    assert [t.label for t in at.tabs] == ["Importar valores", "Definiciones", "Importar definiciones"]
    assert by_label(at.button, "Guardar el indicador")
    assert any(u.label == "Archivo de valores de indicadores" for u in at.get("file_uploader"))
