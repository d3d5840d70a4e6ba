"""``portal import notices`` and the notices' feeds as ``portal export``."""

from __future__ import annotations

import argparse

from portal.auth.roles import SYSTEM
from portal.cliutil import input_file, migrated_session, write_output


def configure_import(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--publish", action="store_true", help="publish every imported notice")


def import_notices(args: argparse.Namespace) -> int:
    """All rows or none: the unit of work rolls back on the first refusal."""
    from portal.notices.importer import import_notices as run
    from portal.notices.importer import read_rows

    path = input_file(args)
    rows = read_rows(path.read_bytes(), path.name)
    with migrated_session() as session:
        result = run(session=session, actor=SYSTEM, rows=rows, publish_all=args.publish)
    print(f"Imported {len(result.created)} new and {len(result.updated)} updated notices; "
          f"{len(result.published)} published.")
    return 0


def _feed(args: argparse.Namespace, build_name: str) -> int:
    from portal.notices import feeds

    with migrated_session() as session:
        data = getattr(feeds, build_name)(session=session, actor=SYSTEM, base_url=args.base_url)
    write_output(data, args.output)
    return 0


def export_atom(args: argparse.Namespace) -> int:
    return _feed(args, "notices_atom")


def export_ics(args: argparse.Namespace) -> int:
    return _feed(args, "comment_deadlines_ics")
