"""``portal export translations`` and ``portal import translations``."""

from __future__ import annotations

import argparse

from portal.cliutil import export_file, import_table


def export_translations(args: argparse.Namespace) -> int:
    from portal.translations.service import export_translations as build

    return export_file(args, build, "translations")


def import_translations(args: argparse.Namespace) -> int:
    from portal.translations.service import EXPORT_COLUMNS, REQUIRED_COLUMNS
    from portal.translations.service import import_translations as run

    columns = {name: None for name in REQUIRED_COLUMNS}
    extra = tuple(c for c in EXPORT_COLUMNS if c not in columns)
    return import_table(args, run, columns, REQUIRED_COLUMNS, "translations", extra)
