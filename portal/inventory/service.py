"""Reading and changing the sharing inventory.

Public reads return plain dicts and dataclasses (cheap to cache and to put in
a dataframe). Writes validate every field, bump the version, store a snapshot
and an audit event in the caller's transaction; nothing is ever overwritten
without its earlier state kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from portal.audit.history import VersionEntry, history, locked, save_version, snapshot_of
from portal.audit.service import as_json_value, record_event
from portal.auth.permissions import service
from portal.auth.roles import Actor
from portal.base import utcnow
from portal.errors import FieldError, NotFound, ValidationFailed
from portal.i18n import N_, _
from portal.inventory.compliance import Facts, Finding, evaluate
from portal.inventory.fields import COLUMNS, LABELS, VOCABULARIES, clean_practice, export_row
from portal.inventory.models import Dataset, Department, PracticePublic, SharingPractice
from portal.roundtrip import ImportPlan, duplicates, plan_import
from portal.textsafety import unstorable_fields
from portal.timefmt import local

RECORD_TYPE = "sharing_practice"


def today() -> date:
    """The county's date: an agreement that ends today is still in force today."""
    return local(utcnow()).date()


# ---------------------------------------------------------------------------
# Reads
# ---------------------------------------------------------------------------

_LIST_COLUMNS = (
    SharingPractice.id, SharingPractice.title, SharingPractice.recipient,
    SharingPractice.recipient_type, SharingPractice.mechanism, SharingPractice.channel,
    SharingPractice.legal_basis_type, SharingPractice.legal_basis, SharingPractice.purpose,
    SharingPractice.data_elements, SharingPractice.sensitive_categories,
    SharingPractice.frequency, SharingPractice.agreement_title, SharingPractice.agreement_start,
    SharingPractice.agreement_end, SharingPractice.agreement_terms,
    SharingPractice.retention_days, SharingPractice.retention_text,
    SharingPractice.residents_notified, SharingPractice.hosted_by_third_party,
    SharingPractice.status, SharingPractice.start_date, SharingPractice.end_date,
    SharingPractice.version, SharingPractice.updated_at,
    Department.code.label("department_code"), Department.name.label("department"),
    Dataset.identifier.label("dataset"), Dataset.title.label("dataset_title"),
    Dataset.classification.label("classification"),
    Dataset.retention_policy_days.label("policy_days"),
)


def _rows(session: Session, where: Iterable[Any] = ()) -> list[dict[str, Any]]:
    query = (
        sa.select(*_LIST_COLUMNS)
        .join(Department, Department.id == SharingPractice.department_id)
        .join(Dataset, Dataset.id == SharingPractice.dataset_id)
        .where(*where)
        .order_by(Department.name, SharingPractice.title, SharingPractice.id)
    )
    return [dict(r._mapping) for r in session.execute(query)]


def _facts(row: Mapping[str, Any]) -> Facts:
    return Facts.of(row, practice_id=row["id"], classification=row.get("classification"),
                    policy_days=row.get("policy_days"))


@service("inventory.list_practices")
def list_practices(*, session: Session, actor: Actor, on: date | None = None) -> list[dict[str, Any]]:
    """Every practice with its department, dataset, classification and open findings."""
    on = on or today()
    rows = _rows(session)
    for row in rows:
        found = evaluate(_facts(row), on)
        row["findings"] = len(found)
        row["finding_list"] = found
    return rows


@service("inventory.inventory_version")
def inventory_version(*, session: Session, actor: Actor) -> tuple[str, ...]:
    """A cheap fingerprint of practices, datasets and departments, so cached reads notice any
    change in any process (another replica, the CLI). Timestamps are part of it: ids and
    counts repeat after a table is emptied. Edits count too: a practice's row shows its
    dataset's title and classification and its department's name, which staff edit."""
    practices = session.execute(
        sa.select(sa.func.count(SharingPractice.id), sa.func.max(SharingPractice.id),
                  sa.func.max(SharingPractice.updated_at), sa.func.max(SharingPractice.created_at))
    ).one()
    datasets = session.execute(
        sa.select(sa.func.count(Dataset.id), sa.func.max(Dataset.id), sa.func.max(Dataset.created_at),
                  sa.func.max(Dataset.updated_at), sa.func.sum(Dataset.version))
    ).one()
    departments = session.execute(
        sa.select(sa.func.count(Department.id), sa.func.max(Department.updated_at),
                  sa.func.sum(Department.version))
    ).one()
    return tuple(str(v) for v in (*practices, *datasets, *departments))


@dataclass(frozen=True)
class PracticeDetail:
    practice: SharingPractice
    dataset: Dataset
    department: Department
    findings: list[Finding]
    history: list[VersionEntry] = field(default_factory=list)


@service("inventory.get_practice")
def get_practice(*, session: Session, actor: Actor, practice_id: int,
                 on: date | None = None) -> PracticeDetail:
    practice = session.get(SharingPractice, practice_id)
    if practice is None:
        raise NotFound(_("No sharing practice {id}.").format(id=practice_id))
    dataset = session.get(Dataset, practice.dataset_id)
    department = session.get(Department, practice.department_id)
    assert dataset is not None and department is not None
    facts = Facts.of(practice.model_dump(), practice_id=practice.id,
                     classification=dataset.classification, policy_days=dataset.retention_policy_days)
    return PracticeDetail(
        practice=practice, dataset=dataset, department=department,
        findings=evaluate(facts, on or today()),
        history=history(session, record_type=RECORD_TYPE, record_id=practice_id, labels=LABELS,
                        vocabularies=VOCABULARIES),
    )


@service("inventory.list_datasets")
def list_datasets(*, session: Session, actor: Actor) -> list[dict[str, Any]]:
    query = (
        sa.select(Dataset.id, Dataset.identifier, Dataset.title, Dataset.description,
                  Dataset.classification, Dataset.access_level, Dataset.retention_policy_days,
                  Department.name.label("department"), Department.code.label("department_code"))
        .join(Department, Department.id == Dataset.department_id)
        .order_by(Department.name, Dataset.title)
    )
    return [dict(r._mapping) for r in session.execute(query)]


@service("inventory.list_departments")
def list_departments(*, session: Session, actor: Actor) -> dict[str, str]:
    """Department codes and names, by name."""
    return dict(session.execute(sa.select(Department.code, Department.name).order_by(Department.name)).all())


# ---------------------------------------------------------------------------
# Writes
# ---------------------------------------------------------------------------

def _dataset_ids(session: Session) -> dict[str, int]:
    return dict(session.execute(sa.select(Dataset.identifier, Dataset.id)).all())


def _department_of(session: Session, dataset_id: int) -> int:
    return session.execute(
        sa.select(Dataset.department_id).where(Dataset.id == dataset_id)
    ).scalar_one()


def _clean(session: Session, values: Mapping[str, Any], row: int | None = None,
           ids: Mapping[str, int] | None = None) -> dict[str, Any]:
    cleaned, errors = clean_practice(values, dataset_ids=ids or _dataset_ids(session), row=row)
    if errors:
        raise ValidationFailed(errors)
    return cleaned


def _add(session: Session, actor: Actor, cleaned: dict[str, Any], summary: str) -> SharingPractice:
    now = utcnow()
    practice = SharingPractice(
        **cleaned, department_id=_department_of(session, cleaned["dataset_id"]),
        version=1, created_at=now, updated_at=now, updated_by=actor.subject,
    )
    session.add(practice)
    session.flush()
    save_version(session, actor=actor, record_type=RECORD_TYPE, row=practice, summary=summary)
    return practice


@service("inventory.create_practice")
def create_practice(*, session: Session, actor: Actor, values: Mapping[str, Any]) -> PracticePublic:
    practice = _add(session, actor, _clean(session, values), "Created")
    record_event(session, actor=actor, action="inventory.create_practice",
                 entity_type=RECORD_TYPE, entity_id=practice.id, detail={"title": practice.title})
    return PracticePublic.of(practice)


def _locked(session: Session, practice_id: int, expected_version: int | None) -> SharingPractice:
    return locked(session, SharingPractice, practice_id, expected_version, N_("practice"))


def _save(session: Session, actor: Actor, practice: SharingPractice, changes: Mapping[str, Any],
          summary: str, action: str) -> SharingPractice:
    before = snapshot_of(practice)
    changed = [k for k, v in changes.items() if before.get(k) != as_json_value(v)]
    if not changed:
        raise ValidationFailed(message=_("Nothing changed, so no new version was saved."))
    for key in changed:
        setattr(practice, key, changes[key])
    if "dataset_id" in changed:
        practice.department_id = _department_of(session, practice.dataset_id)
    practice.version += 1
    practice.updated_at = utcnow()
    practice.updated_by = actor.subject
    session.add(practice)
    session.flush()
    save_version(session, actor=actor, record_type=RECORD_TYPE, row=practice, summary=summary,
                 before=before, baseline_by=before.get("updated_by") or "system",
                 baseline_at=_parse_time(before.get("updated_at")))
    record_event(session, actor=actor, action=action, entity_type=RECORD_TYPE,
                 entity_id=practice.id, detail={"version": practice.version, "fields": changed})
    return practice


def _parse_time(value: Any) -> Any:
    from datetime import datetime

    try:
        return datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


@service("inventory.update_practice")
def update_practice(*, session: Session, actor: Actor, practice_id: int,
                    values: Mapping[str, Any], expected_version: int | None = None,
                    summary: str = "") -> PracticePublic:
    practice = _locked(session, practice_id, expected_version)
    cleaned = _clean(session, values)
    if refused := unstorable_fields({"summary": summary}):
        raise ValidationFailed(refused)
    return PracticePublic.of(_save(session, actor, practice, cleaned,
                                   summary.strip()[:500] or "Edited", "inventory.update_practice"))


@service("inventory.retire_practice")
def retire_practice(*, session: Session, actor: Actor, practice_id: int, reason: str,
                    expected_version: int | None = None) -> PracticePublic:
    reason = reason.strip()
    if not reason:
        raise ValidationFailed([FieldError("reason", _("say why the practice is retired"))])
    if refused := unstorable_fields({"reason": reason}):
        raise ValidationFailed(refused)
    practice = _locked(session, practice_id, expected_version)
    if practice.status == "retired":
        raise ValidationFailed(message=_("This practice is already retired."))
    changes: dict[str, Any] = {"status": "retired"}
    if practice.end_date is None:
        changes["end_date"] = today()
    return PracticePublic.of(_save(session, actor, practice, changes, f"Retired: {reason}"[:500],
                                   "inventory.retire_practice"))


# ---------------------------------------------------------------------------
# Import
# ---------------------------------------------------------------------------

def plan_practices(session: Session, rows: list[tuple[int, Mapping[str, Any]]]
                   ) -> tuple[ImportPlan, list[FieldError]]:
    """What a file of practices would change (``portal.roundtrip``): rows with an id update
    that practice, rows without one add a practice; no two practices share dataset and title."""
    ids = _dataset_ids(session)
    listed = _rows(session)
    plan, errors = plan_import(
        rows, noun=N_("practices"), singular=N_("practice"), columns=COLUMNS,
        current={r["id"]: export_row(r) for r in listed},
        versions={r["id"]: r["version"] for r in listed},
        clean=lambda raw, number: clean_practice(raw, dataset_ids=ids, row=number),
        labels=LABELS, vocabularies=VOCABULARIES, name_of=lambda v: v.get("title") or "",
    )
    existing = {(d, t.casefold()): i for i, d, t in session.execute(
        sa.select(SharingPractice.id, SharingPractice.dataset_id, SharingPractice.title))}
    errors += duplicates(plan, lambda v: (v["dataset_id"], v["title"].casefold()), existing,
                         "title", _("dataset and title"))
    return plan, sorted(errors, key=lambda e: e.row or 0)


@service("inventory.import_practices")
def import_practices(*, session: Session, actor: Actor,
                     rows: list[tuple[int, Mapping[str, Any]]], source: str = "",
                     dry_run: bool = False) -> ImportPlan:
    """All rows or none: any bad row refuses the whole file before anything is written.

    With ``dry_run`` only the plan is made: the preview a page and ``--dry-run`` show.
    """
    plan, errors = plan_practices(session, rows)
    if errors:
        raise ValidationFailed(errors)
    if dry_run or not plan.writes:
        return plan
    summary = f"Imported from {source or 'a file'}"
    added = [_add(session, actor, planned.values, summary) for planned in plan.added]
    for planned in plan.updated:
        assert planned.record_id is not None
        _save(session, actor, _locked(session, planned.record_id, None), planned.values, summary,
              "inventory.import_practices")
    record_event(session, actor=actor, action="inventory.import_practices",
                 entity_type=RECORD_TYPE, detail={
                     "source": source, "rows": plan.writes,
                     "added": [p.id for p in added],
                     "updated": [p.record_id for p in plan.updated],
                     "unchanged": len(plan.unchanged)})
    return plan
