"""The triggers that make ``audit_event`` append-only, for the migration and for tests that
play an attacker who can change the schema (and so lift them)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

MESSAGE = "audit events are append-only"


def create(bind: Any) -> None:
    if bind.dialect.name == "postgresql":
        bind.execute(sa.text(f"""
            CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION '{MESSAGE}'; END; $$ LANGUAGE plpgsql"""))
        bind.execute(sa.text("""
            CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
            FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()"""))
    else:
        for verb in ("UPDATE", "DELETE"):
            bind.execute(sa.text(f"""
                CREATE TRIGGER audit_event_no_{verb.lower()} BEFORE {verb} ON audit_event
                BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"""))


def drop(bind: Any) -> None:
    if bind.dialect.name == "postgresql":
        bind.execute(sa.text("DROP TRIGGER IF EXISTS audit_event_append_only ON audit_event"))
        bind.execute(sa.text("DROP FUNCTION IF EXISTS audit_event_append_only()"))
    else:
        bind.execute(sa.text("DROP TRIGGER IF EXISTS audit_event_no_update"))
        bind.execute(sa.text("DROP TRIGGER IF EXISTS audit_event_no_delete"))
