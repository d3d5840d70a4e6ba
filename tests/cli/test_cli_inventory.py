"""``portal import`` and ``portal export`` for the inventory and the request log."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from openpyxl import Workbook

from portal.inventory.fields import COLUMNS
from tests.cli.test_cli import counts, portal


def _write_csv(path: Path, rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(COLUMNS))
        writer.writeheader()
        writer.writerows(rows)


def _row(n: int, **kw) -> dict:
    return {"dataset": "alder-pol-incident-reports", "title": f"Imported practice {n}",
            "recipient": "State Police", "recipient_type": "state_agency", "channel": "law",
            "legal_basis_type": "statute", "purpose": "Statistics", "frequency": "monthly",
            "residents_notified": "no", **kw}


def test_import_inventory_all_or_nothing_then_export(tmp_path: Path) -> None:
    db = tmp_path / "portal.db"
    assert portal("demo", db=db).returncode == 0
    before = counts(db)

    bad = tmp_path / "bad.csv"
    _write_csv(bad, [_row(n) for n in range(1, 12)] + [_row(12, channel="carrier pigeon")] + [_row(13)])
    done = portal("import", "inventory", str(bad), db=db)
    assert done.returncode == 1
    assert "row 13, channel" in done.stderr and "carrier pigeon" in done.stderr
    assert counts(db) == before

    good = tmp_path / "good.csv"
    _write_csv(good, [_row(n) for n in range(1, 14)])
    done = portal("import", "inventory", str(good), db=db)
    assert done.returncode == 0, done.stderr
    assert "Imported 13 practices" in done.stdout
    assert counts(db)["sharing_practice"] == before["sharing_practice"] + 13

    out = tmp_path / "inventory.json"
    done = portal("export", "inventory", "--format", "json", "-o", str(out), db=db)
    assert done.returncode == 0, done.stderr
    assert len(json.loads(out.read_text())) == before["sharing_practice"] + 13

    done = portal("export", "inventory", db=db)
    rows = list(csv.DictReader(io.StringIO(done.stdout.lstrip("\ufeff"))))
    assert len(rows) == before["sharing_practice"] + 13

    done = portal("export", "catalog", "--format", "dcat-us", db=db)
    assert done.returncode == 0
    assert json.loads(done.stdout)["conformsTo"] == "https://project-open-data.cio.gov/v1.1/schema"


def test_import_requests_from_xlsx(tmp_path: Path) -> None:
    db = tmp_path / "portal.db"
    assert portal("demo", db=db).returncode == 0
    before = counts(db)["information_request"]
    book = Workbook()
    book.active.append(["reference", "received_date", "department", "requesting_agency", "agency_type",
                        "legal_process", "outcome", "residents_notified", "people_covered"])
    book.active.append(["IR-X-1", "2026-01-05", "SHF", "ICE", "federal_immigration",
                        "informal_request", "refused", "notified", 1])
    book.active.append(["IR-X-2", "2026-01-06", "NOPE", "ICE", "federal_immigration",
                        "informal_request", "refused", "notified", 1])
    path = tmp_path / "requests.xlsx"
    book.save(path)
    done = portal("import", "requests", str(path), db=db)
    assert done.returncode == 1
    assert "row 3, department" in done.stderr
    assert counts(db)["information_request"] == before
    book.active.delete_rows(3)
    book.save(path)
    done = portal("import", "requests", str(path), db=db)
    assert done.returncode == 0, done.stderr
    assert counts(db)["information_request"] == before + 1


def test_unknown_columns_and_missing_files_fail(tmp_path: Path) -> None:
    db = tmp_path / "portal.db"
    path = tmp_path / "x.csv"
    path.write_text("title,colour\nA,red\n")
    done = portal("import", "inventory", str(path), db=db)
    assert done.returncode == 1
    assert "colour: unknown column" in done.stderr
    assert "dataset: this required column is missing" in done.stderr
    done = portal("import", "inventory", str(tmp_path / "missing.csv"), db=db)
    assert done.returncode == 1 and "no such file" in done.stderr


def test_request_log_export_suppresses_small_people_counts(tmp_path: Path) -> None:
    import csv
    import io

    db = tmp_path / "portal.db"
    assert portal("demo", db=db).returncode == 0
    done = portal("export", "request-log", db=db)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout.lstrip("\ufeff"))))
    assert list(rows[0]) == ["quarter", "requests", "people_covered", "people_status"]
    assert rows[-1]["quarter"] == "all"
    small = [r for r in rows if r["people_status"] == "suppressed_primary"]
    assert small, "the demo log has quarters covering fewer than 11 people"
    for row in rows:
        if row["people_status"].startswith("suppressed"):
            assert row["people_covered"] == ""
        else:
            assert int(row["people_covered"]) == 0 or int(row["people_covered"]) >= 11
    # A single suppressed quarter could be recovered from the total: never exactly one.
    assert sum(r["people_status"].startswith("suppressed") for r in rows[:-1]) != 1 or \
        rows[-1]["people_status"].startswith("suppressed")
