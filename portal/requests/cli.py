"""``portal import requests``."""

from __future__ import annotations

import argparse

from portal.cliutil import import_table


def import_requests(args: argparse.Namespace) -> int:
    from portal.requests.service import COLUMNS, EXTRA_COLUMNS, REQUIRED
    from portal.requests.service import import_requests as run

    return import_table(args, run, COLUMNS, REQUIRED, "requests", EXTRA_COLUMNS)


def export_requests(args: argparse.Namespace) -> int:
    from portal.cliutil import export_file
    from portal.requests.service import export_requests as build

    return export_file(args, build, "requests")


def export_log(args: argparse.Namespace) -> int:
    """The public request log's figures: what the page shows, small numbers suppressed."""
    from portal.auth.roles import RESIDENT
    from portal.cliutil import choose_format, migrated_session, write_output
    from portal.requests.service import log_file

    fmt = choose_format(args, ("csv", "json"), "request-log")
    with migrated_session() as session:
        data = log_file(session, RESIDENT, fmt)
    write_output(data, args.output)
    return 0
