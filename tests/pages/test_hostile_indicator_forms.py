"""Hostile text through the indicator definition form (issue 14): its name, definition,
source, caveats and update frequency. Each value is stored as typed or refused with a message,
and the definition's history, the catalog and the indicator's own page show it as text."""

from __future__ import annotations

from sqlmodel import Session, select

from portal.auth.roles import Role
from portal.indicators.models import Indicator
from tests import factories, hostile
from tests.apptest import plain, run_script
from tests.pages.hostile_forms import (
    NULLS,
    assert_inert,
    by_label,
    figures,
    fill,
    rounds,
    save,
    stored,
)

MANAGE = "app_pages/manage_indicators.py"
#: label -> (column, the field's max_chars)
FIELDS = {
    "Name": ("name", 200),
    "Definition": ("description", None),
    "Source": ("source", 300),
    "Caveats": ("caveats", None),
    "Updated": ("update_frequency", 40),
    "What changed and why": (None, 400),
}


def test_a_hostile_definition_is_kept_as_typed_and_shown_inert(session: Session) -> None:
    factories.department(session, code="HSG", name="Housing")
    session.commit()
    at = run_script(MANAGE, Role.STAFF)
    by_label(at.text_input, "Address name (slug)").set_value(hostile.named("url-javascript"))
    by_label(at.text_input, "Name").set_value("Eviction filings")
    by_label(at.selectbox, "Unit").set_value("count")
    by_label(at.button, "Save indicator").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("slug" in plain(e.value).lower() for e in at.error), [e.value for e in at.error]
    by_label(at.text_input, "Address name (slug)").set_value("evictions")
    by_label(at.checkbox, "Published").check()
    save(at, "Save indicator")
    indicator = session.exec(select(Indicator)).one()
    districts = figures(session, "evictions")  # so its page draws its charts
    session.commit()

    at.run()  # the list of indicators now holds it
    by_label(at.selectbox, "Indicator").set_value(indicator.id)
    catalog = run_script("app_pages/indicators.py")
    page = run_script("app_pages/indicators.py", query={"indicator": "evictions"})
    for one in rounds(list(FIELDS), {label: limit for label, (_, limit) in FIELDS.items()}):
        at.run()  # the form of the version now saved
        fill(at, one)
        save(at, "Save indicator")
        session.expire_all()
        row = session.get(Indicator, indicator.id)
        for label, value in one.items():
            if FIELDS[label][0]:
                assert getattr(row, FIELDS[label][0]) == stored(value), label
        at.run()  # its history: who changed what, each field before and after
        assert_inert(at, [v for label, v in one.items() if label != "Name"])
        public = {label: v for label, v in one.items()
                  if label in ("Name", "Definition", "Updated")}
        catalog.run()
        assert_inert(catalog, list(public.values()))
        page.run()  # its name on the page and in its charts' titles, the districts' names
        assert_inert(page, [*districts, *(v for label, v in one.items()
                                          if label not in ("What changed and why", "Updated"))])

    fill(at, {"Caveats": f"A filing is not an eviction.{NULLS[0]}"})
    by_label(at.button, "Save indicator").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("null character" in plain(e.value) for e in at.error), [e.value for e in at.error]
