"""The one list of areas, and what it adds up to (DESIGN.md §3, §8).

Each line of ``MANIFESTS`` names an area's ``manifest.py``; the permission
table, the navigation, the home page's links and figures, the command line,
the demo county, Alembic's metadata and the service registry are all
collected from them here. Nothing else in the code keeps a list of areas,
pages, services or models; ``tests/meta/`` checks that this stays so.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from functools import cache

from portal.auth.roles import Actor, Role
from portal.manifest import Area, Command, Exporter, Importer, PageSpec, Translatable

# Order matters: it is the order of the navigation, of the home page and of the demo seeds
# (an area's seed may refer to records an earlier area's seed made).
MANIFESTS: tuple[str, ...] = (
    "portal.home.manifest",
    "portal.geography.manifest",
    "portal.notices.manifest",
    "portal.inventory.manifest",
    "portal.requests.manifest",
    "portal.indicators.manifest",
    "portal.oversight.manifest",
    "portal.engagement.manifest",
    "portal.surveys.manifest",
    "portal.translations.manifest",
    "portal.audit.manifest",
    "portal.auth.manifest",
    "portal.demo.manifest",
)


@cache
def areas() -> tuple[Area, ...]:
    found = tuple(importlib.import_module(name).AREA for name in MANIFESTS)
    names = [a.name for a in found]
    if len(set(names)) != len(names):
        raise ValueError(f"two manifests declare the same area: {names}")
    return found


@cache
def permission_rows() -> dict[str, frozenset[Role]]:
    """The authorization table: every area's rows, each service named once."""
    rows: dict[str, frozenset[Role]] = {}
    for area in areas():
        for action, roles in area.permissions.items():
            if action in rows:
                raise ValueError(f"{action!r} has a permission row in two manifests")
            if not action.startswith(f"{area.name}."):
                raise ValueError(f"{action!r} is declared by area {area.name!r}: services are "
                                 "named after the area that holds them")
            rows[action] = roles
    return rows


def import_models() -> None:
    """Import every table so ``SQLModel.metadata`` is complete (Alembic, tests)."""
    for area in areas():
        for module in area.models:
            importlib.import_module(module)


def import_services() -> None:
    """Import every service module so the service registry and the matrix test see them."""
    for area in areas():
        for module in area.services:
            importlib.import_module(module)


def all_pages() -> list[PageSpec]:
    return [page for area in areas() for page in area.pages]


def navigation_for(actor: Actor) -> dict[str, list[PageSpec]]:
    """Sections and their pages in display order, only what ``actor`` may open."""
    sections: dict[str, list[PageSpec]] = {}
    for page in all_pages():
        if page.visible_to(actor):
            sections.setdefault(page.section, []).append(page)
    return sections


def page_for(url_path: str) -> PageSpec:
    for page in all_pages():
        if page.url_path == url_path:
            return page
    raise KeyError(url_path)


def home_links() -> list[PageSpec]:
    """The home page's "Explore" list: public pages first, then the signed-in roles' work."""
    linked = [page for page in all_pages() if page.home_link]
    return sorted(linked, key=lambda page: not page.is_public)


def commands() -> Iterator[Command]:
    for area in areas():
        yield from area.commands


def importers() -> dict[str, Importer]:
    return {i.kind: i for area in areas() for i in area.imports}


def exporters() -> dict[str, Exporter]:
    return {e.kind: e for area in areas() for e in area.exports}


def seeds() -> list[str]:
    return [area.seed for area in areas() if area.seed]


def home_figure_providers() -> list[str]:
    return [area.home_figures for area in areas() if area.home_figures]


def translatable_kinds() -> dict[str, Translatable]:
    """Every kind of record whose text staff may give in Spanish, by kind."""
    kinds: dict[str, Translatable] = {}
    for area in areas():
        for kind in area.translatable:
            if kind.kind in kinds:
                raise ValueError(f"two areas declare translatable {kind.kind!r}")
            kinds[kind.kind] = kind
    return kinds
