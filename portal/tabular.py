"""Reading uploaded tables (CSV or XLSX) into rows, with the numbers people see.

Row numbers are the spreadsheet's: the header is row 1, so the first record
is row 2. Every import reports errors with these numbers.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from portal.errors import FieldError, ValidationFailed
from portal.exports import original_cell
from portal.i18n import _
from portal.i18n import number as shown_number
from portal.settings import get_settings

#: Longest cell a CSV may hold (1 MiB of text); Python's csv module stops at 128 KiB.
MAX_CELL_CHARS = 1 << 20
#: How much larger than the file itself an XLSX may unpack to before it is refused.
XLSX_UNPACK_FACTOR = 10


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[tuple[int, dict[str, Any]]]  # (spreadsheet row number, values by column)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _from_matrix(matrix: list[list[Any]]) -> Table:
    if not matrix:
        raise ValidationFailed([FieldError("file", _("the file is empty"), None)])
    header = [str(c).strip().lower() if c is not None else "" for c in matrix[0]]
    while header and header[-1] == "":
        header.pop()
    if not header:
        raise ValidationFailed([FieldError("file", _("the first row must name the columns"), 1)])
    rows = []
    for number, values in enumerate(matrix[1:], start=2):
        if all(_blank(v) for v in values):
            continue
        rows.append((number, {c: (original_cell(values[i]) if i < len(values) else None)
                              for i, c in enumerate(header) if c}))
    most = get_settings().max_import_rows
    if len(rows) > most:
        raise ValidationFailed([FieldError("file", _(
            "at most {most} rows per import (this file has {rows}; PORTAL_MAX_IMPORT_ROWS)").format(
                most=shown_number(most), rows=shown_number(len(rows))))])
    return Table(header, rows)


def check_size(data: bytes | int) -> None:
    """Refuse a file over ``PORTAL_MAX_IMPORT_MB`` before reading any of it (``data`` is the
    file's bytes, or its size in bytes when it is still on disk)."""
    limit = get_settings().max_import_mb
    size = data if isinstance(data, int) else len(data)
    if size > limit << 20:
        raise ValidationFailed([FieldError("file", _(
            "the file is {size} MiB; at most {limit} MiB (PORTAL_MAX_IMPORT_MB)").format(
                size=shown_number(size / (1 << 20), 1), limit=shown_number(limit)))])


def _check_unpacked(data: bytes) -> None:
    """An XLSX is a zip: refuse one whose parts unpack to far more than the limit (a zip
    bomb fills memory before openpyxl reads a single cell)."""
    import zipfile

    limit = (get_settings().max_import_mb << 20) * XLSX_UNPACK_FACTOR
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError) as exc:
        raise ValidationFailed([FieldError(
                "file", _("not a readable XLSX file ({error})").format(error=exc))]) from exc
    if unpacked > limit:
        raise ValidationFailed([FieldError("file", _(
            "the XLSX unpacks to {size} MiB; at most {limit} MiB").format(
                size=shown_number(unpacked / (1 << 20), 0), limit=shown_number(limit >> 20)))])


def read_table(data: bytes, filename: str) -> Table:
    """CSV (UTF-8, with or without BOM) or XLSX (first sheet), by the file's extension."""
    check_size(data)
    name = filename.lower()
    if name.endswith(".xlsx"):
        from openpyxl import load_workbook

        _check_unpacked(data)
        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise ValidationFailed([FieldError(
                "file", _("not a readable XLSX file ({error})").format(error=exc))]) from exc
        sheet = book.worksheets[0]
        matrix = [list(r) for r in sheet.iter_rows(values_only=True)]
        book.close()
        return _from_matrix(matrix)
    if name.endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValidationFailed([FieldError("file", _("save the CSV as UTF-8"))]) from exc
        if "\x00" in text:
            raise ValidationFailed([FieldError("file", _("the CSV holds a null byte: save it as "
                                                 "UTF-8 text"))])
        csv.field_size_limit(MAX_CELL_CHARS)
        try:
            return _from_matrix([list(r) for r in csv.reader(io.StringIO(text, newline=""))])
        except csv.Error as exc:
            raise ValidationFailed([FieldError(
                "file", _("not a readable CSV file ({error})").format(error=exc))]) from None
    raise ValidationFailed([FieldError("file", _("upload a .csv or .xlsx file"))])


def check_columns(table: Table, required: Sequence[str], known: Sequence[str]) -> list[FieldError]:
    errors = [FieldError(c, _("this required column is missing"), 1)
              for c in required if c not in table.columns]
    errors += [FieldError(c, _("unknown column (see the template)"), 1)
               for c in table.columns if c and c not in known]
    return errors


def template_xlsx(columns: Sequence[str], notes: Sequence[str]) -> bytes:
    """A workbook whose first sheet has the header row and whose second explains each column."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "import"
    sheet.append(list(columns))
    guide = book.create_sheet("columns")
    guide.append(["column", "what to enter"])
    for column, note in zip(columns, notes, strict=True):
        guide.append([column, note])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def load_json(text: str | bytes) -> Any:
    """``json.loads`` that answers a document nested too deeply for Python (10,000 brackets)
    with the same ``JSONDecodeError`` as any other bad JSON, instead of a RecursionError."""
    try:
        return json.loads(text)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply", str(text[:0]), 0) from None
