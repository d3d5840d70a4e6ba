"""``portal import inventory`` and ``portal export inventory|catalog``."""

from __future__ import annotations

import argparse

from portal.auth.roles import SYSTEM
from portal.cliutil import choose_format, export_file, import_table, migrated_session, write_output


def import_inventory(args: argparse.Namespace) -> int:
    from portal.inventory.fields import COLUMNS, EXTRA_COLUMNS, REQUIRED
    from portal.inventory.service import import_practices

    return import_table(args, import_practices, COLUMNS, REQUIRED, "practices", EXTRA_COLUMNS)


def import_departments(args: argparse.Namespace) -> int:
    from portal.inventory.records import DEPARTMENTS, import_departments as run

    return import_table(args, run, DEPARTMENTS.columns, DEPARTMENTS.required, DEPARTMENTS.noun,
                        DEPARTMENTS.extra_columns)


def import_datasets(args: argparse.Namespace) -> int:
    from portal.inventory.records import DATASETS, import_datasets as run

    return import_table(args, run, DATASETS.columns, DATASETS.required, DATASETS.noun,
                        DATASETS.extra_columns)


def export_departments(args: argparse.Namespace) -> int:
    from portal.inventory.records import export_departments as build

    return export_file(args, build, "departments")


def export_datasets(args: argparse.Namespace) -> int:
    from portal.inventory.records import export_datasets as build

    return export_file(args, build, "datasets")


def export_inventory(args: argparse.Namespace) -> int:
    from portal.inventory.downloads import export_inventory as build

    return export_file(args, build, "the inventory")


def export_catalog(args: argparse.Namespace) -> int:
    from portal.inventory.downloads import catalog_bytes
    from portal.inventory.downloads import export_catalog as build

    choose_format(args, ("dcat-us",), "the catalog")
    with migrated_session() as session:
        data = catalog_bytes(build(session=session, actor=SYSTEM))
    write_output(data, args.output)
    return 0
