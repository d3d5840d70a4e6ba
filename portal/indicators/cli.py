"""``portal import indicator-definitions|indicators`` and ``portal export indicators``."""

from __future__ import annotations

import argparse

from portal.cliutil import choose_format, import_table, input_file, migrated_session, write_output


def import_definitions(args: argparse.Namespace) -> int:
    from portal.indicators.definitions import import_definitions as run
    from portal.indicators.vocab import DEFINITION_COLUMNS, DEFINITION_REQUIRED

    return import_table(args, run, DEFINITION_COLUMNS, DEFINITION_REQUIRED,
                        "indicator definitions (added or changed)")


def import_values(args: argparse.Namespace) -> int:
    from portal.auth.roles import SYSTEM
    from portal.errors import ValidationFailed
    from portal.indicators.values import import_values as run
    from portal.indicators.vocab import VALUE_COLUMNS, VALUE_IGNORED, VALUE_REQUIRED
    from portal.tabular import check_columns, read_table

    path = input_file(args)
    table = read_table(path.read_bytes(), path.name)
    problems = check_columns(table, VALUE_REQUIRED, [*VALUE_COLUMNS, *VALUE_IGNORED])
    if problems:
        raise ValidationFailed(problems)
    with migrated_session() as session:
        plan = run(session=session, actor=SYSTEM, rows=table.rows, source=path.name)
    print(f"Imported {len(table.rows):,} indicator values from {path.name}: "
          f"{len(plan.added):,} added, {len(plan.updated):,} updated, {plan.unchanged:,} unchanged.")
    return 0


def export_values(args: argparse.Namespace) -> int:
    from portal.auth.roles import RESIDENT
    from portal.indicators.service import values_chunks

    fmt = choose_format(args, ("csv", "json"), "indicators")
    # What the public may see: published indicators, suppressed as on the pages, written as
    # they are read.
    with migrated_session() as session:
        write_output(values_chunks(session, RESIDENT, fmt), args.output)
    return 0


def store_suppression(args: argparse.Namespace) -> int:
    """After ``PORTAL_SUPPRESSION_K`` changes: store every period's statuses for the new k,
    so pages read them instead of working them out on a visitor's request."""
    import sqlalchemy as sa

    from portal.indicators.models import Indicator, IndicatorValue
    from portal.indicators.tables import store_patterns
    from portal.settings import get_settings

    k = get_settings().suppression_k
    cells = 0
    with migrated_session() as session:
        for indicator_id, slug in session.execute(sa.select(Indicator.id, Indicator.slug)
                                                  .order_by(Indicator.slug)).all():
            periods = sorted(session.execute(sa.select(IndicatorValue.period).distinct().where(
                IndicatorValue.indicator_id == indicator_id)).scalars())
            changed = store_patterns(session, indicator_id, periods, k)
            cells += changed
            print(f"{slug}: {len(periods)} periods, {changed:,} cells changed", flush=True)
    print(f"Suppression stored for k = {k}: {cells:,} cells changed.")
    return 0
