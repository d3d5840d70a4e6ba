"""Size limits on imported files (issue 14): refused with a message, never a stack trace."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import Workbook

from portal.errors import ValidationFailed
from portal.notices.importer import read_rows
from portal.tabular import read_table


def refused(data: bytes, name: str) -> str:
    with pytest.raises(ValidationFailed) as caught:
        read_table(data, name)
    return " ".join(str(e) for e in caught.value.errors)


def test_a_file_over_the_size_setting_is_refused_before_it_is_read(monkeypatch) -> None:
    monkeypatch.setenv("PORTAL_MAX_IMPORT_MB", "1")
    data = b"title\n" + b"x" * (1 << 20) + b"\n"
    assert "at most 1 MiB (PORTAL_MAX_IMPORT_MB)" in refused(data, "big.csv")
    monkeypatch.setenv("PORTAL_MAX_IMPORT_MB", "2")
    assert read_table(data, "big.csv").rows[0][1]["title"] == "x" * (1 << 20)


def test_an_xlsx_zip_bomb_is_refused_before_openpyxl_unpacks_it(monkeypatch) -> None:
    monkeypatch.setenv("PORTAL_MAX_IMPORT_MB", "1")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (12 << 20))
    bomb = buffer.getvalue()
    assert len(bomb) < 1 << 20  # small on disk
    assert "unpacks to 12 MiB; at most 10 MiB" in refused(bomb, "bomb.xlsx")


def test_a_damaged_xlsx_is_refused_with_a_reason() -> None:
    assert "not a readable XLSX file" in refused(b"PK\x03\x04 not really", "broken.xlsx")


def test_rows_over_the_row_setting_are_refused(monkeypatch) -> None:
    monkeypatch.setenv("PORTAL_MAX_IMPORT_ROWS", "5")
    data = ("title\n" + "".join(f"row {n}\n" for n in range(6))).encode()
    assert "at most 5 rows per import (this file has 6" in refused(data, "rows.csv")
    book = Workbook()
    for n in range(7):
        book.active.append([f"row {n}"])
    out = io.BytesIO()
    book.save(out)
    assert "at most 5 rows" in refused(out.getvalue(), "rows.xlsx")


def test_a_cell_of_a_megabyte_is_read_and_a_longer_one_refused() -> None:
    megabyte = "é" * 1_000_000
    table = read_table(f"title\n\"{megabyte}\"\n".encode(), "long.csv")
    assert table.rows[0][1]["title"] == megabyte
    assert "not a readable CSV file" in refused(f"title\n\"{'x' * (2 << 20)}\"\n".encode(), "huge.csv")


def test_null_bytes_and_wrong_encodings_are_refused() -> None:
    assert "null byte" in refused(b"title\nbad\x00cell\n", "nul.csv")
    assert "save the CSV as UTF-8" in refused("title\ncafé\n".encode("latin-1"), "latin.csv")
    assert "upload a .csv or .xlsx file" in refused(b"MZ\x90\x00", "program.exe")


def test_json_nested_ten_thousand_deep_is_bad_json_not_a_crash() -> None:
    deep = ("[" * 10_000 + "]" * 10_000).encode()
    with pytest.raises(ValidationFailed) as caught:
        read_rows(deep, "notices.json")
    assert "nested too deeply" in str(caught.value.errors[0])
