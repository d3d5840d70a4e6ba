"""Maps that make no third-party request (DESIGN.md §4, §4a).

folium points every map at public CDNs for Leaflet, jQuery, Bootstrap and
icon fonts. Here each map and plugin gets the copies vendored under
``static/vendor/`` (served by Streamlit at ``/app/static/``) and nothing else:
the maps use no Bootstrap or icon fonts, so those are not loaded at all. Tiles
come only from ``PORTAL_TILE_URL``; without it a map shows district
boundaries on a plain background. Many points go into one clustered layer
(``FastMarkerCluster``), never thousands of separate markers.

Every map says what it shows without hovering and without colour alone: each district's
name is written on it (``add_labels``), areas have a dashed outline where districts have a
solid one, points are circles and groups of points carry their count, and a key in the
corner (``legend``) names each kind of mark in words. The same key serves the indicators'
choropleth, which adds its colour classes and its "suppressed" and "no data" marks.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from html import escape
from typing import Any

import folium
from branca.element import Element, Template
from folium.plugins import FastMarkerCluster

from portal.settings import get_settings

STATIC = "/app/static/vendor"
LEAFLET_JS = [("leaflet", f"{STATIC}/leaflet-1.9.4/leaflet.js")]
LEAFLET_CSS = [("leaflet_css", f"{STATIC}/leaflet-1.9.4/leaflet.css")]
CLUSTER_JS = [("markerclusterjs", f"{STATIC}/leaflet.markercluster-1.5.3/leaflet.markercluster.js")]
CLUSTER_CSS = [
    ("markerclustercss", f"{STATIC}/leaflet.markercluster-1.5.3/MarkerCluster.css"),
    ("markerclusterdefaultcss", f"{STATIC}/leaflet.markercluster-1.5.3/MarkerCluster.Default.css"),
]
DISTRICT_STYLE = {"color": "#44546a", "weight": 2, "fillColor": "#dfe6ee", "fillOpacity": 0.35}
AREA_STYLE = {"color": "#9a3412", "weight": 2, "dashArray": "6 4", "fillColor": "#f97316",
              "fillOpacity": 0.3}
POINT_STYLE = {"radius": 7, "color": "#1a5e9a", "weight": 2, "fillColor": "#3b82c4",
               "fillOpacity": 0.85}

# What each mark looks like in the key: a swatch's CSS (the project's own, never data).
DISTRICT_SWATCH = "background:#dfe6ee;border:2px solid #44546a"
AREA_SWATCH = "background:#fbc49c;border:2px dashed #9a3412"
POINT_SWATCH = "background:#3b82c4;border:2px solid #1a5e9a;border-radius:50%;width:12px"
CLUSTER_SWATCH = ("background:#b5e28c;border:2px solid #6ecc39;border-radius:50%;width:18px;"
                  "height:18px;font:bold 10px sans-serif;text-align:center;line-height:18px")

MAP_CSS = (
    "<style>"
    ".portal-legend{position:absolute;top:10px;right:10px;z-index:1000;background:#fff;"
    "padding:6px 8px;border:1px solid #777;font:13px sans-serif;color:#111;max-width:45%}"
    "@media (max-width:500px){.portal-legend{font-size:11px;padding:3px 5px}}"
    ".portal-legend summary{font-weight:bold;cursor:pointer}"
    ".portal-legend .swatch{display:inline-block;width:16px;height:12px;margin-right:6px;"
    "vertical-align:middle;border:1px solid #333;box-sizing:border-box;color:#111}"
    ".portal-district-label{position:absolute;transform:translate(-50%,-50%);width:max-content;"
    "max-width:110px;text-align:center;font:bold 12px/1.15 sans-serif;color:#111;"
    "text-shadow:0 0 3px #fff,0 0 3px #fff,0 0 3px #fff;pointer-events:none}"
    # A phone shows the whole county small: names break over lines instead of running on.
    "@media (max-width:500px){.portal-district-label{font-size:10px;max-width:52px}}"
    ".portal-district-label small{display:block;font-weight:normal}"
    "</style>"
)


def _bounds(features: Iterable[dict[str, Any]], points: Iterable[tuple[float, float]]) -> list[list[float]] | None:
    lats: list[float] = []
    lons: list[float] = []

    def walk(coords: Any) -> None:
        if isinstance(coords, (list, tuple)) and coords and isinstance(coords[0], (int, float)):
            lons.append(float(coords[0]))
            lats.append(float(coords[1]))
        elif isinstance(coords, (list, tuple)):
            for c in coords:
                walk(c)

    for feature in features:
        walk((feature.get("geometry") or {}).get("coordinates"))
    for lat, lon in points:
        lats.append(lat)
        lons.append(lon)
    if not lats:
        return None
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def tooltip_text(text: str) -> str:
    """``text`` for a GeoJSON tooltip: folium's ``GeoJsonTooltip`` writes each property into
    the tooltip as HTML (``innerHTML``), so a name holding markup would become elements,
    scripts included. Escaped, it is shown as it was typed."""
    return escape(str(text))


def district_features(districts: Iterable[Any]) -> list[dict[str, Any]]:
    """Each district with a boundary; ``tip`` is its name for the tooltip (:func:`tooltip_text`)."""
    return [
        {"type": "Feature", "geometry": d.geometry,
         "properties": {"code": d.code, "name": d.name, "tip": tooltip_text(d.name)}}
        for d in districts if d.geometry
    ]


class Legend(Element):
    """The map's key: one row per kind of mark, a swatch beside its words.

    Rows are added while the map is built (``base_map``, ``add_areas``, ``add_points``, the
    choropleth) and drawn when the map is rendered; a map with no row has no key.
    """

    _template = Template("{{ this.markup() }}")

    def __init__(self, title: str = "Key") -> None:
        super().__init__()
        self._name = "Legend"
        self.title = title
        self.rows: list[tuple[str, str, str]] = []

    def add(self, swatch_css: str, words: str, mark: str = "") -> None:
        """A row: ``swatch_css`` is the project's own CSS, ``words`` and ``mark`` (text drawn
        inside the swatch, as a cluster's count) are escaped."""
        self.rows.append((swatch_css, words, mark))

    def markup(self) -> str:
        if not self.rows:
            return ""
        rows = "".join(
            f'<div><span class="swatch" style="{css}" aria-hidden="true">{escape(mark)}</span>'
            f"{escape(words)}</div>"
            for css, words, mark in self.rows
        )
        # A <details> the reader can fold away when the key covers part of a small map.
        return (f'<details open class="portal-legend" aria-label="Map legend">'
                f"<summary>{escape(self.title)}</summary>{rows}</details>")


def legend(m: folium.Map) -> Legend:
    """The key of ``m`` (made, with the maps' style sheet, the first time it is asked for)."""
    found = getattr(m, "portal_legend", None)
    if found is None:
        root = m.get_root()
        root.html.add_child(Element(MAP_CSS), name="portal_map_css")
        found = Legend()
        root.html.add_child(found, name="portal_legend")
        m.portal_legend = found  # type: ignore[attr-defined]
    return found


def _outer_rings(geometry: dict[str, Any] | None) -> list[list[list[float]]]:
    kind = (geometry or {}).get("type")
    coords = (geometry or {}).get("coordinates") or []
    polygons = [coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else []
    return [p[0] for p in polygons if p and len(p[0]) >= 3]


def _area_centroid(ring: Sequence[Sequence[float]]) -> tuple[float, float, float]:
    """Signed area and centroid (x, y) of a ring, by the shoelace formula."""
    area = cx = cy = 0.0
    for (x0, y0, *_), (x1, y1, *_) in zip(ring, [*ring[1:], ring[0]], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    area /= 2
    if abs(area) < 1e-12:
        return 0.0, sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)
    return area, cx / (6 * area), cy / (6 * area)


def _crossings(ring: Sequence[Sequence[float]], y: float) -> list[float]:
    """Where the horizontal line at ``y`` crosses the ring's edges, left to right."""
    xs = []
    for (x0, y0, *_), (x1, y1, *_) in zip(ring, [*ring[1:], ring[0]], strict=True):
        if (y0 > y) != (y1 > y):
            xs.append(x0 + (y - y0) * (x1 - x0) / (y1 - y0))
    return sorted(xs)


def label_point(geometry: dict[str, Any] | None) -> tuple[float, float] | None:
    """Where a district's name goes: (lat, lon) inside its largest polygon — the centroid
    when it falls inside, else the middle of the widest stretch across the centroid's
    latitude (a crescent's centroid lies outside it). None for a geometry that is not a polygon."""
    rings = _outer_rings(geometry)
    if not rings:
        return None
    measured = [(_area_centroid(r), r) for r in rings]
    (_, cx, cy), ring = max(measured, key=lambda m: abs(m[0][0]))
    xs = _crossings(ring, cy)
    pairs = list(zip(xs[0::2], xs[1::2], strict=False))
    if not pairs:
        return cy, cx
    if any(a <= cx <= b for a, b in pairs):
        return cy, cx
    a, b = max(pairs, key=lambda p: p[1] - p[0])
    return cy, (a + b) / 2


def add_labels(m: folium.Map, labels: Sequence[tuple[dict[str, Any] | None, Sequence[str]]]) -> None:
    """Write text on each shape: ``(geometry, lines)``, the first line bold (a district's
    name), the others below it (its figure). Text, not HTML; the labels take no clicks, so
    the shapes' tooltips still work under them."""
    legend(m)  # the style sheet the labels use
    for geometry, lines in labels:
        where = label_point(geometry)
        if where is None or not lines:
            continue
        first, *rest = (escape(line) for line in lines)
        html = (f'<div class="portal-district-label">{first}'
                + "".join(f"<small>{line}</small>" for line in rest) + "</div>")
        folium.Marker(list(where), icon=folium.DivIcon(html=html, icon_size=(0, 0),
                                                       class_name="portal-label-anchor"),
                      interactive=False, keyboard=False).add_to(m)


def base_map(districts: Sequence[Any], *, points: Sequence[tuple[float, float]] = ()) -> folium.Map:
    """A map framed on the county (or on ``points``), district boundaries drawn and named,
    own assets only."""
    settings = get_settings()
    features = district_features(districts)
    # Without a tile layer Leaflet knows no maximum zoom, and clustering needs one.
    m = folium.Map(location=[0, 0], zoom_start=10, tiles=None, control_scale=True,
                   prefer_canvas=True)
    m.options["maxZoom"] = 19
    m.default_js = LEAFLET_JS
    m.default_css = LEAFLET_CSS
    if settings.tile_url:
        folium.TileLayer(tiles=settings.tile_url, attr=settings.tile_attribution or " ",
                         name="Base map").add_to(m)
    if features:
        layer = folium.GeoJson(
            {"type": "FeatureCollection", "features": features}, name="Districts",
            style_function=lambda _f: DISTRICT_STYLE,
            tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False),
        )
        layer.add_to(m)
        add_labels(m, [(f["geometry"], [f["properties"]["name"]]) for f in features])
        legend(m).add(DISTRICT_SWATCH, "District, its name written on it")
    bounds = _bounds(features, []) if features else _bounds([], points)
    if bounds:
        m.fit_bounds(bounds)
    return m


def add_areas(m: folium.Map, areas: Sequence[tuple[str, dict[str, Any]]]) -> None:
    """Deployment areas (patrol zones, fields of view) as one GeoJSON layer."""
    if not areas:
        return
    folium.GeoJson(
        {"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": g, "properties": {"tip": tooltip_text(label)}}
            for label, g in areas
        ]},
        name="Areas", style_function=lambda _f: AREA_STYLE,
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False),
    ).add_to(m)
    legend(m).add(AREA_SWATCH, "Area where it is deployed (dashed outline)")


def add_points(m: folium.Map, points: Sequence[tuple[float, float, str]]) -> None:
    """Points in one clustered layer; the label shows as a tooltip (set as text, not HTML)."""
    if not points:
        return
    callback = """
        function (row) {
            var marker = L.circleMarker(new L.LatLng(row[0], row[1]), POINT_STYLE);
            var tip = document.createElement('span');
            tip.textContent = row[2];
            marker.bindTooltip(tip);
            return marker;
        };
    """.replace("POINT_STYLE", json.dumps(POINT_STYLE))
    cluster = FastMarkerCluster([list(p) for p in points], callback=callback, name="Locations",
                                options={"disableClusteringAtZoom": 15})
    cluster.default_js = CLUSTER_JS
    cluster.default_css = CLUSTER_CSS
    cluster.add_to(m)
    legend(m).add(POINT_SWATCH, "One location (circle)")
    legend(m).add(CLUSTER_SWATCH, "Several locations: the number says how many (zoom in)",
                  mark="3")


