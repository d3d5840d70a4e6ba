"""``portal import notices`` and the feed exports, as an operator runs them."""

from __future__ import annotations

from pathlib import Path

import feedparser

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
    assert "row 2, department: unknown department" in done.stderr
    assert "row 2, locations[1]: Far: (10.00000, 10.00000) is outside the county" in done.stderr
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
