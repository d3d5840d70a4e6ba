"""Alembic environment: runs on the connection ``portal.db.upgrade`` hands it."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

import portal.models  # noqa: F401  (fills the metadata)
from sqlmodel import SQLModel

config = context.config
target_metadata = SQLModel.metadata


def _configure(connection: sa.engine.Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        compare_type=True,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        return
    engine = sa.create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as conn:
        _configure(conn)


run()
