"""Reading counties' district boundary files: detection, reprojection and every way to refuse."""

from __future__ import annotations

import copy
import json
import socket
from pathlib import Path
from typing import Any

import pyproj
import pyproj.network
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyproj import Transformer

from portal.errors import FieldError, ValidationFailed
from portal.geography.geojson import DistrictIn, districts_geojson, read_districts

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "data" / "demo" / "districts.geojson"
ARCGIS = ROOT / "tests" / "data" / "geojson" / "arcgis_state_plane_ft.geojson"
TOLERANCE = 1e-4  # degrees, about 10 m
FOOT = 0.3048  # the international foot EPSG:2269 and EPSG:2913 use


def demo() -> dict[str, Any]:
    return json.loads(DEMO.read_bytes())


def encode(doc: Any) -> bytes:
    return json.dumps(doc).encode()


def square(x: float = -122.8, y: float = 45.5, size: float = 0.01) -> list[list[list[float]]]:
    return [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]


def feature(props: dict[str, Any] | None = None, geometry: Any = "square",
            **extra: Any) -> dict[str, Any]:
    if geometry == "square":
        geometry = {"type": "Polygon", "coordinates": square()}
    return {"type": "Feature", "properties": props, "geometry": geometry, **extra}


def collection(*features: dict[str, Any], **extra: Any) -> bytes:
    return encode({"type": "FeatureCollection", "features": list(features), **extra})


def refused(data: bytes, **kwargs: Any) -> list[FieldError]:
    with pytest.raises(ValidationFailed) as caught:
        read_districts(data, **kwargs)
    assert caught.value.errors, "ValidationFailed should say what is wrong"
    return caught.value.errors


def vertices(geometry: dict[str, Any]) -> list[list[float]]:
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return [p for polygon in polygons for ring in polygon for p in ring]


def reproject(doc: dict[str, Any], target: str, *, multi: bool = False) -> dict[str, Any]:
    """The same file with every coordinate converted by pyproj, as a GIS export would."""
    out = copy.deepcopy(doc)
    to = Transformer.from_crs("EPSG:4326", target, always_xy=True)
    for f in out["features"]:
        g = f["geometry"]
        polygons = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        converted = []
        for polygon in polygons:
            rings = []
            for ring in polygon:
                xs, ys = to.transform([p[0] for p in ring], [p[1] for p in ring])
                rings.append([[x, y] for x, y in zip(xs, ys, strict=True)])
            converted.append(rings)
        f["geometry"] = ({"type": "MultiPolygon", "coordinates": converted}
                         if multi or g["type"] == "MultiPolygon"
                         else {"type": "Polygon", "coordinates": converted[0]})
    return out


def assert_close(got: list[DistrictIn], want: list[DistrictIn]) -> None:
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        a, b = vertices(g.geometry), vertices(w.geometry)
        assert len(a) == len(b)
        worst = max(max(abs(p[0] - q[0]), abs(p[1] - q[1])) for p, q in zip(a, b, strict=True))
        assert worst < TOLERANCE, f"{g.code}: off by {worst} degrees"


# -- the files the portal ships and the files counties send -------------------------------


def test_demo_file_reads_as_eight_districts() -> None:
    districts = read_districts(DEMO.read_bytes(), filename="districts.geojson")
    assert [d.code for d in districts] == [f"D{i}" for i in range(1, 9)]
    assert districts[0].name == "North Harbor"
    assert districts[7].name == "Upper Alder Valley"
    assert all(isinstance(d.population, int) and d.population > 70_000 for d in districts)
    assert districts[0].population == 75410
    original = demo()["features"]
    for d, f in zip(districts, original, strict=True):
        assert d.geometry == f["geometry"]  # already WGS84 at 5 decimals: kept exactly


@pytest.mark.parametrize("crs", [
    {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2269"}},
    {"type": "name", "properties": {"name": "EPSG:2269"}},
    {"type": "EPSG", "properties": {"code": 2269}},
    "EPSG:2269",
])
def test_state_plane_feet_file_lands_on_the_wgs84_original(crs: Any) -> None:
    original = read_districts(DEMO.read_bytes())
    projected = reproject(demo(), "EPSG:2269")
    # It really is Oregon North in feet: millions of feet east, and 1/0.3048 the metre figures.
    in_metres = reproject(demo(), "EPSG:32126")  # the same zone in metres
    x_ft, y_ft = projected["features"][0]["geometry"]["coordinates"][0][0]
    x_m, y_m = in_metres["features"][0]["geometry"]["coordinates"][0][0]
    assert 7_000_000 < x_ft < 8_500_000 and 500_000 < y_ft < 1_000_000
    assert x_ft == pytest.approx(x_m / FOOT, rel=1e-9) and y_ft == pytest.approx(y_m / FOOT, rel=1e-9)
    projected["crs"] = crs
    got = read_districts(encode(projected))
    assert [(d.code, d.name, d.population) for d in got] == [
        (d.code, d.name, d.population) for d in original]
    assert_close(got, original)
    for d in got:
        assert all(len(str(v).split(".")[-1]) <= 7 for p in vertices(d.geometry) for v in p)


def test_multipolygons_with_numeric_feature_ids_in_harn_feet() -> None:
    doc = demo()
    for number, f in enumerate(doc["features"], start=1):
        del f["properties"]["code"]  # the code is only in the feature id, as a number
        f["id"] = number
        ring = f["geometry"]["coordinates"][0]
        island = [[x + 0.5, y] for x, y in ring]  # a second part, well east of the first
        f["geometry"] = {"type": "MultiPolygon", "coordinates": [[ring], [island]]}
    original = read_districts(encode(doc))
    assert [d.code for d in original] == [str(i) for i in range(1, 9)]
    projected = reproject(doc, "EPSG:2913")
    projected["crs"] = {"type": "name", "properties": {"name": "EPSG:2913"}}
    got = read_districts(encode(projected))
    assert [d.code for d in got] == [str(i) for i in range(1, 9)]
    assert all(d.geometry["type"] == "MultiPolygon" and len(d.geometry["coordinates"]) == 2
               for d in got)
    assert_close(got, original)


def test_arcgis_style_export_with_bom_z_values_and_shapefile_field_names() -> None:
    districts = read_districts(ARCGIS.read_bytes(), filename=ARCGIS.name)
    assert [(d.code, d.name, d.population) for d in districts] == [
        ("1", "NORTH HARBOR", 75410), ("2", "MILLRACE", 74880)]
    assert all(len(p) == 2 for d in districts for p in vertices(d.geometry))  # Z dropped
    original = read_districts(DEMO.read_bytes())[:2]
    assert_close(districts, original)


@pytest.mark.parametrize("name", ["EPSG:4326", "urn:ogc:def:crs:EPSG::4326",
                                  "urn:ogc:def:crs:OGC:1.3:CRS84", "OGC:CRS84", "CRS84"])
def test_wgs84_named_explicitly_keeps_lon_lat_as_they_are(name: str) -> None:
    doc = demo()
    doc["crs"] = {"type": "name", "properties": {"name": name}}
    got = read_districts(encode(doc))
    assert [d.geometry for d in got] == [f["geometry"] for f in demo()["features"]]


def test_geographic_nad83_is_converted_too() -> None:
    doc = reproject(demo(), "EPSG:4269")
    doc["crs"] = "EPSG:4269"
    assert_close(read_districts(encode(doc)), read_districts(DEMO.read_bytes()))


def test_a_single_feature_is_a_file_of_one() -> None:
    one = feature({"code": "D1", "name": "Harbor"})
    one["crs"] = {"type": "name", "properties": {"name": "EPSG:4326"}}
    [district] = read_districts(encode(one))
    ring = [[-122.8, 45.5], [-122.79, 45.5], [-122.79, 45.51], [-122.8, 45.51], [-122.8, 45.5]]
    assert district == DistrictIn("D1", "Harbor", None, {"type": "Polygon",
                                                         "coordinates": [ring]})


# -- detecting fields and normalising values --------------------------------------------


@pytest.mark.parametrize("value,code", [(1, "1"), ("01", "01"), (1.0, "1"), (" 7 ", "7"),
                                        (2.5, "2.5"), ("North-1", "North-1")])
def test_codes_from_numbers_and_strings(value: Any, code: str) -> None:
    [d] = read_districts(collection(feature({"code": value})))
    assert d.code == code
    assert d.name == f"District {code}"


@pytest.mark.parametrize("props,expected", [
    ({"DISTRICT": 3, "NAME": "Eastgate", "POP2020": 75230}, ("3", "Eastgate", 75230)),
    ({"DIST_NUM": "04", "District_Name": "Bellmont", "TOTAL_POP": "75,020"},
     ("04", "Bellmont", 75020)),
    ({"DISTRICTID": 5.0, "label": "Prairie", "pop": 10.0}, ("5", "Prairie", 10)),
    ({"OBJECTID": 9, "district id": "D9", "Name": "  Kessler  "}, ("D9", "Kessler", None)),
    ({"id": "X", "dist": "D2", "name": ""}, ("D2", "District D2", None)),
])
def test_field_detection_ignores_case(props: dict[str, Any], expected: tuple[Any, ...]) -> None:
    [d] = read_districts(collection(feature(props)))
    assert (d.code, d.name, d.population) == expected


def test_feature_id_is_the_code_when_no_property_is() -> None:
    got = read_districts(collection(feature({"NAME": "A"}, id=12), feature({"NAME": "B"}, id="13")))
    assert [(d.code, d.name) for d in got] == [("12", "A"), ("13", "B")]


def test_named_fields_win_over_detection() -> None:
    props = {"code": "ignored", "DIST_LABEL": "7", "TITLE": "Seven", "P0010001": "1,234"}
    [d] = read_districts(collection(feature(props)), code_field="DIST_LABEL",
                         name_field="title", population_field="P0010001")
    assert (d.code, d.name, d.population) == ("7", "Seven", 1234)


def test_unclosed_rings_are_closed_and_z_dropped() -> None:
    open_ring = [[-122.8, 45.5, 10.0], [-122.79, 45.5, 11.0], [-122.79, 45.51, 12.0]]
    [d] = read_districts(collection(feature({"code": "A"}, {"type": "Polygon",
                                                           "coordinates": [open_ring]})))
    assert d.geometry["coordinates"] == [[[-122.8, 45.5], [-122.79, 45.5], [-122.79, 45.51],
                                          [-122.8, 45.5]]]


def test_coordinates_are_rounded_to_seven_decimals() -> None:
    ring = [[-122.123456789, 45.987654321], [-122.1, 45.98], [-122.1, 45.99],
            [-122.123456789, 45.987654321]]
    [d] = read_districts(collection(feature({"code": "A"}, {"type": "Polygon",
                                                           "coordinates": [ring]})))
    assert d.geometry["coordinates"][0][0] == [-122.1234568, 45.9876543]


# -- refusals: every bad feature at once, by number ---------------------------------------


@pytest.mark.parametrize("data,words", [
    (b"", "empty"),
    (b"\x80\x81\x82 Latin-1 \xe9", "UTF-8"),
    (b"<html>not json</html>", "not valid JSON"),
    (b'{"type": "FeatureCollection", "features": [', "not valid JSON"),
    (b"[1, 2]", "FeatureCollection"),
    (b'{"type": "Polygon", "coordinates": []}', "bare Polygon"),
    (b'{"type": "Topology", "objects": {}}', "TopoJSON"),
    (b'{"geometryType": "esriGeometryPolygon", "spatialReference": {"wkid": 2269}, "features": []}',
     "Esri JSON"),
    (b'{"type": "FeatureCollection", "features": []}', "no features"),
    (b'{"type": "FeatureCollection"}', "no \"features\""),
])
def test_unreadable_files_are_refused(data: bytes, words: str) -> None:
    [error] = refused(data, filename="districts.geojson")
    assert error.field == "file" and error.row is None
    assert words in error.message


def test_bom_and_utf16_are_read() -> None:
    text = DEMO.read_text(encoding="utf-8")
    assert len(read_districts(b"\xef\xbb\xbf" + text.encode())) == 8
    assert len(read_districts(text.encode("utf-16"))) == 8


def test_every_bad_feature_is_reported_at_once_with_its_number() -> None:
    doc = demo()
    fs = doc["features"]
    fs[1]["geometry"] = {"type": "Point", "coordinates": [-122.8, 45.5]}
    fs[2]["properties"]["population"] = -5
    fs[3]["properties"]["code"] = "D1"  # same as feature 1
    fs[4]["geometry"] = None
    fs[5]["properties"]["name"] = "x" * 121
    fs[6]["properties"]["code"] = "DISTRICT-SEVENTEEN"  # 18 characters
    fs[7]["geometry"] = {"type": "GeometryCollection", "geometries": []}
    errors = refused(encode(doc))
    by_row = {(e.row, e.field): e.message for e in errors}
    assert set(by_row) == {(2, "geometry"), (3, "population"), (4, "code"), (5, "geometry"),
                           (6, "name"), (7, "code"), (8, "geometry")}
    assert "Point" in by_row[2, "geometry"] and "Polygon or MultiPolygon" in by_row[2, "geometry"]
    assert "negative" in by_row[3, "population"]
    assert "'D1'" in by_row[4, "code"] and "feature 1" in by_row[4, "code"]
    assert "null" in by_row[5, "geometry"]
    assert "121 characters" in by_row[6, "name"] and "120" in by_row[6, "name"]
    assert "18 characters" in by_row[7, "code"] and "16" in by_row[7, "code"]
    assert "GeometryCollection" in by_row[8, "geometry"]
    assert [e.row for e in errors] == sorted(e.row for e in errors)


def test_duplicate_codes_after_normalising_numbers() -> None:
    errors = refused(collection(feature({"code": 1}), feature({"code": "A"}),
                                feature({"code": 1.0}), feature({"code": " 1"})))
    assert [(e.row, e.field) for e in errors] == [(3, "code"), (4, "code")]
    assert all("feature 1" in e.message for e in errors)


@pytest.mark.parametrize("geometry,words", [
    ({"type": "LineString", "coordinates": [[0, 0], [1, 1]]}, "LineString"),
    ({"type": "Polygon", "coordinates": []}, "no rings"),
    ({"type": "MultiPolygon", "coordinates": []}, "no polygons"),
    ({"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [0, 0]]]}, "ring 1"),
    ({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]], [[0, 0], [0, 0]]]},
     "ring 2"),
    ({"type": "MultiPolygon", "coordinates": [square(), [[[0, 0], "x", [1, 1], [0, 0]]]]},
     "polygon 2, ring 1, point 2"),
    ({"type": "Polygon", "coordinates": [[[0, 0], [1, True], [1, 1], [0, 0]]]}, "point 2"),
    ({"coordinates": square()}, "no type"),
])
def test_bad_geometries(geometry: dict[str, Any], words: str) -> None:
    [error] = refused(collection(feature({"code": "A"}), feature({"code": "B"}, geometry)))
    assert (error.row, error.field) == (2, "geometry")
    assert words in error.message


@pytest.mark.parametrize("value,words", [(12.5, "whole number"), ("about 70k", "whole number"),
                                         ("-3", "whole number"), (True, "not a number"),
                                         (10**12, "too large"), ([1], "not a number")])
def test_bad_populations(value: Any, words: str) -> None:
    [error] = refused(collection(feature({"code": "A", "population": value})))
    assert (error.row, error.field) == (1, "population") and words in error.message


def test_missing_codes_say_what_properties_there_are() -> None:
    errors = refused(collection(feature({"NAME": "A", "AREA": 3}, id=1),
                                feature({"NAME": "B", "AREA": 4})))
    [error] = errors
    assert (error.row, error.field) == (2, "code")
    assert "NAME, AREA" in error.message and "feature id" in error.message


def test_a_detected_code_property_blank_on_one_feature() -> None:
    [error] = refused(collection(feature({"district": 1}), feature({"district": None}),
                                 feature({"district": "  "}, id=3)))[:1]
    assert (error.row, error.field) == (2, "code") and "'district'" in error.message


def test_named_field_absent_from_some_features_lists_what_they_have() -> None:
    data = collection(feature({"DIST": "1", "NAME": "A", "POP": 5}),
                      feature({"DISTNO": "2", "NAME": "B"}),
                      feature({"DISTNO": "3", "NAME": "C"}))
    errors = refused(data, code_field="DIST", population_field="POP")
    assert [(e.row, e.field) for e in errors] == [(2, "code"), (2, "population"),
                                                  (3, "code"), (3, "population")]
    assert "'DIST'" in errors[0].message and "DISTNO, NAME" in errors[0].message
    errors = refused(data, code_field="NAME", name_field="LABEL")
    assert [(e.row, e.field) for e in errors] == [(1, "name"), (2, "name"), (3, "name")]
    assert "'LABEL'" in errors[0].message and "DIST, NAME, POP" in errors[0].message


def test_projected_coordinates_without_crs_are_refused_once_for_the_file() -> None:
    [error] = refused(encode(reproject(demo(), "EPSG:2269")), filename="districts.geojson")
    assert error.field == "crs" and error.row is None
    assert "districts.geojson" in error.message
    assert "projected coordinate system" in error.message
    assert "EPSG:4326" in error.message and "crs member" in error.message


def test_one_stray_projected_feature_is_reported_by_number() -> None:
    doc = demo()
    doc["features"][4] = reproject(demo(), "EPSG:2269")["features"][4]
    [error] = refused(encode(doc))
    assert (error.row, error.field) == (5, "geometry")
    assert "projected coordinate system" in error.message


def test_swapped_latitude_longitude_is_named_as_such() -> None:
    ring = [[y, x] for x, y in square()[0]]
    [error] = refused(collection(feature({"code": "A"}, {"type": "Polygon", "coordinates": [ring]})))
    assert "latitude, longitude" in error.message and "longitude first" in error.message


@pytest.mark.parametrize("crs,words", [
    ({"type": "name", "properties": {"name": "EPSG:999999"}}, "not a coordinate system"),
    ({"type": "name", "properties": {"name": "Oregon State Plane North"}}, "not a coordinate"),
    ({"type": "link", "properties": {"href": "http://example.org/crs.prj"}}, "links to a file"),
    ({"type": "name"}, "not in a form"),
])
def test_unknown_crs_is_a_clear_error(crs: Any, words: str) -> None:
    doc = reproject(demo(), "EPSG:2269")
    doc["crs"] = crs
    errors = refused(encode(doc), filename="d.geojson")
    assert [(e.field, e.row) for e in errors] == [("crs", None)]
    assert words in errors[0].message and "d.geojson" in errors[0].message


def test_crs_naming_the_wrong_system_is_caught() -> None:
    doc = reproject(demo(), "EPSG:2269")
    doc["crs"] = "EPSG:2227"  # California zone III feet: same units, wrong place
    [error] = refused(encode(doc))
    assert error.field == "crs" and "outside the area" in error.message
    doc["crs"] = "EPSG:4326"  # feet declared as degrees
    [error] = refused(encode(doc))
    assert error.field == "crs" and "are not degrees" in error.message


def test_structural_problems_in_features() -> None:
    errors = refused(collection(feature({"code": "A"}), "not a feature",
                                {"type": "Polygon", "coordinates": square()},
                                feature(["code", "D4"])))  # type: ignore[arg-type]
    # A row that is not a feature at all gets that one error, not a cascade of others.
    assert [(e.row, e.field) for e in errors] == [(2, "feature"), (3, "feature"),
                                                  (4, "properties")]


# -- writing back --------------------------------------------------------------------------


def test_demo_round_trips_through_districts_geojson() -> None:
    districts = read_districts(DEMO.read_bytes())
    written = districts_geojson(districts)
    doc = json.loads(written)
    assert doc["type"] == "FeatureCollection" and "crs" not in doc
    assert doc["features"][0]["properties"] == {"code": "D1", "name": "North Harbor",
                                                "population": 75410}
    assert read_districts(written) == districts


def test_round_trip_of_reprojected_districts() -> None:
    projected = reproject(demo(), "EPSG:2269", multi=True)
    projected["crs"] = "EPSG:2269"
    districts = read_districts(encode(projected))
    assert read_districts(districts_geojson(districts)) == districts


_text = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1)
_coordinate = st.tuples(st.floats(-179.0, 179.0), st.floats(-89.0, 89.0),
                        st.floats(1e-4, 0.5), st.floats(1e-4, 0.5))


@st.composite
def districts(draw: st.DrawFn) -> list[DistrictIn]:
    codes = draw(st.lists(_text.map(str.strip).filter(lambda s: 0 < len(s) <= 16),
                          min_size=1, max_size=5, unique=True))
    out = []
    for code in codes:
        name = draw(st.one_of(st.just(f"District {code}"),
                              _text.map(str.strip).filter(lambda s: 0 < len(s) <= 120)))
        population = draw(st.one_of(st.none(), st.integers(0, 2_147_483_647)))
        parts = []
        for x, y, w, h in draw(st.lists(_coordinate, min_size=1, max_size=3)):
            corners = [[round(x, 7), round(y, 7)], [round(x + w, 7), round(y, 7)],
                       [round(x + w, 7), round(y + h, 7)], [round(x, 7), round(y, 7)]]
            parts.append([corners])
        geometry = ({"type": "Polygon", "coordinates": parts[0]} if draw(st.booleans())
                    else {"type": "MultiPolygon", "coordinates": parts})
        out.append(DistrictIn(code, name, population, geometry))
    return out


@settings(max_examples=150, deadline=None)
@given(districts())
def test_any_districts_round_trip_unchanged(values: list[DistrictIn]) -> None:
    assert read_districts(districts_geojson(values)) == values


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 10**15), min_size=1, max_size=6, unique=True))
def test_numeric_codes_are_their_integer_text(numbers: list[int]) -> None:
    data = collection(*[feature({"code": float(n) if n % 2 else n}) for n in numbers])
    if any(len(str(n)) > 16 for n in numbers):
        refused(data)
    else:
        assert [d.code for d in read_districts(data)] == [str(n) for n in numbers]


# -- no network -----------------------------------------------------------------------------


def test_reprojecting_attempts_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a network connection was attempted")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket.socket, "connect_ex", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setenv("PROJ_NETWORK", "ON")
    # PROJ downloads through its own libcurl, not Python sockets: even if something switched
    # its network access on, reading a file must switch it off before transforming.
    pyproj.network.set_network_enabled(True)
    try:
        doc = reproject(demo(), "EPSG:2913")
        doc["crs"] = "urn:ogc:def:crs:EPSG::2913"
        got = read_districts(encode(doc))
        assert pyproj.network.is_network_enabled() is False
    finally:
        pyproj.network.set_network_enabled(False)
    assert_close(got, read_districts(DEMO.read_bytes()))
