"""The county's departments and datasets: the records every sharing practice hangs on.

Staff create and edit them on a page or from a spreadsheet, and each save is a new
version with a snapshot and an audit event, as for practices. A department's code and a
dataset's identifier are how files and the public catalog name them (the DCAT-US
``identifier``, the request log's department column), so once made they do not change.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, SQLModel

from portal.audit.history import VersionEntry, history, locked, save_version, snapshot_of
from portal.audit.service import as_json_value, record_event
from portal.auth.permissions import service
from portal.auth.roles import Actor
from portal.base import utcnow
from portal.coerce import Collector
from portal.errors import FieldError, NotFound, ValidationFailed
from portal.exports import to_csv, to_json
from portal.i18n import N_, _
from portal.inventory import vocab
from portal.inventory.models import Dataset, Department
from portal.roundtrip import ImportPlan, duplicates, plan_import
from portal.textsafety import unstorable_fields

ACCESS_LEVELS: dict[str, str] = {
    "public": N_("Public: anyone may have it"),
    "restricted public": N_("Restricted public: available under conditions"),
    "non-public": N_("Non-public: not released"),
}
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,15}$")
_IDENTIFIER = re.compile(r"^[a-z0-9][a-z0-9._-]{0,119}$")
_EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")


@dataclass(frozen=True)
class Kind:
    """What differs between departments and datasets; everything else is shared below."""

    model: type[SQLModel]
    record_type: str
    singular: str
    noun: str
    key: str  # the column that names a record in files; fixed once made
    columns: dict[str, tuple[str, str]]
    required: tuple[str, ...]
    read_only: tuple[str, ...]
    vocabularies: dict[str, Mapping[str, str]]

    @property
    def labels(self) -> dict[str, str]:
        return {k: v[0] for k, v in self.columns.items()}

    @property
    def extra_columns(self) -> tuple[str, ...]:
        """What an import accepts beyond ``columns``: the id it matches on, and ``read_only``."""
        return ("id", *self.read_only)

    @property
    def export_columns(self) -> list[str]:
        return ["id", *self.columns, *self.read_only]


DEPARTMENTS = Kind(
    model=Department, record_type="department", singular=N_("department"), noun="departments",
    key="code",
    columns={
        "code": ("Code", "a short code files use for the department, e.g. SHF (letters, digits, "
                 "hyphens; at most 16; cannot change once made)"),
        "name": ("Name", "the department's name (required)"),
        "description": ("Description", "what the department does, in a sentence or two"),
        "contact_email": ("Privacy contact", "the e-mail address residents may write to"),
    },
    required=("code", "name"),
    read_only=("version", "updated_at"),
    vocabularies={},
)
DATASETS = Kind(
    model=Dataset, record_type="dataset", singular=N_("dataset"), noun="datasets",
    key="identifier",
    columns={
        "identifier": ("Identifier", "the dataset's public identifier, e.g. alder-pol-incidents "
                       "(lower-case letters, digits, dots, hyphens; cannot change once made)"),
        "department": ("Steward department", "the code of the department that keeps it"),
        "title": ("Title", "the dataset's name (required)"),
        "description": ("Description", "what the dataset holds, for the public catalog"),
        "classification": ("Classification", "one of: " + ", ".join(vocab.CLASSIFICATIONS)),
        "sensitive_categories": ("Sensitive categories it holds", "separated by semicolons, any "
                                 "of: " + ", ".join(vocab.SENSITIVE_CATEGORIES)),
        "keywords": ("Keywords", "catalog keywords, separated by semicolons"),
        "access_level": ("Access level", "one of: " + ", ".join(ACCESS_LEVELS)),
        "retention_policy_days": ("Retention policy (days)", "how many days the county keeps it"),
        "modified": ("Last changed", "when the data last changed, YYYY-MM-DD"),
    },
    required=("identifier", "department", "title", "classification"),
    read_only=("department_name", "version", "updated_at"),
    vocabularies={"classification": vocab.CLASSIFICATIONS,
                  "sensitive_categories": vocab.SENSITIVE_CATEGORIES,
                  "access_level": ACCESS_LEVELS},
)


# ---------------------------------------------------------------------------
# Cleaning
# ---------------------------------------------------------------------------

def clean_department(raw: Mapping[str, Any], row: int | None = None) -> tuple[dict[str, Any], list[FieldError]]:
    c = Collector(raw, row, DEPARTMENTS.labels)
    out: dict[str, Any] = {}
    code = c.text("code", required=True)
    if code is not None and not _CODE.match(code):
        c.fail("code", _("{value}: letters, digits and hyphens, at most 16").format(value=repr(code)))
    out["code"] = code.upper() if code else code
    out["name"] = c.text("name", required=True, max_length=200)
    out["description"] = c.text("description", max_length=5_000) or ""
    email = c.text("contact_email", max_length=320)
    if email is not None and not _EMAIL.match(email):
        c.fail("contact_email", _("{value} is not an e-mail address").format(value=repr(email)))
    out["contact_email"] = email
    return out, c.errors


def _dataset_cleaner(departments: Mapping[str, int]) -> Callable[..., tuple[dict[str, Any], list[FieldError]]]:
    def clean(raw: Mapping[str, Any], row: int | None = None) -> tuple[dict[str, Any], list[FieldError]]:
        c = Collector(raw, row, DATASETS.labels)
        out: dict[str, Any] = {}
        identifier = c.text("identifier", required=True)
        if identifier is not None and not _IDENTIFIER.match(identifier):
            c.fail("identifier", _("{value}: lower-case letters, digits, dots and hyphens, at "
                                   "most 120").format(value=repr(identifier)))
        out["identifier"] = identifier
        code = c.text("department", required=True)
        if code is not None:
            if code.upper() not in departments:
                c.fail("department", _("no department with code {code}").format(code=repr(code)))
            else:
                out["department_id"] = departments[code.upper()]
        out["title"] = c.text("title", required=True, max_length=300)
        out["description"] = c.text("description", max_length=20_000) or ""
        out["classification"] = c.choice("classification", vocab.CLASSIFICATIONS)
        out["sensitive_categories"] = c.choices("sensitive_categories", vocab.SENSITIVE_CATEGORIES)
        out["keywords"] = c.items("keywords")
        out["access_level"] = c.choice("access_level", ACCESS_LEVELS, default="non-public")
        out["retention_policy_days"] = c.count("retention_policy_days", maximum=36_500)
        out["modified"] = c.day("modified")
        return out, c.errors

    return clean


def _department_codes(session: Session) -> dict[str, int]:
    return {code.upper(): i for code, i in session.execute(sa.select(Department.code, Department.id))}


# ---------------------------------------------------------------------------
# Reads and files
# ---------------------------------------------------------------------------

def _department_rows(session: Session) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in session.execute(
        sa.select(Department.id, Department.code, Department.name, Department.description,
                  Department.contact_email, Department.version, Department.updated_at)
        .order_by(Department.name, Department.id))]


def _dataset_rows(session: Session) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in session.execute(
        sa.select(Dataset.id, Dataset.identifier, Department.code.label("department"),
                  Dataset.title, Dataset.description, Dataset.classification,
                  Dataset.sensitive_categories, Dataset.keywords, Dataset.access_level,
                  Dataset.retention_policy_days, Dataset.modified,
                  Department.name.label("department_name"), Dataset.version, Dataset.updated_at)
        .join(Department, Department.id == Dataset.department_id)
        .order_by(Dataset.identifier))]


@service("inventory.list_department_records")
def list_department_records(*, session: Session, actor: Actor) -> list[dict[str, Any]]:
    """Every department as its export row: what the staff page lists and edits."""
    return _department_rows(session)


@service("inventory.list_dataset_records")
def list_dataset_records(*, session: Session, actor: Actor) -> list[dict[str, Any]]:
    """Every dataset as its export row: what the staff page lists and edits."""
    return _dataset_rows(session)


def _file(kind: Kind, rows: list[dict[str, Any]], fmt: str) -> bytes:
    if fmt == "csv":
        return to_csv(rows, kind.export_columns)
    if fmt == "json":
        return to_json([{c: row.get(c) for c in kind.export_columns} for row in rows])
    raise ValueError(f"unknown format {fmt!r}")


@service("inventory.export_departments")
def export_departments(*, session: Session, actor: Actor, fmt: str = "csv") -> bytes:
    """The file ``portal import departments`` reads back."""
    return _file(DEPARTMENTS, _department_rows(session), fmt)


@service("inventory.export_datasets")
def export_datasets(*, session: Session, actor: Actor, fmt: str = "csv") -> bytes:
    """The file ``portal import datasets`` reads back."""
    return _file(DATASETS, _dataset_rows(session), fmt)


@dataclass(frozen=True)
class RecordDetail:
    values: dict[str, Any]  # the record as its export row
    history: list[VersionEntry]


def _detail(session: Session, kind: Kind, rows: list[dict[str, Any]], record_id: int) -> RecordDetail:
    found = [r for r in rows if r["id"] == record_id]
    if not found:
        raise NotFound(_("No {kind} {id}.").format(kind=_(kind.singular), id=record_id))
    labels, vocabularies = (_steward_words(session) if kind is DATASETS
                            else (kind.labels, kind.vocabularies))
    return RecordDetail(found[0], history(session, record_type=kind.record_type,
                                          record_id=record_id, labels=labels,
                                          vocabularies=vocabularies))


@service("inventory.get_department")
def get_department(*, session: Session, actor: Actor, department_id: int) -> RecordDetail:
    return _detail(session, DEPARTMENTS, _department_rows(session), department_id)


@service("inventory.get_dataset")
def get_dataset(*, session: Session, actor: Actor, dataset_id: int) -> RecordDetail:
    return _detail(session, DATASETS, _dataset_rows(session), dataset_id)


# ---------------------------------------------------------------------------
# Writes
# ---------------------------------------------------------------------------

def _refuse(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationFailed(errors)


def _unique(session: Session, kind: Kind, value: Any, record_id: int | None) -> None:
    column = getattr(kind.model, kind.key)
    owner = session.execute(sa.select(kind.model.id).where(  # type: ignore[attr-defined]
        sa.func.upper(column) == str(value).upper())).scalar()
    if owner is not None and owner != record_id:
        raise ValidationFailed([FieldError(kind.key, _(
            "another {kind} already has {label} {value}").format(
                kind=_(kind.singular), label=_(kind.labels[kind.key]).lower(), value=repr(value)))])


def _add(session: Session, actor: Actor, kind: Kind, values: Mapping[str, Any], summary: str) -> Any:
    now = utcnow()
    row = kind.model(**values, version=1, updated_at=now, updated_by=actor.subject)
    session.add(row)
    session.flush()
    save_version(session, actor=actor, record_type=kind.record_type, row=row, summary=summary)
    return row


def _save(session: Session, actor: Actor, kind: Kind, row: Any, values: Mapping[str, Any],
          summary: str, action: str) -> bool:
    """Store ``values`` as a new version; False (and nothing stored) when nothing changed."""
    if values.get(kind.key) is not None and str(values[kind.key]) != str(getattr(row, kind.key)):
        raise ValidationFailed([FieldError(kind.key, _(
            "a {kind}'s {label} cannot change once made (it is {value})").format(
                kind=_(kind.singular), label=_(kind.labels[kind.key]).lower(),
                value=repr(getattr(row, kind.key))))])
    before = snapshot_of(row)
    changed = [k for k, v in values.items() if before.get(k) != as_json_value(v)]
    if not changed:
        return False
    for key in changed:
        setattr(row, key, values[key])
    row.version += 1
    row.updated_at = utcnow()
    row.updated_by = actor.subject
    session.add(row)
    session.flush()
    save_version(session, actor=actor, record_type=kind.record_type, row=row, summary=summary,
                 before=before, baseline_by=before.get("updated_by") or "system")
    record_event(session, actor=actor, action=action, entity_type=kind.record_type,
                 entity_id=row.id, detail={"version": row.version, "fields": changed})
    return True


def _create(session: Session, actor: Actor, kind: Kind, values: dict[str, Any], action: str) -> dict[str, Any]:
    _unique(session, kind, values[kind.key], None)
    row = _add(session, actor, kind, values, "Created")
    record_event(session, actor=actor, action=action, entity_type=kind.record_type,
                 entity_id=row.id, detail={kind.key: values[kind.key]})
    return row.model_dump()


def _update(session: Session, actor: Actor, kind: Kind, record_id: int, values: dict[str, Any],
            expected_version: int | None, summary: str, action: str) -> dict[str, Any]:
    if refused := unstorable_fields({"summary": summary}):
        raise ValidationFailed(refused)
    row = locked(session, kind.model, record_id, expected_version, kind.singular)
    if not _save(session, actor, kind, row, values, summary.strip()[:500] or "Edited", action):
        raise ValidationFailed(message=_("Nothing changed, so no new version was saved."))
    return row.model_dump()


@service("inventory.create_department")
def create_department(*, session: Session, actor: Actor, values: Mapping[str, Any]) -> dict[str, Any]:
    cleaned, errors = clean_department(values)
    _refuse(errors)
    return _create(session, actor, DEPARTMENTS, cleaned, "inventory.create_department")


@service("inventory.update_department")
def update_department(*, session: Session, actor: Actor, department_id: int,
                      values: Mapping[str, Any], expected_version: int | None = None,
                      summary: str = "") -> dict[str, Any]:
    cleaned, errors = clean_department(values)
    _refuse(errors)
    return _update(session, actor, DEPARTMENTS, department_id, cleaned, expected_version, summary,
                   "inventory.update_department")


@service("inventory.create_dataset")
def create_dataset(*, session: Session, actor: Actor, values: Mapping[str, Any]) -> dict[str, Any]:
    cleaned, errors = _dataset_cleaner(_department_codes(session))(values)
    _refuse(errors)
    return _create(session, actor, DATASETS, cleaned, "inventory.create_dataset")


@service("inventory.update_dataset")
def update_dataset(*, session: Session, actor: Actor, dataset_id: int, values: Mapping[str, Any],
                   expected_version: int | None = None, summary: str = "") -> dict[str, Any]:
    cleaned, errors = _dataset_cleaner(_department_codes(session))(values)
    _refuse(errors)
    return _update(session, actor, DATASETS, dataset_id, cleaned, expected_version, summary,
                   "inventory.update_dataset")


# ---------------------------------------------------------------------------
# Imports
# ---------------------------------------------------------------------------

def _steward_words(session: Session) -> tuple[dict[str, str], dict[str, Mapping[str, str]]]:
    """A dataset's cleaned values name its department by id: diffs say the department's name."""
    names = {str(i): f"{name} ({code})" for i, code, name in session.execute(
        sa.select(Department.id, Department.code, Department.name))}
    return ({**DATASETS.labels, "department_id": DATASETS.labels["department"]},
            {**DATASETS.vocabularies, "department_id": names})


def _import(session: Session, actor: Actor, kind: Kind, rows: list[dict[str, Any]],
            file_rows: list[tuple[int, Mapping[str, Any]]], clean: Callable[..., Any],
            source: str, dry_run: bool, action: str) -> ImportPlan:
    """All rows or none, planned first (``portal.roundtrip``); the key column may not change."""
    labels, vocabularies = (_steward_words(session) if kind is DATASETS
                            else (kind.labels, kind.vocabularies))
    plan, errors = plan_import(
        file_rows, noun=kind.noun, singular=kind.singular, columns=kind.columns,
        current={r["id"]: r for r in rows}, versions={r["id"]: r["version"] for r in rows},
        clean=clean, labels=labels, vocabularies=vocabularies,
        name_of=lambda v: str(v.get(kind.key) or ""),
    )
    by_id = {r["id"]: r for r in rows}
    errors += [FieldError(kind.key, _("cannot change once made (record {record} is {value})").format(
                   record=p.record_id, value=repr(by_id[p.record_id][kind.key])), p.row)
               for p in plan.updated if str(p.values[kind.key]).upper()
               != str(by_id[p.record_id][kind.key]).upper()]
    existing = {str(r[kind.key]).upper(): r["id"] for r in rows}
    errors += duplicates(plan, lambda v: str(v[kind.key]).upper(), existing, kind.key,
                         kind.labels[kind.key].lower())
    _refuse(sorted(errors, key=lambda e: e.row or 0))
    if dry_run or not plan.writes:
        return plan
    summary = f"Imported from {source or 'a file'}"
    added = [_add(session, actor, kind, p.values, summary).id for p in plan.added]
    for p in plan.updated:
        assert p.record_id is not None
        _save(session, actor, kind, locked(session, kind.model, p.record_id, None, kind.singular),
              p.values, summary, action)
    record_event(session, actor=actor, action=action, entity_type=kind.record_type,
                 detail={"source": source, "rows": plan.writes, "added": added,
                         "updated": [p.record_id for p in plan.updated],
                         "unchanged": len(plan.unchanged)})
    return plan


@service("inventory.import_departments")
def import_departments(*, session: Session, actor: Actor,
                       rows: list[tuple[int, Mapping[str, Any]]], source: str = "",
                       dry_run: bool = False) -> ImportPlan:
    return _import(session, actor, DEPARTMENTS, _department_rows(session), rows,
                   clean_department, source, dry_run, "inventory.import_departments")


@service("inventory.import_datasets")
def import_datasets(*, session: Session, actor: Actor,
                    rows: list[tuple[int, Mapping[str, Any]]], source: str = "",
                    dry_run: bool = False) -> ImportPlan:
    return _import(session, actor, DATASETS, _dataset_rows(session), rows,
                   _dataset_cleaner(_department_codes(session)), source, dry_run,
                   "inventory.import_datasets")
