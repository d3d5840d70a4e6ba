"""``portal demo [--scale demo|county]``: every area's seed, in the registry's order, and
with ``--scale county`` the county-scale data set on top (``portal.demo.scale``)."""

from __future__ import annotations

import argparse

from portal.auth.roles import SYSTEM
from portal.cliutil import migrated_session


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scale", choices=("demo", "county"), default="demo",
                        help="demo: the demo county (default); county: the demo county and, on "
                             "top, DESIGN.md §7's large county (5,000 practices, 300 notices, "
                             "100,000 comments, 50,000 survey responses, 1,000,000 indicator "
                             "values), in bulk, with progress on standard error")
    # For tests: a fraction of the county-scale counts (0.002 loads 0.2 % of each).
    parser.add_argument("--rows-factor", type=float, default=1.0, help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=None, help=argparse.SUPPRESS)


def demo(args: argparse.Namespace | None = None) -> int:
    from portal.demo.loader import load_demo

    county_scale = getattr(args, "scale", "demo") == "county"
    if county_scale:
        from portal.demo.scale import counts_for

        counts_for(args.rows_factor)  # type: ignore[union-attr]  # a bad factor: nothing is done

    with migrated_session() as session:
        counts = load_demo(session=session, actor=SYSTEM)
    added = {k: v for k, v in counts.items() if v}
    if added:
        print("Loaded the demo county (rows per table): "
              + ", ".join(f"{k} {v:,}" for k, v in added.items()))
    else:
        print("The demo county is already loaded; nothing changed.")
    if county_scale:
        return county(args)  # type: ignore[arg-type]
    return 0


def county(args: argparse.Namespace) -> int:
    from portal.demo.scale import SEED, load_county

    with migrated_session() as session:
        counts = load_county(session=session, actor=SYSTEM, factor=args.rows_factor,
                             seed=SEED if args.seed is None else args.seed)
    if counts:
        print("Loaded the county-scale data set (rows per table): "
              + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    else:
        print("The county-scale data set is already loaded; nothing changed.")
    return 0
