"""Shared fixtures: a migrated database per test on SQLite and, when
``PORTAL_TEST_POSTGRES_URL`` is set, on PostgreSQL too (DESIGN.md §6).

The PostgreSQL lane makes a database of its own on that server for the
session, so parallel runs never share tables, and drops it afterwards.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel

import portal.models  # noqa: F401
from portal.db import make_engine, normalize_url, upgrade

PG_URL = os.environ.get("PORTAL_TEST_POSTGRES_URL")

BACKENDS = [pytest.param("sqlite", id="sqlite")]
if PG_URL:
    BACKENDS.append(pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgresql))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "postgresql: runs against the PostgreSQL server")
    config.addinivalue_line("markers", "browser: drives the real app in Chromium")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A test marked ``postgresql`` for all its runs (not one backend of several) needs the
    server: without ``PORTAL_TEST_POSTGRES_URL`` it is left to the PostgreSQL lane."""
    if PG_URL:
        return
    left = [i for i in items if i.get_closest_marker("postgresql") is not None]
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = [i for i in items if i.get_closest_marker("postgresql") is None]


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "portal.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


@contextmanager
def own_postgres_database(*, migrate: bool = True) -> Iterator[str]:
    """A database of its own on the ``PORTAL_TEST_POSTGRES_URL`` server, dropped after."""
    assert PG_URL, "PORTAL_TEST_POSTGRES_URL is not set"
    admin = sa.create_engine(normalize_url(PG_URL), isolation_level="AUTOCOMMIT")
    name = f"portal_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.engine.make_url(normalize_url(PG_URL)).set(database=name)
    url_text = url.render_as_string(hide_password=False)
    try:
        if migrate:
            engine = make_engine(url_text)
            upgrade(engine)
            engine.dispose()
        yield url_text
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    with own_postgres_database() as url:
        yield url


def _truncate_postgres(engine: Engine) -> None:
    tables = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(sa.text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A migrated, empty database, and ``PORTAL_DATABASE_URL`` pointing at it."""
    if request.param == "sqlite":
        path = tmp_path / "portal.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        url = f"sqlite:///{path}"
    else:
        url = request.getfixturevalue("postgres_url")
        engine = make_engine(url)
        _truncate_postgres(engine)
        engine.dispose()
    monkeypatch.setenv("PORTAL_DATABASE_URL", url)
    return url


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as session:
        yield session
