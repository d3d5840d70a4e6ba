"""The public page of signed audit checkpoints."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from portal.audit.checkpoints import public_keys
from portal.audit.service import record_event
from portal.auth.roles import SYSTEM, Role
from tests.apptest import run_script, texts


@pytest.mark.parametrize("role", [None, Role.COMMISSIONER])
def test_anyone_sees_the_keys_and_every_checkpoint(session: Session, role: Role | None) -> None:
    record_event(session, actor=SYSTEM, action="test.write", entity_type="thing")
    session.commit()
    at = run_script("app_pages/audit_checkpoints.py", role)
    assert not at.exception
    keys, checkpoints = (frame.value for frame in at.dataframe)
    assert list(keys["Key id"]) == list(public_keys())
    assert list(checkpoints["Why"]) == ["Daily"]
    assert list(checkpoints["Events"]) == [1]
    assert any(b.label == "All checkpoints (JSON)" for b in at.get("download_button"))
    assert "portal audit verify --checkpoint FILE" in texts(at)


def test_checkpoints_are_dated_in_the_county_time(session: Session) -> None:
    record_event(session, actor=SYSTEM, action="test.write", entity_type="thing")
    session.commit()
    at = run_script("app_pages/audit_checkpoints.py", Role.COMMISSIONER)
    assert not at.exception
    frame = at.dataframe[1].value
    assert "Signed (UTC)" not in frame.columns
    assert frame["Signed"].iloc[0].endswith(("PST", "PDT"))


def test_the_checkpoints_in_spanish(session: Session) -> None:
    record_event(session, actor=SYSTEM, action="test.write", entity_type="thing")
    session.commit()
    at = run_script("app_pages/audit_checkpoints.py", query={"lang": "es"})
    assert not at.exception
    assert at.title[0].value == "Puntos de control de la auditoría"
    keys, checkpoints = (frame.value for frame in at.dataframe)
    assert list(keys.columns) == ["Id. de la clave", "Clave pública"]
    assert list(checkpoints["Motivo"]) == ["Diario"]
    assert any(b.label == "Todos los puntos de control (JSON)" for b in at.get("download_button"))
    assert "Signing keys" not in texts(at)
