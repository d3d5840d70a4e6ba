"""Reading a county's district boundaries file (GeoJSON) into districts, and writing one back.

This is the pure half of ``portal import districts FILE.geojson``: it takes the
bytes of the file a county GIS office exported and returns checked
:class:`DistrictIn` values, or raises :class:`~portal.errors.ValidationFailed`
listing *every* bad feature at once (``row`` is the 1-based feature number), so
a clerk can fix the file in one pass. Nothing is half-accepted: either every
feature is good, or nothing is returned.

What real exports look like, and what is done about it:

* **Codes and names.** District codes come from a property (detected from
  :data:`CODE_FIELDS`, case-insensitively, or named by the caller), else the
  feature's own ``id``. Numbers are welcome: ``1``, ``1.0`` and ``"1"`` all
  become ``"1"`` (``"01"`` stays ``"01"``: a string is never reinterpreted).
  Codes are at most 16 characters and unique; names at most 120 characters,
  and a feature without one is called ``"District <code>"``.
* **Population** is optional; when present it must be a whole number of people
  (``"75,410"`` is read as 75410) small enough for the database column.
* **Geometry.** Only Polygon and MultiPolygon describe an area. Rings need at
  least 4 positions (3 corners and the first repeated). An *unclosed* ring is
  closed silently by repeating its first position, as GDAL and QGIS do: the
  intended shape is unambiguous and refusing would only send the clerk back
  to the GIS desk for nothing. Z (and M) values are dropped. Holes are kept as
  given; self-intersection and winding order are not checked (the map and the
  point-in-district test in :mod:`portal.notices.geo` do not need them).
* **Coordinate systems.** Many GIS offices work in State Plane feet and export
  with the old (2008) GeoJSON ``crs`` member. When it names a system, the
  coordinates are reprojected to WGS84 with pyproj using ``always_xy`` (so x
  is always easting/longitude, even for EPSG:4326 whose official axis order is
  lat/lon), then checked to land in the area that system is meant for, which
  catches a ``crs`` member that names the wrong system. A file *without*
  ``crs`` whose coordinates cannot be degrees is refused with a message saying
  it seems projected, rather than guessed at.
* **No network.** PROJ can fetch transformation grids from the internet; a
  public portal must not make outbound requests while importing a file, and
  results must not depend on whether a download happened to work. PROJ's
  network access is switched off before any transformer is built, so only the
  data bundled with pyproj is used.
* Output coordinates are rounded to 7 decimal places (about 1 cm), which keeps
  stored geometry small and makes :func:`districts_geojson` followed by
  :func:`read_districts` return equal values.

No Streamlit and no database here: the CLI and the import service build on it.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from portal.errors import FieldError, ValidationFailed
from portal.i18n import _

CODE_MAX = 16  # District.code is max_length=16
NAME_MAX = 120  # District.name is max_length=120
POPULATION_MAX = 2_147_483_647  # District.population is an INTEGER column on PostgreSQL
DECIMALS = 7  # ~1 cm at the equator; more is noise from the reprojection
AREA_MARGIN_DEGREES = 2.0  # slack around a CRS's area of use before calling it the wrong CRS

# Property names tried, in order, when the caller names no field. Matching ignores case and
# treats spaces and hyphens as underscores, so DISTRICT, District and "district id" all match.
CODE_FIELDS: tuple[str, ...] = (
    "code", "district_code", "dist_code", "district", "district_id", "districtid",
    "district_no", "district_num", "district_number", "districtno", "districtnum",
    "dist", "dist_id", "distid", "dist_num", "distnum", "dist_no", "distno", "id",
)
NAME_FIELDS: tuple[str, ...] = (
    "name", "district_name", "districtname", "dist_name", "distname", "label",
    "namelsad", "title",
)
POPULATION_FIELDS: tuple[str, ...] = (
    "population", "pop", "total_pop", "totalpop", "tot_pop", "pop_total", "total_population",
    "pop2020", "pop_2020", "pop20", "pop2010", "pop_2010", "pop10", "p1_001n", "p0010001",
)

# Names of WGS84 longitude/latitude that PROJ itself does not resolve.
_CRS_ALIASES = {"crs84": "OGC:CRS84", "wgs84": "OGC:CRS84", "wgs 84": "OGC:CRS84"}
_SHOWN_PROPERTIES = 12  # how many property names an error lists before "and N more"

Position = tuple[float, float]
Ring = list[Position]
Polygon = list[Ring]


@dataclass(frozen=True)
class DistrictIn:
    """One checked district, ready to become a ``District`` row."""

    code: str
    name: str
    population: int | None
    geometry: dict[str, Any]  # GeoJSON Polygon or MultiPolygon, WGS84 [lon, lat]


class DistrictLike(Protocol):
    """Anything with a district's four attributes: a ``District`` row or a :class:`DistrictIn`."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def population(self) -> int | None: ...
    @property
    def geometry(self) -> Mapping[str, Any] | None: ...


class _Bad(Exception):
    """One problem with one field of one feature; becomes a FieldError with the feature's number."""


# -- public API ----------------------------------------------------------------------------


def read_districts(data: bytes, *, code_field: str | None = None, name_field: str | None = None,
                   population_field: str | None = None, filename: str = "file") -> list[DistrictIn]:
    """The districts in a GeoJSON file, every one checked, or ValidationFailed naming every problem.

    ``code_field``/``name_field``/``population_field`` name the property to use when detection
    would guess wrong (matched exactly, else ignoring case, so ``district`` finds ``DISTRICT``);
    a named field must be present on every feature. ``filename`` only appears
    in messages, so the clerk sees which upload is meant.
    """
    from portal.tabular import check_size

    check_size(data)  # the import size limit, before the file is parsed
    document = _parse(data, filename)
    features, top_crs = _features(document, filename)
    props = [_properties(f) for f in features]

    errors: list[FieldError] = []
    for row, feature in enumerate(features, start=1):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            kind = feature.get("type") if isinstance(feature, dict) else type(feature).__name__
            errors.append(FieldError("feature", _("is not a GeoJSON Feature (it is {kind})").format(
                kind=repr(kind)), row))
        elif props[row - 1] is None:
            errors.append(FieldError("properties", _("the feature's properties must be an object "
                                       "of names and values"), row))
    props_ok = [p if p is not None else {} for p in props]

    codes = _codes(features, props_ok, code_field, errors)
    names = _names(props_ok, codes, name_field, errors)
    populations = _populations(props_ok, population_field, errors)
    geometries = _geometries(features, top_crs, filename, errors)

    seen: dict[str, int] = {}
    for row, code in enumerate(codes, start=1):
        if code is None:
            continue
        if code in seen:
            errors.append(FieldError("code", _(
                "{code} is also the code of feature {feature}; each district needs its own "
                "code").format(code=repr(code), feature=seen[code]), row))
        else:
            seen[code] = row

    if errors:
        # A row that is not a Feature at all gets that one error, not a cascade of others.
        # Unreadable properties likewise hide the code/name/population errors they cause.
        broken = {e.row for e in errors if e.field == "feature"}
        unreadable = {e.row for e in errors if e.field == "properties"}
        errors = [e for e in errors if (e.row not in broken or e.field == "feature") and (
            e.row not in unreadable or e.field not in ("code", "name", "population"))]
        errors.sort(key=lambda e: (e.row is not None, e.row or 0))
        raise ValidationFailed(errors)
    return [DistrictIn(code, name, population, geometry)  # type: ignore[arg-type]
            for code, name, population, geometry in zip(codes, names, populations, geometries,
                                                         strict=True)]


def districts_geojson(districts: Iterable[DistrictLike]) -> bytes:
    """A FeatureCollection of the districts, as RFC 7946 GeoJSON (UTF-8, WGS84, no ``crs``).

    Properties are ``code``, ``name`` and ``population`` (the names :func:`read_districts`
    detects first), and the feature ``id`` is the code, for tools that key on it. Reading the
    result back with :func:`read_districts` gives the same values.
    """
    features = []
    for d in districts:
        geometry = d.geometry or None
        features.append({
            "type": "Feature",
            "id": d.code,
            "properties": {"code": d.code, "name": d.name, "population": d.population},
            "geometry": ({"type": geometry.get("type"), "coordinates": geometry.get("coordinates")}
                         if geometry else None),
        })
    collection = {"type": "FeatureCollection", "features": features}
    return (json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


# -- the document ----------------------------------------------------------------------------


def _file_error(message: str) -> ValidationFailed:
    return ValidationFailed([FieldError("file", message)])


def _parse(data: bytes, filename: str) -> Any:
    """JSON from UTF-8 (BOM or not); UTF-16 with a BOM too, as some Windows tools save it."""
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = data.decode("utf-16")
        else:
            text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _file_error(f"{filename} is not UTF-8 text; export or save it as UTF-8 "
                          "GeoJSON") from exc
    if not text.strip():
        raise _file_error(f"{filename} is empty")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise _file_error(f"{filename} is not a GeoJSON file: it is not valid JSON (line "
                          f"{exc.lineno}, column {exc.colno}: {exc.msg})") from exc
    except RecursionError as exc:  # absurdly deep nesting
        raise _file_error(f"{filename} is not a GeoJSON file: it is nested too deeply") from exc


def _features(document: Any, filename: str) -> tuple[list[Any], Any]:
    """The features and the file-level ``crs`` member; a lone Feature counts as a collection of one."""
    if not isinstance(document, dict):
        raise _file_error(f"{filename} is not a GeoJSON FeatureCollection (it holds a JSON "
                          f"{type(document).__name__}, not an object)")
    kind = document.get("type")
    if kind == "Feature":
        return [document], document.get("crs")
    if kind != "FeatureCollection":
        if "spatialReference" in document or "geometryType" in document:
            hint = ("it looks like Esri JSON from ArcGIS; export the layer as GeoJSON instead")
        elif kind == "Topology":
            hint = "it is TopoJSON; convert it to GeoJSON first (for example with topo2geo)"
        elif kind in ("Polygon", "MultiPolygon", "GeometryCollection", "Point", "LineString",
                      "MultiPoint", "MultiLineString"):
            hint = (f"it is a bare {kind} geometry with no features, so there are no district "
                    "codes or names; export the layer as a FeatureCollection")
        else:
            hint = f"its type is {kind!r}" if kind is not None else "it has no \"type\" member"
        raise _file_error(f"{filename} is not a GeoJSON FeatureCollection: {hint}")
    features = document.get("features")
    if not isinstance(features, list):
        raise _file_error(f"{filename} has no \"features\" list")
    if not features:
        raise _file_error(f"{filename} has no features (no district boundaries in it)")
    return features, document.get("crs")


def _properties(feature: Any) -> dict[str, Any] | None:
    if not isinstance(feature, dict):
        return {}
    value = feature.get("properties")
    if value is None:
        return {}
    return value if isinstance(value, dict) else None


# -- properties: code, name, population ------------------------------------------------------


def _norm(key: str) -> str:
    return re.sub(r"[\s\-]+", "_", key.strip()).lower()


def _lookup(props: Mapping[str, Any], field: str) -> tuple[bool, Any]:
    """(found, value) for ``field``: exact key first, else ignoring case, spaces and hyphens."""
    if field in props:
        return True, props[field]
    wanted = _norm(field)
    for key, value in props.items():
        if _norm(str(key)) == wanted:
            return True, value
    return False, None


def _detect(all_props: Sequence[Mapping[str, Any]], candidates: Sequence[str]) -> str | None:
    """The first candidate every feature has; failing that, the first any feature has.

    Deciding once per file (not per feature) keeps one file from mixing, say, ``code`` on some
    features with ``id`` on others; features lacking the chosen property are then reported.
    """
    keys = [{_norm(str(k)) for k in p} for p in all_props]
    for candidate in candidates:
        if all(candidate in k for k in keys):
            return candidate
    for candidate in candidates:
        if any(candidate in k for k in keys):
            return candidate
    return None


def _has(props: Mapping[str, Any]) -> str:
    """'its properties are: A, B, C' for a message, so the clerk can see what to name."""
    if not props:
        return "it has no properties"
    names = [str(k) for k in props]
    shown = ", ".join(names[:_SHOWN_PROPERTIES])
    more = len(names) - _SHOWN_PROPERTIES
    return f"its properties are: {shown}" + (f" and {more} more" if more > 0 else "")


def _scalar_text(value: Any, what: str) -> str | None:
    """A property value as stripped text; numbers without a needless '.0'; None when blank."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise _Bad(f"is {str(value).lower()}, which is not a {what}")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _Bad(f"is {value}, which is not a {what}")
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, str):
        text = value.strip()
        if any(unicodedata.category(c) == "Cc" for c in text):
            raise _Bad("contains a control character (such as a tab or line break); remove it")
        if any(unicodedata.category(c) == "Cs" for c in text):
            raise _Bad("contains a broken character (a lone surrogate) that no text file can "
                       "hold; save the file as UTF-8 again")
        return text or None
    raise _Bad(f"is a list or object, not a {what}")


def _codes(features: Sequence[Any], all_props: Sequence[Mapping[str, Any]], field: str | None,
           errors: list[FieldError]) -> list[str | None]:
    detected = None if field else _detect(all_props, CODE_FIELDS)
    codes: list[str | None] = []
    for row, (feature, props) in enumerate(zip(features, all_props, strict=True), start=1):
        try:
            if field:
                found, value = _lookup(props, field)
                if not found:
                    raise _Bad(f"the code field you named, {field!r}, is not among this "
                               f"feature's properties; {_has(props)}")
                source = f"its {field!r} property"
            elif detected:
                _unused, value = _lookup(props, detected)
                source = f"its {detected!r} property (the code property detected in this file)"
            else:
                value = feature.get("id") if isinstance(feature, dict) else None
                source = "its feature id"
                if value is None:
                    raise _Bad("has no district code: no property named like a code ("
                               + ", ".join(CODE_FIELDS[:6]) + " …) and no feature id; "
                               f"{_has(props)}. Name the property that holds the code")
            code = _scalar_text(value, "district code")
            if code is None:
                raise _Bad(f"has no district code: {source} is empty")
            if len(code) > CODE_MAX:
                raise _Bad(f"{code[:CODE_MAX + 8]!r}… is {len(code)} characters long; a district "
                           f"code may have at most {CODE_MAX}")
        except _Bad as bad:
            errors.append(FieldError("code", str(bad), row))
            code = None
        codes.append(code)
    return codes


def _names(all_props: Sequence[Mapping[str, Any]], codes: Sequence[str | None], field: str | None,
           errors: list[FieldError]) -> list[str | None]:
    detected = None if field else _detect(all_props, NAME_FIELDS)
    names: list[str | None] = []
    for row, (props, code) in enumerate(zip(all_props, codes, strict=True), start=1):
        try:
            value = None
            if field:
                found, value = _lookup(props, field)
                if not found:
                    raise _Bad(f"the name field you named, {field!r}, is not among this "
                               f"feature's properties; {_has(props)}")
            elif detected:
                _unused, value = _lookup(props, detected)
            name = _scalar_text(value, "name")
            if name is None:
                name = f"District {code}" if code is not None else None
            elif len(name) > NAME_MAX:
                raise _Bad(f"is {len(name)} characters long; a district name may have at most "
                           f"{NAME_MAX}")
        except _Bad as bad:
            errors.append(FieldError("name", str(bad), row))
            name = None
        names.append(name)
    return names


_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+(\.0*)?$|^\d+(\.0*)?$")


def _population(value: Any) -> int | None:
    """A head count: a whole, non-negative number; '75,410' and 75410.0 are accepted."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise _Bad(f"{value!r} is not a number of people")
    if isinstance(value, str):
        text = value.strip().replace(" ", "").replace("_", "")
        if not _THOUSANDS.match(text):
            raise _Bad(f"{value.strip()!r} is not a whole number of people (write it like 75410 "
                       "or 75,410)")
        number: int | float = int(text.replace(",", "").split(".")[0])
    else:
        number = value
    if isinstance(number, float) and not (math.isfinite(number) and number.is_integer()):
        raise _Bad(f"{number!r} is not a whole number of people")
    count = int(number)
    if count < 0:
        raise _Bad(f"{count} is negative; a population cannot be")
    if count > POPULATION_MAX:
        raise _Bad(f"{count:,} is too large to be a district's population")
    return count


def _populations(all_props: Sequence[Mapping[str, Any]], field: str | None,
                 errors: list[FieldError]) -> list[int | None]:
    detected = None if field else _detect(all_props, POPULATION_FIELDS)
    out: list[int | None] = []
    for row, props in enumerate(all_props, start=1):
        try:
            value = None
            if field:
                found, value = _lookup(props, field)
                if not found:
                    raise _Bad(f"the population field you named, {field!r}, is not among this "
                               f"feature's properties; {_has(props)}")
            elif detected:
                _unused, value = _lookup(props, detected)
            population = _population(value)
        except _Bad as bad:
            errors.append(FieldError("population", str(bad), row))
            population = None
        out.append(population)
    return out


# -- geometry ---------------------------------------------------------------------------------


def _position(value: Any, where: str) -> Position:
    if (not isinstance(value, (list, tuple)) or len(value) < 2
            or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)):
        raise _Bad(f"{where} is not a pair of numbers (got {json.dumps(value)[:60]})")
    x, y = float(value[0]), float(value[1])  # any Z or M value is dropped
    if not (math.isfinite(x) and math.isfinite(y)):
        raise _Bad(f"{where} is not a finite number")
    return x, y


def _ring(value: Any, where: str) -> Ring:
    if not isinstance(value, list):
        raise _Bad(f"{where} is not a list of positions")
    ring = [_position(p, f"{where}, point {i}") for i, p in enumerate(value, start=1)]
    if ring and ring[0] != ring[-1]:
        ring.append(ring[0])  # closed silently (see the module docstring)
    if len(ring) < 4 or len(set(ring)) < 3:
        raise _Bad(f"{where} has only {len(set(ring))} distinct corner point(s); a boundary ring "
                   "needs at least 3 corners (4 positions, the last repeating the first)")
    return ring


def _polygon(value: Any, where: str) -> Polygon:
    if not isinstance(value, list) or not value:
        raise _Bad(f"{where or 'the Polygon'} has no rings (no boundary coordinates)")
    return [_ring(r, f"{where}, ring {i}" if where else f"ring {i}")
            for i, r in enumerate(value, start=1)]


def _shape(geometry: Any) -> tuple[str, list[Polygon]]:
    """The geometry's type and its polygons in the file's own coordinates, or _Bad saying why not."""
    if geometry is None:
        raise _Bad("has no geometry (it is null); every district needs a boundary")
    if not isinstance(geometry, dict):
        raise _Bad("the geometry is not a GeoJSON geometry object")
    kind = geometry.get("type")
    if kind not in ("Polygon", "MultiPolygon"):
        raise _Bad(f"is a {kind} geometry; a district boundary must be a Polygon or MultiPolygon"
                   if isinstance(kind, str) else "the geometry has no type")
    coordinates = geometry.get("coordinates")
    if kind == "Polygon":
        return kind, [_polygon(coordinates, "")]
    if not isinstance(coordinates, list) or not coordinates:
        raise _Bad("the MultiPolygon has no polygons (no boundary coordinates)")
    return kind, [_polygon(p, f"polygon {i}") for i, p in enumerate(coordinates, start=1)]


@dataclass(frozen=True)
class _Projection:
    """How one named coordinate system becomes WGS84 longitude/latitude."""

    label: str  # as the file names it, for messages
    transformer: Any | None  # pyproj Transformer; None when the file is already lon/lat WGS84
    bounds: tuple[float, float, float, float] | None  # where this system is meant to be used

    def apply(self, ring: Ring) -> Ring:
        if self.transformer is None:
            return ring
        xs, ys = self.transformer.transform([p[0] for p in ring], [p[1] for p in ring],
                                            errcheck=False)
        return list(zip((float(x) for x in xs), (float(y) for y in ys), strict=True))


def _crs_name(member: Any) -> str:
    """The CRS name out of a 2008-style ``crs`` member (also a bare string, or type 'EPSG')."""
    if isinstance(member, str):
        return member.strip()
    if isinstance(member, dict):
        props = member.get("properties") if isinstance(member.get("properties"), dict) else {}
        kind = str(member.get("type", "")).lower()
        if kind == "name" and isinstance(props.get("name"), str):
            return props["name"].strip()
        if kind == "epsg" and isinstance(props.get("code"), (int, str)):
            return f"EPSG:{props['code']}"
        if kind in ("link", "url"):
            raise _Bad("the crs member links to a file instead of naming the coordinate system; "
                       "name it instead, e.g. {\"type\": \"name\", \"properties\": {\"name\": "
                       "\"EPSG:2269\"}}")
    raise _Bad("the crs member is not in a form this portal reads; use {\"type\": \"name\", "
               "\"properties\": {\"name\": \"EPSG:2269\"}} with your system's EPSG code")


def _projection(member: Any, cache: dict[str, _Projection]) -> _Projection:
    name = _crs_name(member)
    if name in cache:
        return cache[name]
    import pyproj
    import pyproj.network
    from pyproj.exceptions import CRSError, ProjError

    # Before every transformer is built: nothing may be downloaded while importing a file.
    pyproj.network.set_network_enabled(False)
    try:
        crs = pyproj.CRS.from_user_input(_CRS_ALIASES.get(name.lower(), name))
    except CRSError as exc:
        raise _Bad(f"the crs member names {name!r}, which is not a coordinate system this portal "
                   "knows; name it by its EPSG code, e.g. \"EPSG:2269\" or "
                   "\"urn:ogc:def:crs:EPSG::2269\"") from exc
    if crs.is_geographic and crs.equals("OGC:CRS84", ignore_axis_order=True):
        projection = _Projection(name, None, None)
    else:
        try:
            transformer = pyproj.Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
        except ProjError as exc:
            raise _Bad(f"coordinates in {name!r} ({crs.name}) cannot be converted to "
                       "longitude/latitude; re-export the file as WGS84 (EPSG:4326)") from exc
        area = crs.area_of_use
        bounds = (area.west, area.south, area.east, area.north) if area else None
        projection = _Projection(f"{name} ({crs.name})", transformer, bounds)
    cache[name] = projection
    return projection


def _number(value: float) -> str:
    """A coordinate as a clerk would see it in the GIS: 7,588,492 feet, or -122.9 degrees."""
    if not math.isfinite(value):
        return str(value)
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.6g}"


def _misplaced(polygons: Sequence[Polygon], projection: _Projection | None) -> str | None:
    """Why these lon/lat coordinates cannot be right, or None when they can."""
    points = [p for polygon in polygons for ring in polygon for p in ring]
    bad = next((p for p in points if not (math.isfinite(p[0]) and math.isfinite(p[1])
                                          and -180 <= p[0] <= 180 and -90 <= p[1] <= 90)), None)
    if bad is not None:
        shown = f"({_number(bad[0])}, {_number(bad[1])})"
        if projection is None:
            if all(abs(x) <= 90 and abs(y) <= 180 for x, y in points):
                return (f"coordinates such as {shown} look like latitude, longitude; GeoJSON puts "
                        "longitude first. Re-export the file as WGS84 (EPSG:4326) GeoJSON")
            return (f"the file has no crs member, and coordinates such as {shown} are not "
                    "longitude/latitude degrees, so it seems to be in a projected coordinate "
                    "system (such as State Plane feet). Re-export it as WGS84 (EPSG:4326), or add "
                    "a crs member naming its system, e.g. \"crs\": {\"type\": \"name\", "
                    "\"properties\": {\"name\": \"EPSG:2269\"}}")
        if projection.transformer is None:
            return (f"the crs member says {projection.label} (longitude/latitude degrees), but "
                    f"coordinates such as {shown} are not degrees; check which coordinate "
                    "system the file was exported in")
        return (f"coordinates converted from {projection.label} land off the map at {shown}; "
                "check that the crs member names the system the file was exported in")
    if projection is not None and projection.bounds is not None:
        west, south, east, north = projection.bounds
        m = AREA_MARGIN_DEGREES
        for x, y in points:
            lon_out = west <= east and not (west - m <= x <= east + m)
            if lon_out or not (south - m <= y <= north + m):
                return (f"coordinates converted from {projection.label} land at longitude "
                        f"{x:.4f}, latitude {y:.4f}, far outside the area that system covers "
                        f"(longitude {west:g} to {east:g}, latitude {south:g} to {north:g}); "
                        "check that the crs member names the system the file was exported in")
    return None


def _rounded(kind: str, polygons: Sequence[Polygon]) -> dict[str, Any]:
    out = [[[[round(x, DECIMALS), round(y, DECIMALS)] for x, y in ring] for ring in polygon]
           for polygon in polygons]
    return {"type": kind, "coordinates": out[0] if kind == "Polygon" else out}


def _geometries(features: Sequence[Any], top_crs: Any, filename: str,
                errors: list[FieldError]) -> list[dict[str, Any] | None]:
    """Every feature's geometry in WGS84, with problems recorded per feature.

    When *every* feature's coordinates are misplaced for the same file-wide reason (a projected
    file without ``crs``, or a ``crs`` naming the wrong system), one file-level error says so
    instead of repeating it for each feature.
    """
    cache: dict[str, _Projection] = {}
    top: _Projection | None = None
    top_failed = False
    if top_crs is not None:
        try:
            top = _projection(top_crs, cache)
        except _Bad as bad:
            errors.append(FieldError("crs", _("{label}: {reason}").format(
                label=filename, reason=bad)))
            top_failed = True

    out: list[dict[str, Any] | None] = []
    misplaced: list[tuple[int, str]] = []
    placed = 0
    file_wide = True  # every misplaced feature uses the file's own crs (or none)
    for row, feature in enumerate(features, start=1):
        if not isinstance(feature, dict):
            out.append(None)
            continue
        geometry = feature.get("geometry")
        try:
            kind, polygons = _shape(geometry)
        except _Bad as bad:
            errors.append(FieldError("geometry", str(bad), row))
            out.append(None)
            continue
        own = (geometry.get("crs") if isinstance(geometry, dict) else None) or feature.get("crs")
        projection = top
        if own is not None and own != top_crs:  # a lone Feature's crs is the file's crs
            try:
                projection = _projection(own, cache)
            except _Bad as bad:
                errors.append(FieldError("crs", str(bad), row))
                out.append(None)
                continue
        elif top_failed:
            out.append(None)  # already reported once for the whole file
            continue
        polygons = [[projection.apply(ring) for ring in polygon] if projection else polygon
                    for polygon in polygons]
        problem = _misplaced(polygons, projection)
        if problem:
            misplaced.append((row, problem))
            file_wide = file_wide and (own is None or own == top_crs)
            out.append(None)
            continue
        placed += 1
        out.append(_rounded(kind, polygons))

    if misplaced and placed == 0 and file_wide:
        errors.append(FieldError("crs", _("{label}: {reason}").format(
            label=filename, reason=misplaced[0][1])))
    else:
        errors.extend(FieldError("geometry", problem, row) for row, problem in misplaced)
    return out
