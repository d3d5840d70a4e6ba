"""What an area's part of the demo county looks like, and the helpers seeds share.

Each area that has demo data declares a :class:`Seed` in ``portal/<area>/seed.py``
and names it in its manifest. ``portal.demo.loader`` reads every seed's files,
checks them all before anything is written, then loads the seeds in an order
that puts each after the seeds whose records it refers to (``uses``/``provides``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session

from portal.auth.roles import Actor, Role
from portal.errors import FieldError
from portal.settings import get_settings

#: Who made the demo's moderation decisions: the moderation log names them, and so does the
#: audit log, because the decisions go through the moderators' own service.
DEMO_MODERATOR = Actor(subject="moderator@aldercounty.example",
                       roles=frozenset({Role.MODERATOR}), display_name="Demo moderator",
                       is_demo=True)


class Checker:
    """Collects every problem in the demo files, so one run reports them all."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.errors: list[FieldError] = []
        # Natural keys each seed makes known to the seeds checked after it
        # ("district" → codes, "practice" → refs, "notice" → slugs...).
        self.known: dict[str, set[Any]] = {}

    def require(self, ok: bool, where: str, row: int | None, message: str) -> None:
        if not ok:
            self.errors.append(FieldError(where, message, row))

    def vocab(self, value: Any, allowed: Any, where: str, row: int | None) -> None:
        self.require(value in allowed, where, row, f"unknown value {value!r}")

    def each(self, values: Any, allowed: Any, where: str, row: int | None) -> None:
        for value in values or []:
            self.vocab(value, allowed, where, row)

    def target(self, kind: str | None, value: Any, where: str, row: int) -> None:
        """A comment, survey or agenda item about a record: that record must be in the files."""
        if kind in self.known:
            self.vocab(value, self.known[kind], where, row)


class SeedContext:
    """One load: the session, the files, the clock, and the ids of what earlier seeds wrote."""

    def __init__(self, session: Session, data: dict[str, Any], now: datetime) -> None:
        self.s = session
        self.d = data
        self.now = now
        self.tz = ZoneInfo(get_settings().timezone)
        self.counts: dict[str, int] = {}
        # Natural key → id, per kind of record ("district", "department", "practice"...).
        self.ids: dict[str, dict[Any, int]] = {}
        self.contact: dict[str, str] = {}
        # What people did to the records after they were written (a moderator publishing a
        # comment, staff answering one): run after every seed, oldest first (see ``later``).
        self._actions: list[tuple[datetime, int, Callable[[], None]]] = []

    def ago(self, days: float | None) -> datetime | None:
        return None if days is None else self.now - timedelta(days=days)

    def local(self, days: int, at: time) -> datetime:
        """``at`` o'clock, county time, ``days`` days from today; returned in UTC."""
        day = self.now.astimezone(self.tz).date() + timedelta(days=days)
        return datetime.combine(day, at, tzinfo=self.tz).astimezone(UTC)

    def local_date(self, days_ago: float | None) -> date | None:
        moment = self.ago(days_ago)
        return None if moment is None else moment.astimezone(self.tz).date()

    def add(self, rows: list[Any]) -> None:
        if rows:
            self.s.add_all(rows)
            self.s.flush()
            self.count(type(rows[0]).__tablename__, len(rows))

    def count(self, table: str, n: int) -> None:
        self.counts[table] = self.counts.get(table, 0) + n

    def target_id(self, kind: str | None, value: Any) -> int | None:
        return self.ids.get(kind or "", {}).get(value)

    def later(self, when: datetime, action: Callable[[], None]) -> None:
        """Do ``action`` once every seed has written its rows, in the order of ``when``.

        A decision is made through the service real use goes through, which records it in
        the audit log; the log is a hash chain appended to in the order things happen, so
        every area's decisions are taken together, oldest first (ties keep their order).
        """
        self._actions.append((when, len(self._actions), action))

    def run_later(self) -> None:
        actions, self._actions = sorted(self._actions, key=lambda a: a[:2]), []
        for _when, _n, action in actions:
            action()


def iso_date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


@dataclass(frozen=True)
class Seed:
    #: key in the loaded data → file name in ``data/demo/``
    files: Mapping[str, str]
    check: Callable[[Checker], None]
    load: Callable[[SeedContext], None]
    #: the tables it writes, in order (their names are the keys of ``portal demo``'s counts)
    tables: tuple[type, ...]
    #: kinds of record whose ids it makes known, and kinds it refers to
    provides: tuple[str, ...] = ()
    uses: tuple[str, ...] = field(default_factory=tuple)
