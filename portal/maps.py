"""Maps that make no third-party request (DESIGN.md §4, §4a).

folium points every map at public CDNs for Leaflet, jQuery, Bootstrap and
icon fonts. Here each map and plugin gets the copies vendored under
``static/vendor/`` (served by Streamlit at ``/app/static/``) and nothing else:
the maps use no Bootstrap or icon fonts, so those are not loaded at all. Tiles
come only from ``PORTAL_TILE_URL``; without it a map shows district
boundaries on a plain background. Many points go into one clustered layer
(``FastMarkerCluster``), never thousands of separate markers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import folium
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
AREA_STYLE = {"color": "#9a3412", "weight": 2, "fillColor": "#f97316", "fillOpacity": 0.3}


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


def district_features(districts: Iterable[Any]) -> list[dict[str, Any]]:
    return [
        {"type": "Feature", "geometry": d.geometry,
         "properties": {"code": d.code, "name": d.name}}
        for d in districts if d.geometry
    ]


def base_map(districts: Sequence[Any], *, points: Sequence[tuple[float, float]] = ()) -> folium.Map:
    """A map framed on the county (or on ``points``), district boundaries drawn, own assets only."""
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
            tooltip=folium.GeoJsonTooltip(fields=["name"], labels=False),
        )
        layer.add_to(m)
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
            {"type": "Feature", "geometry": g, "properties": {"label": label}} for label, g in areas
        ]},
        name="Areas", style_function=lambda _f: AREA_STYLE,
        tooltip=folium.GeoJsonTooltip(fields=["label"], labels=False),
    ).add_to(m)


def add_points(m: folium.Map, points: Sequence[tuple[float, float, str]]) -> None:
    """Points in one clustered layer; the label shows as a tooltip (set as text, not HTML)."""
    if not points:
        return
    callback = """
        function (row) {
            var marker = L.circleMarker(new L.LatLng(row[0], row[1]),
                {radius: 7, color: '#1a5e9a', weight: 2, fillColor: '#3b82c4', fillOpacity: 0.85});
            var tip = document.createElement('span');
            tip.textContent = row[2];
            marker.bindTooltip(tip);
            return marker;
        };
    """
    cluster = FastMarkerCluster([list(p) for p in points], callback=callback, name="Locations",
                                options={"disableClusteringAtZoom": 15})
    cluster.default_js = CLUSTER_JS
    cluster.default_css = CLUSTER_CSS
    cluster.add_to(m)


