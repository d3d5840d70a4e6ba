"""Load the demo county from ``data/demo/`` (written by ``data/generate_demo.py``).

Each area contributes its part as a seed (``portal/<area>/seed.py``, named in its
manifest). Records are matched by natural keys (district code, department code,
dataset identifier, practice dataset + title, technology slug, notice version
number, request reference, indicator slug + cell, comment receipt code, survey
slug, meeting title), so loading twice adds nothing the second time.

What people decided about those records — a moderator publishing, rejecting or referring
a comment, staff answering one — is not written as rows: each seed hands it to
``SeedContext.later`` and it is made, after every seed has loaded and oldest first, through
the service real use goes through, as a demo staff actor. So the audit log holds an event
for each decision the moderation log shows, appended to its chain in the order the
decisions were made (the events themselves are dated when the demo is loaded).

Every file is read and checked before anything is written; the load itself
only adds and flushes, in the caller's transaction, so an error leaves nothing
behind once the caller rolls back (``portal.db.session_scope`` does).

Times in the files that must stay current (comment periods, submissions,
meetings, survey windows, notice publication) are relative to load time and
become aware UTC datetimes; comment periods and meetings fall on whole local
days / hours in the county's time zone.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session

from portal.audit.service import record_event
from portal.auth.permissions import service
from portal.auth.roles import Actor
from portal.base import utcnow
from portal.demo.seeding import Checker, Seed, SeedContext
from portal.errors import FieldError, ValidationFailed
from portal.manifest import resolve
from portal.registry import seeds


def demo_data_dir() -> Path:
    """The repository's ``data/demo`` (``portal/`` sits next to ``data/``)."""
    return Path(__file__).resolve().parent.parent.parent / "data" / "demo"


def ordered_seeds() -> list[Seed]:
    """The areas' seeds, each after the seeds that provide the records it refers to.

    Stable: seeds with no dependency between them keep the registry's order.
    """
    pending = [resolve(ref) for ref in seeds()]
    provided: set[str] = set()
    ordered: list[Seed] = []
    while pending:
        ready = next((s for s in pending if set(s.uses) <= provided), None)
        if ready is None:
            wanted = {u for s in pending for u in s.uses} - provided
            raise ValueError(f"no seed provides {sorted(wanted)}")
        pending.remove(ready)
        ordered.append(ready)
        provided.update(ready.provides)
    return ordered


def _read(data_dir: Path, files: dict[str, str]) -> dict[str, Any]:
    if not data_dir.is_dir():
        raise ValidationFailed(message=f"demo data directory not found: {data_dir}")
    data: dict[str, Any] = {}
    errors: list[FieldError] = []
    for key, name in files.items():
        path = data_dir / name
        try:
            data[key] = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            errors.append(FieldError(name, "file is missing"))
        except json.JSONDecodeError as exc:
            errors.append(FieldError(name, f"not valid JSON: {exc}"))
    if errors:
        raise ValidationFailed(errors)
    return data


@service("demo.load")
def load_demo(
    *,
    session: Session,
    actor: Actor,
    data_dir: Path | None = None,
    now: datetime | None = None,
) -> dict[str, int]:
    """Add the demo county; return how many rows were added per table (all zero if loaded).

    ``now`` (aware) fixes the moment relative dates are counted from; it defaults to the
    current time. Nothing is committed here: the caller's unit of work commits or rolls back.
    """
    if now is not None and now.tzinfo is None:
        raise ValidationFailed([FieldError("now", "give the time with its time zone")])
    order = ordered_seeds()
    data = _read(data_dir or demo_data_dir(), {k: v for s in order for k, v in s.files.items()})
    checker = Checker(data)
    for seed in order:
        seed.check(checker)
    if checker.errors:
        raise ValidationFailed(checker.errors)
    ctx = SeedContext(session, data, (now or utcnow()).astimezone(UTC))
    ctx.counts = {table.__tablename__: 0 for seed in order for table in seed.tables}
    for seed in order:
        seed.load(ctx)
    # The decisions made on those records, oldest first, each audited by its own service.
    ctx.run_later()
    if any(ctx.counts.values()):
        record_event(session, actor=actor, action="demo.load", entity_type="demo",
                     detail=ctx.counts)
    return ctx.counts
