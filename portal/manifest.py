"""What an area declares about itself (DESIGN.md §3 "Areas are self-contained").

Each area of the portal (``portal/<area>/``) has one ``manifest.py`` holding an
:class:`Area`: its permission rows, the modules that hold its tables and its
services, its pages, its command-line verbs, imports and exports, its demo
seed and its figures on the home page. ``portal/registry.py`` lists the
manifests and collects them; nothing else keeps a list of areas, pages,
services or models. This is the shape of a Decidim component or a Datasette
built-in plugin: adding an area is a folder, one line in the registry and a
migration (``docs/adding-an-area.md``).

Functions are named as ``"module:function"`` strings, not imported, so that
reading the manifests (which every service does through the permission table)
stays cheap and free of import cycles; the registry resolves them when used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from portal.auth.roles import Actor, Role
from portal.i18n import N_
from portal.settings import PROJECT_ROOT, get_settings


def resolve(ref: str) -> Callable[..., Any]:
    """``"portal.x.cli:run"`` → the function it names."""
    module, _, name = ref.partition(":")
    if not name:
        raise ValueError(f"{ref!r} does not name a function (module:function)")
    return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


WORK_SECTION = N_("Your work")
ABOUT_SECTION = N_("About this portal")


@dataclass(frozen=True)
class PageSpec:
    """One screen. Who sees it follows from the services it needs, never from a role list.

    ``requires`` names services (rows of the permission table); the page is shown
    to whoever may call every one of them. A page that needs no service is public.
    """

    script: str  # relative to the project root
    title: str
    url_path: str
    icon: str
    section: str
    requires: tuple[str, ...] = ()
    demo_only: bool = False
    # Listed under "Explore" on the home page (for those who may open it).
    home_link: bool = False
    # A page reached from another (one notice, one meeting) is no menu entry: "Technology
    # notice" in the menu opened whichever technology sorted first.
    in_menu: bool = True

    @property
    def path(self) -> Path:
        return PROJECT_ROOT / self.script

    @property
    def is_public(self) -> bool:
        from portal.auth.permissions import allowed
        from portal.auth.roles import RESIDENT

        return not self.demo_only and all(allowed(RESIDENT, s) for s in self.requires)

    @property
    def menu_section(self) -> str:
        """Where the menu lists it: public pages under what residents come to do, the rest
        together under "Your work", so a role's own work is never folded among pages it
        shares with everyone."""
        return self.section if self.is_public or self.demo_only else WORK_SECTION

    def visible_to(self, actor: Actor) -> bool:
        from portal.auth.permissions import allowed

        if self.demo_only and not get_settings().demo_signin:
            return False
        return all(allowed(actor, action) for action in self.requires)


@dataclass(frozen=True)
class Command:
    """A ``portal`` verb (``("retention", "purge")`` is ``portal retention purge``).

    ``configure`` adds the verb's options to its argparse parser; ``run`` takes
    the parsed arguments and returns the exit status.
    """

    verb: tuple[str, ...]
    help: str
    run: str
    configure: str | None = None


@dataclass(frozen=True)
class Importer:
    """``portal import KIND FILE``: every row or none (DESIGN.md §3)."""

    kind: str
    help: str
    run: str
    configure: str | None = None


@dataclass(frozen=True)
class Exporter:
    """``portal export KIND [--format F] [-o FILE]``."""

    kind: str
    help: str
    run: str
    formats: tuple[str, ...] = ("csv", "json")
    #: ``"module:function"`` adding the export's own options to its parser.
    configure: str | None = None


@dataclass(frozen=True)
class HomeFigure:
    """A figure an area shows on the home page (from its ``home_figures`` function)."""

    key: str  # "area.name": stable, for tests and scripts
    label: str
    value: int
    help: str | None = None


@dataclass(frozen=True)
class TranslatableRecord:
    """One record's fields that staff may give in Spanish, in reading order:
    ``(field, label, English)``."""

    title: str
    fields: tuple[tuple[str, str, str], ...]


def records_of(rows: Iterable[Any], fields: tuple[tuple[str, str], ...],
               title: str) -> dict[int, TranslatableRecord]:
    """Table rows as translatable records: ``fields`` (attribute, label) that hold text,
    titled by the attribute ``title``."""
    records: dict[int, TranslatableRecord] = {}
    for row in rows:
        found = tuple((name, label, getattr(row, name) or "") for name, label in fields)
        records[row.id] = TranslatableRecord(getattr(row, title), tuple(f for f in found if f[2]))
    return records


@dataclass(frozen=True)
class Translatable:
    """Records of an area whose staff-written text residents may read in Spanish
    (``portal/translations/``). ``english`` is ``"module:function"`` taking
    ``(session, record_ids or None for all)`` and giving ``{record_id: TranslatableRecord}``:
    the English as it stands now."""

    kind: str  # stable: it names the records in files and in the database
    label: str
    english: str


@dataclass(frozen=True)
class Area:
    name: str
    #: Which roles may call each of the area's services: rows of the one permission table.
    permissions: Mapping[str, frozenset[Role]]
    #: Modules that define the area's tables (for Alembic's metadata and the tests).
    models: tuple[str, ...] = ()
    #: Modules that define the area's ``@service`` functions.
    services: tuple[str, ...] = ()
    pages: tuple[PageSpec, ...] = ()
    commands: tuple[Command, ...] = ()
    imports: tuple[Importer, ...] = ()
    exports: tuple[Exporter, ...] = ()
    #: ``"module:SEED"``: the area's part of the demo county (``portal.demo.seeding.Seed``).
    seed: str | None = None
    #: ``"module:function"`` giving the area's figures on the home page.
    home_figures: str | None = None
    #: Its records whose text staff may give in Spanish.
    translatable: tuple[Translatable, ...] = ()
