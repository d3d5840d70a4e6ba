"""``portal import districts`` and ``portal export districts``.

The file is read and checked before the database is opened, so a refused file
leaves nothing behind, not even a new, empty database.
"""

from __future__ import annotations

import argparse

from portal.auth.roles import SYSTEM
from portal.cliutil import choose_format, input_file, migrated_session, write_output


def configure_import(parser: argparse.ArgumentParser) -> None:
    """For files whose properties detection would guess wrong (see ``portal.geography.geojson``)."""
    for what in ("code", "name", "population"):
        parser.add_argument(f"--{what}-field", metavar="PROPERTY", default=None,
                            help=f"the feature property that holds the district {what} "
                                 "(default: detected)")


def import_districts(args: argparse.Namespace) -> int:
    """All districts or none: read and checked first, then one transaction."""
    from portal.geography.geojson import read_districts
    from portal.geography.service import import_districts as run

    path = input_file(args)
    districts = read_districts(path.read_bytes(), code_field=args.code_field,
                               name_field=args.name_field,
                               population_field=args.population_field, filename=path.name)
    with migrated_session() as session:
        result = run(session=session, actor=SYSTEM, districts=districts, source=path.name)
    print(result.summary())
    return 0


def export_districts(args: argparse.Namespace) -> int:
    from portal.geography.service import export_districts as build

    choose_format(args, ("geojson",), "districts")
    with migrated_session() as session:
        data = build(session=session, actor=SYSTEM)
    write_output(data, args.output)
    return 0
