"""Batch import of notices: all rows or none, with row numbers and reasons; the export
imports back, and a row that changes nothing writes nothing."""

from __future__ import annotations

import json

import pytest
from sqlmodel import Session, select

from portal.auth.roles import Actor, Role
from portal.errors import ValidationFailed
from portal.geography.models import District
from portal.notices.importer import import_notices, read_rows, to_publish
from portal.notices.models import DeploymentLocation, NoticeVersion, SurveillanceTechnology
from tests import factories

STAFF = Actor(subject="clerk@x.example", roles=frozenset({Role.STAFF}))
SQUARE = {"type": "Polygon", "coordinates": [[[-123.0, 45.0], [-122.0, 45.0], [-122.0, 46.0],
                                              [-123.0, 46.0], [-123.0, 45.0]]]}
HEADER = "slug,name,category,department,status,description,purpose,data_collected,use_policy,locations\n"


def setup(session: Session) -> None:
    session.add(District(code="D1", name="North", geometry=SQUARE))
    factories.department(session, code="POL", name="Police Department")


def test_csv_with_long_text_and_several_locations_per_row(session: Session) -> None:
    setup(session)
    policy = "Rule. " * 1500  # several thousand characters
    text = HEADER + (
        f'alpr,Plate readers,license_plate_reader,POL,proposed,Cameras.,Stolen cars.,Plates.,"{policy}",'
        '"Main St (45.5, -122.5); Oak Ave (45.6, -122.4)"\n'
        'drones,Drones,drone,Police Department,under_review,Drones.,Search.,Video.,,\n'
    )
    result = import_notices(session=session, actor=STAFF, rows=read_rows(text.encode(), "n.csv"),
                            publish_all=True)
    assert [p.values["slug"] for p in result.added] == ["alpr", "drones"]
    assert to_publish(result) == ["alpr", "drones"]
    alpr = session.exec(select(SurveillanceTechnology).where(SurveillanceTechnology.slug == "alpr")).one()
    version = session.exec(select(NoticeVersion).where(NoticeVersion.technology_id == alpr.id)).one()
    assert len(version.use_policy) == len(policy.strip())
    labels = session.exec(select(DeploymentLocation.label).where(
        DeploymentLocation.technology_id == alpr.id)).all()
    assert sorted(labels) == ["Main St", "Oak Ave"]


def test_one_bad_row_writes_nothing_and_names_every_reason(session: Session) -> None:
    setup(session)
    session.commit()
    text = HEADER + (
        'alpr,Plate readers,license_plate_reader,POL,proposed,Cameras.,Stolen cars.,Plates.,,\n'
        'x,,teleporter,NOPE,paused,,,,,"Far away (10.0, 10.0)"\n'
        'alpr,Again,camera,POL,proposed,A.,B.,C.,,"Somewhere"\n'
    )
    with pytest.raises(ValidationFailed) as caught:
        import_notices(session=session, actor=STAFF, rows=read_rows(text.encode(), "n.csv"),
                       publish_all=True)
    reasons = {(e.row, e.field) for e in caught.value.errors}
    # Rows numbered as a spreadsheet numbers them: the header is row 1.
    assert {(3, "slug"), (3, "name"), (3, "category"), (3, "status"), (3, "department"),
            (3, "locations[1]"), (3, "description"), (4, "slug"), (4, "locations")} <= reasons
    assert not any(row == 2 for row, _ in reasons)
    session.rollback()
    assert session.exec(select(SurveillanceTechnology)).all() == []


def test_json_updates_an_existing_notice_as_a_new_version(session: Session) -> None:
    setup(session)
    tech = factories.technology(session, slug="cams")
    rows = read_rows(json.dumps({"notices": [
        {"slug": "cams", "retention": "30 days", "change_summary": "Retention cut.",
         "purpose": "Safety.", "data_collected": "Video.",
         "locations": [{"label": "Zone", "geometry": SQUARE | {"coordinates": [[[-122.6, 45.4], [-122.5, 45.4], [-122.5, 45.5], [-122.6, 45.4]]]}}]},
    ]}).encode(), "n.json")
    result = import_notices(session=session, actor=STAFF, rows=rows, publish_all=True)
    assert [p.values["slug"] for p in result.updated] == ["cams"]
    versions = session.exec(select(NoticeVersion).where(NoticeVersion.technology_id == tech.id)
                            .order_by(NoticeVersion.version)).all()
    assert [(v.version, v.retention) for v in versions] == [(1, ""), (2, "30 days")]
    assert versions[1].description == "A camera."  # kept from version 1


def test_import_renaming_and_retiring_a_published_notice_is_versioned_and_audited(
    session: Session,
) -> None:
    from datetime import timedelta

    from portal.audit.models import AuditEvent, RecordVersion
    from portal.base import utcnow
    from portal.notices.window import CommentPeriodClosed, ensure_open_for_comment

    setup(session)
    now = utcnow()
    tech = factories.technology(session, slug="cams", name="Cameras", status="in_use",
                                comment_opens_at=now + timedelta(days=2),
                                comment_closes_at=now + timedelta(days=20))
    rows = read_rows(json.dumps({"notices": [
        {"slug": "cams", "name": "Park cameras", "status": "retired"},
    ]}).encode(), "n.json")
    import_notices(session=session, actor=STAFF, rows=rows)
    session.refresh(tech)
    assert (tech.name, tech.status, tech.category) == ("Park cameras", "retired", "camera")
    actions = session.exec(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert "notices.import_identity" in actions and "notices.set_status" in actions
    snapshots = session.exec(select(RecordVersion).where(
        RecordVersion.record_type == "surveillance_technology", RecordVersion.record_id == tech.id)).all()
    assert len(snapshots) >= 2
    # Retiring through an import ends the upcoming comment period, as the staff page does.
    assert tech.comment_opens_at is None
    with pytest.raises(CommentPeriodClosed):
        ensure_open_for_comment(session, tech.id, now + timedelta(days=3))


@pytest.mark.parametrize("data,name,message", [
    (b"slug,colour\nx,red\n", "n.csv", "colour: unknown column"),
    (b"{not json", "n.json", "not valid JSON"),
    (b'{"rows": []}', "n.json", "expected a list of notices"),
    (b"a", "n.txt", "give a .csv, .xlsx or .json file"),
    (b"not a workbook", "n.xlsx", "not a readable XLSX file"),
])
def test_unreadable_files_are_refused(data: bytes, name: str, message: str) -> None:
    with pytest.raises(ValidationFailed, match=message):
        read_rows(data, name)
