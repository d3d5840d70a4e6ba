"""Hostile text through the inventory's staff forms (issue 14): a sharing practice, an
information request, a department and a dataset. Each value is stored as typed, and every
page that shows it again shows it as text."""

from __future__ import annotations

import re

from sqlmodel import Session

from portal.auth.roles import Role
from portal.inventory.models import Dataset, Department, SharingPractice
from portal.requests.models import InformationRequest
from tests import factories
from tests.apptest import run_script
from tests.pages.hostile_forms import (
    NULLS,
    assert_inert,
    assert_refused_null,
    by_label,
    fill,
    rounds,
    save,
    stored,
)

#: A form's text fields: label -> (column, the field's max_chars); None for the editor's
#: summary of a change, which goes to the record's history.
PRACTICE_FIELDS = {
    "Title": ("title", 300),
    "Recipient": ("recipient", 300),
    "Legal basis": ("legal_basis", None),
    "Purpose": ("purpose", None),
    "Data elements (one per line)": ("data_elements", None),
    "Agreement (name)": ("agreement_title", 300),
    "Retention in words": ("retention_text", None),
    "What changed and why": (None, 400),
}
REQUEST_FIELDS = {
    "Reference": ("reference", 40),
    "Requesting agency": ("requesting_agency", 300),
    "Public summary": ("public_summary", None),
    "What changed and why": (None, 400),
}
DEPARTMENT_FIELDS = {
    "Name": ("name", 200),
    "What the department does": ("description", 5_000),
    "What changed and why": (None, 400),
}
DATASET_FIELDS = {
    "Title": ("title", 300),
    "Description (public, in the catalog)": ("description", 20_000),
    "Catalog keywords (separated by semicolons)": ("keywords", None),
    "What changed and why": (None, 400),
}


def _rounds(fields: dict[str, tuple[str | None, int | None]]) -> list[dict[str, str]]:
    return rounds(list(fields), {label: limit for label, (_, limit) in fields.items()})


def _check_stored(row: object, fields: dict[str, tuple[str | None, int | None]],
                  one: dict[str, str]) -> None:
    for label, value in one.items():
        column = fields[label][0]
        if column is not None:
            assert getattr(row, column) == stored(value), (label, value[:80])


def test_a_practice_keeps_hostile_text_and_its_page_shows_it_inert(session: Session) -> None:
    practice = factories.practice(session, title="Plain practice", purpose="Plain purpose")
    session.commit()
    at = run_script("app_pages/manage_inventory.py", Role.STAFF)
    by_label(at.selectbox, "Practice").set_value(practice.id)
    page = run_script("app_pages/inventory.py", query={"practice": str(practice.id)})
    for one in _rounds(PRACTICE_FIELDS):
        at.run()  # the form of the version now saved
        fill(at, one)
        save(at, "Save practice")
        assert_inert(at, list(one.values()), shown=False)
        session.expire_all()
        row = session.get(SharingPractice, practice.id)
        elements = one.pop("Data elements (one per line)", None)
        _check_stored(row, PRACTICE_FIELDS, one)
        shown = [value for label, value in one.items() if PRACTICE_FIELDS[label][0]]
        if elements is not None:  # one element a line
            assert row.data_elements == [e.strip() for e in elements.splitlines() if e.strip()]
            shown += row.data_elements
        # The summary is in the practice's history, shown as text.
        shown.append(one.get("What changed and why", one["Title"]))
        page.run()
        assert_inert(page, shown)

    at.run()
    before = row.purpose
    by_label(at.text_area, "Purpose").set_value(NULLS[0])
    by_label(at.button, "Save practice").click().run()
    assert_refused_null(at, "Purpose")
    session.expire_all()
    assert session.get(SharingPractice, practice.id).purpose == before


def test_an_information_request_keeps_hostile_text(session: Session) -> None:
    request = factories.info_request(session, reference="IR-PLAIN")
    session.commit()
    at = run_script("app_pages/manage_inventory.py", Role.STAFF)
    by_label(at.selectbox, "Request").set_value(request.id)
    for one in _rounds(REQUEST_FIELDS):
        at.run()
        fill(at, one)
        save(at, "Save request")
        session.expire_all()
        _check_stored(session.get(InformationRequest, request.id), REQUEST_FIELDS, one)
        at.run()  # the request's form again, filled from what was saved, and its name in the list
        assert_inert(at, [value for label, value in one.items() if REQUEST_FIELDS[label][0]])
    by_label(at.text_area, "Public summary").set_value(NULLS[0])
    by_label(at.button, "Save request").click().run()
    assert_refused_null(at, "Public summary")


def test_a_department_and_a_dataset_keep_hostile_text_and_the_practice_page_shows_it_inert(
        session: Session) -> None:
    practice = factories.practice(session)
    session.commit()
    department_id, dataset_id = practice.department_id, practice.dataset_id
    page = run_script("app_pages/inventory.py", query={"practice": str(practice.id)})
    at = run_script("app_pages/manage_datasets.py", Role.STAFF)
    for choice, fields, button, model, row_id in (
            ("Department", DEPARTMENT_FIELDS, "Save department", Department, department_id),
            ("Dataset", DATASET_FIELDS, "Save dataset", Dataset, dataset_id)):
        by_label(at.selectbox, choice).set_value(row_id)
        for one in _rounds(fields):
            at.run()
            keywords = one.pop("Catalog keywords (separated by semicolons)", None)
            fill(at, one)
            if keywords is not None:
                fill(at, {"Catalog keywords (separated by semicolons)": keywords})
            save(at, button)
            session.expire_all()
            row = session.get(model, row_id)
            _check_stored(row, fields, one)
            shown = [value for label, value in one.items() if fields[label][0]]
            if keywords is not None:  # separated by semicolons (and line breaks)
                assert row.keywords == [k for k in re.split(r"\s*[;\n]\s*", keywords.strip()) if k]
                shown += row.keywords
            at.run()  # the record's history and its form, filled from what was saved
            assert_inert(at, shown)
            page.run()  # the practice names its department and its dataset
            assert_inert(page, [one[label] for label in ("Name", "Title") if label in one])
