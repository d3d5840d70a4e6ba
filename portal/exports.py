"""Files people download: CSV and JSON that open safely in a spreadsheet.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
is run as a formula by spreadsheet programs (CSV injection, DESIGN.md §5);
such cells are prefixed with an apostrophe so they show as typed.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import Any

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def valid_text(text: str) -> str:
    """Replace lone surrogates (which no UTF-8 file can hold) with U+FFFD."""
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _quoted(value: str) -> bool:
    """An apostrophe and then what a spreadsheet would execute: how ``safe_cell`` writes it."""
    return value.startswith("'") and value[1:2] != "" and value[1] in "'=+-@\t\r"


def safe_cell(value: Any) -> Any:
    """Neutralise a text cell a spreadsheet would execute; other values pass unchanged.

    Text that already looks neutralised (``'=…``, or ``''…``) gets an apostrophe too, so
    that ``original_cell`` gives back exactly what was stored, apostrophe included."""
    if isinstance(value, str) and (value.startswith(_FORMULA_START) or _quoted(value)):
        return "'" + value
    return value


def original_cell(value: Any) -> Any:
    """Undo ``safe_cell``: a file the portal exported imports back with the text as typed."""
    if isinstance(value, str) and _quoted(value):
        return value[1:]
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, str):
        return valid_text(value)
    return value


def iter_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str],
             chunk_rows: int = 1_000) -> Iterator[bytes]:
    """``to_csv``'s bytes in pieces of ``chunk_rows`` rows, so a file of a million rows is
    written as it is read instead of held whole in memory."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    buffer.write("\ufeff")
    writer.writerow([safe_cell(valid_text(c)) for c in columns])
    for n, row in enumerate(rows, 1):
        writer.writerow([safe_cell(_plain(row.get(c))) for c in columns])
        if n % chunk_rows == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def to_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> bytes:
    """CSV with a header, UTF-8 with BOM so spreadsheet programs detect the encoding."""
    return b"".join(iter_csv(rows, columns))


def iter_json_list(rows: Iterable[Any]) -> Iterator[bytes]:
    """``to_json(list(rows))``'s bytes, a row at a time. JSON escapes a line break inside a
    string, so indenting each line of a row's text indents it as ``json.dumps`` would."""
    opening = "[\n"
    for row in rows:
        text = json.dumps(row, ensure_ascii=False, indent=2, default=_plain)
        yield valid_text(opening + "\n".join("  " + line for line in text.split("\n"))).encode("utf-8")
        opening = ",\n"
    yield b"[]" if opening == "[\n" else b"\n]"


def to_json(data: Any) -> bytes:
    """JSON as data, not for spreadsheets: values are kept exactly, dates as ISO 8601."""
    text = json.dumps(data, ensure_ascii=False, indent=2, default=_plain)
    return valid_text(text).encode("utf-8")
