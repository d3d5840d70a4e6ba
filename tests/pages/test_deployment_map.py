"""The county-wide map: its list alternative and filters."""

from __future__ import annotations

from sqlmodel import Session

from portal.auth.roles import Actor, Role
from portal.geography.models import District
from portal.notices.editing import publish, save_draft
from tests import factories
from tests.apptest import run_script, texts
from tests.mapview import folium_maps, labels, legend_rows, links

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


SOUTH = {"type": "Polygon", "coordinates": [[[-123.0, 44.0], [-122.0, 44.0], [-122.0, 45.0],
                                             [-123.0, 45.0], [-123.0, 44.0]]]}
ZONE = {"type": "Polygon", "coordinates": [[[-122.8, 45.2], [-122.6, 45.2], [-122.6, 45.4],
                                            [-122.8, 45.4], [-122.8, 45.2]]]}


def test_the_map_names_each_district_and_has_a_key(session: Session) -> None:
    session.add(District(code="D1", name="North", geometry=SQUARE))
    session.add(District(code="D2", name="South <b>Bay</b>", geometry=SOUTH))
    tech = factories.technology(session, name="Readers", status="in_use")
    save_draft(session=session, actor=STAFF, technology_id=tech.id,
               content={"purpose": "p", "data_collected": "d", "change_summary": "placed"},
               locations=[{"label": "Main St", "latitude": 45.5, "longitude": -122.5},
                          {"label": "Patrol zone", "geometry": ZONE}])
    publish(session=session, actor=STAFF, technology_id=tech.id)
    session.commit()

    at = run_script("app_pages/deployment_map.py")
    assert not at.exception
    [fmap] = folium_maps(at)
    # Each district's name is written on it, as text (the markup in a name stays inert).
    assert sorted(labels(fmap)) == [["North"], ["South <b>Bay</b>"]]
    assert "<b>Bay</b>" not in fmap["script"]
    # The key names every kind of mark in words; the marks differ by more than colour.
    key = legend_rows(fmap)
    assert key[0] == "Key"
    assert "District, its name written on it" in key
    assert "Area where it is deployed (dashed outline)" in key
    assert "One location (circle)" in key
    assert "Several locations: the number says how many (zoom in)" in key
    # Still the portal's own copies of Leaflet and its plugins, nothing from a CDN.
    assert links(fmap) and all(link.startswith("/app/static/vendor/") for link in links(fmap))


def test_a_map_without_areas_does_not_explain_them(session: Session) -> None:
    session.add(District(code="D1", name="North", geometry=SQUARE))
    session.commit()
    at = run_script("app_pages/deployment_map.py")
    [fmap] = folium_maps(at)
    assert legend_rows(fmap) == ["Key", "District, its name written on it"]
    assert labels(fmap) == [["North"]]


def test_the_map_page_in_spanish(session: Session) -> None:
    from portal.i18n import using_language

    tech = factories.technology(session, name="Cameras", status="in_use")
    save_draft(session=session, actor=STAFF, technology_id=tech.id,
               content={"purpose": "p", "data_collected": "d", "change_summary": "placed"},
               locations=[{"label": "Main St", "latitude": 45.5, "longitude": -122.5}])
    publish(session=session, actor=STAFF, technology_id=tech.id)
    session.commit()
    with using_language("es"):
        at = run_script("app_pages/deployment_map.py", query={"lang": "es"})
        assert not at.exception
        shown = texts(at)
        assert at.title[0].value == "Mapa de despliegues"
        assert "1 de 1 ubicaciones" in shown and "Las mismas ubicaciones en una lista" in shown
        assert [m.label for m in at.multiselect] == ["Tecnología", "Estado"]
        frame = at.dataframe[0].value
        assert list(frame["Estado"]) == ["En uso"] and list(frame["Tipo"]) == ["Punto"]
        assert "Map of deployments" not in shown and "locations" not in shown
