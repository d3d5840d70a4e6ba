"""``portal audit checkpoint`` and ``portal audit verify --checkpoint``, through the real command."""

from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import Session

from portal.audit import triggers
from portal.audit.service import record_event
from portal.auth.roles import SYSTEM
from tests.cli.test_cli import portal


def test_a_kept_checkpoint_catches_events_deleted_from_the_end(tmp_path: Path) -> None:
    db = tmp_path / "portal.db"
    assert portal("db", "upgrade", db=db).returncode == 0
    engine = sa.create_engine(f"sqlite:///{db}")
    with Session(engine) as session:
        for i in range(4):
            record_event(session, actor=SYSTEM, action="test.write", entity_type="thing",
                         entity_id=i)
        session.commit()
    kept = tmp_path / "checkpoint.json"
    done = portal("audit", "checkpoint", "-o", str(kept), db=db)
    assert done.returncode == 0, done.stderr
    signed = json.loads(kept.read_text())
    assert (signed["event_id"], signed["events"]) == (4, 4)

    done = portal("audit", "verify", "--checkpoint", str(kept), db=db)
    assert done.returncode == 0, done.stderr
    assert "the 4 events up to event 4 are as the checkpoint signed" in done.stdout

    with engine.begin() as conn:  # someone who can change the schema deletes the newest events
        triggers.drop(conn)
        conn.execute(sa.text("DELETE FROM audit_event WHERE id >= 3"))
    engine.dispose()
    done = portal("audit", "verify", db=db)
    assert done.returncode == 0  # the chain alone cannot tell
    done = portal("audit", "verify", "--checkpoint", str(kept), db=db)
    assert done.returncode == 1
    assert "the log ends at event 2, before the checkpoint's event 4" in done.stderr


def test_an_unreadable_checkpoint_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "portal.db"
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    done = portal("audit", "verify", "--checkpoint", str(bad), db=db)
    assert done.returncode == 1
    assert "cannot read the checkpoint" in done.stderr


def test_keygen_prints_a_key_that_signs(tmp_path: Path) -> None:
    db = tmp_path / "portal.db"
    key = portal("audit", "keygen", db=db).stdout.strip()
    done = portal("audit", "checkpoint", db=db, env={"PORTAL_CHECKPOINT_KEYS": key})
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["events"] == 0
