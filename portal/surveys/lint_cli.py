"""``portal surveys lint FILE [--column text]``: the sensitive-question linter over a CSV.

One JSON object per data row, rows counted from 1 as ``portal screen`` counts
them: ``{"row": n, "flags": [{"topic": …, "severity": "error"|"warning",
"evidence": …}]}`` (DESIGN.md §3). Optional columns are linted with the
question: ``help_text`` (or ``help``), ``options`` (separated by ``|`` or by
line breaks) and ``kind``. Bad input — a missing file, a missing column, a file
that is not UTF-8 — exits 1 with the reason on stderr and prints nothing.
"""

from __future__ import annotations

import argparse
import csv
import json
import re

from portal.cliutil import fail

#: Optional columns, in order of preference.
HELP_COLUMNS = ("help_text", "help")
OPTIONS_COLUMN = "options"
KIND_COLUMN = "kind"
#: Options in one cell are separated by "|" or by line breaks.
_OPTION_SEPARATOR = re.compile(r"\s*(?:\||\r\n|\r|\n)\s*")


def configure_lint(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file")
    parser.add_argument("--column", default="text", help="the column holding the question")


def split_options(cell: str) -> list[str]:
    """``"Yes | No"`` or one option a line, blanks dropped."""
    return [part for part in _OPTION_SEPARATOR.split(cell.strip()) if part]


def lint(args: argparse.Namespace) -> int:
    from moderation.sensitive_questions import lint_question, to_json_row

    column = getattr(args, "column", None) or "text"
    try:
        with open(args.file, newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            fields = reader.fieldnames or []
            if column not in fields:
                return fail(f"{args.file}: no column named {column!r} "
                            f"(columns: {', '.join(fields) or 'none'})")
            help_column = next((c for c in HELP_COLUMNS if c in fields and c != column), None)
            rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        return fail(f"{args.file}: {error}")
    for n, row in enumerate(rows, start=1):
        flags = lint_question(
            row.get(column) or "",
            (row.get(help_column) or "") if help_column else "",
            split_options(row.get(OPTIONS_COLUMN) or "") if OPTIONS_COLUMN != column else (),
            (row.get(KIND_COLUMN) or None) if KIND_COLUMN != column else None,
        )
        print(json.dumps(to_json_row(n, flags), ensure_ascii=False))
    return 0
