"""Every chart and map has a table and a sentence in its part of the page, and no chart tells its series
apart by colour alone (issue 16; WCAG 2.1, 1.1.1 Non-text Content and 1.4.1 Use of Color).

Built from the registry: every page, opened as the administrator (who may open all of them)
over the demo county, plus the detail views that draw charts; a new page with a chart is
checked without anyone adding it here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.apptest import plain
from tests.pages.every_page import CASES, case_id, demo_county, run_every_page

#: What the page shows that is a chart, a map, a table, or words.
CHARTS, MAPS = {"plotly_chart"}, {"map"}
TABLES = {"arrow_data_frame", "dataframe", "table", "arrow_table"}
WORDS = {"markdown", "text", "caption", "info"}
HEADINGS = {"title", "header", "subheader"}
#: A trace's marks that tell it apart other than by colour.
NON_COLOUR = ("line.dash", "marker.symbol", "marker.pattern.shape")


def _leaves(node: Any) -> Iterator[Any]:
    """The page's elements in the order a reader meets them (tabs and expanders included)."""
    children = getattr(node, "children", None)
    if not children:
        yield node
        return
    for key in sorted(children):
        yield from _leaves(children[key])


def _kind(element: Any) -> str:
    kind = getattr(element, "type", "")
    if kind == "component_instance" and element.proto.component_name.endswith("st_folium"):
        return "map"
    return kind


def _elements(at: Any) -> list[tuple[str, Any]]:
    return [(_kind(el), el) for el in _leaves(at._tree)]


def _sections(elements: list[tuple[str, Any]]) -> Iterator[tuple[str, list[tuple[str, Any]]]]:
    """The page cut at its headings: what a reader takes as one part of the page."""
    heading, section = "", []
    for kind, element in elements:
        if kind in HEADINGS:
            yield heading, section
            heading, section = plain(str(element.value)), []
        else:
            section.append((kind, element))
    yield heading, section


def _words(element: Any) -> str:
    value = getattr(element, "value", None) or getattr(getattr(element, "proto", None), "body", "")
    return plain(str(value))


def _pick(trace: dict[str, Any], path: str) -> Any:
    value: Any = trace
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _same_but_colour(figure: dict[str, Any]) -> list[str]:
    """The names of traces shown in a legend that only colour tells apart."""
    traces = [t for t in figure.get("data", []) if t.get("showlegend", True) is not False
              and t.get("visible", True) is True]
    by_type: dict[str, list[dict[str, Any]]] = {}
    for trace in traces:
        by_type.setdefault(trace.get("type", "scatter"), []).append(trace)
    clashes = []
    for group in by_type.values():
        if len(group) < 2:
            continue
        marks = [tuple(json.dumps(_pick(t, path)) for path in NON_COLOUR) for t in group]
        if len(set(marks)) < len(marks):
            clashes.extend(str(t.get("name")) for t in group)
    return clashes


@pytest.fixture(scope="module")
def demo_pages(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> dict:
    """Each case's page, run once over one demo county (the pages only read it)."""
    with demo_county(tmp_path_factory.mktemp("charts"), sqlite_template):
        return {(script, json.dumps(query)): _elements(at)
                for (script, query), at in run_every_page()}


def test_the_demo_county_draws_the_charts_and_maps_checked_here(demo_pages: dict) -> None:
    """The checks below could pass by finding nothing: the demo draws charts on these pages."""
    drawn = {script for (script, _q), elements in demo_pages.items()
             for kind, _el in elements if kind in CHARTS | MAPS}
    assert {"app_pages/request_log.py", "app_pages/inventory.py", "app_pages/compliance.py",
            "app_pages/indicators.py", "app_pages/surveys.py", "app_pages/deployment_map.py",
            "app_pages/notice.py"} <= drawn, drawn


@pytest.mark.parametrize("case", CASES, ids=[case_id(c) for c in CASES])
def test_every_chart_and_map_has_a_table_and_a_sentence_in_its_part_of_the_page(
        demo_pages: dict, case: tuple[str, dict[str, str]]) -> None:
    script, query = case
    problems = []
    for heading, section in _sections(demo_pages[(script, json.dumps(query))]):
        visuals = [k for k, _e in section if k in CHARTS | MAPS]
        if not visuals:
            continue
        if not any(k in TABLES for k, _e in section):
            problems.append(f"{heading!r}: {visuals} and no table")
        if not any(k in WORDS and any(c.isdigit() for c in _words(e)) for k, e in section):
            problems.append(f"{heading!r}: {visuals} and no sentence with figures")
    assert problems == []


@pytest.mark.parametrize("case", CASES, ids=[case_id(c) for c in CASES])
def test_no_chart_tells_its_series_apart_by_colour_alone(
        demo_pages: dict, case: tuple[str, dict[str, str]]) -> None:
    script, query = case
    clashes = [(index, _same_but_colour(json.loads(element.proto.spec)))
               for index, (kind, element) in enumerate(demo_pages[(script, json.dumps(query))])
               if kind in CHARTS]
    assert [c for c in clashes if c[1]] == []


def test_the_colour_check_could_fail() -> None:
    lines = {"data": [{"type": "scatter", "name": "High", "line": {"color": "red"}},
                      {"type": "scatter", "name": "Low", "line": {"color": "blue"}}]}
    assert _same_but_colour(lines) == ["High", "Low"]
    lines["data"][1]["line"]["dash"] = "dash"
    assert _same_but_colour(lines) == []
