"""Indicator definitions: what each figure measures, in whose words, and how it changed.

Definitions are versioned like sharing practices: every save stores a snapshot and an
audit event, so a resident can see when "per 1,000 residents" became "per 1,000
households" and who changed it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator
from sqlmodel import Session, select

from portal.audit.history import VersionEntry, history, locked, save_version, snapshot_of
from portal.audit.service import as_json_value, record_event
from portal.auth.permissions import service
from portal.auth.roles import Actor
from portal.base import utcnow
from portal.coerce import FALSE, SLUG, TRUE
from portal.errors import FieldError, ValidationFailed
from portal.i18n import N_, _
from portal.indicators.models import Indicator
from portal.indicators.vocab import UNITS
from portal.inventory.models import Department
from portal.textsafety import unstorable, unstorable_fields

RECORD_TYPE = "indicator"
LABELS = {
    "slug": "Address name", "name": "Name", "unit": "Unit", "rate_per": "Rate per",
    "description": "Definition", "department_id": "Department", "source": "Source",
    "caveats": "Caveats", "update_frequency": "Updated", "is_published": "Published",
}


class IndicatorIn(BaseModel):
    """A definition as staff or a file give it; validation messages are shown to them."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="ignore")

    slug: str
    name: str
    unit: str
    rate_per: int | None = None
    description: str = ""
    department: str | None = None  # a department code
    source: str = ""
    caveats: str = ""
    update_frequency: str = ""
    is_published: bool = True

    @field_validator("slug")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG.match(value):
            raise ValueError(_("use lower-case letters, digits and hyphens (eviction-filings)"))
        return value

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not value or len(value) > 200:
            raise ValueError(_("give a name of 1 to 200 characters"))
        return value

    @field_validator("unit")
    @classmethod
    def _unit(cls, value: str) -> str:
        if value.lower() not in UNITS:
            raise ValueError(_("choose one of {units}").format(units=", ".join(UNITS)))
        return value.lower()

    @field_validator("rate_per")
    @classmethod
    def _rate_per(cls, value: int | None) -> int | None:
        if value is not None and value < 1:
            raise ValueError(_("a rate is per a positive number of people (1,000)"))
        return value

    @field_validator("source", "update_frequency")
    @classmethod
    def _short(cls, value: str, info: Any) -> str:
        limit = 300 if info.field_name == "source" else 40
        if len(value) > limit:
            raise ValueError(_("at most {n} characters").format(n=limit))
        return value


#: Pydantic's own refusals, by kind, in words staff read (and in their language).
_PYDANTIC_REASONS = {
    "missing": N_("this is required"),
    "int_parsing": N_("give a whole number"),
    "int_from_float": N_("give a whole number"),
    "int_type": N_("give a whole number"),
    "bool_parsing": N_("answer yes or no"),
    "bool_type": N_("answer yes or no"),
    "string_type": N_("give text"),
}


def _reason(error: Mapping[str, Any]) -> str:
    """One refusal from pydantic: the portal's own wording, else pydantic's English."""
    if error["type"] == "value_error":  # raised by a validator above, already in words
        return str(error["ctx"]["error"])
    known = _PYDANTIC_REASONS.get(error["type"])
    return _(known) if known else str(error["msg"])


def _blank_to_none(values: Mapping[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in values.items():
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if key == "rate_per" and isinstance(value, float) and value.is_integer():
            value = int(value)
        if key == "is_published" and isinstance(value, str):
            # The yes/no words every import accepts; anything else is refused by validation.
            text = value.strip().lower()
            value = True if text in TRUE else False if text in FALSE else value
        out[key] = value
    return out


def clean_definition(values: Mapping[str, Any], departments: Mapping[str, int],
                     row: int | None = None) -> tuple[dict[str, Any], list[FieldError]]:
    """The table's values for one definition, or the reasons it is refused."""
    broken = [FieldError(str(key), reason, row) for key, value in values.items()
              if isinstance(value, str) and (reason := unstorable(value))]
    if broken:
        return {}, broken
    try:
        given = IndicatorIn.model_validate(_blank_to_none(values))
    except ValidationError as error:
        return {}, [FieldError(str(e["loc"][0]) if e["loc"] else "definition", _reason(e), row)
                    for e in error.errors()]
    errors = []
    if given.unit == "rate" and not given.rate_per:
        errors.append(FieldError("rate_per", _("a rate needs rate_per (1000 for per 1,000)"), row))
    department_id = None
    if given.department:
        department_id = departments.get(given.department.upper())
        if department_id is None:
            errors.append(FieldError("department", _("unknown department {code}").format(
                code=repr(given.department)), row))
    cleaned = given.model_dump(exclude={"department"})
    cleaned["department_id"] = department_id
    if given.unit != "rate":
        cleaned["rate_per"] = None
    return cleaned, errors


def _departments(session: Session) -> dict[str, int]:
    return {code.upper(): i for code, i in session.execute(sa.select(Department.code, Department.id))}


def _create(session: Session, actor: Actor, cleaned: dict[str, Any], summary: str) -> Indicator:
    if session.exec(select(Indicator.id).where(Indicator.slug == cleaned["slug"])).first():
        raise ValidationFailed([FieldError("slug", _("an indicator {slug} exists already").format(
            slug=repr(cleaned["slug"])))])
    indicator = Indicator(**cleaned, version=1, updated_at=utcnow(), updated_by=actor.subject)
    session.add(indicator)
    session.flush()
    save_version(session, actor=actor, record_type=RECORD_TYPE, row=indicator, summary=summary)
    record_event(session, actor=actor, action="indicators.create_definition",
                 entity_type=RECORD_TYPE, entity_id=indicator.id, detail={"slug": indicator.slug})
    return indicator


def _save(session: Session, actor: Actor, indicator: Indicator, cleaned: Mapping[str, Any],
          summary: str) -> list[str]:
    """Apply the changed fields as a new version; returns their names (empty: nothing saved)."""
    before = snapshot_of(indicator)
    changed = [k for k, v in cleaned.items() if before.get(k) != as_json_value(v)]
    if not changed:
        return []
    for key in changed:
        setattr(indicator, key, cleaned[key])
    indicator.version += 1
    indicator.updated_at = utcnow()
    indicator.updated_by = actor.subject
    session.add(indicator)
    session.flush()
    save_version(session, actor=actor, record_type=RECORD_TYPE, row=indicator, summary=summary,
                 before=before, baseline_by=before.get("updated_by") or "system")
    record_event(session, actor=actor, action="indicators.update_definition",
                 entity_type=RECORD_TYPE, entity_id=indicator.id,
                 detail={"version": indicator.version, "fields": changed})
    return changed


@service("indicators.create_definition")
def create_definition(*, session: Session, actor: Actor, values: Mapping[str, Any]) -> Indicator:
    cleaned, errors = clean_definition(values, _departments(session))
    if errors:
        raise ValidationFailed(errors)
    return _create(session, actor, cleaned, "Created")


@service("indicators.update_definition")
def update_definition(*, session: Session, actor: Actor, indicator_id: int,
                      values: Mapping[str, Any], expected_version: int | None = None,
                      summary: str = "") -> Indicator:
    indicator = locked(session, Indicator, indicator_id, expected_version, N_("indicator"))
    cleaned, errors = clean_definition({**values, "slug": indicator.slug}, _departments(session))
    if errors:
        raise ValidationFailed(errors)
    if refused := unstorable_fields({"summary": summary}):
        raise ValidationFailed(refused)
    if not _save(session, actor, indicator, cleaned, summary.strip()[:500] or "Edited"):
        raise ValidationFailed(message=_("Nothing changed, so no new version was saved."))
    return indicator


@service("indicators.import_definitions")
def import_definitions(*, session: Session, actor: Actor,
                       rows: list[tuple[int, Mapping[str, Any]]], source: str = "",
                       dry_run: bool = False) -> int:
    """Add new slugs and update known ones (a new version each); all rows or none.

    Returns how many definitions were added or changed (with ``dry_run``, how many rows
    are valid, and nothing is written).
    """
    departments = _departments(session)
    existing = {i.slug: i for i in session.exec(select(Indicator)).all()}
    cleaned_rows, errors, seen = [], [], {}
    for number, values in rows:
        cleaned, problems = clean_definition(values, departments, number)
        errors += problems
        if cleaned:
            if cleaned["slug"] in seen:
                errors.append(FieldError("slug", _("{slug} is also on row {row}").format(
                    slug=repr(cleaned["slug"]), row=seen[cleaned["slug"]]), number))
            seen[cleaned["slug"]] = number
            cleaned_rows.append(cleaned)
    if errors:
        raise ValidationFailed(errors)
    if dry_run:
        return len(cleaned_rows)
    changed = 0
    summary = f"Imported from {source}" if source else "Imported"
    for cleaned in cleaned_rows:
        known = existing.get(cleaned["slug"])
        if known is None:
            _create(session, actor, cleaned, summary)
            changed += 1
        elif _save(session, actor, known, cleaned, summary):
            changed += 1
    return changed


@service("indicators.get_definition_history")
def definition_history(*, session: Session, actor: Actor, indicator_id: int) -> list[VersionEntry]:
    return history(session, record_type=RECORD_TYPE, record_id=indicator_id, labels=LABELS,
                   vocabularies={"unit": UNITS})
