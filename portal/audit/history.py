"""Versioned records: every save stores a snapshot, and history is read back as diffs.

Records loaded before the portal kept versions (the demo county, imports from
an older system) have no snapshot of their first state; the first edit stores
one, dated when that state was last written, before storing the new version,
so an edit never erases what the record said.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlmodel import Session, SQLModel, select

from portal.audit.models import RecordVersion
from portal.audit.service import as_json_value, record_version
from portal.auth.roles import Actor
from portal.errors import Conflict, NotFound
from portal.i18n import _

T = TypeVar("T", bound=SQLModel)

# Bookkeeping that changes on every save and says nothing about the record itself.
NOT_COMPARED = frozenset({"id", "version", "created_at", "updated_at", "updated_by"})


def locked(session: Session, model: type[T], record_id: int, expected_version: int | None,
           noun: str) -> T:
    """The record, locked for this unit of work, if it is still the version the person opened.

    Optimistic locking for every versioned record: a save names the version it saw, and a
    save over someone else's newer version is refused rather than silently undoing it.
    """
    row = session.get(model, record_id, with_for_update=True)
    if row is None:
        raise NotFound(_("No {noun} {id}.").format(noun=_(noun), id=record_id))
    version = row.version  # type: ignore[attr-defined]
    if expected_version is not None and version != expected_version:
        raise Conflict(_("Someone saved this {noun} (now version {version}) after you opened "
                         "version {opened}. Reload it and make your change again.").format(
            noun=_(noun), version=version, opened=expected_version))
    return row


def snapshot_of(row: SQLModel) -> dict[str, Any]:
    return as_json_value(row.model_dump())


def save_version(
    session: Session,
    *,
    actor: Actor,
    record_type: str,
    row: SQLModel,
    summary: str,
    baseline_by: str = "system",
    baseline_at: datetime | None = None,
    before: Mapping[str, Any] | None = None,
) -> RecordVersion:
    """Store ``row`` (already at its new ``version``) as a snapshot.

    ``before`` is the record's previous state; it is stored first as the
    previous version if no snapshot of that version exists yet.
    """
    record_id = int(row.id)  # type: ignore[attr-defined]
    version = int(row.version)  # type: ignore[attr-defined]
    if before is not None and version > 1:
        have = session.exec(
            select(RecordVersion.id).where(
                RecordVersion.record_type == record_type,
                RecordVersion.record_id == record_id,
                RecordVersion.version == version - 1,
            )
        ).first()
        if have is None:
            baseline = RecordVersion(
                record_type=record_type, record_id=record_id, version=version - 1,
                data=as_json_value(dict(before)), changed_by=baseline_by,
                summary="State before the portal kept versions",
            )
            if baseline_at is not None:
                baseline.changed_at = baseline_at
            session.add(baseline)
            session.flush()
    return record_version(
        session, actor=actor, record_type=record_type, record_id=record_id, version=version,
        data=snapshot_of(row), summary=summary,
    )


@dataclass(frozen=True)
class Change:
    field: str
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class VersionEntry:
    version: int
    changed_by: str
    changed_at: datetime
    summary: str
    changes: tuple[Change, ...]


def _readable(value: Any, vocab: Mapping[str, str] | None) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return "—"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return "; ".join(_readable(v, vocab) for v in value)
    if isinstance(value, dict):
        on = [(vocab or {}).get(k, k) for k, v in value.items() if v]
        return "; ".join(on) or "—"
    text = str(value)
    return (vocab or {}).get(text, text)


def diff(
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    labels: Mapping[str, str],
    vocabularies: Mapping[str, Mapping[str, str]] | None = None,
) -> list[Change]:
    """Fields that differ, in ``labels`` order, as the words a reader would use."""
    vocabularies = vocabularies or {}
    changes = []
    for field, label in labels.items():
        if field in NOT_COMPARED:
            continue
        old, new = before.get(field), after.get(field)
        if old == new or (not old and not new and old is not False and new is not False):
            continue
        vocab = vocabularies.get(field)
        changes.append(Change(field, label, _readable(old, vocab), _readable(new, vocab)))
    return changes


def history(
    session: Session,
    *,
    record_type: str,
    record_id: int,
    labels: Mapping[str, str],
    vocabularies: Mapping[str, Mapping[str, str]] | None = None,
) -> list[VersionEntry]:
    """Newest first; each entry lists what changed from the version before it."""
    versions = session.exec(
        select(RecordVersion)
        .where(RecordVersion.record_type == record_type, RecordVersion.record_id == record_id)
        .order_by(RecordVersion.version)
    ).all()
    entries = []
    previous: Mapping[str, Any] | None = None
    for v in versions:
        changes = () if previous is None else tuple(diff(previous, v.data, labels, vocabularies))
        entries.append(VersionEntry(v.version, v.changed_by, v.changed_at, v.summary, changes))
        previous = v.data
    return list(reversed(entries))
