"""Bulk writes for the county-scale data set: Core ``insert()`` batches, or ``COPY``.

Rows are written to the models' own tables (``Model.__table__``) in the caller's
transaction, ids given explicitly so that the rows referring to them can be built before
anything is written. On SQLite each batch is one ``executemany`` of SQLAlchemy Core's
``insert()``, so every column's type does its work as in the ORM (aware datetimes stored as
UTC, JSON serialised, :class:`portal.encryption.EncryptedText` sealed with
``portal.encryption.seal``). On PostgreSQL rows go through ``COPY ... FROM STDIN`` with
psycopg's ``cursor.copy``, which bypasses the column types, so the same conversions are made
here: ``seal`` for encrypted columns, ``json.dumps`` for JSON ones. Each table's id sequence
is moved past the ids written (:meth:`BulkWriter.finish`).

Progress goes to standard error: the table, the rows so far and the rate.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TextIO

import sqlalchemy as sa
from sqlmodel import Session

from portal.encryption import EncryptedText, seal

#: Rows per ``executemany`` on SQLite.
BATCH = 5_000


class Progress:
    """Lines on standard error: what is being done, how many rows so far, and how fast."""

    def __init__(self, stream: TextIO | None = None, every: float = 2.0) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.every = every
        self.started = time.perf_counter()

    def say(self, message: str) -> None:
        elapsed = time.perf_counter() - self.started
        print(f"[{elapsed:6.1f} s] {message}", file=self.stream, flush=True)

    def counter(self, what: str, total: int | None = None) -> Counter:
        return Counter(self, what, total)


class Counter:
    """Rows of one table (or items of one step) as they go: a line every few seconds."""

    def __init__(self, progress: Progress, what: str, total: int | None) -> None:
        self.progress, self.what, self.total = progress, what, total
        self.n = 0
        self.started = self.last = time.perf_counter()

    def add(self, n: int) -> None:
        self.n += n
        now = time.perf_counter()
        if now - self.last >= self.progress.every:
            self.last = now
            self.progress.say(f"{self.what}: {self._so_far()} rows so far, "
                              f"{self.n / max(now - self.started, 1e-9):,.0f} rows/s")

    def _so_far(self) -> str:
        return f"{self.n:,}" + (f" of {self.total:,}" if self.total else "")

    def done(self) -> float:
        elapsed = time.perf_counter() - self.started
        self.progress.say(f"{self.what}: {self.n:,} rows in {elapsed:.1f} s "
                          f"({self.n / max(elapsed, 1e-9):,.0f} rows/s)")
        return elapsed


def _converter(column: sa.Column[Any]) -> Callable[[Any], Any] | None:
    """What COPY needs done to a value that the column's type would do for an INSERT."""
    if isinstance(column.type, EncryptedText):
        return seal  # None stays None (SQL NULL)
    if isinstance(column.type, sa.JSON):
        return json.dumps  # None is JSON null, as the type stores it
    return None


class BulkWriter:
    """Writes rows of model tables in the session's transaction, with progress."""

    def __init__(self, session: Session, progress: Progress) -> None:
        self.session = session
        self.connection = session.connection()
        self.dialect = self.connection.dialect.name
        self.progress = progress
        self.written: dict[str, int] = {}
        self._explicit_ids: set[str] = set()

    def next_id(self, table: sa.Table) -> int:
        """The first id free in ``table`` (rows written here take ids from it upwards)."""
        return int(self.connection.execute(
            sa.select(sa.func.coalesce(sa.func.max(table.c.id), 0))).scalar_one()) + 1

    def write(self, table: sa.Table, columns: Sequence[str], rows: Iterable[Sequence[Any]],
              total: int | None = None, label: str | None = None) -> int:
        """Write ``rows`` (tuples in ``columns`` order); returns how many."""
        counter = self.progress.counter(label or table.name, total)
        if "id" in columns:
            self._explicit_ids.add(table.name)
        if self.dialect == "postgresql":
            n = self._copy(table, columns, rows, counter)
        else:
            n = self._insert(table, columns, rows, counter)
        counter.done()
        self.written[table.name] = self.written.get(table.name, 0) + n
        return n

    def _insert(self, table: sa.Table, columns: Sequence[str], rows: Iterable[Sequence[Any]],
                counter: Counter) -> int:
        statement = sa.insert(table)
        batch: list[dict[str, Any]] = []
        n = 0
        for row in rows:
            batch.append(dict(zip(columns, row, strict=True)))
            if len(batch) >= BATCH:
                self.connection.execute(statement, batch)
                n += len(batch)
                counter.add(len(batch))
                batch = []
        if batch:
            self.connection.execute(statement, batch)
            n += len(batch)
            counter.add(len(batch))
        return n

    def _copy(self, table: sa.Table, columns: Sequence[str], rows: Iterable[Sequence[Any]],
              counter: Counter) -> int:
        converters = [_converter(table.c[name]) for name in columns]
        names = ", ".join(f'"{name}"' for name in columns)
        raw = self.connection.connection.driver_connection  # psycopg 3, in this transaction
        n = 0
        with raw.cursor() as cursor, cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row([v if f is None else f(v)
                                for f, v in zip(converters, row, strict=True)])
                n += 1
                if n % BATCH == 0:
                    counter.add(BATCH)
        counter.add(n % BATCH)
        return n

    def update(self, table: sa.Table, key: str, rows: list[dict[str, Any]]) -> None:
        """``UPDATE table SET ... WHERE id = :key`` for each row (a few thousand at most)."""
        if not rows:
            return
        values = {name: sa.bindparam(f"new_{name}") for name in rows[0] if name != key}
        statement = table.update().where(table.c.id == sa.bindparam(key)).values(**values)
        self.connection.execute(statement, [
            {key: r[key], **{f"new_{name}": r[name] for name in values}} for r in rows])

    def finish(self) -> None:
        """Move each PostgreSQL id sequence past the ids written explicitly."""
        if self.dialect != "postgresql":
            return
        for name in sorted(self._explicit_ids):
            self.connection.execute(sa.text(
                f"SELECT setval(pg_get_serial_sequence('\"{name}\"', 'id'), "
                f"(SELECT COALESCE(MAX(id), 1) FROM \"{name}\"))"))
