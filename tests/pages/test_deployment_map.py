"""The county-wide map: its list alternative and filters."""

from __future__ import annotations

from sqlmodel import Session

from portal.auth.roles import Actor, Role
from portal.geography.models import District
from portal.notices.editing import publish, save_draft
from tests import factories
from tests.apptest import run_script, texts

STAFF = Actor(subject="clerk@x.example", roles=frozenset({Role.STAFF}))
SQUARE = {"type": "Polygon", "coordinates": [[[-123.0, 45.0], [-122.0, 45.0], [-122.0, 46.0],
                                              [-123.0, 46.0], [-123.0, 45.0]]]}


def test_locations_of_current_versions_with_filters(session: Session) -> None:
    session.add(District(code="D1", name="North", geometry=SQUARE))
    for name, status, label in (("Readers", "in_use", "Main St"), ("Drones", "proposed", "Park")):
        tech = factories.technology(session, name=name, status=status)
        save_draft(session=session, actor=STAFF, technology_id=tech.id,
                   content={"purpose": "p", "data_collected": "d", "change_summary": "placed"},
                   locations=[{"label": label, "latitude": 45.5, "longitude": -122.5}])
        publish(session=session, actor=STAFF, technology_id=tech.id)
    hidden = factories.technology(session, name="Hidden", is_published=False)
    save_draft(session=session, actor=STAFF, technology_id=hidden.id,
               locations=[{"label": "Secret", "latitude": 45.5, "longitude": -122.5}])
    session.commit()

    at = run_script("app_pages/deployment_map.py")
    assert not at.exception
    frame = at.dataframe[0].value
    assert sorted(frame["Location"]) == ["Main St", "Park"]
    assert "2 of 2 locations" in texts(at)
    next(m for m in at.multiselect if m.label == "Status").set_value(["in_use"]).run()
    assert list(at.dataframe[0].value["Location"]) == ["Main St"]


def test_staff_see_the_same_public_map(session: Session) -> None:
    at = run_script("app_pages/deployment_map.py", Role.STAFF)
    assert not at.exception
    assert "No location matches these filters." in texts(at)
