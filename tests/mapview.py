"""What a page's folium maps say, read from the st_folium component in AppTest.

``st_folium`` sends the map as its arguments: ``html`` (the page body, where the key is),
``script`` (the Leaflet calls, where the district labels are) and the ``js_links`` and
``css_links`` it loads. Reading them checks what a resident's browser would be given.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any

from streamlit.testing.v1 import AppTest


def folium_maps(at: AppTest) -> list[dict[str, Any]]:
    return [json.loads(el.proto.json_args) for el in at.get("component_instance")
            if el.proto.component_name.endswith("st_folium")]


class _Text(HTMLParser):
    """The text of an HTML fragment, one entry per element that holds text."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.parts.append(data.strip())


def _texts(fragment: str) -> list[str]:
    parser = _Text()
    parser.feed(fragment)
    return parser.parts


def legend_rows(args: dict[str, Any]) -> list[str]:
    """The map key's title and each row's words, as a reader sees them."""
    found = re.search(r'<details [^>]*class="portal-legend".*?</details>', args["html"], re.DOTALL)
    return _texts(found.group(0)) if found else []


def labels(args: dict[str, Any]) -> list[list[str]]:
    """The text written on the map (each label's lines), in the order they are drawn."""
    fragments = [json.loads(m) for m in re.findall(r'L\.divIcon\(\{\s*"html":\s*("(?:[^"\\]|\\.)*")',
                                                   args["script"])]
    return [_texts(f) for f in fragments if "portal-district-label" in f]


def links(args: dict[str, Any]) -> list[str]:
    return [*args.get("js_links", []), *args.get("css_links", [])]
