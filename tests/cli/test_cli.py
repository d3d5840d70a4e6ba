"""The ``portal`` command as an operator runs it: a real process on a real SQLite file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa

from portal.settings import PROJECT_ROOT


def portal(*args: str, db: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PORTAL_DATABASE_URL": f"sqlite:///{db}", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "portal", *args], cwd=PROJECT_ROOT, env=environment,
        capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL,
    )


def counts(db: Path) -> dict[str, int]:
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        names = [r[0] for r in conn.execute(sa.text(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"))]
        result = {n: conn.execute(sa.text(f'SELECT COUNT(*) FROM "{n}"')).scalar_one() for n in names}
    engine.dispose()
    return result


def test_db_upgrade_creates_the_schema(tmp_path: Path) -> None:
    db = tmp_path / "var" / "portal.db"
    done = portal("db", "upgrade", db=db)
    assert done.returncode == 0, done.stderr
    assert "newest schema" in done.stdout
    assert {"department", "sharing_practice", "audit_event"} <= set(counts(db))


def test_demo_twice_leaves_identical_counts(tmp_path: Path) -> None:
    db = tmp_path / "portal.db"
    first = portal("demo", db=db)
    assert first.returncode == 0, first.stderr
    assert "Loaded the demo county" in first.stdout
    after_first = counts(db)
    assert after_first["department"] == 12
    assert after_first["district"] == 8

    second = portal("demo", db=db)
    assert second.returncode == 0, second.stderr
    assert "nothing changed" in second.stdout
    assert counts(db) == after_first


def test_unknown_command_fails_with_usage(tmp_path: Path) -> None:
    done = portal("frobnicate", db=tmp_path / "p.db")
    assert done.returncode != 0
    assert "invalid choice" in done.stderr


def test_usage_errors_exit_1_with_the_reason_on_stderr(tmp_path: Path) -> None:
    """DESIGN.md §3: bad input exits 1 (argparse's own default is 2), nothing written."""
    db = tmp_path / "portal.db"
    for args, reason in [
        (("frobnicate",), "invalid choice: 'frobnicate'"),
        (("import", "nothing", "file.csv"), "invalid choice: 'nothing'"),
        (("export", "inventory", "--format", "xml"), "invalid choice: 'xml'"),
        (("serve", "--port", "eighty"), "invalid int value"),
        (("import", "inventory"), "the following arguments are required: file"),
    ]:
        done = portal(*args, db=db)
        assert done.returncode == 1, (args, done.returncode, done.stderr)
        assert reason in done.stderr, (args, done.stderr)
        assert done.stdout == ""
    assert not db.exists()


def test_import_of_a_missing_file_exits_1(tmp_path: Path) -> None:
    done = portal("import", "inventory", str(tmp_path / "absent.csv"), db=tmp_path / "portal.db")
    assert done.returncode == 1
    assert "no such file" in done.stderr
