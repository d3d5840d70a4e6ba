"""``portal summarize FILE [--column text]``: the summarizer over a CSV of comments.

Prints one JSON document (DESIGN.md §3): ``count``, ``positions``, ``themes``
(label, keywords, size, member ids, exact quotes with offsets, positions),
``campaigns`` (representative, copies, members, added sentences) and
``unthemed``. Ids come from ``--id-column`` (default ``id``); when the file has
no such column, rows are numbered from 1 as ``portal screen`` numbers them.
Positions come from ``--position-column`` when given (support, neutral, oppose;
anything else is "unstated"). Bad input — a missing file, a missing column, a
file that is not UTF-8 — exits 1 with the reason on stderr and prints nothing.
"""

from __future__ import annotations

import argparse
import csv
import json

from portal.cliutil import fail


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file")
    parser.add_argument("--column", default="text", help="the column holding the comment")
    parser.add_argument("--id-column", default="id",
                        help="the column holding each comment's id (default: row numbers)")
    parser.add_argument("--position-column", default=None,
                        help="the column holding the resident's position, if any")


def run(args: argparse.Namespace) -> int:
    from moderation.summarize import Item, summarize

    column = getattr(args, "column", None) or "text"
    id_column = getattr(args, "id_column", None) or "id"
    position_column = getattr(args, "position_column", None)
    try:
        with open(args.file, newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            fields = reader.fieldnames or []
            for wanted in (column, position_column):
                if wanted is not None and wanted not in fields:
                    return fail(f"{args.file}: no column named {wanted!r} "
                                f"(columns: {', '.join(fields) or 'none'})")
            rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        return fail(f"{args.file}: {error}")
    has_ids = id_column in fields
    items = []
    seen: set[str] = set()
    for n, row in enumerate(rows, start=1):
        if has_ids:
            item_id: str | int = (row.get(id_column) or "").strip()
            if not item_id:
                return fail(f"{args.file}: row {n} has no {id_column!r}")
            if item_id in seen:
                return fail(f"{args.file}: row {n} repeats the {id_column!r} {item_id!r}")
            seen.add(item_id)
        else:
            item_id = n
        items.append(Item(
            item_id,
            row.get(column) or "",
            (row.get(position_column) or None) if position_column else None,
        ))
    summary = summarize(items)
    print(json.dumps(summary.to_json(), ensure_ascii=False, indent=2))
    return 0
