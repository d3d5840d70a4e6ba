"""Hostile input through every ``portal import KIND`` and back out of every export (issue 14).

Each kind gets a file (CSV and XLSX; JSON for notices, GeoJSON for districts) whose text
cells hold the hostile corpus (``tests/hostile.py``), one string per row. Each value is
either stored as given — read back exactly from ``portal export KIND --format json`` — or
the file is refused with the row, the column and the reason: exit 1, no stack trace, and
``portal export KIND`` reads the same before and after. The stored values then leave
through the CSV export formula-safe, and that export imports back changing nothing.

"As given" is the import's documented rule: surrounding whitespace is trimmed, and the
apostrophe an export puts before a formula-like cell is taken off again.

Commands run in-process (``portal.cli.main``) so the suite stays fast; an exception that
escaped ``main`` fails the test as a stack trace would. The oversized files run once as
an operator runs them, in a subprocess.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from portal.cli import main
from portal.db import make_engine
from portal.exports import original_cell
from portal.settings import PROJECT_ROOT
from tests import hostile
from tests.cli.test_cli_roundtrip import write_csv

LONG = "long-single-line"
#: The strings no file row can carry as a cell: the CSV is refused whole (null byte), or
#: UTF-8 cannot hold them (lone surrogates); each has a test of its own below.
NOT_IN_CSV = {"null-byte", "lone-high-surrogate", "lone-low-surrogate"}
#: What openpyxl refuses to write into a workbook (XML 1.0 has no such characters).
NOT_IN_XLSX = NOT_IN_CSV | {"control-chars"}


def runner(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """``portal ARGS`` in this process: (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err

    return run


@pytest.fixture
def cli(database_url: str, capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    return runner(capsys)


def exported(cli: Callable[..., tuple[int, str, str]], kind: str, fmt: str | None = None) -> str:
    code, out, err = cli("export", kind, *(["--format", fmt] if fmt else []))
    assert code == 0, err
    return out


def bookkeeping(url: str) -> tuple[int, int]:
    engine = make_engine(url)
    with engine.connect() as conn:
        counts = tuple(conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one()
                       for t in ("record_version", "audit_event"))
    engine.dispose()
    return counts  # type: ignore[return-value]


def refusals(err: str) -> dict[int, set[str]]:
    """``portal: row N, column: reason`` lines: the columns refused on each row."""
    found: dict[int, set[str]] = {}
    for line in err.splitlines():
        assert line.startswith("portal: "), line
        head = line.removeprefix("portal: ")
        if head.startswith("row "):
            number, rest = head.removeprefix("row ").split(", ", 1)
            found.setdefault(int(number), set()).add(rest.split(":", 1)[0].split("[")[0])
    return found


def write_xlsx(path: Path, rows: list[dict[str, Any]]) -> Path:
    """Text cells, as a spreadsheet keeps what was typed with a leading apostrophe: a cell
    starting with ``=`` is text here, not a formula."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(list(rows[0]))
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row.values(), start=1):
            cell = sheet.cell(row=r, column=c)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"
    book.save(path)
    return path


def as_read(path: Path) -> dict[tuple[int, str], Any]:
    """What the workbook holds, cell by cell (XML keeps no bare carriage return, for one)."""
    sheet = load_workbook(path, read_only=True).worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    return {(n, str(col)): value for n, row in enumerate(rows[1:], start=2)
            for col, value in zip(rows[0], row, strict=False)}


def given(value: Any) -> Any:
    """A cell as the import stores it: trimmed, an export's apostrophe taken off."""
    value = original_cell(value)
    return value.strip() if isinstance(value, str) else value


@dataclass
class Kind:
    name: str
    row: Callable[[int, str], dict[str, Any]]
    hostile: tuple[str, ...]  # the columns that carry the string
    key: str  # the column naming a row in the JSON export
    refused: dict[str, set[str]]  # string name -> the columns refused for it
    setup: tuple[tuple[str, str, str], ...] = ()  # (kind, file name, CSV text) imported first
    read: Callable[..., dict[str, dict[str, Any]]] | None = None
    exported_as: dict[str, str] = field(default_factory=dict)  # import column -> export column


DEPARTMENT = ("departments", "dep.csv", "code,name\nWTR,Water Bureau\n")
DATASET = ("datasets", "ds.csv", ("identifier,department,title,classification\n"
                                  "wtr-meters,WTR,Smart meters,confidential\n"))


def _indicator_rows(cli: Callable[..., tuple[int, str, str]], url: str) -> dict[str, dict[str, Any]]:
    rows = json.loads(exported(cli, "indicators", "json"))
    return {r["group"]: r for r in rows if r["group_dimension"] == "hostile"}


def _definitions(cli: Callable[..., tuple[int, str, str]], url: str) -> dict[str, dict[str, Any]]:
    engine = make_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT slug, name, description, source, caveats "
                                    "FROM indicator")).mappings().all()
    engine.dispose()
    return {r["slug"]: dict(r) for r in rows}


KINDS = [
    Kind("departments", lambda i, v: {"code": f"H{i}", "name": v, "description": v},
         ("name", "description"), "code",
         {LONG: {"name", "description"}}),
    Kind("datasets", lambda i, v: {"identifier": f"h-{i}", "department": "WTR", "title": v,
                                   "description": v, "classification": "confidential"},
         ("title", "description"), "identifier", {LONG: {"title"}},
         setup=(DEPARTMENT,)),
    Kind("inventory", lambda i, v: {
        "dataset": "wtr-meters", "title": f"Practice {i}", "recipient": v,
        "recipient_type": "state_agency", "channel": "law", "legal_basis_type": "statute",
        "legal_basis": v, "purpose": v, "frequency": "annually", "retention_text": v},
         ("recipient", "legal_basis", "purpose", "retention_text"), "title",
         {LONG: {"recipient"}}, setup=(DEPARTMENT, DATASET)),
    Kind("requests", lambda i, v: {
        "reference": f"IR-{i}", "received_date": "2026-03-01", "department": "WTR",
        "requesting_agency": v, "agency_type": "local_law_enforcement",
        "legal_process": "administrative_subpoena", "outcome": "fulfilled",
        "residents_notified": "not_notified", "people_covered": "3", "public_summary": v},
         ("requesting_agency", "public_summary"), "reference",
         {LONG: {"requesting_agency"}}, setup=(DEPARTMENT,)),
    Kind("notices", lambda i, v: {"slug": f"hostile-{i}", "name": v, "category": "camera",
                                  "department": "WTR", "description": v, "purpose": v,
                                  "data_collected": v, "vendor": v},
         ("name", "description", "purpose", "data_collected", "vendor"), "slug",
         {LONG: {"name", "vendor"}}, setup=(DEPARTMENT,)),
    Kind("indicator-definitions", lambda i, v: {"slug": f"h-{i}", "name": v, "unit": "count",
                                                "description": v, "source": v, "caveats": v},
         ("name", "description", "source", "caveats"), "slug",
         {LONG: {"name", "source"}}, read=_definitions),
    # One group per string under a county total; "\t=1+1" and "\r=1+1" trim to the same group,
    # so the second is the same cell again.
    Kind("indicators", lambda i, v: {"indicator": "hostile", "period": "2025", "district": "all",
                                     "group_dimension": "hostile", "group": v,
                                     "numerator": 20, "denominator": 100},
         ("group",), "group", {LONG: {"group"}, "formula-leading-cr": {"indicator"}},
         setup=(("indicator-definitions", "defs.csv", "slug,name,unit\nhostile,Hostile groups,count\n"),
                ("indicators", "total.csv", ("indicator,period,district,group_dimension,group,"
                                             "numerator,denominator\nhostile,2025,all,all,all,5000,90000\n"))),
         read=_indicator_rows),
]


def _import_rows(cli: Callable[..., tuple[int, str, str]], url: str, tmp_path: Path, kind: Kind,
                 fmt: str) -> tuple[dict[int, hostile.Hostile], dict[str, Any]]:
    """Import the corpus; returns the rows stored (by row number) and what each cell held."""
    skip = NOT_IN_XLSX if fmt == "xlsx" else NOT_IN_CSV
    corpus = [s for s in hostile.strings() if s.name not in skip]
    rows = [kind.row(i, s.value) for i, s in enumerate(corpus)]
    path = (write_xlsx if fmt == "xlsx" else write_csv)(tmp_path / f"{kind.name}.{fmt}", rows)
    cells = as_read(path) if fmt == "xlsx" else {
        (n, c): v for n, row in enumerate(rows, start=2) for c, v in row.items()}
    by_row = dict(enumerate(corpus, start=2))

    before = (_state(cli, url, kind), bookkeeping(url))
    code, out, err = cli("import", kind.name, str(path))
    assert code == 1, out
    refused = refusals(err)
    expected = {n: kind.refused[s.name] for n, s in by_row.items() if s.name in kind.refused}
    assert refused == expected, err
    after = (_state(cli, url, kind), bookkeeping(url))
    assert after == before  # refused: nothing written

    kept = [row for n, row in enumerate(rows, start=2) if n not in refused]
    stored = {n: s for n, s in by_row.items() if n not in refused}
    cells = {(new, c): cells[(old, c)] for new, old in enumerate(stored, start=2)
             for c in rows[0]}
    again = (write_xlsx if fmt == "xlsx" else write_csv)(tmp_path / f"{kind.name}-kept.{fmt}", kept)
    code, out, err = cli("import", kind.name, str(again))
    assert code == 0, err
    return dict(enumerate(stored.values(), start=2)), cells


#: Every kind from CSV; from XLSX the two ways a workbook is read (``read_table`` for the
#: table kinds, and the notices' own reader), since the cleaning after it is the CSV's.
CASES = [pytest.param(k, "csv", id=f"{k.name}-csv") for k in KINDS] + [
    pytest.param(k, "xlsx", id=f"{k.name}-xlsx") for k in KINDS if k.name in ("requests", "notices")]


@pytest.mark.parametrize("kind,fmt", CASES)
def test_hostile_cells_are_stored_as_given_or_refused_by_row_and_column(
    cli: Callable[..., tuple[int, str, str]], database_url: str, tmp_path: Path, kind: Kind, fmt: str,
) -> None:
    for setup_kind, name, text in kind.setup:
        (tmp_path / name).write_text(text, encoding="utf-8")
        code, _, err = cli("import", setup_kind, str(tmp_path / name))
        assert code == 0, err
    stored, cells = _import_rows(cli, database_url, tmp_path, kind, fmt)

    # Read back: the JSON export (or the table) holds each value exactly as given.
    found = _state(cli, database_url, kind)
    for number in stored:
        record = found[given(cells[(number, kind.key)])]
        for column in kind.hostile:
            assert record[column] == given(cells[(number, column)]), (stored[number].name, column)

    if kind.name == "indicator-definitions":
        return  # no file of definitions to export
    # Out again as CSV: no cell a spreadsheet would run, and the export imports back unchanged.
    export = exported(cli, kind.name, "csv")
    _formula_safe(export)
    if kind.name in ("indicators",):
        return  # the public values file is suppressed figures, not an import of its own
    path = tmp_path / f"{kind.name}-export.csv"
    path.write_text(export, encoding="utf-8")
    before = bookkeeping(database_url)
    code, out, err = cli("import", kind.name, str(path))
    assert code == 0, err
    assert out.startswith("0 ") and " to add, 0 to update" in out, out
    assert bookkeeping(database_url) == before


def _state(cli: Callable[..., tuple[int, str, str]], url: str, kind: Kind) -> dict[str, dict[str, Any]]:
    """Every record of the kind by its key: the JSON export, or the table without one."""
    if kind.read is not None:
        return kind.read(cli, url)
    return {str(r[kind.key]): r for r in json.loads(exported(cli, kind.name, "json"))}


def _formula_safe(text: str) -> None:
    for row in csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")):
        for cell in row:
            assert not cell.startswith(hostile.FORMULA_START), cell[:40]


# ---------------------------------------------------------------------------
# JSON and GeoJSON: every string of the corpus, null bytes and lone surrogates included
# ---------------------------------------------------------------------------

#: What a JSON notice or a GeoJSON district cannot be stored with: refused, by row and column.
UNSTORABLE = {"null-byte", "lone-high-surrogate", "lone-low-surrogate"}


def test_notices_from_json_are_stored_as_given_or_refused(
    cli: Callable[..., tuple[int, str, str]], database_url: str, tmp_path: Path,
) -> None:
    (tmp_path / "dep.csv").write_text("code,name\nWTR,Water Bureau\n", encoding="utf-8")
    assert cli("import", "departments", str(tmp_path / "dep.csv"))[0] == 0
    corpus = hostile.strings()
    notices = [{"slug": f"hostile-{i}", "name": s.value, "category": "camera", "department": "WTR",
                "description": s.value, "purpose": s.value, "data_collected": s.value,
                "locations": [{"label": s.value, "latitude": 45.5, "longitude": -122.6}]}
               for i, s in enumerate(corpus)]
    path = tmp_path / "notices.json"
    path.write_text(json.dumps(notices, ensure_ascii=True), encoding="utf-8")  # surrogates as \ud800
    before = (exported(cli, "notices"), bookkeeping(database_url))
    code, out, err = cli("import", "notices", str(path), "--publish")
    assert code == 1, out
    refused = refusals(err)
    expected: dict[int, set[str]] = {}
    for number, s in enumerate(corpus, start=1):
        if s.name in UNSTORABLE:
            expected[number] = {"name", "description", "purpose", "data_collected", "locations"}
        elif s.name == LONG:
            expected[number] = {"name", "locations"}
    assert refused == expected, err
    assert "null character" in err and "lone surrogate" in err
    assert (exported(cli, "notices"), bookkeeping(database_url)) == before

    kept = [n for number, n in enumerate(notices, start=1) if number not in refused]
    path.write_text(json.dumps(kept, ensure_ascii=True), encoding="utf-8")
    code, out, err = cli("import", "notices", str(path), "--publish")
    assert code == 0, err
    stored = {r["slug"]: r for r in json.loads(exported(cli, "notices", "json"))}
    for notice in kept:
        record, value = stored[notice["slug"]], notice["name"].strip()
        assert [record[c] for c in ("name", "description", "purpose", "data_collected")] == [value] * 4
        assert [loc["label"] for loc in record["locations"]] == [notice["locations"][0]["label"].strip()]
    _formula_safe(exported(cli, "notices", "csv"))

    # Published, the notices leave through the Atom feed and the calendar as valid files.
    import feedparser
    import icalendar

    feed = feedparser.parse(exported(cli, "notices-atom").encode())
    assert not feed.bozo, feed.bozo_exception
    assert len(feed.entries) == len(kept)
    titles = {e.title.removesuffix(": New notice") for e in feed.entries}
    # As stored, but for what XML cannot hold (control characters read as U+FFFD) and its
    # line ends (an XML reader reads CR LF as LF).
    assert titles == {re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f]", "\ufffd", n["name"].strip())
                      .replace("\r\n", "\n").replace("\r", "\n") for n in kept}
    icalendar.Calendar.from_ical(exported(cli, "notices-ics"))


def _square(i: int) -> dict[str, Any]:
    x, y = -122.6 + (i % 10) * 0.01, 45.5 + (i // 10) * 0.01
    return {"type": "Polygon", "coordinates": [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01],
                                                [x, y + 0.01], [x, y]]]}


def test_districts_from_geojson_are_stored_as_given_or_refused(
    cli: Callable[..., tuple[int, str, str]], database_url: str, tmp_path: Path,
) -> None:
    corpus = hostile.strings()
    doc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code": f"H{i}", "name": s.value}, "geometry": _square(i)}
        for i, s in enumerate(corpus)]}
    path = tmp_path / "districts.geojson"
    path.write_text(json.dumps(doc, ensure_ascii=True), encoding="utf-8")
    before = (exported(cli, "districts"), bookkeeping(database_url))
    code, out, err = cli("import", "districts", str(path))
    assert code == 1, out
    # Features are numbered from 1; a name may hold no control character and no broken one.
    control = {s.name for s in corpus if any(ord(ch) < 32 for ch in s.value.strip())}
    expected = {n: {"name"} for n, s in enumerate(corpus, start=1)
                if s.name in control | UNSTORABLE | {LONG}}
    assert {n for n in refusals(err)} == set(expected), err
    assert (exported(cli, "districts"), bookkeeping(database_url)) == before

    doc["features"] = [f for n, f in enumerate(doc["features"], start=1) if n not in expected]
    path.write_text(json.dumps(doc, ensure_ascii=True), encoding="utf-8")
    code, out, err = cli("import", "districts", str(path))
    assert code == 0, err
    back = json.loads(exported(cli, "districts"))
    assert {f["properties"]["code"]: f["properties"]["name"] for f in back["features"]} == {
        f["properties"]["code"]: f["properties"]["name"].strip() for f in doc["features"]}
    code, out, err = cli("import", "districts", str(tmp_path / "back.geojson")
                         if (tmp_path / "back.geojson").write_text(json.dumps(back)) else "")
    assert code == 0 and "0 added, 0 updated" in out, err


# ---------------------------------------------------------------------------
# Malformed, oversized and deeply nested files: refused with a reason, nothing written
# ---------------------------------------------------------------------------

TABLE_KINDS = ("departments", "datasets", "inventory", "requests", "notices",
               "indicator-definitions", "indicators")
MALFORMED_TABLES = ("latin1.csv", "utf16.csv", "nul.csv", "surrogate.csv", "unterminated.csv",
                    "binary.csv", "truncated.xlsx", "not-a-workbook.xlsx")


@pytest.fixture
def offline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
            capsys: pytest.CaptureFixture[str]) -> Iterator[Callable[..., tuple[int, str, str]]]:
    """``portal ARGS`` for files refused before any database is opened: the database named
    must not even exist afterwards (so these run once, not once per database)."""
    db = tmp_path / "never-opened.db"
    monkeypatch.setenv("PORTAL_DATABASE_URL", f"sqlite:///{db}")
    yield runner(capsys)
    assert not db.exists()


def test_a_malformed_table_is_refused_with_a_reason_by_every_table_import(
    offline: Callable[..., tuple[int, str, str]], tmp_path: Path,
) -> None:
    for kind in TABLE_KINDS:
        for name in MALFORMED_TABLES:
            path = tmp_path / name
            path.write_bytes(hostile.file(name))
            code, out, err = offline("import", kind, str(path))
            assert code == 1 and out == "", (kind, name, out)
            assert err.startswith("portal: ") and err.endswith("\n"), (kind, name, err)


def test_a_malformed_json_or_geojson_is_refused_with_a_reason(
    offline: Callable[..., tuple[int, str, str]], tmp_path: Path,
) -> None:
    for kind, name, reason in [
        ("notices", "broken.json", "portal: file: not valid JSON"),
        ("notices", "not-a-list.json", "portal: file: expected a list of notices"),
        ("districts", "broken.json", "not valid JSON"),
        ("districts", "not-geojson.geojson", "not a GeoJSON FeatureCollection"),
        ("districts", "point.geojson", "Polygon or MultiPolygon"),
        ("districts", "binary.csv", "not UTF-8"),
    ]:
        path = tmp_path / name
        path.write_bytes(hostile.file(name))
        code, out, err = offline("import", kind, str(path))
        assert code == 1 and out == "" and reason in err, (kind, name, err)


def test_json_nested_ten_thousand_deep_is_refused_at_every_json_door(
    offline: Callable[..., tuple[int, str, str]], tmp_path: Path,
) -> None:
    (tmp_path / "deep.json").write_bytes(hostile.deep_json())
    (tmp_path / "deep.geojson").write_bytes(hostile.deep_object())
    code, _, err = offline("import", "notices", str(tmp_path / "deep.json"))
    assert code == 1 and "nested too deeply" in err, err
    code, _, err = offline("import", "districts", str(tmp_path / "deep.geojson"))
    assert code == 1 and "nested too deeply" in err, err


def test_json_nested_ten_thousand_deep_in_a_cell_or_a_backup_line_is_refused(
    cli: Callable[..., tuple[int, str, str]], database_url: str, tmp_path: Path,
) -> None:
    deep = hostile.deep_json()
    (tmp_path / "deep.jsonl").write_bytes(deep + b"\n")
    code, _, err = cli("import", "--all", str(tmp_path / "deep.jsonl"))
    assert code == 1 and "line 1 is not JSON (nested too deeply)" in err, err
    # A notice's locations and annual report, as JSON text in a CSV.
    (tmp_path / "dep.csv").write_text("code,name\nWTR,Water Bureau\n", encoding="utf-8")
    assert cli("import", "departments", str(tmp_path / "dep.csv"))[0] == 0
    before = (exported(cli, "notices"), bookkeeping(database_url))
    write_csv(tmp_path / "cells.csv", [{
        "slug": "deep-cells", "name": "Deep cells", "category": "camera", "department": "WTR",
        "locations": deep.decode(), "annual_report": hostile.deep_object().decode()}])
    code, _, err = cli("import", "notices", str(tmp_path / "cells.csv"))
    assert code == 1, err
    assert refusals(err) == {2: {"locations", "annual_report"}}, err
    assert (exported(cli, "notices"), bookkeeping(database_url)) == before


def test_a_megabyte_field_is_stored_where_the_column_has_no_limit_and_refused_where_it_has(
    cli: Callable[..., tuple[int, str, str]], database_url: str, tmp_path: Path,
) -> None:
    megabyte = hostile.megabyte_field()
    (tmp_path / "dep.csv").write_text("code,name\nWTR,Water Bureau\n", encoding="utf-8")
    assert cli("import", "departments", str(tmp_path / "dep.csv"))[0] == 0
    write_csv(tmp_path / "long.csv", [{"code": "LIB", "name": "Libraries", "description": megabyte}])
    code, _, err = cli("import", "departments", str(tmp_path / "long.csv"))
    assert code == 1 and err == "portal: row 2, description: at most 5000 characters (this has 1000000)\n"
    write_csv(tmp_path / "requests.csv", [{
        "reference": "IR-1", "received_date": "2026-03-01", "department": "WTR",
        "requesting_agency": "County sheriff", "agency_type": "local_law_enforcement",
        "legal_process": "administrative_subpoena", "outcome": "fulfilled",
        "residents_notified": "not_notified", "people_covered": "3", "public_summary": megabyte}])
    code, _, err = cli("import", "requests", str(tmp_path / "requests.csv"))
    assert code == 0, err
    [stored] = json.loads(exported(cli, "requests", "json"))
    assert stored["public_summary"] == megabyte
    assert [len(r["public_summary"]) for r in csv.DictReader(io.StringIO(
        exported(cli, "requests").lstrip("\ufeff"), newline=""))] == [len(megabyte)]


def test_rows_over_the_row_setting_are_refused_by_the_command(
    offline: Callable[..., tuple[int, str, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PORTAL_MAX_IMPORT_ROWS", "3")
    write_csv(tmp_path / "dep.csv", [{"code": f"D{n}", "name": f"Department {n}"} for n in range(4)])
    code, _, err = offline("import", "departments", str(tmp_path / "dep.csv"))
    assert code == 1 and "at most 3 rows per import (this file has 4; PORTAL_MAX_IMPORT_ROWS)" in err
    notices = [{"slug": f"n-{n}", "name": "N"} for n in range(4)]
    (tmp_path / "notices.json").write_text(json.dumps(notices), encoding="utf-8")
    code, _, err = offline("import", "notices", str(tmp_path / "notices.json"))
    assert code == 1 and "at most 3 rows per import" in err


def test_an_xlsx_zip_bomb_is_refused_by_every_table_import(
    offline: Callable[..., tuple[int, str, str]], tmp_path: Path,
) -> None:
    """With the default limit (20 MiB): a file under 1 MiB that unpacks to 256 MiB."""
    bomb = hostile.zip_bomb(256)
    assert len(bomb) < 1 << 20
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(bomb)
    for kind in TABLE_KINDS:
        code, _, err = offline("import", kind, str(path))
        assert code == 1 and "the XLSX unpacks to 256 MiB; at most 200 MiB" in err, (kind, err)


def test_files_over_the_size_setting_are_refused_before_they_are_read(
    offline: Callable[..., tuple[int, str, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PORTAL_MAX_IMPORT_MB", "1")
    hostile.big_csv(tmp_path / "big.csv", 2)
    (tmp_path / "big.json").write_bytes(b"[" + b" " * (2 << 20) + b"]")
    (tmp_path / "big.geojson").write_bytes(b"[" + b" " * (2 << 20) + b"]")
    for kind, name in [*((k, "big.csv") for k in TABLE_KINDS), ("districts", "big.geojson"),
                       ("notices", "big.json")]:
        code, _, err = offline("import", kind, str(tmp_path / name))
        assert code == 1 and "at most 1 MiB (PORTAL_MAX_IMPORT_MB)" in err, (kind, err)


def test_a_100_mb_csv_is_refused_by_the_command_with_the_setting_named(tmp_path: Path) -> None:
    """As an operator runs it: a separate process, exit 1, the reason, no stack trace, and
    no database opened."""
    path = hostile.big_csv(tmp_path / "inventory.csv", 100, header="dataset,title")
    db = tmp_path / "never-opened.db"
    done = subprocess.run([sys.executable, "-m", "portal", "import", "inventory", str(path)],
                          cwd=PROJECT_ROOT, env={**os.environ, "PORTAL_DATABASE_URL": f"sqlite:///{db}"},
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
                          check=False)
    assert done.returncode == 1, done.stdout
    assert "Traceback" not in done.stderr
    assert done.stderr == "portal: file: the file is 100.0 MiB; at most 20 MiB (PORTAL_MAX_IMPORT_MB)\n"
    assert not db.exists()


# ---------------------------------------------------------------------------
# What the command prints of a file's values: shown, never acted on by the terminal
# ---------------------------------------------------------------------------

def test_a_files_values_are_printed_inert_on_the_terminal(
    cli: Callable[..., tuple[int, str, str]], database_url: str, tmp_path: Path,
) -> None:
    (tmp_path / "dep.csv").write_text("code,name\nWTR,Water Bureau\n", encoding="utf-8")
    assert cli("import", "departments", str(tmp_path / "dep.csv"))[0] == 0
    sneaky = "Cameras\x1b[2J\x1b[31m everywhere \u202eetoN\x07"
    write_csv(tmp_path / "n.csv", [{"slug": "sneaky", "name": sneaky, "category": "camera",
                                    "department": "WTR"}])
    code, out, err = cli("import", "notices", str(tmp_path / "n.csv"), "--dry-run")
    assert code == 0, err
    assert "add     row 2: Cameras\\x1b[2J\\x1b[31m everywhere \\u202eetoN\\x07" in out
    assert not any(ch in out for ch in "\x1b\x07\u202e")
    code, out, err = cli("import", "notices", str(tmp_path / "n.csv"))
    assert code == 0, err
    exported_notice = json.loads(exported(cli, "notices", "json"))[0]
    assert exported_notice["name"] == sneaky  # stored as given
    write_csv(tmp_path / "bad.csv", [{"slug": "sneaky", "name": "Renamed", "version": "\x1b[2J0",
                                      "category": "\x1b[2Jcamera"}])
    code, out, err = cli("import", "notices", str(tmp_path / "bad.csv"))
    assert code == 1 and "\x1b" not in err and "\\x1b[2J" in err, err


# ---------------------------------------------------------------------------
# portal import --all: a file that is not what portal export --all wrote
# ---------------------------------------------------------------------------

def test_a_hostile_whole_database_file_restores_nothing(
    cli: Callable[..., tuple[int, str, str]], database_url: str, tmp_path: Path,
) -> None:
    dump = tmp_path / "empty.jsonl"
    assert cli("export", "--all", str(dump))[0] == 0
    header = json.loads(dump.read_text(encoding="utf-8").splitlines()[0])

    def attempt(*rows: dict[str, Any], name: str = "bad.jsonl", counts: dict[str, int] | None = None,
                raw: bytes | None = None) -> str:
        path = tmp_path / name
        if raw is None:
            head = {**header, "tables": {**header["tables"], **(counts or {})}}
            text = "\n".join(json.dumps(line, ensure_ascii=True)
                             for line in (head, *({"table": "department", "row": r} for r in rows)))
            raw = gzip.compress(text.encode()) if name.endswith(".gz") else text.encode()
        path.write_bytes(raw)
        code, out, err = cli("import", "--all", str(path))
        assert code == 1, out
        assert bookkeeping(database_url) == (0, 0)
        assert json.loads(exported(cli, "departments", "json")) == []
        return err

    one = {"department": 1}
    said = attempt({"id": 1, "code": "A", "name": None}, counts=one)
    assert "line 2: the database refuses these department rows" in said and "name" in said
    assert "line 2: the database refuses these department rows" in attempt(
        {"id": 1, "code": ["a", "list"], "name": "N", "description": ""}, counts=one)
    assert "the database refuses" in attempt(
        {"id": "one", "code": "A", "name": "N", "description": "", "version": 1}, counts=one)
    assert "has no column" in attempt({"id": 1, "<script>": "x"}, counts=one)
    assert "the database refuses" in attempt(
        {"id": 1, "code": "A", "name": "before\u0000after", "description": "\ud800", "version": 1,
         "updated_at": "2026-01-01T00:00:00+00:00", "updated_by": "x"}, counts=one)
    assert "header says 1" in attempt(counts=one)
    assert "line 1 is not an object" in attempt(raw=b"[]\n")
    assert "not a civic-portal-database file" in attempt(raw=b'{"format": "<script>"}\n')
    assert "cannot read it" in attempt(raw=b"\x1f\x8b not really gzip", name="bad.jsonl.gz")
    assert "cannot read it" in attempt(raw=b"\xff\xfe\x00garbage", name="latin.jsonl")
