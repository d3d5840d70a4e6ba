"""Properties of every importer's reader and cleaner, and of the text helpers, for any input
(issue 14): each returns a value or refuses with the portal's own error (``ValidationFailed``,
a ``PortalError``) — never another exception — and the round trips that should hold do.

No database here; ``tests/services/test_hostile_service_properties.py`` has the services.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any
import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moderation import textview
from portal.coerce import Collector
from portal.errors import FieldError, PortalError
from portal.exports import original_cell, safe_cell, to_csv, valid_text
from portal.geography.geojson import districts_geojson, read_districts
from portal.indicators.definitions import clean_definition
from portal.inventory.fields import clean_practice
from portal.inventory.records import _dataset_cleaner, clean_department
from portal.notices.editing import clean_content
from portal.notices.geo import check_locations
from portal.notices.importer import parse_locations, read_rows
from portal.requests.service import clean_request
from portal.roundtrip import plan_import
from portal.tabular import read_table
from portal.textsafety import escape_markdown, for_terminal, strip_format_chars, unstorable
from tests import hostile

PROPERTIES = settings(max_examples=60, deadline=None,
                      suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

#: Text as an attacker sends it: anything Unicode has, plus the corpus, glued together.
corpus = st.sampled_from([s.value for s in hostile.strings() if len(s.value) < 1_000])
text = st.one_of(
    st.text(max_size=40),
    corpus,
    st.builds(lambda a, b, c: a + b + c, corpus, st.text(max_size=8), corpus),
    st.sampled_from(["", " ", "yes", "no", "2026-02-30", "1e309", "nan", "-0", "9" * 40,
                     "state_agency", "law", "statute", "annually", "confidential", "count", "rate"]),
)
numeric = st.sampled_from(["inf", "-inf", "1e309", "nan", "1e-400", "0x10", "1_000", "٣", "１２",
                           "3.0", "3.5", "-1", "2147483648", "9" * 400])
cell = st.one_of(text, numeric, st.none(), st.integers(min_value=-(2**70), max_value=2**70),
                 st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
                 st.dates(), st.datetimes())


def rows_of(columns: tuple[str, ...]) -> st.SearchStrategy[dict[str, Any]]:
    """A row with any of the columns (and one the kind does not know), any value in each."""
    return st.dictionaries(st.sampled_from([*columns, "id", "<script>"]), cell, max_size=len(columns) + 2)


def test_numbers_no_float_holds_are_refused_not_crashed() -> None:
    """"inf" and "1e400" read as floats too large for an integer: every count says so."""
    for value in ("inf", "-inf", "1e309", "nan", float("inf")):
        _, errors = clean_request({"people_covered": value}, departments={}, row=2)
        assert any(e.field == "people_covered" and "whole number" in e.message for e in errors), value
        _, errors = plan_import([(2, {"id": value})], noun="things", singular="thing",
                                   columns=(), current={}, versions={}, clean=lambda r, n: ({}, []),
                                   labels={}, name_of=str)
        assert next(e.message for e in errors).endswith("leave it empty to add a new record"), value


def checked(result: tuple[dict[str, Any], list[FieldError]]) -> None:
    values, errors = result
    assert isinstance(values, dict)
    assert all(isinstance(e, FieldError) and e.message for e in errors)
    if not errors:  # what a cleaner accepts, a database can store
        assert not any(isinstance(v, str) and unstorable(v) for v in values.values())


# ---------------------------------------------------------------------------
# Reading files
# ---------------------------------------------------------------------------

@PROPERTIES
@given(data=st.one_of(st.binary(max_size=400), st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass"))),
       name=st.sampled_from(["x.csv", "x.xlsx", "x.json", "x.txt", "X.CSV"]))
def test_read_table_and_read_rows_take_any_bytes(data: bytes, name: str) -> None:
    for read in (read_table, read_rows):
        try:
            read(data, name)
        except PortalError:
            pass


@PROPERTIES
@given(matrix=st.lists(st.lists(text.filter(lambda t: "\x00" not in t), min_size=2, max_size=2),
                       min_size=1, max_size=5))
def test_a_csv_export_reads_back_as_written(matrix: list[list[str]]) -> None:
    """What ``to_csv`` writes, ``read_table`` reads back cell for cell (the apostrophe before a
    formula taken off again): the round trip every import of an export relies on."""
    rows = [{"a": a, "b": b} for a, b in matrix]
    table = read_table(to_csv(rows, ["a", "b"]), "export.csv")
    blank = [r for r in rows if not any(v.strip() for v in r.values())]
    assert [values for _, values in table.rows] == [
        {k: valid_text(v) for k, v in r.items()} for r in rows if r not in blank]


@PROPERTIES
@given(value=st.one_of(text, st.text()))
def test_safe_cell_never_starts_a_formula_and_original_cell_undoes_it(value: str) -> None:
    shown = safe_cell(value)
    assert not shown.startswith(hostile.FORMULA_START)
    assert original_cell(shown) == value


def _feature(code: Any, name: Any, geometry: Any) -> dict[str, Any]:
    return {"type": "Feature", "properties": {"code": code, "name": name}, "geometry": geometry}


json_value = st.recursive(st.one_of(st.none(), st.booleans(), st.floats(), st.integers(), text),
                          lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                  st.dictionaries(text, inner, max_size=4)),
                          max_leaves=12)
square = {"type": "Polygon", "coordinates": [[[-122.6, 45.5], [-122.5, 45.5], [-122.5, 45.6],
                                              [-122.6, 45.5]]]}


@PROPERTIES
@given(features=st.lists(st.tuples(st.one_of(text, st.integers(), json_value), st.one_of(text, json_value),
                                   st.one_of(st.just(square), json_value)), max_size=4),
       raw=st.one_of(st.binary(max_size=200), st.just(b"")))
def test_read_districts_takes_any_geojson(features: list[tuple[Any, Any, Any]], raw: bytes) -> None:
    doc = {"type": "FeatureCollection", "features": [_feature(*f) for f in features]}
    for data in (json.dumps(doc, ensure_ascii=True).encode(), raw):
        try:
            districts = read_districts(data)
        except PortalError:
            continue
        # What is accepted comes back unchanged from its own export.
        assert read_districts(districts_geojson(districts)) == districts
        assert not any(unstorable(d.name) or unstorable(d.code) for d in districts)


@PROPERTIES
@given(value=st.one_of(text, json_value))
def test_a_locations_cell_is_read_or_refused_with_a_reason(value: Any) -> None:
    located = parse_locations(value)
    if isinstance(located, str):
        assert located
        return
    places, errors = check_locations(located, [])
    assert all(isinstance(e, FieldError) for e in errors)
    assert not any(unstorable(p.label) for p in places)


# ---------------------------------------------------------------------------
# Every importer's cleaner
# ---------------------------------------------------------------------------

PRACTICE = ("dataset", "title", "recipient", "recipient_type", "channel", "mechanism",
            "legal_basis_type", "legal_basis", "purpose", "data_elements", "sensitive_categories",
            "frequency", "agreement_title", "agreement_start", "agreement_end", "agreement_terms",
            "retention_days", "retention_text", "residents_notified", "hosted_by_third_party",
            "status", "start_date", "end_date")
REQUEST = ("reference", "received_date", "department", "requesting_agency", "agency_type",
           "legal_process", "data_categories", "outcome", "residents_notified", "people_covered",
           "response_date", "public_summary", "status")
DEFINITION = ("slug", "name", "unit", "rate_per", "description", "department", "source",
              "caveats", "update_frequency", "is_published")


@PROPERTIES
@given(raw=rows_of(PRACTICE))
def test_clean_practice(raw: dict[str, Any]) -> None:
    checked(clean_practice(raw, dataset_ids={"wtr-meters": 1}, row=2))


@PROPERTIES
@given(raw=rows_of(REQUEST))
def test_clean_request(raw: dict[str, Any]) -> None:
    checked(clean_request(raw, departments={"WTR": 1}, row=2))


@PROPERTIES
@given(department=rows_of(("code", "name", "description", "contact_email")),
       dataset=rows_of(("identifier", "department", "title", "description", "classification",
                        "sensitive_categories", "keywords", "access_level",
                        "retention_policy_days", "modified")))
def test_clean_department_and_dataset(department: dict[str, Any], dataset: dict[str, Any]) -> None:
    checked(clean_department(department, 2))
    checked(_dataset_cleaner({"WTR": 1})(dataset, 2))


@PROPERTIES
@given(raw=rows_of(DEFINITION))
def test_clean_definition(raw: dict[str, Any]) -> None:
    checked(clean_definition(raw, {"HOU": 1}, 2))


@PROPERTIES
@given(raw=st.dictionaries(st.sampled_from(["description", "purpose", "vendor", "approved_on",
                                            "fiscal_acquisition_cost", "annual_report", "colour"]),
                           st.one_of(cell, json_value), max_size=5))
def test_clean_content(raw: dict[str, Any]) -> None:
    values, errors = clean_content(raw, row=2)
    checked((values, errors))
    if not errors:
        json.dumps(values, default=str, allow_nan=False)  # stored as JSON: finite numbers only


@PROPERTIES
@given(rows=st.lists(st.tuples(st.integers(2, 9), rows_of(("id", "name", "version"))), max_size=5),
       current=st.dictionaries(st.integers(1, 3), st.fixed_dictionaries({"name": text}), max_size=3))
def test_plan_import_matches_any_rows(rows: list[tuple[int, dict[str, Any]]],
                                      current: dict[int, dict[str, Any]]) -> None:
    def clean(raw: Any, row: int | None) -> tuple[dict[str, Any], list[FieldError]]:
        c = Collector(raw, row)
        return {"name": c.text("name", required=True, max_length=50)}, c.errors

    plan, errors = plan_import(rows, noun="things", singular="thing", columns=("name",),
                               current=current, versions={i: 1 for i in current}, clean=clean,
                               labels={"name": "Name"}, name_of=lambda v: str(v.get("name")))
    numbers = {n for n, _ in rows}
    assert all(isinstance(e, FieldError) and e.row in (numbers | {None}) for e in errors)
    assert {p.row for p in (*plan.added, *plan.updated, *plan.unchanged)} <= numbers
    assert all(p.record_id in current for p in (*plan.updated, *plan.unchanged))
    assert all(isinstance(line, str) for line in plan.lines())


# ---------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------

@PROPERTIES
@given(value=st.one_of(text, st.text()))
def test_text_helpers_take_any_text(value: str) -> None:
    stripped = strip_format_chars(value)
    assert strip_format_chars(stripped) == stripped
    assert not any(unicodedata.category(c) in ("Cf", "Cs") or (unicodedata.category(c) == "Cc"
                                                                and c != "\n") for c in stripped)
    inline = escape_markdown(value)
    assert "\n" not in inline and not any(unicodedata.category(c) in ("Cc", "Cf", "Cs") for c in inline)
    escape_markdown(value, block=True)
    shown = for_terminal(value)
    assert not any(unicodedata.category(c) in ("Cc", "Cf", "Cs") for c in shown)
    shown.encode("utf-8")
    reason = unstorable(value)
    stores = "\x00" not in value and valid_text(value) == value
    assert (reason is None) == stores


@PROPERTIES
@given(value=st.one_of(text, st.text()))
def test_the_detectors_view_maps_back_into_the_text(value: str) -> None:
    view = textview.view(value)
    assert isinstance(view.text, str)
    for start in range(len(view.text)):
        a, b = view.to_original(start, start + 1)
        assert 0 <= a < b <= len(value)
    textview.printable(value).encode("utf-8")
    textview.reveal_bidi(value)
    assert all(0 <= a < b <= len(value) for a, b in textview.bidi_spans(value))


def test_the_corpus_is_what_it_says() -> None:
    """The committed corpus holds every kind of string it promises (a guard for edits)."""
    kinds = {s.kind for s in hostile.strings()}
    assert kinds == {"injection", "markdown", "formula", "unicode", "control", "layout"}
    values = [s.value for s in hostile.strings()]
    for needle in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "](javascript:",
                   "![x](http://evil.example/t.png)", ":red[", "$$", "=HYPERLINK(", "+1+1", "-2+3",
                   "@SUM(A1)", "\t=", "\r=", "\u202e", "\u200b", "p\u0430ypal", "\x00", "\ud800",
                   "\u200d", "\r\n"):
        assert any(needle in v for v in values), needle
    assert max(len(v) for v in values) >= 20_000 and "\n" not in max(values, key=len)
    assert len(hostile.megabyte_field()) == 1_000_000


@pytest.mark.parametrize("cost", ["INF", "-inf", "1e400", "nan", "-5"])
def test_a_notice_cost_that_is_not_a_finite_sum_is_refused(cost: str) -> None:
    from portal.notices.editing import clean_content

    cleaned, errors = clean_content({"fiscal_acquisition_cost": cost})
    assert "fiscal_acquisition_cost" not in cleaned
    assert [e.field for e in errors] == ["fiscal_acquisition_cost"]
