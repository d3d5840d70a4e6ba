"""``portal import notices``, ``portal export notices`` and the feed exports, as an operator
runs them."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import feedparser
from openpyxl import Workbook

from tests.cli.test_cli import counts, portal

HEADER = "slug,name,category,department,status,description,purpose,data_collected,locations\n"


def test_import_notices_all_or_nothing(tmp_path: Path) -> None:
    db = tmp_path / "portal.db"
    assert portal("demo", db=db).returncode == 0
    before = counts(db)
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER
                   + 'new-one,New one,camera,POL,proposed,Cams.,Safety.,Video.,"Main (45.5, -122.6)"\n'
                   + 'alpr-fixed,,drone,NOPE,proposed,,,,"Far (10, 10)"\n')
    done = portal("import", "notices", str(bad), "--publish", db=db)
    assert done.returncode == 1
    # Rows numbered as a spreadsheet numbers them: the header is row 1.
    assert "row 3, department: unknown department 'NOPE'" in done.stderr
    assert "row 3, locations[1]: Far: (10.00000, 10.00000) is outside the county" in done.stderr
    assert counts(db) == before

    good = tmp_path / "good.csv"
    good.write_text(HEADER + 'new-one,New one,camera,POL,proposed,Cams.,Safety.,Video.,'
                    '"Main (45.5, -122.6); Second (45.52, -122.61)"\n')
    done = portal("import", "notices", str(good), "--publish", db=db)
    assert done.returncode == 0, done.stderr
    assert "1 new and 0 updated notices; 1 published" in done.stdout
    after = counts(db)
    assert after["surveillance_technology"] == before["surveillance_technology"] + 1
    assert after["deployment_location"] == before["deployment_location"] + 2

    feed = portal("export", "notices-atom", "--base-url", "https://p.example", db=db)
    assert feed.returncode == 0
    parsed = feedparser.parse(feed.stdout.encode())
    assert not parsed.bozo and parsed.entries[0].title == "New one: New notice"


def test_missing_file_exits_1(tmp_path: Path) -> None:
    done = portal("import", "notices", str(tmp_path / "nope.csv"), db=tmp_path / "p.db")
    assert done.returncode == 1 and "no such file" in done.stderr


def _versions(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute(
            "SELECT t.slug, COUNT(v.id) FROM surveillance_technology t "
            "JOIN notice_version v ON v.technology_id = t.id GROUP BY t.slug").fetchall())


def _events(db: Path, after: int) -> list[tuple[str, str, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT action, entity_type, entity_id FROM audit_event WHERE id > ? "
                            "ORDER BY id", (after,)).fetchall()


def _last_event(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT COALESCE(MAX(id), 0) FROM audit_event").fetchone()[0]


def test_the_export_imports_back_and_only_edited_rows_change(tmp_path: Path) -> None:
    db = tmp_path / "portal.db"
    assert portal("demo", db=db).returncode == 0
    exported = tmp_path / "notices.csv"
    done = portal("export", "notices", "-o", str(exported), db=db)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(exported.read_text(encoding="utf-8-sig"))))
    assert len(rows) == counts(db)["surveillance_technology"]

    before, mark = counts(db), _last_event(db)
    done = portal("import", "notices", str(exported), db=db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"0 notices to add, 0 to update, {len(rows)} unchanged.",
                                        "Imported 0 new and 0 updated notices; 0 published."]
    assert counts(db) == before and _events(db, mark) == []

    # Three published notices without a draft: two edited in a CSV file, one in a workbook.
    published = [r for r in rows if r["draft"] == "no"]
    first, second, third = published[0]["slug"], published[1]["slug"], published[2]["slug"]
    edited = [dict(r) for r in rows]
    by_slug = {r["slug"]: r for r in edited}
    by_slug[first]["retention"] = "Deleted after 7 days."
    by_slug[second]["vendor"] = "Acme Sensors"
    by_slug[second]["name"] = "Renamed by the spreadsheet"
    csv_file = tmp_path / "edited.csv"
    with csv_file.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(edited)

    versions, mark = _versions(db), _last_event(db)
    done = portal("import", "notices", str(csv_file), "--dry-run", db=db)
    assert done.returncode == 0, done.stderr
    assert "0 notices to add, 2 to update" in done.stdout
    assert "→ Acme Sensors" in done.stdout and "→ Renamed by the spreadsheet" in done.stdout
    assert "Nothing was written (--dry-run)." in done.stdout
    assert _versions(db) == versions and _events(db, mark) == []

    done = portal("import", "notices", str(csv_file), db=db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "Imported 0 new and 2 updated notices; 0 published."
    again = portal("import", "notices", str(csv_file), db=db)
    assert again.stdout.splitlines()[-1] == "Imported 0 new and 0 updated notices; 0 published."

    # A fresh export, saved as a workbook, one row edited in it.
    fresh = portal("export", "notices", "-o", str(tmp_path / "fresh.csv"), db=db)
    assert fresh.returncode == 0, fresh.stderr
    rows = list(csv.DictReader(io.StringIO((tmp_path / "fresh.csv").read_text(encoding="utf-8-sig"))))
    book = Workbook()
    book.active.append(list(rows[0]))
    for row in rows:
        values = dict(row)
        if row["slug"] == third:
            values["purpose"] = "Changed in Excel."
        book.active.append([values[c] or None for c in rows[0]])
    xlsx_file = tmp_path / "edited.xlsx"
    book.save(xlsx_file)
    done = portal("import", "notices", str(xlsx_file), db=db)
    assert done.returncode == 0, done.stderr
    assert "Purpose: " in done.stdout and "→ Changed in Excel." in done.stdout
    assert done.stdout.splitlines()[-1] == "Imported 0 new and 1 updated notices; 0 published."

    now = _versions(db)
    assert {slug for slug in now if now[slug] != versions[slug]} == {first, second, third}
    assert all(now[slug] == versions[slug] + 1 for slug in (first, second, third))
    events = _events(db, mark)
    with sqlite3.connect(db) as conn:
        drafted = conn.execute(
            "SELECT t.slug FROM audit_event e JOIN surveillance_technology t "
            "ON t.id = json_extract(e.detail, '$.technology_id') "
            "WHERE e.action = 'notices.save_draft' AND e.id > ?", (mark,)).fetchall()
    assert sorted(slug for (slug,) in drafted) == sorted([first, second, third])
    assert ("notices.import_identity", "surveillance_technology") in {e[:2] for e in events}
    assert [e[0] for e in events].count("notices.import") == 2

    # The workbook again: nothing changes the second time.
    mark = _last_event(db)
    done = portal("import", "notices", str(xlsx_file), db=db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "Imported 0 new and 0 updated notices; 0 published."
    assert _versions(db) == now and _events(db, mark) == []


def test_a_hostile_row_is_refused_and_the_export_is_the_same(tmp_path: Path) -> None:
    db = tmp_path / "portal.db"
    assert portal("demo", db=db).returncode == 0
    before = portal("export", "notices", "--format", "json", db=db)
    assert before.returncode == 0, before.stderr
    exported = tmp_path / "notices.csv"
    assert portal("export", "notices", "-o", str(exported), db=db).returncode == 0
    rows = list(csv.DictReader(io.StringIO(exported.read_text(encoding="utf-8-sig"))))
    rows[0]["description"] = "=HYPERLINK(\"http://evil.example\", \"click\")"  # fine: text
    rows[3]["category"] = "<img src=x onerror=alert(1)>"
    rows[4]["locations"] = '[{"label": "Nowhere", "latitude": 91, "longitude": 0}]'
    hostile = tmp_path / "hostile.csv"
    with hostile.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    done = portal("import", "notices", str(hostile), db=db)
    assert done.returncode == 1
    assert "row 5, category: unknown category '<img src=x onerror=alert(1)>'" in done.stderr
    assert "row 6, locations[1]: Nowhere: latitude or longitude out of range" in done.stderr
    assert done.stdout == ""
    after = portal("export", "notices", "--format", "json", db=db)
    assert after.stdout == before.stdout
