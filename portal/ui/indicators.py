"""An indicator's charts, map, tables and one-sentence summaries, all from the same cells.

Every chart has a table alternative with the same numbers and the same suppression, and
suppressed, zero and missing figures look different everywhere: a suppressed district
is grey with a dashed outline on the map (no colour class is grey), a missing one white
with a dotted outline; on the bar chart neither has a bar, each has its word instead;
a zero has a bar of height 0 labelled "0".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import folium
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from portal.auth.roles import Actor
from portal.db import session_scope
from portal.disclosure import NO_DATA, Status, shown, shown_text
from portal.indicators.figures import unit_label
from portal.indicators.service import IndicatorData, data_version, indicator_data
from portal.indicators.tables import Cell
from portal.indicators.vocab import ALL, dimension_label
from portal.maps import Legend, _bounds, add_labels, base_map, legend, tooltip_text
from portal.i18n import N_, _, ngettext, number
from portal.settings import get_settings
from portal.ui.charts import line_marks
from portal.ui.context import db, engine
from portal.ui.text import chart_text, inert

#: Viridis, five classes: ordered light to dark, readable with every common colour-vision deficiency.
CLASSES = ("#fde725", "#5ec962", "#21918c", "#3b528b", "#440154")
SUPPRESSED_STYLE = {"fillColor": "#9e9e9e", "color": "#333333", "weight": 2, "dashArray": "6 4",
                    "fillOpacity": 0.8}
MISSING_STYLE = {"fillColor": "#ffffff", "color": "#333333", "weight": 2, "dashArray": "1 5",
                 "fillOpacity": 0.9}
EMPTY_STYLE = {"fillColor": "#f2e6d9", "color": "#333333", "weight": 1, "fillOpacity": 0.9}
STATUS_WORDS = {
    Status.PUBLISHED: N_("published"), Status.TRUE_ZERO: N_("zero"),
    Status.SUPPRESSED_PRIMARY: N_("suppressed (small number)"),
    Status.SUPPRESSED_COMPLEMENTARY: N_("suppressed (could reveal a small number)"),
    Status.MISSING: NO_DATA,
}


@st.cache_resource(show_spinner=False, max_entries=64)
def _data(url: str, version: tuple[Any, ...], slug: str, _actor: Actor) -> IndicatorData:
    with session_scope(engine()) as session:
        return indicator_data(session=session, actor=_actor, slug=slug)


def load(slug: str, actor: Actor) -> IndicatorData:
    """The indicator's protected cells, kept until its values, definition or k change."""
    with db() as session:
        version = data_version(session=session, actor=actor, slug=slug)
    return _data(get_settings().database_url, version, slug, actor)


def digits(data: IndicatorData) -> int:
    return 0 if data.indicator.unit == "count" else 1


EMPTY_GROUP = N_("nobody in the group")


def status_word(cell: Cell | None) -> str:
    return _(STATUS_WORDS[cell.status]) if cell else _(NO_DATA)


def text(data: IndicatorData, cell: Cell | None) -> str:
    if cell is None:
        return _(NO_DATA)
    if cell.status is Status.TRUE_ZERO and cell.value is None:
        # 0 of 0: a rate with no one to count is not a number, but it is not missing either.
        return _(EMPTY_GROUP)
    return shown_text(shown(cell.value, cell.status, data.k, digits=digits(data)))


def everyone_or(group: str) -> str:
    return _("Everyone") if group == ALL else group


def pick(data: IndicatorData, period: str, district: str, dimension: str, group: str) -> Cell | None:
    return data.index.get((period, (district, dimension, group)))


def district_name(data: IndicatorData, code: str) -> str:
    return _("The county") if code == ALL else f"{data.districts.get(code, code)} ({code})"


def _interval(data: IndicatorData, cell: Cell | None) -> str:
    if cell is None or cell.low is None or cell.high is None:
        return ""
    d = digits(data)
    return f"{number(cell.low, d)} – {number(cell.high, d)}"


# ---------------------------------------------------------------------------------------------
# By district: bars, map and their table.

def by_district(data: IndicatorData, period: str, dimension: str, group: str) -> list[tuple[str, Cell | None]]:
    codes = [*data.districts, ALL]
    return [(code, pick(data, period, code, dimension, group)) for code in codes]


def district_frame(data: IndicatorData, period: str, dimension: str, group: str) -> pd.DataFrame:
    unit = unit_label(data.indicator.unit, data.indicator.rate_per)
    return pd.DataFrame([{
        _("District"): district_name(data, code),
        _("Value ({unit})").format(unit=unit): text(data, cell),
        _("95% interval"): _interval(data, cell),
        _("People counted"): (shown_text(shown(cell.numerator, cell.status, data.k)) if cell
                              else _(NO_DATA)),
        _("People in the group"): ("" if cell is None or cell.denominator is None
                                   else number(cell.denominator)),
        _("Status"): status_word(cell),
    } for code, cell in by_district(data, period, dimension, group)])


def district_bars(data: IndicatorData, period: str, dimension: str, group: str, title: str) -> go.Figure:
    rows = [(code, cell) for code, cell in by_district(data, period, dimension, group) if code != ALL]
    names = [chart_text(data.districts.get(code, code)) for code, _ in rows]
    values = [cell.value if cell and cell.value is not None else None for _code, cell in rows]
    labels = [text(data, cell) for _code, cell in rows]
    figure = go.Figure(go.Bar(
        x=names, y=values, text=[t if v is not None else "" for t, v in zip(labels, values, strict=True)],
        textposition="outside", marker_color=CLASSES[2],
        hovertext=[f"{n}: {t}" for n, t in zip(names, labels, strict=True)], hoverinfo="text",
        name=_("Published"),
    ))
    hidden = [(n, t) for n, t, v in zip(names, labels, values, strict=True) if v is None]
    if hidden:
        # No bar at all for a suppressed or missing figure (a bar would be read as a value),
        # but its word sits on the axis so it is not mistaken for a zero.
        figure.add_trace(go.Scatter(
            x=[n for n, _text in hidden], y=[0] * len(hidden), mode="markers+text",
            text=[t for _name, t in hidden], textposition="top center", textfont={"size": 10},
            marker={"symbol": "x-thin-open", "size": 12, "color": "#333333", "line": {"width": 2}},
            name=_("No figure (suppressed, no data or nobody in the group)"), hoverinfo="text",
            hovertext=[f"{n}: {t}" for n, t in hidden],
        ))
    figure.update_layout(title=chart_text(title),
                         yaxis_title=unit_label(data.indicator.unit, data.indicator.rate_per),
                         height=380, margin={"t": 60, "b": 40, "l": 40, "r": 10},
                         legend={"orientation": "h", "y": -0.25})
    return figure


def _classes(values: Sequence[float]) -> list[float]:
    """Upper bounds of five equal-count classes over the published values."""
    ordered = sorted(values)
    if not ordered:
        return []
    return [ordered[min(len(ordered) - 1, round(len(ordered) * (i + 1) / len(CLASSES)) - 1)]
            for i in range(len(CLASSES))]


def choropleth(data: IndicatorData, districts: Sequence[Any], period: str, dimension: str,
               group: str) -> folium.Map | None:
    """The districts coloured by value; None when no district has a boundary to draw."""
    cells = dict(by_district(data, period, dimension, group))
    published = [c.value for c in cells.values() if c and c.value is not None]
    bounds = _classes(published)
    features = []
    for d in districts:
        if not d.geometry:
            continue
        cell = cells.get(d.code)
        features.append({"type": "Feature", "geometry": d.geometry, "properties": {
            # Tooltip fields are HTML (portal.maps.tooltip_text); the labels escape their own.
            "name": tooltip_text(f"{d.name} ({d.code})"), "label": d.name, "value": text(data, cell),
            "people": "" if cell is None or cell.denominator is None else number(cell.denominator),
            "status": status_word(cell),
            "fill": _fill(cell, bounds),
        }})
    if not features:
        return None
    fmap = base_map([])
    # Eight or so polygons: SVG paths (not one canvas) keep each district its own element.
    fmap.options["preferCanvas"] = False
    layer = folium.GeoJson(
        {"type": "FeatureCollection", "features": features}, name="Indicator",
        style_function=_style,
        tooltip=folium.GeoJsonTooltip(fields=["name", "value", "people", "status"],
                                      aliases=[_("District"), _("Value"), _("People in the group"),
                                               _("Status")]),
    )
    layer.add_to(fmap)
    box = _bounds(features, [])
    if box:
        fmap.fit_bounds(box)
    # Each district's name and its figure in words, so no reading rests on colour alone.
    add_labels(fmap, [(f["geometry"], [f["properties"]["label"], f["properties"]["value"]])
                      for f in features])
    _legend(data, bounds, legend(fmap))
    return fmap


def _fill(cell: Cell | None, bounds: Sequence[float]) -> str:
    if cell is None or cell.status is Status.MISSING:
        return "missing"
    if cell.status.suppressed:
        return "suppressed"
    if cell.value is None:
        return "empty"
    for i, top in enumerate(bounds):
        if cell.value <= top:
            return CLASSES[i]
    return CLASSES[-1]


def _style(feature: dict[str, Any]) -> dict[str, Any]:
    fill = feature["properties"]["fill"]
    if fill == "suppressed":
        return SUPPRESSED_STYLE
    if fill == "missing":
        return MISSING_STYLE
    if fill == "empty":
        return EMPTY_STYLE
    return {"fillColor": fill, "color": "#333333", "weight": 1, "fillOpacity": 0.85}


def _legend(data: IndicatorData, bounds: Sequence[float], key: Legend) -> None:
    d = digits(data)
    key.title = unit_label(data.indicator.unit, data.indicator.rate_per)
    low = None
    for colour, top in zip(CLASSES, bounds, strict=False):
        key.add(f"background:{colour}",
                _("up to {top}").format(top=number(top, d)) if low is None
                else f"{number(low, d)} – {number(top, d)}")
        low = top
    key.add("background:#9e9e9e;border:2px dashed #333", _("suppressed (grey, dashed outline)"))
    key.add("background:#fff;border:2px dotted #333", _("no data (white, dotted outline)"))
    key.add("background:#f2e6d9", _(EMPTY_GROUP))


# ---------------------------------------------------------------------------------------------
# Over time, by group.

def series_groups(data: IndicatorData, dimension: str) -> list[str]:
    return [ALL, *(g for g in data.dimensions.get(dimension, ()) if g != ALL)] if dimension != ALL else [ALL]


def series_frame(data: IndicatorData, district: str, dimension: str) -> pd.DataFrame:
    groups = series_groups(data, dimension)
    rows = []
    for period in data.periods:
        row = {_("Period"): period}
        for group in groups:
            key_dimension = ALL if group == ALL else dimension
            row[everyone_or(group)] = text(
                data, pick(data, period, district, key_dimension, group))
        rows.append(row)
    return pd.DataFrame(rows)


def series_chart(data: IndicatorData, district: str, dimension: str, title: str) -> go.Figure:
    figure = go.Figure()
    for index, group in enumerate(series_groups(data, dimension)):
        key_dimension = ALL if group == ALL else dimension
        marks = line_marks(index)
        cells = [pick(data, p, district, key_dimension, group) for p in data.periods]
        values = [c.value if c and c.value is not None else None for c in cells]
        figure.add_trace(go.Scatter(
            x=list(data.periods), y=values, mode="lines+markers", connectgaps=False,
            name=everyone_or(group),
            hovertext=[f"{everyone_or(group)}, {p}: {text(data, c)}"
                       for p, c in zip(data.periods, cells, strict=True)],
            hoverinfo="text",
            line={**marks["line"], "width": 3 if group == ALL else 2}, marker=marks["marker"],
        ))
    figure.update_layout(title=chart_text(title),
                         yaxis_title=unit_label(data.indicator.unit, data.indicator.rate_per),
                         height=420, margin={"t": 60, "b": 40, "l": 40, "r": 10},
                         legend={"orientation": "h", "y": -0.2})
    return figure


# ---------------------------------------------------------------------------------------------
# One sentence each, for people who do not see the chart.

def district_summary(data: IndicatorData, period: str, dimension: str, group: str) -> str:
    """The map in words, as Markdown: the districts' and groups' names, which files give,
    are inert."""
    rows = by_district(data, period, dimension, group)
    who = _("everyone") if group == ALL else inert(group)
    county = dict(rows).get(ALL)
    interval = _interval(data, county)
    parts = [(_("In {period}, for {who}, the county's figure is {figure} (95% interval {interval}).")
              if interval else _("In {period}, for {who}, the county's figure is {figure}.")).format(
                  period=period, who=who, figure=text(data, county), interval=interval)]
    published = [(c.value, code) for code, c in rows if code != ALL and c and c.value is not None]
    if published:
        high, low = max(published), min(published)
        d = digits(data)
        parts.append(_("The highest published district is {high} at {high_value}; the lowest is "
                       "{low} at {low_value}.").format(
            high=inert(district_name(data, high[1])), high_value=number(high[0], d),
            low=inert(district_name(data, low[1])), low_value=number(low[0], d)))
    hidden = sum(1 for code, c in rows if code != ALL and c and c.status.suppressed)
    missing = sum(1 for code, c in rows if code != ALL and (c is None or c.status is Status.MISSING))
    if hidden:
        parts.append(ngettext("{n} district is suppressed.", "{n} districts are suppressed.",
                              hidden).format(n=hidden))
    if missing:
        parts.append(ngettext("{n} district has no data.", "{n} districts have no data.",
                              missing).format(n=missing))
    return " ".join(parts)


def series_summary(data: IndicatorData, district: str, dimension: str) -> str:
    """The chart over time in words, as Markdown (the district's name inert)."""
    where = inert(district_name(data, district))
    first, last = data.periods[0], data.periods[-1]
    a = pick(data, first, district, ALL, ALL)
    b = pick(data, last, district, ALL, ALL)
    sentence = _("{where}, everyone: {first_figure} in {first} and {last_figure} in {last}.").format(
        where=where, first_figure=text(data, a), first=first, last_figure=text(data, b), last=last)
    if dimension != ALL:
        hidden = sum(1 for p in data.periods for g in data.dimensions.get(dimension, ())
                     if (c := pick(data, p, district, dimension, g)) and c.status.suppressed)
        sentence += " " + ngettext(
            "By {dimension}, {n} figure is suppressed across the periods shown.",
            "By {dimension}, {n} figures are suppressed across the periods shown.",
            hidden).format(dimension=dimension_label(dimension).lower(), n=hidden)
    return sentence
