"""``portal import inventory`` and ``portal export inventory|catalog``."""

from __future__ import annotations

import argparse

from portal.auth.roles import SYSTEM
from portal.cliutil import choose_format, import_table, migrated_session, write_output


def import_inventory(args: argparse.Namespace) -> int:
    from portal.inventory.fields import COLUMNS, EXTRA_COLUMNS, REQUIRED
    from portal.inventory.service import import_practices

    return import_table(args, import_practices, COLUMNS, REQUIRED, "practices", EXTRA_COLUMNS)


def export_inventory(args: argparse.Namespace) -> int:
    from portal.inventory.downloads import export_inventory as build

    fmt = choose_format(args, ("csv", "json"), "the inventory")
    with migrated_session() as session:
        data = build(session=session, actor=SYSTEM, fmt=fmt)
    write_output(data, args.output)
    return 0


def export_catalog(args: argparse.Namespace) -> int:
    from portal.inventory.downloads import catalog_bytes
    from portal.inventory.downloads import export_catalog as build

    choose_format(args, ("dcat-us",), "the catalog")
    with migrated_session() as session:
        data = catalog_bytes(build(session=session, actor=SYSTEM))
    write_output(data, args.output)
    return 0
