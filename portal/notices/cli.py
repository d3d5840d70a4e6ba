"""``portal import notices``, ``portal export notices`` and the notices' feeds."""

from __future__ import annotations

import argparse

from portal.auth.roles import SYSTEM
from portal.cliutil import (
    dry_run_option,
    export_file,
    input_file,
    migrated_session,
    print_plan,
    write_output,
)


def configure_import(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--publish", action="store_true",
                        help="publish each notice the file adds or whose content it changes")
    dry_run_option(parser)


def import_notices(args: argparse.Namespace) -> int:
    """All rows or none: the plan first (row by row, field by field), then one transaction."""
    from portal.notices.importer import import_notices as run
    from portal.notices.importer import read_rows, to_publish

    path = input_file(args)
    rows = read_rows(path.read_bytes(), path.name)
    with migrated_session() as session:
        plan = run(session=session, actor=SYSTEM, rows=rows, publish_all=args.publish,
                   source=path.name, dry_run=args.dry_run)
    print_plan(plan.lines())
    published = to_publish(plan)
    if args.dry_run:
        if args.publish:
            print(f"{len(published)} to publish.")
        print("Nothing was written (--dry-run).")
        return 0
    print(f"Imported {len(plan.added)} new and {len(plan.updated)} updated notices; "
          f"{len(published)} published.")
    return 0


def export_notices(args: argparse.Namespace) -> int:
    from portal.notices.importer import export_notices as build

    return export_file(args, build, "notices")


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
