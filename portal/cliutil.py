"""What every area's commands share: messages, output, and one unit of work per command.

The contract (DESIGN.md §3): exit 0 on success; on bad input exit 1, the
reasons on stderr, nothing written. Commands act as ``SYSTEM`` — whoever can
run them operates the server.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from portal.errors import FieldError, ValidationFailed
from portal.textsafety import for_terminal

if TYPE_CHECKING:
    from sqlmodel import Session


def fail(message: str) -> int:
    print(f"portal: {for_terminal(message)}", file=sys.stderr)
    return 1


def print_plan(lines: list[str]) -> None:
    """An import's plan on standard output: the values in it are the file's, so what a terminal
    would act on (escape sequences, bidi overrides) is written out, never sent (``for_terminal``)."""
    print("\n".join(for_terminal(line) for line in lines))


@contextmanager
def migrated_session() -> Iterator[Session]:
    """Migrate, then one transaction: committed if the command succeeds, else rolled back.

    The database modules are imported here, by the commands that use one: ``portal screen``
    and ``portal --help`` load no SQLAlchemy, sqlmodel or alembic."""
    from portal.db import make_engine, session_scope, upgrade

    engine = make_engine()
    upgrade(engine)
    try:
        with session_scope(engine) as session:
            yield session
    finally:
        engine.dispose()


def base_url_option(parser: argparse.ArgumentParser) -> None:
    """``--base-url``: feeds and calendars link back to the portal's public address."""
    parser.add_argument("--base-url", default="http://localhost:8501",
                        help="the portal's public address, for links")


def write_output(data: bytes | Iterable[bytes], output: str | None) -> None:
    """``data``, whole or in pieces (written as they come), to ``output`` or standard output."""
    chunks = [data] if isinstance(data, bytes) else data
    if output in (None, "-"):
        for chunk in chunks:
            sys.stdout.buffer.write(chunk)
        sys.stdout.flush()
    else:
        written = 0
        with open(output, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
                written += len(chunk)
        print(f"Wrote {written:,} bytes to {output}", file=sys.stderr)


def input_file(args: argparse.Namespace) -> Path:
    """The file to import, refused unread when it is over ``PORTAL_MAX_IMPORT_MB``."""
    from portal.tabular import check_size

    path = Path(args.file)
    if not path.is_file():
        raise ValidationFailed([FieldError("file", f"no such file: {path}")])
    check_size(path.stat().st_size)
    return path


def dry_run_option(parser: argparse.ArgumentParser) -> None:
    """``--dry-run``: print what the file would change and write nothing."""
    parser.add_argument("--dry-run", action="store_true",
                        help="show what the file would add and change, and write nothing")


def import_table(
    args: argparse.Namespace,
    run: Callable[..., Any],
    columns: dict[str, Any],
    required: tuple[str, ...],
    noun: str,
    extra: tuple[str, ...] = (),
) -> int:
    """A CSV or XLSX import, all rows or none: columns checked first, then one transaction.

    ``extra`` names the columns beyond ``columns`` a file may have (an export's id and the
    columns it adds for readers). Kinds that import their own export back return an ``ImportPlan``: it is printed, row by
    row and field by field, before the summary (and alone with ``--dry-run``).
    """
    from portal.auth.roles import SYSTEM
    from portal.roundtrip import ImportPlan
    from portal.tabular import check_columns, read_table

    path = input_file(args)
    table = read_table(path.read_bytes(), path.name)
    problems = check_columns(table, required, [*columns, *extra])
    if problems:
        raise ValidationFailed(problems)
    dry_run = bool(getattr(args, "dry_run", False))
    with migrated_session() as session:
        result = run(session=session, actor=SYSTEM, rows=table.rows, source=path.name,
                     dry_run=dry_run)
    if isinstance(result, ImportPlan):
        print_plan(result.lines())
        print("Nothing was written (--dry-run)." if dry_run else result.done(path.name))
    elif dry_run:
        print(f"All {result} {noun} in {path.name} are valid; nothing was written (--dry-run).")
    else:
        print(f"Imported {result} {noun} from {path.name}.")
    return 0


def export_file(args: argparse.Namespace, build: Callable[..., bytes], kind: str,
                formats: tuple[str, ...] = ("csv", "json")) -> int:
    """``portal export KIND``: a service's file, as ``SYSTEM``, in the format asked for."""
    from portal.auth.roles import SYSTEM

    fmt = choose_format(args, formats, kind)
    with migrated_session() as session:
        data = build(session=session, actor=SYSTEM, fmt=fmt)
    write_output(data, args.output)
    return 0


def choose_format(args: argparse.Namespace, formats: tuple[str, ...], kind: str) -> str:
    fmt = args.format or formats[0]
    if fmt not in formats:
        raise ValidationFailed(message=f"{kind} is exported with "
                               + " or ".join(f"--format {f}" for f in formats))
    return fmt
