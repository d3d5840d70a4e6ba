"""Where a district's name is written on a map (portal.maps.label_point)."""

from __future__ import annotations

from portal.maps import label_point


def _inside(lat: float, lon: float, ring: list[list[float]]) -> bool:
    inside = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        if (y0 > lat) != (y1 > lat) and lon < x0 + (lat - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def test_a_square_is_labelled_at_its_centre() -> None:
    square = {"type": "Polygon", "coordinates": [[[-123, 45], [-122, 45], [-122, 46], [-123, 46], [-123, 45]]]}
    assert label_point(square) == (45.5, -122.5)


def test_a_u_shaped_district_is_labelled_inside_it_not_in_its_notch() -> None:
    ring = [[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]
    lat, lon = label_point({"type": "Polygon", "coordinates": [ring]})
    assert _inside(lat, lon, ring)


def test_a_multipolygon_is_labelled_on_its_largest_part() -> None:
    island = [[10, 10], [10.1, 10], [10.1, 10.1], [10, 10.1], [10, 10]]
    main = [[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]
    assert label_point({"type": "MultiPolygon", "coordinates": [[island], [main]]}) == (1.0, 1.0)


def test_no_area_no_label() -> None:
    assert label_point(None) is None
    assert label_point({"type": "Point", "coordinates": [1, 2]}) is None
