"""Checking deployment locations against the county's districts.

Pure Python (no GIS library): the county has a handful of district polygons,
and ray casting over them is fast enough for thousands of points. A location
outside every district is outside the county, and staff are told which row.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from portal.errors import FieldError
from portal.i18n import _
from portal.tabular import load_json
from portal.textsafety import unstorable

Ring = Sequence[Sequence[float]]
GEOMETRY_TYPES = ("Point", "LineString", "Polygon", "MultiPolygon")


@dataclass(frozen=True)
class DistrictShape:
    id: int
    code: str
    polygons: list[list[Ring]]  # each polygon: outer ring, then holes


@dataclass
class LocationInput:
    """One location as staff entered it, after checking."""

    label: str
    latitude: float
    longitude: float
    district_id: int | None
    geometry: dict[str, Any] | None = None


def shapes_from(districts: Iterable[Any]) -> list[DistrictShape]:
    shapes = []
    for d in districts:
        geometry = d.geometry or {}
        if geometry.get("type") == "Polygon":
            polygons = [geometry["coordinates"]]
        elif geometry.get("type") == "MultiPolygon":
            polygons = list(geometry["coordinates"])
        else:
            continue
        shapes.append(DistrictShape(d.id, d.code, polygons))
    return shapes


def _in_ring(lon: float, lat: float, ring: Ring) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def district_at(shapes: Sequence[DistrictShape], lat: float, lon: float) -> DistrictShape | None:
    for shape in shapes:
        for polygon in shape.polygons:
            if polygon and _in_ring(lon, lat, polygon[0]) and not any(
                _in_ring(lon, lat, hole) for hole in polygon[1:]
            ):
                return shape
    return None


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _positions(geometry: dict[str, Any]) -> list[tuple[float, float]] | str:
    """Every (lon, lat) vertex, or a reason the geometry is not valid GeoJSON."""
    kind, coords = geometry.get("type"), geometry.get("coordinates")
    if kind not in GEOMETRY_TYPES:
        return _("geometry type must be one of {types}").format(types=", ".join(GEOMETRY_TYPES))

    def position(p: Any) -> tuple[float, float] | None:
        if not isinstance(p, (list, tuple)) or len(p) < 2:
            return None
        lon, lat = _number(p[0]), _number(p[1])
        return None if lon is None or lat is None else (lon, lat)

    def ring(r: Any, closed: bool) -> list[tuple[float, float]] | str:
        if not isinstance(r, (list, tuple)):
            return _("coordinates are not a list of positions")
        points = [position(p) for p in r]
        if any(p is None for p in points):
            return _("a position is not a pair of numbers [longitude, latitude]")
        if closed and (len(points) < 4 or points[0] != points[-1]):
            return _("a polygon ring needs at least 4 positions and must end where it starts")
        if not closed and len(points) < 2:
            return _("a line needs at least 2 positions")
        return points  # type: ignore[return-value]

    if kind == "Point":
        p = position(coords)
        return [p] if p else _("a point is a pair of numbers [longitude, latitude]")
    if kind == "LineString":
        return ring(coords, closed=False)
    polygons = [coords] if kind == "Polygon" else coords
    if not isinstance(polygons, (list, tuple)) or not polygons:
        return _("a polygon needs coordinates")
    found: list[tuple[float, float]] = []
    for polygon in polygons:
        if not isinstance(polygon, (list, tuple)) or not polygon:
            return _("a polygon needs at least one ring")
        for r in polygon:
            checked = ring(r, closed=True)
            if isinstance(checked, str):
                return checked
            found.extend(checked)
    return found


def parse_geometry(value: Any) -> dict[str, Any] | str:
    """A GeoJSON geometry from a geometry, a Feature or JSON text; or a reason it is not one."""
    if isinstance(value, str):
        try:
            value = load_json(value)
        except json.JSONDecodeError as exc:
            return _("not valid JSON ({error})").format(error=exc.msg)
    if isinstance(value, dict) and value.get("type") == "Feature":
        value = value.get("geometry")
    if not isinstance(value, dict):
        return _("not a GeoJSON geometry")
    return value


def check_locations(
    raw: Sequence[dict[str, Any]],
    shapes: Sequence[DistrictShape],
    *,
    field: str = "locations",
    row: int | None = None,
) -> tuple[list[LocationInput], list[FieldError]]:
    """Check each location: a label, and coordinates or a geometry inside the county.

    Each location is either a point (``latitude``/``longitude``) or a GeoJSON
    ``geometry``; a geometry's first vertex places it in a district, and its
    mean vertex is the point shown in lists.
    """
    locations: list[LocationInput] = []
    errors: list[FieldError] = []
    for n, item in enumerate(raw, start=1):
        where = f"{field}[{n}]"
        label = str(item.get("label") or "").strip()
        if not label:
            errors.append(FieldError(where, _("every location needs a label"), row))
            continue
        if len(label) > 300:
            errors.append(FieldError(where, _("a label has at most 300 characters"), row))
            continue
        if reason := unstorable(label):
            errors.append(FieldError(where, _("the label {reason}").format(reason=reason), row))
            continue
        geometry = item.get("geometry")
        vertices: list[tuple[float, float]]
        if geometry not in (None, "", {}):
            parsed = parse_geometry(geometry)
            if isinstance(parsed, str):
                errors.append(FieldError(where, _("{label}: {reason}").format(
                    label=label, reason=parsed), row))
                continue
            found = _positions(parsed)
            if isinstance(found, str):
                errors.append(FieldError(where, _("{label}: {reason}").format(
                    label=label, reason=found), row))
                continue
            vertices = found
            lon = sum(v[0] for v in vertices) / len(vertices)
            lat = sum(v[1] for v in vertices) / len(vertices)
            # A point is stored as coordinates; only lines and areas keep a geometry.
            geometry = None if parsed["type"] == "Point" else parsed
        else:
            geometry = None
            lat, lon = _number(item.get("latitude")), _number(item.get("longitude"))
            if lat is None or lon is None:
                errors.append(FieldError(
                    where, _("{label}: give a latitude and a longitude, or a GeoJSON geometry").format(
                        label=label), row))
                continue
            vertices = [(lon, lat)]
        if any(not (-90 <= v[1] <= 90 and -180 <= v[0] <= 180) for v in vertices):
            errors.append(FieldError(where, _("{label}: latitude or longitude out of range").format(
                label=label), row))
            continue
        district = None
        if shapes:
            outside = [v for v in vertices if district_at(shapes, v[1], v[0]) is None]
            if outside:
                lon_o, lat_o = outside[0]
                errors.append(FieldError(
                    where, _("{label}: ({latitude}, {longitude}) is outside the county").format(
                        label=label, latitude=f"{lat_o:.5f}", longitude=f"{lon_o:.5f}"), row))
                continue
            district = district_at(shapes, vertices[0][1], vertices[0][0])
        locations.append(LocationInput(
            label=label, latitude=round(lat, 6), longitude=round(lon, 6),
            district_id=district.id if district else None, geometry=geometry,
        ))
    return locations, errors


def locations_from_geojson(text: str) -> list[dict[str, Any]] | str:
    """Raw locations from a GeoJSON FeatureCollection (labels from ``label`` or ``name``)."""
    try:
        data = load_json(text)
    except json.JSONDecodeError as exc:
        return _("not valid JSON ({error})").format(error=exc.msg)
    if isinstance(data, dict) and data.get("type") == "Feature":
        data = {"type": "FeatureCollection", "features": [data]}
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        return _("expected a GeoJSON FeatureCollection or Feature")
    raw = []
    features = data.get("features") or []
    if not isinstance(features, list) or not all(isinstance(f, dict) for f in features):
        return _("expected a GeoJSON FeatureCollection or Feature")
    for n, feature in enumerate(features, start=1):
        props = feature.get("properties") or {}
        if not isinstance(props, dict):
            return _("feature {n}: properties must be an object").format(n=n)
        label = props.get("label") or props.get("name") or f"Area {n}"
        raw.append({"label": label, "geometry": feature.get("geometry")})
    return raw
