"""``portal export --all`` and ``portal import --all``: a whole database to a file and back,
SQLite to PostgreSQL and back (in the PostgreSQL lane), with the audit chain and the
encrypted columns intact (issue 14)."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import Session, select

from portal.db import make_engine
from portal.engagement.models import Comment
from portal.settings import PROJECT_ROOT
from tests.cli.test_cli import counts


def run(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "portal", *args], cwd=PROJECT_ROOT,
                          env={**os.environ, "PORTAL_DATABASE_URL": url}, capture_output=True,
                          text=True, timeout=600, stdin=subprocess.DEVNULL)


def rows_of(path: Path) -> list[str]:
    """Every row line of a dump (the header names the file's own counts)."""
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:  # type: ignore[operator]
        return handle.read().splitlines()[1:]


def comment_texts(url: str) -> list[tuple[str | None, str | None]]:
    """Decrypted with the keys in force: what moderators read."""
    engine = make_engine(url)
    with Session(engine) as session:
        found = [(c.raw_text, c.email) for c in session.exec(select(Comment).order_by(Comment.id))]
    engine.dispose()
    return found


def test_a_whole_database_moves_and_comes_back_identical(database_url: str, tmp_path: Path) -> None:
    source = f"sqlite:///{tmp_path / 'county.db'}"
    assert run(source, "demo").returncode == 0
    kept = tmp_path / "checkpoint.json"
    assert run(source, "audit", "checkpoint", "-o", str(kept)).returncode == 0
    dump = tmp_path / "county.jsonl.gz"
    done = run(source, "export", "--all", str(dump))
    assert done.returncode == 0, done.stderr
    header = json.loads(gzip.open(dump, "rt").readline())
    assert header["tables"]["comment"] > 0 and header["tables"]["audit_event"] > 0
    assert "rate_limit_secret" not in header["tables"]

    # Into the database under test (SQLite, or PostgreSQL in that lane), empty and migrated.
    done = run(database_url, "import", "--all", str(dump))
    assert done.returncode == 0, done.stderr
    assert "audit chain of" in done.stdout
    done = run(database_url, "audit", "verify", "--checkpoint", str(kept))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "are as the checkpoint signed" in done.stdout
    texts = comment_texts(database_url)
    assert texts == comment_texts(source) and any(raw for raw, _ in texts)
    # Ciphertext travelled as ciphertext: the dump never holds what only moderators may read
    # (the e-mail addresses people left, and the raw words that redaction removed).
    secrets = {email for _, email in texts if email} | {
        raw for raw, _ in texts if raw and "@" in raw}
    assert secrets
    assert not any(secret in line for line in rows_of(dump) for secret in secrets)

    # And back to a new SQLite file: the same rows, line for line.
    again = tmp_path / "again.jsonl"
    assert run(database_url, "export", "--all", str(again)).returncode == 0
    assert rows_of(again) == rows_of(dump)
    target = f"sqlite:///{tmp_path / 'restored.db'}"
    assert run(target, "import", "--all", str(again)).returncode == 0
    assert counts(tmp_path / "restored.db") | {"alembic_version": 1} == \
        counts(tmp_path / "county.db") | {"alembic_version": 1, "rate_limit_secret": 0,
                                          "submission_bucket": 0}
    # New records after a restore get new ids (PostgreSQL's sequences were moved on).
    assert run(database_url, "audit", "checkpoint", "-o", str(tmp_path / "later.json")).returncode == 0


def test_a_damaged_or_altered_file_restores_nothing(database_url: str, tmp_path: Path) -> None:
    source = f"sqlite:///{tmp_path / 'county.db'}"
    assert run(source, "demo").returncode == 0
    dump = tmp_path / "county.jsonl"
    assert run(source, "export", "--all", str(dump)).returncode == 0
    lines = dump.read_text(encoding="utf-8").splitlines()

    cut = tmp_path / "cut.jsonl"
    cut.write_text("\n".join(lines[:-5]) + "\n", encoding="utf-8")
    done = run(database_url, "import", "--all", str(cut))
    assert done.returncode == 1 and "the file is cut short or altered" in done.stderr

    altered = []
    for line in lines:
        item = json.loads(line)
        if item.get("table") == "audit_event" and item["row"]["id"] == 2:
            item["row"]["action"] = "nothing.to.see"
        altered.append(json.dumps(item))
    changed = tmp_path / "altered.jsonl"
    changed.write_text("\n".join(altered) + "\n", encoding="utf-8")
    done = run(database_url, "import", "--all", str(changed))
    assert done.returncode == 1 and "does not verify at event 2" in done.stderr

    junk = tmp_path / "junk.jsonl"
    junk.write_text('{"format": "civic-portal-database", "version": 1}\n<script>\n')
    done = run(database_url, "import", "--all", str(junk))
    assert done.returncode == 1 and "Traceback" not in done.stderr

    engine = make_engine(database_url)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT COUNT(*) FROM audit_event")).scalar_one() == 0
        assert conn.execute(sa.text("SELECT COUNT(*) FROM comment")).scalar_one() == 0
    engine.dispose()

    # A restore never lands on top of records.
    assert run(database_url, "import", "--all", str(dump)).returncode == 0
    done = run(database_url, "import", "--all", str(dump))
    assert done.returncode == 1 and "restore into an empty database" in done.stderr
