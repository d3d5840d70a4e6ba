"""Importing a batch of notices from CSV or JSON: every row or none.

Real notices are long and uneven, so a row may leave content fields out (a
new notice is then a draft with those fields empty; an existing one keeps
what its latest version says) and may list several locations in one cell:
``Label (lat, lon); Label (lat, lon)``, a JSON list of ``{label, latitude,
longitude, geometry}``, or a GeoJSON FeatureCollection. Rows are numbered
from 1, the first notice after the CSV header.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, select

from portal.auth.permissions import service
from portal.auth.roles import Actor
from portal.errors import FieldError, PortalError, ValidationFailed
from portal.geography.models import District
from portal.inventory.models import Department
from portal.notices import vocab
from portal.notices.editing import (
    _check_identity,
    _record_technology,
    clean_content,
    create_technology,
    publish,
    save_draft,
    set_status,
)
from portal.notices.geo import check_locations, locations_from_geojson, shapes_from
from portal.notices.models import SurveillanceTechnology
from portal.notices.service import _draft, _published_versions

IDENTITY = ("slug", "name", "category", "department", "status")
CONTENT = (*vocab.TEXT_FIELDS, *vocab.OTHER_FIELDS)
COLUMNS = (*IDENTITY, *CONTENT, "locations")
_PLACE = re.compile(r"^(?P<label>.+?)\s*\(\s*(?P<lat>[-+]?[\d.]+)\s*,\s*(?P<lon>[-+]?[\d.]+)\s*\)$")


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    published: list[str] = field(default_factory=list)


def read_rows(data: bytes, filename: str) -> list[dict[str, Any]]:
    """The file's notices as dicts; refuses a file that is not CSV or JSON as described."""
    name = filename.lower()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationFailed([FieldError("file", "not UTF-8 text")]) from None
    if name.endswith(".json"):
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValidationFailed([FieldError("file", f"not valid JSON: {exc}")]) from None
        if isinstance(parsed, dict):
            parsed = parsed.get("notices")
        if not isinstance(parsed, list) or not all(isinstance(r, dict) for r in parsed):
            raise ValidationFailed([FieldError(
                "file", 'expected a list of notices, or {"notices": [...]}')])
        return parsed
    if name.endswith(".csv"):
        reader = csv.DictReader(io.StringIO(text, newline=""))
        unknown = [c for c in reader.fieldnames or [] if c and c.strip() not in COLUMNS]
        if unknown:
            raise ValidationFailed([FieldError("columns", f"unknown column {c!r}") for c in unknown])
        return [{k.strip(): v for k, v in row.items() if k} for row in reader]
    raise ValidationFailed([FieldError("file", "give a .csv or .json file")])


def parse_locations(value: Any) -> list[dict[str, Any]] | str:
    if value in (None, "", []):
        return []
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        found = locations_from_geojson(json.dumps(value))
        return found
    text = str(value).strip()
    if text.startswith("["):
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError as exc:
            return f"not valid JSON ({exc.msg})"
        return parsed if isinstance(parsed, list) else "expected a list of locations"
    if text.startswith("{"):
        return locations_from_geojson(text)
    places = []
    for part in re.split(r"[;\n]+", text):
        part = part.strip()
        if not part:
            continue
        match = _PLACE.match(part)
        if not match:
            return f"{part!r} is not written as Label (latitude, longitude)"
        places.append({"label": match["label"], "latitude": match["lat"],
                       "longitude": match["lon"]})
    return places


@dataclass
class _Row:
    number: int
    slug: str
    identity: dict[str, Any]
    content: dict[str, Any]
    locations: list[dict[str, Any]] | None
    existing: SurveillanceTechnology | None


def _check(session: Session, rows: list[dict[str, Any]], publishing: bool) -> list[_Row]:
    departments = {}
    for dep in session.exec(select(Department)).all():
        departments[dep.code.lower()] = dep.id
        departments[dep.name.lower()] = dep.id
    shapes = shapes_from(session.exec(select(District)).all())
    errors: list[FieldError] = []
    checked: list[_Row] = []
    seen: set[str] = set()
    if not rows:
        raise ValidationFailed([FieldError("file", "holds no notices")])
    for n, raw in enumerate(rows, start=1):
        unknown = [k for k in raw if k not in COLUMNS]
        errors += [FieldError(k, "not a field of a notice", n) for k in unknown]
        slug = str(raw.get("slug") or "").strip().lower()
        if slug in seen:
            errors.append(FieldError("slug", f"{slug!r} appears twice in the file", n))
        seen.add(slug)
        existing = session.exec(
            select(SurveillanceTechnology).where(SurveillanceTechnology.slug == slug)
        ).first() if slug else None
        identity = {
            "name": str(raw.get("name") or (existing.name if existing else "")).strip(),
            "category": str(raw.get("category") or (existing.category if existing else "")).strip(),
            "status": str(raw.get("status") or (existing.status if existing else "proposed")).strip(),
        }
        department = str(raw.get("department") or "").strip().lower()
        identity["department_id"] = (departments.get(department) if department
                                     else existing.department_id if existing else None)
        errors += _check_identity(session, slug=slug, row=n,
                                  existing_id=existing.id if existing else None, **identity)
        content, content_errors = clean_content(
            {k: v for k, v in raw.items() if k in CONTENT and v not in (None,)}, row=n)
        errors += content_errors
        located = parse_locations(raw.get("locations"))
        locations: list[dict[str, Any]] | None = None
        if isinstance(located, str):
            errors.append(FieldError("locations", located, n))
        else:
            _, location_errors = check_locations(located, shapes, row=n)
            errors += location_errors
            # An existing notice keeps its locations when the row leaves the cell empty.
            locations = located if (located or existing is None) else None
        if publishing:
            base = None
            if existing is not None:
                base = _draft(session, existing.id) or (_published_versions(session, existing.id) or [None])[-1]  # type: ignore[arg-type]
            for name in vocab.REQUIRED_TO_PUBLISH:
                value = content.get(name, getattr(base, name, "") if base else "")
                if not str(value or "").strip():
                    errors.append(FieldError(name, "needed before publishing", n))
        checked.append(_Row(n, slug, identity, content, locations, existing))
    if errors:
        raise ValidationFailed(errors)
    return checked


@service("notices.import")
def import_notices(
    *, session: Session, actor: Actor, rows: list[dict[str, Any]], publish_all: bool = False,
) -> ImportResult:
    """Create or update each row's notice as a draft (and publish it if asked).

    Everything is checked before anything is written; the caller's unit of work
    rolls back if a write still fails, so the database holds all rows or none.
    """
    result = ImportResult()
    for row in _check(session, rows, publish_all):
        try:
            if row.existing is None:
                tech = create_technology(session=session, actor=actor, slug=row.slug,
                                         content=row.content, locations=row.locations,
                                         **row.identity)
                result.created.append(row.slug)
            else:
                tech = row.existing
                # Identity changes to a live record go through the same path as the
                # staff page: a snapshot and an audit event, never a silent edit.
                changed = {
                    field: {"from": getattr(tech, field), "to": row.identity[field]}
                    for field in ("name", "category", "department_id")
                    if getattr(tech, field) != row.identity[field]
                }
                if changed:
                    for field, change in changed.items():
                        setattr(tech, field, change["to"])
                    _record_technology(session, actor, tech, "notices.import_identity",
                                       {"changed": changed, "source": "import"})
                if row.identity["status"] != tech.status:
                    # Checks the lifecycle, and retiring ends any comment period.
                    set_status(session=session, actor=actor, technology_id=tech.id,  # type: ignore[arg-type]
                               status=row.identity["status"])
                draft = save_draft(session=session, actor=actor, technology_id=tech.id,  # type: ignore[arg-type]
                                   content=row.content, locations=row.locations)
                if publish_all and draft.version > 1 and not draft.change_summary:
                    draft.change_summary = "Updated by a batch import."
                    session.add(draft)
                result.updated.append(row.slug)
            if publish_all:
                publish(session=session, actor=actor, technology_id=tech.id)  # type: ignore[arg-type]
                result.published.append(row.slug)
        except ValidationFailed as error:
            raise ValidationFailed([FieldError(e.field, e.message, row.number)
                                    for e in error.errors]) from None
        except PortalError as error:
            raise ValidationFailed([FieldError("row", str(error), row.number)]) from None
    return result
