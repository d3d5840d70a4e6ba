"""Notices round-trip: ``export_notices`` writes what ``import_notices`` reads back; a row that
says what the notice already says writes nothing; what changes is planned field by field, then
written through the staff's services. Renaming from the page (``set_identity``). Both databases."""

from __future__ import annotations

import csv
import io
import json

import pytest
from openpyxl import Workbook
from sqlmodel import Session, func, select

from portal.audit.models import AuditEvent, RecordVersion
from portal.auth.roles import RESIDENT, Actor, Role
from portal.errors import PermissionDenied, ValidationFailed
from portal.geography.models import District
from portal.notices.editing import create_technology, publish, save_draft, set_identity
from portal.notices.importer import (
    EXPORT_COLUMNS,
    export_notices,
    import_notices,
    locations_cell,
    parse_locations,
    read_rows,
    to_publish,
)
from portal.notices.models import DeploymentLocation, NoticeVersion, SurveillanceTechnology
from tests import factories

STAFF = Actor(subject="clerk@x.example", roles=frozenset({Role.STAFF}))
SQUARE = {"type": "Polygon", "coordinates": [[[-123.0, 45.0], [-122.0, 45.0], [-122.0, 46.0],
                                              [-123.0, 46.0], [-123.0, 45.0]]]}
ZONE = {"type": "Polygon", "coordinates": [[[-122.6, 45.4], [-122.5, 45.4], [-122.5, 45.5],
                                            [-122.6, 45.4]]]}
FULL = {"description": "Cameras on poles.", "purpose": "Find stolen cars.",
        "data_collected": "Plates and photos.", "retention": "90 days.",
        "fiscal_acquisition_cost": "87500", "approved_on": "2025-08-19",
        "annual_report": {"reads": 4812330, "audit_findings": "4 searches; retrained."},
        "use_policy": "=1+1 is not a formula here.\n- nor is this line."}


def county(session: Session) -> dict[str, int]:
    """Two departments, a district, two published notices (one with an area, one with a label
    that cannot be written as text) and a never-published draft."""
    session.add(District(code="D1", name="North", geometry=SQUARE))
    pol = factories.department(session, code="POL", name="Police Department")
    factories.department(session, code="PRK", name="Parks")
    ids = {}
    for slug, name, locations in [
        ("alpr", "Plate readers", [{"label": "Main St (north); east side", "latitude": 45.512345,
                                    "longitude": -122.654321}]),
        ("cams", "Park cameras", [{"label": "Zone", "geometry": ZONE},
                                  {"label": "Gate", "latitude": 45.6, "longitude": -122.4}]),
        ("drones", "Drones", []),
    ]:
        tech = create_technology(session=session, actor=STAFF, slug=slug, name=name,
                                 category="camera", department_id=pol.id, content=FULL,
                                 locations=locations)
        if slug != "drones":
            publish(session=session, actor=STAFF, technology_id=tech.id)
        ids[slug] = tech.id
    session.commit()
    return ids


def counts(session: Session) -> tuple[int, int, int]:
    return tuple(session.exec(select(func.count()).select_from(model)).one()  # type: ignore[return-value]
                 for model in (NoticeVersion, AuditEvent, RecordVersion))


def csv_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def to_bytes(rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    columns = list(dict.fromkeys(c for row in rows for c in row))
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def test_the_export_imports_back_unchanged_in_csv_json_and_xlsx(session: Session) -> None:
    county(session)
    data = export_notices(session=session, actor=STAFF, fmt="csv")
    rows = csv_rows(data)
    assert list(rows[0]) == list(EXPORT_COLUMNS)
    assert [r["slug"] for r in rows] == ["alpr", "cams", "drones"]
    by_slug = {r["slug"]: r for r in rows}
    # Drafts are exported (staff view), marked as such; formulas are neutralised.
    assert by_slug["drones"]["draft"] == "yes" and by_slug["alpr"]["draft"] == "no"
    assert by_slug["alpr"]["use_policy"].startswith("'=1+1")
    assert by_slug["alpr"]["department"] == "POL"
    assert by_slug["alpr"]["department_name"] == "Police Department"
    # A label holding ';' and an area are written as a JSON list; plain points as text.
    assert json.loads(by_slug["alpr"]["locations"])[0]["label"] == "Main St (north); east side"
    assert json.loads(by_slug["cams"]["locations"])[0]["geometry"] == ZONE
    before = counts(session)

    book = Workbook()
    book.active.append(list(rows[0]))
    for row in rows:
        book.active.append(list(row.values()))
    xlsx = io.BytesIO()
    book.save(xlsx)
    files = [(data, "n.csv"), (export_notices(session=session, actor=STAFF, fmt="json"), "n.json"),
             (xlsx.getvalue(), "n.xlsx")]
    for content, name in files:
        plan = import_notices(session=session, actor=STAFF, rows=read_rows(content, name),
                              source=name, publish_all=True)
        assert (plan.added, plan.updated, len(plan.unchanged)) == ((), (), 3), name
        assert plan.summary() == "0 notices to add, 0 to update, 3 unchanged."
        assert to_publish(plan) == []
        session.commit()
        # No new draft, no audit event: nothing at all was written.
        assert counts(session) == before, name


def test_changed_rows_plan_field_by_field_then_write_only_those(session: Session) -> None:
    ids = county(session)
    rows = csv_rows(export_notices(session=session, actor=STAFF, fmt="csv"))
    rows[0]["retention"] = "30 days."
    rows[0]["name"] = "Licence-plate readers"
    rows[0]["department"] = "Parks"  # a department's name works as well as its code
    rows[1]["locations"] = "Gate (45.6, -122.4)"  # the area is dropped
    rows[1]["status"] = "under_review"
    before_versions = {slug: session.exec(select(func.count()).where(
        NoticeVersion.technology_id == tid)).one() for slug, tid in ids.items()}
    before_events = session.exec(select(func.count()).select_from(AuditEvent)).one()
    file = to_bytes(rows)

    plan = import_notices(session=session, actor=STAFF, rows=read_rows(file, "n.csv"),
                          source="n.csv", dry_run=True)
    assert len(plan.unchanged) == 1 and [p.record_id for p in plan.updated] == [ids["alpr"],
                                                                                ids["cams"]]
    alpr, cams = plan.updated
    assert (alpr.row, cams.row) == (2, 3)
    assert [(c.label, c.before, c.after) for c in alpr.changes] == [
        ("Name", "Plate readers", "Licence-plate readers"),
        ("Department", "Police Department", "Parks"),
        ("How long data is kept", "90 days.", "30 days."),
    ]
    assert [(c.label, c.before, c.after) for c in cams.changes] == [
        ("Status", "Proposed", "Under review"),
        ("Where it is deployed", "Gate (45.6, -122.4); Zone (area)", "Gate (45.6, -122.4)"),
    ]
    assert "          Name: Plate readers → Licence-plate readers" in plan.lines()
    session.rollback()
    assert session.exec(select(func.count()).select_from(AuditEvent)).one() == before_events

    import_notices(session=session, actor=STAFF, rows=read_rows(file, "n.csv"), source="n.csv")
    session.commit()
    after_versions = {slug: session.exec(select(func.count()).where(
        NoticeVersion.technology_id == tid)).one() for slug, tid in ids.items()}
    # A new draft for the two changed notices only; the published versions are untouched.
    assert after_versions == {"alpr": before_versions["alpr"] + 1,
                              "cams": before_versions["cams"] + 1, "drones": 1}
    draft = session.exec(select(NoticeVersion).where(NoticeVersion.technology_id == ids["alpr"],
                                                     NoticeVersion.published_at.is_(None))).one()
    assert (draft.retention, draft.change_summary, draft.purpose) == ("30 days.", "",
                                                                      "Find stolen cars.")
    first = session.exec(select(NoticeVersion).where(NoticeVersion.technology_id == ids["alpr"],
                                                     NoticeVersion.version == 1)).one()
    assert first.retention == "90 days."
    tech = session.get(SurveillanceTechnology, ids["alpr"])
    assert (tech.slug, tech.name) == ("alpr", "Licence-plate readers")
    events = session.exec(select(AuditEvent.action, AuditEvent.entity_id, AuditEvent.detail)
                          .order_by(AuditEvent.id).offset(before_events)).all()
    actions = [(a, int(e) if e else None) for a, e, _ in events]
    assert ("notices.import_identity", ids["alpr"]) in actions
    assert ("notices.set_status", ids["cams"]) in actions
    assert actions[-1][0] == "notices.import"
    assert events[-1][2]["updated"] == ["alpr", "cams"] and events[-1][2]["unchanged"] == 1
    assert not any(e == ids["drones"] for _, e in actions)
    cams_places = session.exec(select(DeploymentLocation.label).join(
        NoticeVersion, NoticeVersion.id == DeploymentLocation.notice_version_id).where(
        NoticeVersion.technology_id == ids["cams"], NoticeVersion.published_at.is_(None))).all()
    assert cams_places == ["Gate"]

    # The same file again changes nothing, and a fresh export imports back unchanged.
    done = counts(session)
    again = import_notices(session=session, actor=STAFF, rows=read_rows(file, "n.csv"))
    fresh = import_notices(session=session, actor=STAFF, rows=read_rows(
        export_notices(session=session, actor=STAFF, fmt="csv"), "n.csv"))
    session.commit()
    assert again.writes == fresh.writes == 0 and counts(session) == done


def test_publishing_an_import_twice_changes_nothing_the_second_time(session: Session) -> None:
    ids = county(session)
    save_draft(session=session, actor=STAFF, technology_id=ids["alpr"],
               content={"change_summary": "Cut retention."})
    publish(session=session, actor=STAFF, technology_id=ids["alpr"])
    rows = csv_rows(export_notices(session=session, actor=STAFF, fmt="csv"))
    assert rows[0]["change_summary"] == "Cut retention." and rows[0]["version"] == "2"
    rows[0]["vendor"] = "Acme"
    file = to_bytes(rows)
    plan = import_notices(session=session, actor=STAFF, rows=read_rows(file, "n.csv"),
                          publish_all=True)
    assert to_publish(plan) == ["alpr"]
    session.commit()
    latest = session.exec(select(NoticeVersion).where(NoticeVersion.technology_id == ids["alpr"])
                          .order_by(NoticeVersion.version.desc())).first()
    # The new version says what changed in its own words, not the exported version's.
    assert (latest.version, latest.vendor, latest.change_summary) == (
        3, "Acme", "Updated by a batch import.")
    assert latest.published_at is not None
    before = counts(session)
    again = import_notices(session=session, actor=STAFF, rows=read_rows(file, "n.csv"),
                           publish_all=True)
    session.commit()
    assert again.writes == 0 and to_publish(again) == [] and counts(session) == before


@pytest.mark.parametrize("index,edit,field,message", [
    (1, {"category": "[click](http://evil.example) **now**"},
     "category", "unknown category '[click](http://evil.example) **now**'"),
    (1, {"department": "Nowhere"}, "department", "unknown department 'Nowhere'"),
    (2, {"status": "in_use"}, "status", "Proposed cannot become In use"),
    (1, {"locations": "Far (10, 10)"}, "locations[1]", "is outside the county"),
    (1, {"locations": "[1, 2]"}, "locations", "expected a list of locations"),
    (1, {"fiscal_ongoing_cost": "lots"}, "fiscal_ongoing_cost", "not a number: 'lots'"),
    (1, {"slug": "alpr"}, "slug", "repeats row 2 (same slug)"),
    (1, {"colour": "red"}, "colour", "unknown column"),
])
def test_a_bad_row_refuses_the_file_and_changes_nothing(
        session: Session, index: int, edit: dict[str, str], field: str, message: str) -> None:
    county(session)
    exported = export_notices(session=session, actor=STAFF, fmt="csv")
    rows = csv_rows(exported)
    rows[0]["retention"] = "2 days."  # a good change beside the bad one
    rows[index].update(edit)
    before = counts(session)
    with pytest.raises(ValidationFailed) as caught:
        import_notices(session=session, actor=STAFF, rows=read_rows(to_bytes(rows), "n.csv"))
    session.rollback()
    found = [e for e in caught.value.errors if e.field == field]
    assert found and message in found[0].message, caught.value.errors
    # Row and column as the spreadsheet numbers them: the header is row 1.
    assert found[0].row == (1 if field == "colour" else index + 2)
    assert counts(session) == before
    assert export_notices(session=session, actor=STAFF, fmt="csv") == exported


def test_a_row_exported_before_someone_saved_the_notice_is_refused(session: Session) -> None:
    ids = county(session)
    rows = csv_rows(export_notices(session=session, actor=STAFF, fmt="csv"))
    save_draft(session=session, actor=STAFF, technology_id=ids["alpr"],
               content={"retention": "1 day."})
    session.commit()
    # The stale row would undo the draft's change: refused, not silently applied.
    with pytest.raises(ValidationFailed) as caught:
        import_notices(session=session, actor=STAFF, rows=read_rows(to_bytes(rows), "n.csv"))
    (error,) = caught.value.errors
    assert (error.row, error.field) == (2, "version") and "export again" in error.message


def test_a_new_slug_adds_a_notice_and_publishing_needs_the_required_fields(
        session: Session) -> None:
    county(session)
    rows = [{"slug": "new-drones", "name": "New drones", "category": "drone",
             "department": "POL", "status": "proposed", "description": "Small aircraft.",
             "locations": "Pad (45.7, -122.3)"}]
    with pytest.raises(ValidationFailed) as caught:
        import_notices(session=session, actor=STAFF, rows=read_rows(to_bytes(rows), "n.csv"),
                       publish_all=True)
    assert {(e.row, e.field) for e in caught.value.errors} == {(2, "purpose"),
                                                                (2, "data_collected")}
    session.rollback()
    plan = import_notices(session=session, actor=STAFF, rows=read_rows(to_bytes(rows), "n.csv"))
    assert [(p.row, p.name) for p in plan.added] == [(2, "New drones")]
    session.commit()
    tech = session.exec(select(SurveillanceTechnology).where(
        SurveillanceTechnology.slug == "new-drones")).one()
    assert (tech.is_published, tech.category) == (False, "drone")
    assert session.exec(select(DeploymentLocation.label).where(
        DeploymentLocation.technology_id == tech.id)).all() == ["Pad"]


def test_locations_cell_reads_back_exactly() -> None:
    points = [{"label": "Harbor Blvd (eastbound)", "latitude": 45.54885, "longitude": -122.82413},
              {"label": "Oak", "latitude": 45.5, "longitude": -122.0}]
    cell = locations_cell(points)
    assert cell == "Harbor Blvd (eastbound) (45.54885, -122.82413); Oak (45.5, -122)"
    assert parse_locations(cell) == [
        {"label": "Harbor Blvd (eastbound)", "latitude": "45.54885", "longitude": "-122.82413"},
        {"label": "Oak", "latitude": "45.5", "longitude": "-122"}]
    for awkward in ("[bracket", "semi; colon", "line\nbreak"):
        cell = locations_cell([{**points[1], "label": awkward}])
        assert parse_locations(cell)[0]["label"] == awkward


def test_staff_rename_and_move_a_technology_keeping_its_address(session: Session) -> None:
    ids = county(session)
    parks = factories.department(session, code="ENV", name="Environment")
    before = session.exec(select(func.count()).select_from(RecordVersion).where(
        RecordVersion.record_type == "surveillance_technology")).one()
    tech = set_identity(session=session, actor=STAFF, technology_id=ids["alpr"],
                        name="  Licence-plate readers ", category="license_plate_reader",
                        department_id=parks.id)
    session.commit()
    assert (tech.slug, tech.name, tech.category, tech.department_id) == (
        "alpr", "Licence-plate readers", "license_plate_reader", parks.id)
    event = session.exec(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert event.action == "notices.set_identity" and event.entity_id == str(ids["alpr"])
    assert event.detail["changed"]["name"] == {"from": "Plate readers",
                                               "to": "Licence-plate readers"}
    assert set(event.detail["changed"]) == {"name", "category", "department_id"}
    # A published technology's earlier state is kept.
    assert session.exec(select(func.count()).select_from(RecordVersion).where(
        RecordVersion.record_type == "surveillance_technology")).one() == before + 1

    with pytest.raises(ValidationFailed, match="Nothing changed"):
        set_identity(session=session, actor=STAFF, technology_id=ids["alpr"],
                     name="Licence-plate readers", category="license_plate_reader",
                     department_id=parks.id)
    with pytest.raises(ValidationFailed) as caught:
        set_identity(session=session, actor=STAFF, technology_id=ids["alpr"], name="",
                     category="teleporter", department_id=None)
    assert {e.field for e in caught.value.errors} == {"name", "category", "department"}
    with pytest.raises(PermissionDenied):
        set_identity(session=session, actor=RESIDENT, technology_id=ids["alpr"], name="X",
                     category="camera", department_id=parks.id)
    session.rollback()
    assert session.get(SurveillanceTechnology, ids["alpr"]).name == "Licence-plate readers"
