"""`portal retention purge`, `audit verify`, `keys rotate`, `screen`, and the production key check."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa
from cryptography.fernet import Fernet
from sqlmodel import Session

from portal.audit import triggers
from portal.auth.roles import Actor, Role
from portal.base import utcnow
from portal.db import make_engine, upgrade
from portal.engagement.decisions import decide
from tests import factories
from tests.cli.test_cli import portal

TEXT = "Stop the drone program. Call me at 503-248-7731 if you want to talk."


def _seed(db: Path, key_env: dict[str, str], monkeypatch) -> None:
    for k, v in key_env.items():
        monkeypatch.setenv(k, v)
    engine = make_engine(f"sqlite:///{db}")
    upgrade(engine)
    with Session(engine) as session:
        old = factories.submitted_comment(session, TEXT, email="ana@example.org",
                                          now=utcnow() - timedelta(days=120))
        factories.submitted_comment(session, "A recent comment about the cameras.")
        decide(session=session, actor=Actor(subject="m@x", roles=frozenset({Role.MODERATOR})),
               comment_id=old.id, lock_version=old.lock_version, action="publish")
        session.commit()
    engine.dispose()


def _column(db: Path, sql: str) -> list:
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        rows = [r[0] for r in conn.execute(sa.text(sql))]
    engine.dispose()
    return rows


def test_purge_is_logged_in_counts_and_safe_to_repeat(tmp_path: Path, monkeypatch) -> None:
    env = {"PORTAL_ENCRYPTION_KEYS": Fernet.generate_key().decode()}
    db = tmp_path / "p.db"
    _seed(db, env, monkeypatch)
    first = portal("retention", "purge", db=db, env=env)
    assert first.returncode == 0, first.stderr
    assert "1 raw texts, 1 with contact details" in first.stdout
    assert _column(db, "SELECT raw_text IS NULL FROM comment ORDER BY id") == [1, 0]
    second = portal("retention", "purge", db=db, env=env)
    assert "0 raw texts, 0 with contact details" in second.stdout
    verify = portal("audit", "verify", db=db, env=env)
    assert verify.returncode == 0 and "intact" in verify.stdout


def test_audit_verify_names_the_broken_link(tmp_path: Path, monkeypatch) -> None:
    env = {"PORTAL_ENCRYPTION_KEYS": Fernet.generate_key().decode()}
    db = tmp_path / "p.db"
    _seed(db, env, monkeypatch)
    portal("retention", "purge", db=db, env=env)
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        first_id = conn.execute(sa.text("SELECT MIN(id) FROM audit_event")).scalar_one()
        triggers.drop(conn)  # an attacker who can change the schema
        conn.execute(sa.text("UPDATE audit_event SET actor = 'nobody' WHERE id = :i"), {"i": first_id})
    engine.dispose()
    done = portal("audit", "verify", db=db, env=env)
    assert done.returncode == 1
    assert f"broken at event {first_id}" in done.stderr


def test_keys_rotate_lets_the_old_key_go(tmp_path: Path, monkeypatch) -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    db = tmp_path / "p.db"
    _seed(db, {"PORTAL_ENCRYPTION_KEYS": old}, monkeypatch)
    done = portal("keys", "rotate", db=db, env={"PORTAL_ENCRYPTION_KEYS": f"{new},{old}"})
    assert done.returncode == 0, done.stderr
    tokens = [t for t in _column(db, "SELECT raw_text FROM comment") if t]
    assert tokens and all(Fernet(new.encode()).decrypt(t.encode()) for t in tokens)


def test_keys_rotate_with_a_development_key_file(tmp_path: Path, monkeypatch) -> None:
    key_file = tmp_path / "dev.key"
    env = {"PORTAL_ENCRYPTION_KEY_FILE": str(key_file)}
    monkeypatch.delenv("PORTAL_ENCRYPTION_KEYS", raising=False)
    db = tmp_path / "p.db"
    _seed(db, env, monkeypatch)
    assert len(key_file.read_text().split()) == 1
    done = portal("keys", "rotate", db=db, env=env)
    assert done.returncode == 0, done.stderr
    newest = key_file.read_text().split()[0]
    assert len(key_file.read_text().split()) == 2
    assert all(Fernet(newest.encode()).decrypt(t.encode()) for t in _column(db, "SELECT raw_text FROM comment") if t)


def test_production_refuses_to_serve_without_a_key(tmp_path: Path) -> None:
    done = portal("serve", "--port", "1", db=tmp_path / "p.db",
                  env={"PORTAL_ENVIRONMENT": "production", "PORTAL_ENCRYPTION_KEYS": ""})
    assert done.returncode == 1
    assert "refuses to start without a key" in done.stderr
    assert not (tmp_path / "p.db").exists()


def test_screen_prints_one_json_object_per_row(tmp_path: Path) -> None:
    source = tmp_path / "comments.csv"
    source.write_text('id,body\n1,"Call me at 503-248-7731"\n2,"Just a thought about cameras."\n',
                      encoding="utf-8")
    done = portal("screen", str(source), "--column", "body", db=tmp_path / "p.db")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["row"] for r in rows] == [1, 2]
    assert rows[0]["flags"][0]["kind"] == "pii:phone" and rows[0]["flags"][0]["spans"] == [[11, 23]]
    assert "503-248-7731" not in rows[0]["redacted"] and rows[1]["flags"] == []
    missing = portal("screen", str(source), "--column", "text", db=tmp_path / "p.db")
    assert missing.returncode == 1 and "no column named 'text'" in missing.stderr and missing.stdout == ""
