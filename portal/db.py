"""Engines, sessions and migrations for SQLite (default) and PostgreSQL.

The app never calls ``create_all``: the schema comes from Alembic so that the
two databases and every deployment share one history.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine
from sqlmodel import Session

from portal.settings import get_settings

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def normalize_url(url: str) -> str:
    """Use psycopg 3 for PostgreSQL whatever spelling the operator used."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str | None = None) -> Engine:
    url = normalize_url(url or get_settings().database_url)
    if url.startswith("sqlite"):
        path = sa.engine.make_url(url).database
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return sa.create_engine(url, pool_pre_ping=True)


@lru_cache(maxsize=8)
def _shared(url: str) -> Engine:
    return make_engine(url)


def shared_engine() -> Engine:
    """The server process's one engine (and connection pool) for the configured database:
    pages and the stable addresses share it, and clearing Streamlit's caches does not
    drop it. Keyed by the URL, so a changed ``PORTAL_DATABASE_URL`` (tests) gets its own."""
    return _shared(get_settings().database_url)


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One unit of work: commit on success, roll back everything on error.

    Streamlit's ``st.rerun`` and ``st.stop`` are exceptions too: called inside
    this block they roll the work back, so pages call them after it.
    """
    session = Session(engine, expire_on_commit=False)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return config


def upgrade(engine: Engine, revision: str = "heads") -> None:
    """Migrate to the newest schema; safe to run on every start."""
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def is_empty(engine: Engine) -> bool:
    """True when the county has not been loaded: no departments at all."""
    with engine.connect() as connection:
        return connection.execute(sa.text("SELECT COUNT(*) FROM department")).scalar_one() == 0
