"""What the county-scale data set uses of the other areas, reached by name when it runs.

Every area's seed imports the demo's helpers (``portal.demo.seeding``), so the demo area
imports no area's module itself: areas import each other without cycles (tests/meta). Like
the loader, which resolves the seeds by name (``portal.manifest.resolve``), the data set
resolves the tables, vocabularies and functions it needs when it is made.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

import sqlalchemy as sa


def module(name: str) -> ModuleType:
    """``portal.<area>.<module>``, imported now."""
    return importlib.import_module(name)


def function(ref: str) -> Any:
    """``"portal.<area>.<module>:name"`` → what it names."""
    from portal.manifest import resolve

    return resolve(ref)


def table(name: str) -> sa.Table:
    """A table of the schema, by name (every area's models are loaded)."""
    from portal.models import metadata

    return metadata.tables[name]
