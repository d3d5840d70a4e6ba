"""``portal import districts`` and ``portal export districts`` as an operator runs them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from tests.cli.test_cli import counts, portal
from tests.services.test_districts import DEMO, TOLERANCE, reproject, vertices

# Washington South, in US survey feet: a State Plane export as a neighbouring GIS office sends it.
STATE_PLANE = "EPSG:2286"


def districts(db: Path) -> dict[str, tuple[str, int | None, dict[str, Any]]]:
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT code, name, population, geometry FROM district")).all()
    engine.dispose()
    return {code: (name, population, json.loads(geometry)) for code, name, population, geometry in rows}


def write(path: Path, doc: Any) -> Path:
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_state_plane_file_with_crs_lands_on_the_wgs84_original(tmp_path: Path) -> None:
    db = tmp_path / "portal.db"
    original = json.loads(DEMO.read_bytes())
    source = write(tmp_path / "state_plane.geojson", reproject(original, STATE_PLANE))
    done = portal("import", "districts", str(source), db=db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ("Imported 8 districts from state_plane.geojson: 8 added, "
                                   "0 updated, 0 unchanged.")
    stored = districts(db)
    for f in original["features"]:
        name, population, geometry = stored[f["properties"]["code"]]
        assert (name, population) == (f["properties"]["name"], f["properties"]["population"])
        got, want = vertices(geometry), vertices(f["geometry"])
        assert len(got) == len(want)
        for a, b in zip(got, want, strict=True):
            assert abs(a[0] - b[0]) < TOLERANCE and abs(a[1] - b[1]) < TOLERANCE, (a, b)


def test_projected_file_without_crs_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    doc = reproject(json.loads(DEMO.read_bytes()), STATE_PLANE)
    del doc["crs"]
    source = write(tmp_path / "no_crs.geojson", doc)

    fresh = tmp_path / "fresh.db"
    done = portal("import", "districts", str(source), db=fresh)
    assert done.returncode == 1 and done.stdout == ""
    assert "no_crs.geojson: the file has no crs member" in done.stderr
    assert "seems to be in a projected coordinate system" in done.stderr
    assert not fresh.exists()  # refused before the database was even opened

    db = tmp_path / "portal.db"
    assert portal("demo", db=db).returncode == 0
    before, boundaries = counts(db), districts(db)
    done = portal("import", "districts", str(source), db=db)
    assert done.returncode == 1 and "projected coordinate system" in done.stderr
    assert counts(db) == before and districts(db) == boundaries


def test_export_then_import_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "portal.db"
    assert portal("demo", db=db).returncode == 0
    out = tmp_path / "export.geojson"
    done = portal("export", "districts", "-o", str(out), db=db)
    assert done.returncode == 0, done.stderr
    exported = json.loads(out.read_bytes())
    assert exported["type"] == "FeatureCollection" and len(exported["features"]) == 8
    assert "crs" not in exported
    stdout = portal("export", "districts", "--format", "geojson", db=db)
    assert stdout.returncode == 0 and stdout.stdout.encode() == out.read_bytes()

    before, boundaries = counts(db), districts(db)
    done = portal("import", "districts", str(out), db=db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ("Imported 8 districts from export.geojson: 0 added, "
                                   "0 updated, 8 unchanged.")
    assert counts(db) == before and districts(db) == boundaries  # not even an audit event

    refused = portal("export", "districts", "--format", "csv", db=db)
    assert refused.returncode == 1 and "invalid choice: 'csv'" in refused.stderr


def test_field_options_name_the_properties_detection_would_miss(tmp_path: Path) -> None:
    db = tmp_path / "portal.db"
    assert portal("demo", db=db).returncode == 0
    doc = json.loads(DEMO.read_bytes())
    for f in doc["features"]:
        p = f["properties"]
        f["properties"] = {"WARD": p["code"], "WARD_TITLE": p["name"].upper(),
                           "RESIDENTS": f"{p['population']:,}"}
    doc["features"] = doc["features"][:7]  # D8 is left out, and kept
    source = write(tmp_path / "wards.geojson", doc)

    guessed = portal("import", "districts", str(source), db=db)
    assert guessed.returncode == 1
    assert "row 1, code: has no district code" in guessed.stderr
    assert "its properties are: WARD, WARD_TITLE, RESIDENTS" in guessed.stderr

    done = portal("import", "districts", str(source), "--code-field", "ward",
                  "--name-field", "WARD_TITLE", "--population-field", "Residents", db=db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ("Imported 7 districts from wards.geojson: 0 added, 7 updated, "
                                   "0 unchanged; 1 kept, not in the file (D8).")
    stored = districts(db)
    assert stored["D1"][:2] == ("NORTH HARBOR", 75410)
    assert stored["D8"][0] == "Upper Alder Valley"

    absent = portal("import", "districts", str(source), "--code-field", "district", db=db)
    assert absent.returncode == 1
    assert "the code field you named, 'district', is not among" in absent.stderr
