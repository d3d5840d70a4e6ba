"""Indicators: definitions, values imports (all or nothing), protected tables and the export."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from portal.audit.models import AuditEvent
from portal.auth.roles import RESIDENT, SYSTEM, Actor, Role
from portal.disclosure import Figure, Status, exposed
from portal.errors import NotFound, PermissionDenied, ValidationFailed
from portal.indicators.definitions import definition_history, import_definitions, update_definition
from portal.indicators.models import Indicator, IndicatorValue
from portal.indicators.service import export_rows, indicator_data, list_indicators
from portal.indicators.tables import canonical, period_lines
from portal.indicators.values import import_values, preview_values
from tests import factories

STAFF = Actor(subject="staff@alder.example", roles=frozenset({Role.STAFF}))

#: Two districts, an age breakdown, and one group of 4 people in D2 (suppressed).
TABLE = {
    ("D1", "all", "all"): (120, 400), ("D1", "age", "Young"): (70, 200), ("D1", "age", "Old"): (50, 200),
    ("D2", "all", "all"): (60, 204), ("D2", "age", "Young"): (57, 200), ("D2", "age", "Old"): (3, 4),
    ("all", "all", "all"): (180, 604), ("all", "age", "Young"): (127, 400), ("all", "age", "Old"): (53, 204),
}


def _county(session: Session) -> None:
    factories.district(session, "D1")
    factories.district(session, "D2")
    factories.indicator(session, "evictions")


def _count(session: Session, model: type) -> int:
    return session.execute(sa.select(sa.func.count()).select_from(model)).scalar_one()


def test_a_good_file_imports_and_the_same_file_again_changes_nothing(session: Session) -> None:
    _county(session)
    rows = factories.value_rows("evictions", TABLE)
    plan = import_values(session=session, actor=STAFF, rows=rows, source="q3.csv")
    assert (len(plan.added), len(plan.updated), plan.unchanged) == (9, 0, 0)
    version = session.exec(select(Indicator.values_version)).one()
    again = import_values(session=session, actor=STAFF, rows=rows, source="q3.csv")
    assert (len(again.added), len(again.updated), again.unchanged) == (0, 0, 9)
    assert session.exec(select(Indicator.values_version)).one() == version
    changed = factories.value_rows("evictions", {("D1", "all", "all"): (120, 401),
                                                 ("all", "all", "all"): (180, 605)})
    assert len(preview_values(session=session, actor=STAFF, rows=changed).updated) == 2
    assert _count(session, IndicatorValue) == 9  # a preview writes nothing
    import_values(session=session, actor=STAFF, rows=changed, source="fix.csv")
    assert sorted(session.exec(select(IndicatorValue.denominator)
                               .where(IndicatorValue.group_value == "all")).all()) == [204, 401, 605]
    assert session.exec(select(Indicator.values_version)).one() == version + 1
    events = session.exec(select(AuditEvent).where(AuditEvent.action == "indicators.import_values")).all()
    assert [e.detail["source"] for e in events] == ["q3.csv", "fix.csv"]
    [summary] = list_indicators(session=session, actor=RESIDENT)
    assert summary.latest_period == "2026-Q3" and summary.dimensions == ("all", "age")


def test_one_bad_row_among_thousands_leaves_nothing_written(session: Session) -> None:
    _county(session)
    rows = []
    for year in range(2000, 2026):
        for quarter in (1, 2, 3, 4):
            rows += factories.value_rows("evictions", TABLE, period=f"{year}-Q{quarter}",
                                         first_row=len(rows) + 2)
    assert len(rows) > 900
    rows.insert(len(rows) // 2, (9999, {"indicator": "evictions", "period": "2010-Q2",
                                         "district": "D9", "numerator": 5, "denominator": 50}))
    before = _count(session, AuditEvent)
    with pytest.raises(ValidationFailed) as raised:
        import_values(session=session, actor=STAFF, rows=rows, source="big.csv")
    assert [str(e) for e in raised.value.errors] == ["row 9999, district: unknown district 'D9'"]
    assert _count(session, IndicatorValue) == 0
    assert _count(session, AuditEvent) == before


@pytest.mark.parametrize(("row", "message"), [
    ({"indicator": "nope"}, "indicator: unknown indicator 'nope'"),
    ({"numerator": -1}, "numerator: a count of people cannot be negative"),
    ({"numerator": 2.5}, "numerator: people are counted in whole numbers"),
    ({"numerator": "=cmd|' /C calc'!A0"}, "is not a number"),
    ({"numerator": 500, "denominator": 400}, "more than the 400 in the group"),
    ({"period": "Q3 2026"}, "period: 'Q3 2026' is not a year"),
    ({"period": "2026-Q5"}, "is not a year"),
    ({"group_dimension": "age", "group": ""}, "name a group"),
    ({"group_dimension": "all", "group": "Young"}, "has group all"),
])
def test_bad_rows_are_named_with_their_reason(session: Session, row: dict, message: str) -> None:
    _county(session)
    good = {"indicator": "evictions", "period": "2026-Q3", "district": "D1",
            "group_dimension": "all", "group": "all", "numerator": 10, "denominator": 400}
    with pytest.raises(ValidationFailed) as raised:
        import_values(session=session, actor=STAFF, rows=[(2, {**good, **row})])
    assert any(message in str(e) and e.row == 2 for e in raised.value.errors), raised.value.errors
    assert _count(session, IndicatorValue) == 0


def test_duplicate_cells_and_members_above_their_total_are_refused(session: Session) -> None:
    _county(session)
    rows = factories.value_rows("evictions", {("D1", "all", "all"): (10, 40)})
    with pytest.raises(ValidationFailed, match="row 3, indicator: the same cell is also on row 2"):
        import_values(session=session, actor=STAFF, rows=rows + [(3, rows[0][1])])
    too_many = factories.value_rows("evictions", {("D1", "all", "all"): (10, 40),
                                                  ("D1", "age", "Young"): (12, 30)})
    with pytest.raises(ValidationFailed, match="age groups of district D1 add up to 12 people "
                                               "counted, more than their total of 10"):
        import_values(session=session, actor=STAFF, rows=too_many)
    assert _count(session, IndicatorValue) == 0


def test_tables_are_protected_and_the_export_carries_no_suppressed_figure(session: Session) -> None:
    _county(session)
    import_values(session=session, actor=STAFF, rows=factories.value_rows("evictions", TABLE))
    data = indicator_data(session=session, actor=RESIDENT, slug="evictions")
    cells = {c.key: c for c in data.cells["2026-Q3"]}
    assert cells[("D2", "age", "Old")].status is Status.SUPPRESSED_PRIMARY
    # Its line (D2's age groups) would give it away: a complement is hidden with it.
    assert cells[("D2", "age", "Young")].status.suppressed
    figures = {k: Figure(*TABLE[k]) for k in canonical(TABLE)}
    statuses = {k: c.status for k, c in cells.items()}
    assert exposed(figures, period_lines(figures), statuses) == []
    rows = list(export_rows(session=session, actor=RESIDENT))
    assert len(rows) == 9
    for row in rows:
        if row["status"].startswith("suppressed"):
            assert row["numerator"] is None and row["denominator"] is None and row["value"] is None
    d1 = next(r for r in rows if (r["district"], r["group"]) == ("D1", "all"))
    assert d1 == {"indicator": "evictions", "period": "2026-Q3", "district": "D1",
                  "group_dimension": "all", "group": "all", "numerator": 120, "denominator": 400,
                  "value": 30.0, "status": "published"}
    # The same figures give the same pattern, however the file was ordered.
    assert list(export_rows(session=session, actor=RESIDENT)) == rows


def test_zero_is_a_true_zero_and_a_blank_is_missing(session: Session) -> None:
    _county(session)
    import_values(session=session, actor=STAFF, rows=factories.value_rows("evictions", {
        ("D1", "all", "all"): (0, 400), ("D2", "all", "all"): (None, 300),
    }))
    statuses = {(r["district"]): r["status"] for r in export_rows(session=session, actor=RESIDENT)}
    assert statuses == {"D1": "true_zero", "D2": "missing"}


def test_definitions_are_versioned_audited_and_drafts_stay_private(session: Session) -> None:
    factories.department(session, code="HOU")
    indicator = factories.indicator(session, "evictions", is_published=False, department="HOU")
    with pytest.raises(NotFound):
        indicator_data(session=session, actor=RESIDENT, slug="evictions")
    assert list_indicators(session=session, actor=RESIDENT) == []
    assert [i.slug for i in list_indicators(session=session, actor=STAFF)] == ["evictions"]
    update_definition(session=session, actor=STAFF, indicator_id=indicator.id, expected_version=1,
                      values={"name": "Eviction filings", "unit": "rate", "rate_per": 1000,
                              "department": "HOU", "is_published": True}, summary="Now a rate")
    assert indicator.version == 2
    [latest, first] = definition_history(session=session, actor=RESIDENT, indicator_id=indicator.id)
    assert latest.summary == "Now a rate" and {c.field for c in latest.changes} >= {"unit", "rate_per"}
    assert [i.slug for i in list_indicators(session=session, actor=RESIDENT)] == ["evictions"]
    with pytest.raises(PermissionDenied):
        update_definition(session=session, actor=RESIDENT, indicator_id=indicator.id, values={})


def test_definition_import_is_all_or_nothing(session: Session) -> None:
    rows = [(2, {"slug": "a-one", "name": "A", "unit": "count"}),
            (3, {"slug": "Bad Slug", "name": "B", "unit": "count"}),
            (4, {"slug": "c-rate", "name": "C", "unit": "rate"}),
            (5, {"slug": "d", "name": "D", "unit": "count", "department": "NOPE"})]
    with pytest.raises(ValidationFailed) as raised:
        import_definitions(session=session, actor=SYSTEM, rows=rows)
    assert {(e.row, e.field) for e in raised.value.errors} == {(3, "slug"), (4, "rate_per"), (5, "department")}
    assert _count(session, Indicator) == 0
    assert import_definitions(session=session, actor=SYSTEM, rows=rows[:1]) == 1
    assert import_definitions(session=session, actor=SYSTEM, rows=rows[:1]) == 0  # unchanged


def test_statuses_are_stored_at_import_and_worked_out_again_for_another_k(
        session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    from portal.indicators.tables import _pattern

    _county(session)
    import_values(session=session, actor=STAFF, rows=factories.value_rows("evictions", TABLE))
    stored = session.exec(select(IndicatorValue.status, IndicatorValue.status_k)).all()
    assert {k for _, k in stored} == {11} and all(s for s, _ in stored)
    at_11 = {(r["district"], r["group"]): r["status"] for r in export_rows(session=session, actor=RESIDENT)}
    assert sorted(at_11.values()) == sorted(s for s, _ in stored)
    monkeypatch.setenv("PORTAL_SUPPRESSION_K", "3")
    at_3 = {(r["district"], r["group"]): r["status"] for r in export_rows(session=session, actor=RESIDENT)}
    figures = {k: Figure(*TABLE[k]) for k in canonical(TABLE)}
    assert at_3 == {(k[0], k[2]): s.value for k, s in _pattern(figures, 3).items()}
    assert at_3 != at_11  # a group of 4 is no longer small at k = 3


@pytest.mark.parametrize(("word", "published"), [("yes", True), ("X", True), ("no", False), ("0", False)])
def test_definition_files_say_published_with_the_words_every_import_accepts(
        session: Session, word: str, published: bool) -> None:
    import_definitions(session=session, actor=SYSTEM, rows=[
        (2, {"slug": "a-one", "name": "A", "unit": "count", "is_published": word})])
    assert session.exec(select(Indicator.is_published)).one() is published


def test_an_unclear_published_value_is_refused_not_read_as_no(session: Session) -> None:
    with pytest.raises(ValidationFailed) as raised:
        import_definitions(session=session, actor=SYSTEM, rows=[
            (2, {"slug": "a-one", "name": "A", "unit": "count", "is_published": "maybe"})])
    assert [(e.row, e.field) for e in raised.value.errors] == [(2, "is_published")]


def test_refusals_read_in_the_language_of_the_page_that_asked() -> None:
    """Pydantic's refusals and the portal's own, in words staff read: English from the command
    line, Spanish on a page in Spanish."""
    from portal.i18n import using_language
    from portal.indicators.definitions import clean_definition

    bad = {"slug": "Bad Slug", "unit": "furlongs", "rate_per": "many", "is_published": "maybe"}
    _cleaned, english = clean_definition(bad, {}, row=2)
    reasons = {e.field: e.message for e in english}
    assert reasons == {"slug": "use lower-case letters, digits and hyphens (eviction-filings)",
                       "name": "this is required", "unit": "choose one of count, rate, percent",
                       "rate_per": "give a whole number", "is_published": "answer yes or no"}
    with using_language("es"):
        _cleaned, spanish = clean_definition(bad, {}, row=2)
    reasons = {e.field: e.message for e in spanish}
    assert reasons["name"] == "este dato es obligatorio"
    assert reasons["rate_per"] == "indique un número entero"
    assert reasons["slug"].startswith("use letras minúsculas")
