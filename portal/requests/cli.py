"""``portal import requests``."""

from __future__ import annotations

import argparse

from portal.cliutil import import_table


def import_requests(args: argparse.Namespace) -> int:
    from portal.requests.service import COLUMNS, REQUIRED
    from portal.requests.service import import_requests as run

    return import_table(args, run, COLUMNS, REQUIRED, "requests")
