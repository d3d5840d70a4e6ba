"""``portal import indicator-definitions|indicators`` and ``portal export indicators``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from openpyxl import Workbook

from tests.cli.test_cli import counts, portal

HEADER = "indicator,period,district,group_dimension,group,numerator,denominator,value,status"


def _districts(tmp_path: Path, db: Path) -> None:
    doc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code": code, "name": f"District {code}"},
         "geometry": {"type": "Polygon", "coordinates": [[[-122.6 + i * 0.1, 45.5], [-122.5 + i * 0.1, 45.5],
                                                           [-122.5 + i * 0.1, 45.6], [-122.6 + i * 0.1, 45.5]]]}}
        for i, code in enumerate(("D1", "D2"))]}
    path = tmp_path / "districts.geojson"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert portal("import", "districts", str(path), db=db).returncode == 0


def _definitions(tmp_path: Path, db: Path) -> None:
    path = tmp_path / "definitions.csv"
    path.write_text("slug,name,unit,rate_per,description\n"
                    "evictions,Eviction filings,rate,1000,Filings per 1000 renter households\n",
                    encoding="utf-8")
    done = portal("import", "indicator-definitions", str(path), db=db)
    assert done.returncode == 0, done.stderr


VALUES = [
    ["evictions", "2026-Q3", "D1", "all", "all", 120, 400],
    ["evictions", "2026-Q3", "D1", "age", "Young", 70, 200],
    ["evictions", "2026-Q3", "D1", "age", "Old", 50, 200],
    ["evictions", "2026-Q3", "D2", "all", "all", 60, 204],
    ["evictions", "2026-Q3", "D2", "age", "Young", 57, 200],
    ["evictions", "2026-Q3", "D2", "age", "Old", 3, 4],
    ["evictions", "2026-Q3", "all", "all", "all", 180, 604],
]


def test_values_import_from_xlsx_and_export_in_the_contract_format(tmp_path: Path) -> None:
    db = tmp_path / "portal.db"
    _districts(tmp_path, db)
    _definitions(tmp_path, db)
    book = Workbook()
    book.active.append(["indicator", "period", "district", "group_dimension", "group", "numerator",
                        "denominator"])
    for row in VALUES:
        book.active.append(row)
    book.save(tmp_path / "values.xlsx")
    done = portal("import", "indicators", str(tmp_path / "values.xlsx"), db=db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ("Imported 7 indicator values from values.xlsx: 7 added, 0 updated, "
                                   "0 unchanged.")

    exported = portal("export", "indicators", db=db)
    assert exported.returncode == 0, exported.stderr
    text = exported.stdout.lstrip("\ufeff")
    assert text.splitlines()[0] == HEADER
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 7
    by_cell = {(r["district"], r["group"]): r for r in rows}
    assert by_cell[("D1", "all")] == {
        "indicator": "evictions", "period": "2026-Q3", "district": "D1", "group_dimension": "all",
        "group": "all", "numerator": "120", "denominator": "400", "value": "300.0", "status": "published"}
    old = by_cell[("D2", "Old")]
    assert old["status"] == "suppressed_primary"
    assert (old["numerator"], old["denominator"], old["value"]) == ("", "", "")
    assert by_cell[("D2", "Young")]["status"] == "suppressed_complementary"

    as_json = json.loads(portal("export", "indicators", "--format", "json", db=db).stdout)
    assert [r["status"] for r in as_json] == [r["status"] for r in rows]

    # Written to a file in pieces as it is read: the same text as on standard output (both
    # read with universal newlines), and the size it reports is the file's.
    for fmt in ("csv", "json"):
        target = tmp_path / f"export.{fmt}"
        to_file = portal("export", "indicators", "--format", fmt, "-o", str(target), db=db)
        assert to_file.returncode == 0, to_file.stderr
        shown = portal("export", "indicators", "--format", fmt, db=db).stdout
        assert target.read_text(encoding="utf-8") == shown
        assert f"Wrote {target.stat().st_size:,} bytes" in to_file.stderr

    # A file with the export's columns imports: value and status are read-only and ignored.
    (tmp_path / "again.csv").write_text(HEADER + "\n" + "\n".join(
        ",".join(str(v) for v in row) + ",," for row in VALUES) + "\n", encoding="utf-8")
    again = portal("import", "indicators", str(tmp_path / "again.csv"), db=db)
    assert again.returncode == 0, again.stderr
    assert "0 added, 0 updated, 7 unchanged" in again.stdout


def test_a_bad_file_exits_1_names_each_row_and_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "portal.db"
    _districts(tmp_path, db)
    _definitions(tmp_path, db)
    before = counts(db)
    path = tmp_path / "bad.csv"
    path.write_text("indicator,period,district,group_dimension,group,numerator,denominator\n"
                    "evictions,2026-Q3,D1,all,all,120,400\n"
                    "evictions,2026-Q9,D1,all,all,12,40\n"
                    "evictions,2026-Q3,D7,all,all,12,40\n"
                    "evictions,2026-Q3,D2,all,all,-3,40\n"
                    "evictions,2026-Q3,D1,all,all,120,400\n", encoding="utf-8")
    done = portal("import", "indicators", str(path), db=db)
    assert done.returncode == 1
    for expected in ("row 3, period: '2026-Q9' is not", "row 4, district: unknown district 'D7'",
                     "row 5, numerator: a count of people cannot be negative",
                     "row 6, indicator: the same cell is also on row 2"):
        assert expected in done.stderr, done.stderr
    assert counts(db) == before
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("indicator,period,numerator,colour\nevictions,2026,1,red\n", encoding="utf-8")
    refused = portal("import", "indicators", str(unknown), db=db)
    assert refused.returncode == 1 and "colour: unknown column" in refused.stderr
    assert counts(db) == before


def test_suppress_stores_statuses_for_a_new_threshold(tmp_path: Path) -> None:
    import sqlalchemy as sa

    db = tmp_path / "portal.db"
    _districts(tmp_path, db)
    _definitions(tmp_path, db)
    path = tmp_path / "values.csv"
    path.write_text("indicator,period,district,group_dimension,group,numerator,denominator\n"
                    + "\n".join(",".join(str(v) for v in row) for row in VALUES) + "\n", encoding="utf-8")
    assert portal("import", "indicators", str(path), db=db).returncode == 0
    done = portal("indicators", "suppress", db=db, env={"PORTAL_SUPPRESSION_K": "3"})
    assert done.returncode == 0, done.stderr
    assert "evictions: 1 periods" in done.stdout and "k = 3" in done.stdout
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        stored = dict(conn.execute(sa.text(
            "SELECT group_value || '/' || COALESCE(district_id, 0), status FROM indicator_value "
            "WHERE status_k = 3")).all())
    engine.dispose()
    # Every cell is stored for k = 3, and at k = 3 nothing here is small any more.
    assert len(stored) == 7 and set(stored.values()) == {"published"}
    exported = portal("export", "indicators", db=db, env={"PORTAL_SUPPRESSION_K": "3"}).stdout
    # D2 "Old" has 3 of 4 people: below k = 11, not below k = 3 — and the export agrees.
    assert ",D2,age,Old,3,4," in exported
