"""``portal export translations`` → a translator's spreadsheet → ``portal import translations``,
through the real command, on both databases."""

from __future__ import annotations

import sqlalchemy as sa

from portal.db import make_engine
from tests.cli.test_cli_roundtrip import read_csv, run, write_csv


def test_a_translators_spreadsheet_round_trip(database_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert run(database_url, "demo").returncode == 0
    exported = run(database_url, "export", "translations", "-o", str(tmp_path / "t.csv"))
    assert exported.returncode == 0, exported.stderr
    rows = read_csv((tmp_path / "t.csv").read_bytes())
    assert list(rows[0]) == ["kind", "record_id", "record", "field", "field_label", "status",
                             "english", "translation"]
    assert {r["kind"] for r in rows} == {"notice", "practice", "indicator", "survey"}
    missing = [r for r in rows if r["status"] == "missing" and r["kind"] == "indicator"]
    missing[0]["translation"] = "Desalojos presentados"
    missing[1]["translation"] = "=1+1 no es una fórmula"

    dry = run(database_url, "import", "translations", str(write_csv(tmp_path / "t2.csv", rows)),
              "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "2 translations to add, 0 to update" in dry.stdout
    assert "Nothing was written (--dry-run)." in dry.stdout
    done = run(database_url, "import", "translations", str(tmp_path / "t2.csv"))
    assert done.returncode == 0, done.stderr
    assert "Imported 2 translations from t2.csv: 2 added, 0 updated" in done.stdout
    engine = make_engine(database_url)
    with engine.connect() as connection:
        texts = set(connection.execute(sa.text(
            "SELECT text FROM content_translation WHERE kind = 'indicator'")).scalars())
    assert texts == {"Desalojos presentados", "=1+1 no es una fórmula"}

    # A row whose English was changed in the file is refused with its row, and nothing is
    # written.
    missing[2]["translation"] = "Otro texto"
    missing[2]["english"] = "Not what the record says"
    refused = run(database_url, "import", "translations", str(write_csv(tmp_path / "t3.csv", rows)))
    assert refused.returncode == 1
    assert "export the file again" in refused.stderr
    with engine.connect() as connection:
        count = connection.execute(sa.text("SELECT count(*) FROM content_translation "
                                           "WHERE kind = 'indicator'")).scalar_one()
    engine.dispose()
    assert count == 2
