"""Uploaded tables: CSV and XLSX read alike, with spreadsheet row numbers."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from openpyxl import Workbook, load_workbook

from portal.errors import ValidationFailed
from portal.tabular import check_columns, read_table, template_xlsx


def test_csv_with_bom_and_blank_lines() -> None:
    data = "\ufeffTitle,Dataset\nA,ds-1\n,\nB,ds-2\n".encode()
    table = read_table(data, "x.CSV")
    assert table.columns == ["title", "dataset"]
    assert table.rows == [(2, {"title": "A", "dataset": "ds-1"}), (4, {"title": "B", "dataset": "ds-2"})]


def test_xlsx_keeps_cell_types() -> None:
    book = Workbook()
    book.active.append(["title", "agreement_end", "retention_days", "residents_notified"])
    book.active.append(["A", datetime(2027, 1, 31), 365, True])
    buffer = io.BytesIO()
    book.save(buffer)
    table = read_table(buffer.getvalue(), "x.xlsx")
    assert table.rows == [(2, {"title": "A", "agreement_end": datetime(2027, 1, 31),
                               "retention_days": 365, "residents_notified": True})]


@pytest.mark.parametrize("name,data", [("x.txt", b"a"), ("x.xlsx", b"not a zip"), ("x.csv", b"\xff\xfe\x00")])
def test_unreadable_files_are_refused(name: str, data: bytes) -> None:
    with pytest.raises(ValidationFailed):
        read_table(data, name)


def test_columns_missing_and_unknown() -> None:
    table = read_table(b"title,colour\nA,red\n", "x.csv")
    errors = check_columns(table, required=["title", "dataset"], known=["title", "dataset"])
    assert [(e.field, e.row) for e in errors] == [("dataset", 1), ("colour", 1)]


def test_template_has_the_header_and_a_guide() -> None:
    book = load_workbook(io.BytesIO(template_xlsx(["a", "b"], ["first", "second"])))
    assert [c.value for c in book["import"][1]] == ["a", "b"]
    assert book["columns"]["B3"].value == "second"
