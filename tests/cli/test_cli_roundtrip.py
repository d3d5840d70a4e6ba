"""A county's own records through spreadsheets and back (issue 13), on both databases.

An empty database gets departments, datasets, practices and requests from files; each
kind's export imports back changing nothing; three rows edited as a spreadsheet would
(CSV and XLSX) become exactly three new versions, each audited; a bad file changes nothing.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa
from openpyxl import Workbook

from portal.db import make_engine
from portal.settings import PROJECT_ROOT

KINDS = ("departments", "datasets", "inventory", "requests")


def run(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "portal", *args], cwd=PROJECT_ROOT,
                          env={**os.environ, "PORTAL_DATABASE_URL": url}, capture_output=True,
                          text=True, timeout=300, stdin=subprocess.DEVNULL)


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def read_csv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def as_xlsx(path: Path, rows: list[dict[str, str]]) -> Path:
    """What a spreadsheet program saves: typed cells where the text looks like a number."""
    book = Workbook()
    sheet = book.active
    sheet.append(list(rows[0]))
    for row in rows:
        sheet.append([int(v) if v.isdigit() else (v or None) for v in row.values()])
    book.save(path)
    return path


def export(url: str, kind: str) -> bytes:
    done = run(url, "export", kind)
    assert done.returncode == 0, done.stderr
    return done.stdout.encode("utf-8")


def bookkeeping(url: str) -> dict[str, list[tuple]]:
    engine = make_engine(url)
    with engine.connect() as conn:
        versions = conn.execute(sa.text(
            "SELECT record_type, record_id, version FROM record_version ORDER BY 1, 2, 3")).all()
        events = conn.execute(sa.text(
            "SELECT action, entity_type, entity_id FROM audit_event ORDER BY id")).all()
    engine.dispose()
    return {"versions": [tuple(v) for v in versions], "events": [tuple(e) for e in events]}


def seed_files(tmp_path: Path) -> dict[str, Path]:
    departments = [
        {"code": "WTR", "name": "Water Bureau", "description": "Drinking water",
         "contact_email": "privacy@water.example"},
        {"code": "lib", "name": "Libraries", "description": "", "contact_email": ""},
    ]
    datasets = [
        {"identifier": "wtr-meter-reads", "department": "WTR", "title": "Smart meter readings",
         "description": "Hourly readings", "classification": "confidential",
         "sensitive_categories": "precise_location", "keywords": "water; meters",
         "access_level": "non-public", "retention_policy_days": "730", "modified": "2026-10-01"},
        {"identifier": "lib-loans", "department": "LIB", "title": "Library loans",
         "description": "Items on loan", "classification": "restricted",
         "sensitive_categories": "", "keywords": "books", "access_level": "non-public",
         "retention_policy_days": "", "modified": ""},
    ]
    practices = [
        {"dataset": "wtr-meter-reads", "title": f"Practice {n}", "recipient": "State utility board",
         "recipient_type": "state_agency", "channel": "law", "legal_basis_type": "statute",
         "purpose": "Rate review", "frequency": "annually", "retention_days": "365",
         "residents_notified": "no", "data_elements": "meter id; kWh"}
        for n in range(1, 4)
    ]
    requests = [
        {"reference": f"IR-{n}", "received_date": "2026-03-0" + str(n), "department": "WTR",
         "requesting_agency": "County sheriff", "agency_type": "local_law_enforcement",
         "legal_process": "administrative_subpoena", "data_categories": "precise_location",
         "outcome": "fulfilled",
         "residents_notified": "not_notified", "people_covered": "3", "response_date": "2026-04-01",
         "public_summary": "Meter readings for an investigation."}
        for n in range(1, 3)
    ]
    return {kind: write_csv(tmp_path / f"{kind}.csv", rows) for kind, rows in
            zip(KINDS, (departments, datasets, practices, requests))}


def test_records_round_trip_through_spreadsheets(database_url: str, tmp_path: Path) -> None:
    url = database_url
    for kind, path in seed_files(tmp_path).items():
        done = run(url, "import", kind, str(path))
        assert done.returncode == 0, (kind, done.stderr)
        assert "updated" in done.stdout and "0 updated" in done.stdout
    exports = {kind: export(url, kind) for kind in KINDS}
    assert [len(read_csv(exports[k])) for k in KINDS] == [2, 2, 3, 2]
    assert read_csv(exports["departments"])[1]["code"] == "WTR"  # codes are kept upper-case

    # Each export imports back and changes nothing: no version, no event.
    before = bookkeeping(url)
    for kind in KINDS:
        path = tmp_path / f"{kind}-export.csv"
        path.write_bytes(exports[kind])
        done = run(url, "import", kind, str(path))
        assert done.returncode == 0, (kind, done.stderr)
        assert " to add, 0 to update" in done.stdout and "\n  " not in done.stdout, done.stdout
        again = run(url, "import", kind, str(path))
        assert "Imported 0 " in again.stdout
    assert bookkeeping(url) == before
    assert {k: export(url, k) for k in KINDS} == exports

    # Three rows edited as a spreadsheet would: two in CSV, one saved as XLSX.
    departments = read_csv(exports["departments"])
    water = next(r for r in departments if r["code"] == "WTR")
    water["name"] = "Water and Sewer Bureau"
    datasets = read_csv(exports["datasets"])
    loans = next(r for r in datasets if r["identifier"] == "lib-loans")
    loans["classification"] = "confidential"
    practices = read_csv(exports["inventory"])
    second = next(r for r in practices if r["title"] == "Practice 2")
    second["retention_days"] = "90"
    edited = {
        "departments": write_csv(tmp_path / "departments-edited.csv", departments),
        "datasets": as_xlsx(tmp_path / "datasets-edited.xlsx", datasets),
        "inventory": write_csv(tmp_path / "inventory-edited.csv", practices),
    }
    preview = run(url, "import", "datasets", str(edited["datasets"]), "--dry-run")
    assert preview.returncode == 0, preview.stderr
    assert "1 to update" in preview.stdout and "Classification:" in preview.stdout
    assert "Nothing was written" in preview.stdout
    assert bookkeeping(url) == before
    for kind, path in edited.items():
        done = run(url, "import", kind, str(path))
        assert done.returncode == 0, (kind, done.stderr)
        assert "to add, 1 to update" in done.stdout and "Imported 1 " in done.stdout, done.stdout

    after = bookkeeping(url)
    new_versions = sorted(set(after["versions"]) - set(before["versions"]))
    assert [(t, i) for t, i, _ in new_versions] == sorted([
        ("dataset", int(loans["id"])), ("department", int(water["id"])),
        ("sharing_practice", int(second["id"]))])
    assert all(v == 2 for _, _, v in new_versions)
    new_events = after["events"][len(before["events"]):]
    assert ("inventory.import_departments", "department", water["id"]) in new_events
    assert ("inventory.import_datasets", "dataset", loans["id"]) in new_events
    assert ("inventory.import_practices", "sharing_practice", second["id"]) in new_events
    changed = read_csv(export(url, "inventory"))
    assert next(r for r in changed if r["id"] == second["id"])["retention_days"] == "90"
    assert next(r for r in changed if r["id"] == second["id"])["version"] == "2"


def test_a_bad_or_hostile_file_is_refused_and_changes_nothing(database_url: str,
                                                             tmp_path: Path) -> None:
    url = database_url
    for kind, path in seed_files(tmp_path).items():
        assert run(url, "import", kind, str(path)).returncode == 0
    exports = {kind: export(url, kind) for kind in KINDS}
    before = bookkeeping(url)

    datasets = read_csv(exports["datasets"])
    datasets[0]["classification"] = "=HYPERLINK(\"http://evil.example\")"
    datasets[1]["id"] = "9999"
    datasets.append({**datasets[1], "id": "", "identifier": "new-one", "department": "NOPE"})
    done = run(url, "import", "datasets", str(write_csv(tmp_path / "bad.csv", datasets)))
    assert done.returncode == 1
    assert "row 2, classification" in done.stderr and "HYPERLINK" in done.stderr
    assert "row 3, id: no dataset with id 9999" in done.stderr
    assert "row 4, department: no department with code 'NOPE'" in done.stderr

    practices = read_csv(exports["inventory"])
    practices[0]["id"] = "two"
    practices[1]["title"] = practices[2]["title"]
    done = run(url, "import", "inventory", str(write_csv(tmp_path / "bad-inv.csv", practices)))
    assert done.returncode == 1
    assert "row 2, id: 'two' is not a record number" in done.stderr
    assert "row 3, title" in done.stderr

    departments = read_csv(exports["departments"])
    departments[0]["code"] = "RENAMED"
    departments[1]["unexpected"] = "x"
    with (tmp_path / "bad-dep.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=[*departments[0], "unexpected"])
        writer.writeheader()
        writer.writerows(departments)
    done = run(url, "import", "departments", str(tmp_path / "bad-dep.csv"))
    assert done.returncode == 1 and "unexpected: unknown column" in done.stderr
    departments[1].pop("unexpected")
    done = run(url, "import", "departments", str(write_csv(tmp_path / "bad-dep2.csv", departments)))
    assert done.returncode == 1 and "row 2, code: cannot change once made" in done.stderr

    assert bookkeeping(url) == before
    assert {k: export(url, k) for k in KINDS} == exports
