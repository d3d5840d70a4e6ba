"""Reading uploaded tables (CSV or XLSX) into rows, with the numbers people see.

Row numbers are the spreadsheet's: the header is row 1, so the first record
is row 2. Every import reports errors with these numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from portal.errors import FieldError, ValidationFailed
from portal.exports import original_cell

MAX_ROWS = 20_000


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[tuple[int, dict[str, Any]]]  # (spreadsheet row number, values by column)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _from_matrix(matrix: list[list[Any]]) -> Table:
    if not matrix:
        raise ValidationFailed([FieldError("file", "the file is empty", None)])
    header = [str(c).strip().lower() if c is not None else "" for c in matrix[0]]
    while header and header[-1] == "":
        header.pop()
    if not header:
        raise ValidationFailed([FieldError("file", "the first row must name the columns", 1)])
    rows = []
    for number, values in enumerate(matrix[1:], start=2):
        if all(_blank(v) for v in values):
            continue
        rows.append((number, {c: (original_cell(values[i]) if i < len(values) else None)
                              for i, c in enumerate(header) if c}))
    if len(rows) > MAX_ROWS:
        raise ValidationFailed([FieldError("file", f"at most {MAX_ROWS:,} rows per import", None)])
    return Table(header, rows)


def read_table(data: bytes, filename: str) -> Table:
    """CSV (UTF-8, with or without BOM) or XLSX (first sheet), by the file's extension."""
    name = filename.lower()
    if name.endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise ValidationFailed([FieldError("file", f"not a readable XLSX file ({exc})")]) from exc
        sheet = book.worksheets[0]
        matrix = [list(r) for r in sheet.iter_rows(values_only=True)]
        book.close()
        return _from_matrix(matrix)
    if name.endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValidationFailed([FieldError("file", "save the CSV as UTF-8")]) from exc
        return _from_matrix([list(r) for r in csv.reader(io.StringIO(text))])
    raise ValidationFailed([FieldError("file", "upload a .csv or .xlsx file")])


def check_columns(table: Table, required: Sequence[str], known: Sequence[str]) -> list[FieldError]:
    errors = [FieldError(c, "this required column is missing", 1)
              for c in required if c not in table.columns]
    errors += [FieldError(c, "unknown column (see the template)", 1)
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
