"""``portal demo``: every area's seed, in the registry's order."""

from __future__ import annotations

import argparse

from portal.auth.roles import SYSTEM
from portal.cliutil import migrated_session


def demo(args: argparse.Namespace | None = None) -> int:
    from portal.demo.loader import load_demo

    with migrated_session() as session:
        counts = load_demo(session=session, actor=SYSTEM)
    added = {k: v for k, v in counts.items() if v}
    if added:
        print("Loaded the demo county (rows per table): "
              + ", ".join(f"{k} {v:,}" for k, v in added.items()))
    else:
        print("The demo county is already loaded; nothing changed.")
    return 0
