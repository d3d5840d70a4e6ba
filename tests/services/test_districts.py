"""Importing and exporting district boundaries, on SQLite and PostgreSQL.

The import upserts by code and never deletes: comments and indicator values point
at districts by id, so a file that leaves one out must not orphan them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session, func, select

from portal.audit.models import AuditEvent, RecordVersion
from portal.auth.roles import RESIDENT, Actor, Role
from portal.errors import PermissionDenied, ValidationFailed
from portal.geography.geojson import DistrictIn, read_districts
from portal.geography.models import District
from portal.geography.service import export_districts, import_districts, list_districts
from tests.unit.test_geojson import reproject as reproject_coordinates
from tests.unit.test_geojson import vertices

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "data" / "demo" / "districts.geojson"
CLERK = Actor(subject="clerk@x.example", roles=frozenset({Role.STAFF}))
TOLERANCE = 1e-4  # degrees, about 10 m


def demo_districts() -> list[DistrictIn]:
    return read_districts(DEMO.read_bytes(), filename=DEMO.name)


def reproject(doc: dict[str, Any], target: str) -> dict[str, Any]:
    """The demo file as a county GIS office would export it in State Plane feet, with ``crs``."""
    out = reproject_coordinates(doc, target)
    out["crs"] = {"type": "name", "properties": {"name": target}}
    return out


def count(session: Session, table: Any) -> int:
    return session.exec(select(func.count()).select_from(table)).one()


def state(session: Session) -> list[tuple[str, str, int | None, Any]]:
    return [(d.code, d.name, d.population, d.geometry)
            for d in session.exec(select(District).order_by(District.code)).all()]


def test_first_import_adds_every_district_and_audits_once(session: Session) -> None:
    result = import_districts(session=session, actor=CLERK, districts=demo_districts(),
                              source="districts.geojson")
    session.commit()
    assert result.added == tuple(f"D{i}" for i in range(1, 9))
    assert result.updated == result.unchanged == result.kept == ()
    assert result.summary() == ("Imported 8 districts from districts.geojson: 8 added, "
                                "0 updated, 0 unchanged.")
    [event] = session.exec(select(AuditEvent)).all()
    assert event.action == "geography.import_districts" and event.actor == CLERK.subject
    assert event.detail["source"] == "districts.geojson"
    assert (event.detail["added"], event.detail["updated"], event.detail["unchanged"]) == (8, 0, 0)
    assert count(session, RecordVersion) == 8
    north = list_districts(session=session, actor=RESIDENT)[0]
    assert (north.code, north.name, north.population) == ("D1", "North Harbor", 75410)


@pytest.mark.parametrize("target", ["EPSG:2913", "EPSG:2286"])  # Oregon North ft; Washington South US ft
def test_state_plane_file_is_stored_as_wgs84(session: Session, target: str) -> None:
    original = json.loads(DEMO.read_bytes())
    projected = json.dumps(reproject(original, target)).encode()
    import_districts(session=session, actor=CLERK, source="sp.geojson",
                     districts=read_districts(projected, filename="sp.geojson"))
    session.commit()
    session.expire_all()
    stored = {d.code: d for d in list_districts(session=session, actor=RESIDENT)}
    assert len(stored) == 8
    for f in original["features"]:
        got, want = vertices(stored[f["properties"]["code"]].geometry), vertices(f["geometry"])
        assert len(got) == len(want)
        worst = max(max(abs(a[0] - b[0]), abs(a[1] - b[1])) for a, b in zip(got, want, strict=True))
        assert worst < TOLERANCE, (f["properties"]["code"], worst)


def test_export_then_reimport_changes_nothing(session: Session) -> None:
    import_districts(session=session, actor=CLERK, districts=demo_districts(), source="first.geojson")
    session.commit()
    before = state(session)
    events, versions = count(session, AuditEvent), count(session, RecordVersion)

    exported = export_districts(session=session, actor=RESIDENT)
    again = import_districts(session=session, actor=CLERK, source="export.geojson",
                             districts=read_districts(exported, filename="export.geojson"))
    session.commit()
    session.expire_all()
    assert again.unchanged == tuple(f"D{i}" for i in range(1, 9))
    assert again.added == again.updated == again.kept == ()
    assert not again.changed
    assert state(session) == before
    assert (count(session, AuditEvent), count(session, RecordVersion)) == (events, versions)


def test_upsert_updates_changed_adds_new_and_keeps_those_left_out(session: Session) -> None:
    # District 1 loaded before the portal kept versions (as the demo seed does).
    first = demo_districts()
    session.add(District(code=first[0].code, name=first[0].name, population=first[0].population,
                         geometry=first[0].geometry))
    import_districts(session=session, actor=CLERK, districts=first[1:], source="old.geojson")
    session.commit()
    d1 = session.exec(select(District).where(District.code == "D1")).one()
    d1_id, old_name = d1.id, d1.name

    square = {"type": "Polygon", "coordinates": [[[-122.9, 45.5], [-122.8, 45.5], [-122.8, 45.6],
                                                  [-122.9, 45.6], [-122.9, 45.5]]]}
    new = [DistrictIn("D1", "North Harbor and Islands", 80000, first[0].geometry),
           DistrictIn("D2", first[1].name, first[1].population, square),
           *first[2:7],  # D3..D7 as they are; D8 left out
           DistrictIn("D9", "New Town", None, square)]
    result = import_districts(session=session, actor=CLERK, districts=new, source="2031.geojson")
    session.commit()
    session.expire_all()

    assert result.added == ("D9",)
    assert result.updated == ("D1", "D2")
    assert result.unchanged == ("D3", "D4", "D5", "D6", "D7")
    assert result.kept == ("D8",)
    assert result.summary().endswith("1 added, 2 updated, 5 unchanged; 1 kept, not in the file (D8).")
    rows = {d.code: d for d in session.exec(select(District)).all()}
    assert set(rows) == {f"D{i}" for i in range(1, 10)}
    assert rows["D1"].id == d1_id  # same row: what refers to it still does
    assert (rows["D1"].name, rows["D1"].population) == ("North Harbor and Islands", 80000)
    assert rows["D2"].geometry == square

    event = session.exec(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert event is not None and event.detail["source"] == "2031.geojson"
    assert (event.detail["added"], event.detail["updated"], event.detail["unchanged"],
            event.detail["kept_not_in_file"]) == (1, 2, 5, 1)

    # D1's old state is kept as version 1 before its new one, so nothing is lost.
    history = session.exec(select(RecordVersion).where(
        RecordVersion.record_type == "district", RecordVersion.record_id == d1_id)
        .order_by(RecordVersion.version)).all()
    assert [(v.version, v.data["name"]) for v in history] == [
        (1, old_name), (2, "North Harbor and Islands")]
    d2_versions = session.exec(select(RecordVersion.version).where(
        RecordVersion.record_type == "district", RecordVersion.record_id == rows["D2"].id)
        .order_by(RecordVersion.version)).all()
    assert list(d2_versions) == [1, 2]


@pytest.mark.parametrize("who", [RESIDENT,
                                 Actor(subject="m@x.example", roles=frozenset({Role.MODERATOR})),
                                 Actor(subject="c@x.example", roles=frozenset({Role.COMMISSIONER})),
                                 Actor(subject="someone@x.example", authenticated=True)])
def test_only_staff_may_import(session: Session, who: Actor) -> None:
    with pytest.raises(PermissionDenied):
        import_districts(session=session, actor=who, districts=demo_districts(), source="x.geojson")
    assert count(session, District) == 0 and count(session, AuditEvent) == 0
    admin = Actor(subject="a@x.example", roles=frozenset({Role.ADMIN}))
    assert import_districts(session=session, actor=admin, districts=demo_districts(),
                            source="x.geojson").added


def test_a_refused_batch_writes_nothing(session: Session) -> None:
    one = demo_districts()
    with pytest.raises(ValidationFailed) as caught:
        import_districts(session=session, actor=CLERK, districts=[*one, one[0]], source="dup.geojson")
    assert [(e.field, e.row) for e in caught.value.errors] == [("code", 9)]
    with pytest.raises(ValidationFailed):
        import_districts(session=session, actor=CLERK, districts=[], source="empty.geojson")
    assert not session.new and not session.dirty
    assert count(session, District) == 0 and count(session, AuditEvent) == 0
