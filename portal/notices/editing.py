"""Staff writes on surveillance notices: create, drafts, publish, comment periods, status.

Every write snapshots the published record and writes the audit log; a published
version is never changed, only followed by a new one.
"""

from __future__ import annotations

import json
import math
import re
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, func, select

from portal.audit.models import RecordVersion
from portal.audit.service import record_event, record_version
from portal.auth.permissions import service
from portal.auth.roles import Actor
from portal.base import utcnow
from portal.errors import Conflict, FieldError, ValidationFailed
from portal.geography.models import District
from portal.i18n import _
from portal.inventory.models import Department
from portal.notices import vocab
from portal.notices.geo import check_locations, shapes_from
from portal.notices.models import DeploymentLocation, NoticeVersion, SurveillanceTechnology
from portal.notices.service import _draft, _locations, _published_versions
from portal.notices.window import comment_state, technology_or_404
from portal.tabular import load_json
from portal.textsafety import unstorable, unstorable_in

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{1,118}[a-z0-9]$")
TEXT_LIMITS = {"vendor": 200, "approving_authority": 300}

# ---------------------------------------------------------------------------
# Staff: drafting and publishing
# ---------------------------------------------------------------------------

def clean_content(content: dict[str, Any], row: int | None = None) -> tuple[dict[str, Any], list[FieldError]]:
    """Notice content checked field by field; unknown keys are refused, not dropped."""
    cleaned: dict[str, Any] = {}
    errors: list[FieldError] = []
    for name, value in content.items():
        if name in vocab.TEXT_FIELDS:
            text = "" if value is None else str(value).strip()
            limit = TEXT_LIMITS.get(name)
            if limit and len(text) > limit:
                errors.append(FieldError(name, _("at most {n} characters").format(n=limit), row))
            if reason := unstorable(text):
                errors.append(FieldError(name, reason, row))
            cleaned[name] = text
        elif name in ("fiscal_acquisition_cost", "fiscal_ongoing_cost"):
            if value in (None, ""):
                cleaned[name] = None
                continue
            try:
                number = float(str(value).replace(",", "").replace("$", "").strip())
            except ValueError:
                errors.append(FieldError(name, _("not a number: {value}").format(value=repr(value)),
                                         row))
                continue
            if number < 0 or not math.isfinite(number):
                errors.append(FieldError(name, _("must be a sum of zero or more"), row))
                continue
            cleaned[name] = number
        elif name == "approved_on":
            if value in (None, ""):
                cleaned[name] = None
            elif isinstance(value, datetime):  # a spreadsheet's date cell
                cleaned[name] = value.date()
            elif isinstance(value, date):
                cleaned[name] = value
            else:
                try:
                    cleaned[name] = date.fromisoformat(str(value).strip())
                except ValueError:
                    errors.append(FieldError(name, _("a date as YYYY-MM-DD"), row))
        elif name == "annual_report":
            if value in (None, ""):
                cleaned[name] = {}
                continue
            if isinstance(value, str):
                try:
                    value = load_json(value)
                except json.JSONDecodeError:
                    errors.append(FieldError(name, _("JSON object of figures"), row))
                    continue
            if not isinstance(value, dict):
                errors.append(FieldError(name, _("JSON object of figures"), row))
                continue
            if reason := unstorable_in(value):
                errors.append(FieldError(name, reason, row))
                continue
            cleaned[name] = value
        else:
            errors.append(FieldError(name, _("not a field of a notice"), row))
    return cleaned, errors


def _shapes(session: Session):
    return shapes_from(session.exec(select(District)).all())


def _place(session: Session, version: NoticeVersion, raw: list[dict[str, Any]],
           row: int | None = None) -> int:
    locations, errors = check_locations(raw, _shapes(session), row=row)
    if errors:
        raise ValidationFailed(errors)
    for loc in _locations(session, version.id):  # type: ignore[arg-type]
        session.delete(loc)
    session.flush()
    for loc in locations:
        session.add(DeploymentLocation(
            notice_version_id=version.id, technology_id=version.technology_id,
            district_id=loc.district_id, label=loc.label, latitude=loc.latitude,
            longitude=loc.longitude, geometry=loc.geometry,
        ))
    session.flush()
    return len(locations)


def _check_identity(session: Session, *, slug: str, name: str, category: str,
                    department_id: int | None, status: str, row: int | None = None,
                    existing_id: int | None = None) -> list[FieldError]:
    errors = []
    if not SLUG.match(slug):
        errors.append(FieldError("slug", _("3–120 lower-case letters, digits and hyphens"), row))
    else:
        other = session.exec(
            select(SurveillanceTechnology.id).where(SurveillanceTechnology.slug == slug)
        ).first()
        if other is not None and other != existing_id:
            errors.append(FieldError("slug", _("{value} is already used").format(value=repr(slug)),
                                     row))
    if not name:
        errors.append(FieldError("name", _("a technology needs a name"), row))
    elif len(name) > 200:
        errors.append(FieldError("name", _("at most {n} characters").format(n=200), row))
    elif reason := unstorable(name):
        errors.append(FieldError("name", reason, row))
    if category not in vocab.CATEGORIES:
        errors.append(FieldError("category", _("unknown category {category}").format(
            category=repr(category)), row))
    if status not in vocab.STATUSES:
        errors.append(FieldError("status", _("unknown status {status}").format(
            status=repr(status)), row))
    if department_id is None or session.get(Department, department_id) is None:
        errors.append(FieldError("department", _("unknown department"), row))
    return errors


@service("notices.department_choices")
def department_choices(*, session: Session, actor: Actor) -> dict[int, str]:
    """Departments a new technology may belong to, by name."""
    return {d.id: d.name for d in session.exec(select(Department).order_by(Department.name))}  # type: ignore[misc]


@service("notices.create")
def create_technology(
    *,
    session: Session,
    actor: Actor,
    slug: str,
    name: str,
    category: str,
    department_id: int | None,
    status: str = "proposed",
    content: dict[str, Any] | None = None,
    locations: list[dict[str, Any]] | None = None,
) -> SurveillanceTechnology:
    """A new technology with its first notice as a draft: residents see nothing until it is published."""
    slug, name = slug.strip().lower(), name.strip()
    errors = _check_identity(session, slug=slug, name=name, category=category,
                             department_id=department_id, status=status)
    cleaned, content_errors = clean_content(content or {})
    errors += content_errors
    if errors:
        raise ValidationFailed(errors)
    tech = SurveillanceTechnology(slug=slug, name=name, category=category,
                                  department_id=department_id, status=status)  # type: ignore[arg-type]
    session.add(tech)
    session.flush()
    draft = NoticeVersion(technology_id=tech.id, version=1, created_by=actor.subject, **cleaned)  # type: ignore[arg-type]
    session.add(draft)
    session.flush()
    placed = _place(session, draft, locations or [])
    record_event(session, actor=actor, action="notices.create", entity_type="surveillance_technology",
                 entity_id=tech.id, detail={"slug": slug, "name": name, "locations": placed})
    return tech


@service("notices.save_draft")
def save_draft(
    *,
    session: Session,
    actor: Actor,
    technology_id: int,
    content: dict[str, Any] | None = None,
    locations: list[dict[str, Any]] | None = None,
) -> NoticeVersion:
    """Change the draft (starting one from the latest published version if there is none).

    Only the fields in ``content`` change; ``locations``, when given, replace the draft's.
    """
    technology_or_404(session, technology_id)  # refused before anything is checked
    cleaned, errors = clean_content(content or {})
    if errors:
        raise ValidationFailed(errors)
    draft = _draft(session, technology_id)
    started = draft is None
    if draft is None:
        published = _published_versions(session, technology_id)
        base = published[-1] if published else None
        copied = {f: getattr(base, f) for f in (*vocab.TEXT_FIELDS, *vocab.OTHER_FIELDS)} if base else {}
        copied["change_summary"] = ""
        draft = NoticeVersion(technology_id=technology_id,
                              version=(base.version + 1) if base else 1,
                              created_by=actor.subject, **copied)
        session.add(draft)
        session.flush()
        if base is not None and locations is None:
            locations = [
                {"label": loc.label, "latitude": loc.latitude, "longitude": loc.longitude,
                 "geometry": loc.geometry}
                for loc in _locations(session, base.id)  # type: ignore[arg-type]
            ]
    for name, value in cleaned.items():
        setattr(draft, name, value)
    session.add(draft)
    session.flush()
    if locations is not None:
        _place(session, draft, locations)
    record_event(session, actor=actor, action="notices.save_draft", entity_type="notice_version",
                 entity_id=draft.id, detail={"technology_id": technology_id,
                                             "version": draft.version, "started": started,
                                             "fields": sorted(cleaned)})
    return draft


def _snapshot(session: Session, version: NoticeVersion) -> dict[str, Any]:
    data = version.model_dump(exclude={"id"})
    data["locations"] = [loc.model_dump(exclude={"id", "notice_version_id"})
                         for loc in _locations(session, version.id)]  # type: ignore[arg-type]
    return data


@service("notices.publish")
def publish(*, session: Session, actor: Actor, technology_id: int,
            now: datetime | None = None) -> NoticeVersion:
    """Publish the draft as the current notice; earlier versions stay exactly as they were."""
    tech = technology_or_404(session, technology_id)
    draft = _draft(session, technology_id)
    if draft is None:
        raise Conflict(_("There is no draft to publish: edit the notice first."))
    errors = [FieldError(f, _("needed before publishing"))
              for f in vocab.REQUIRED_TO_PUBLISH if not getattr(draft, f).strip()]
    if draft.version > 1 and not draft.change_summary.strip():
        errors.append(FieldError("change_summary", _("say what changed in this version")))
    if errors:
        raise ValidationFailed(errors)
    now = now or utcnow()
    draft.published_at = now
    tech.is_published = True
    tech.updated_at = now
    session.add_all([draft, tech])
    session.flush()
    record_version(session, actor=actor, record_type="notice_version", record_id=tech.id,  # type: ignore[arg-type]
                   version=draft.version, data=_snapshot(session, draft),
                   summary=draft.change_summary or "First published version")
    record_event(session, actor=actor, action="notices.publish", entity_type="surveillance_technology",
                 entity_id=tech.id, detail={"version": draft.version})
    return draft


def _record_technology(session: Session, actor: Actor, tech: SurveillanceTechnology,
                       action: str, detail: dict[str, Any]) -> None:
    session.add(tech)
    session.flush()
    if tech.is_published:
        previous = session.exec(
            select(func.max(RecordVersion.version)).where(
                RecordVersion.record_type == "surveillance_technology",
                RecordVersion.record_id == tech.id)
        ).one()
        record_version(session, actor=actor, record_type="surveillance_technology",
                       record_id=tech.id, version=(previous or 0) + 1,  # type: ignore[arg-type]
                       data=tech.model_dump(exclude={"id"}), summary=action)
    record_event(session, actor=actor, action=action, entity_type="surveillance_technology",
                 entity_id=tech.id, detail=detail)


def change_identity(session: Session, actor: Actor, tech: SurveillanceTechnology,
                    changes: dict[str, Any], action: str, detail: dict[str, Any] | None = None
                    ) -> dict[str, dict[str, Any]]:
    """Give ``tech`` the name, category or department in ``changes`` (already checked):
    a snapshot of a published record and an audit event, never a silent edit. The slug, and so
    the notice's address, stays. Returns what changed, ``{field: {"from": …, "to": …}}``."""
    changed = {name: {"from": getattr(tech, name), "to": value}
               for name, value in changes.items() if getattr(tech, name) != value}
    if changed:
        for name, change in changed.items():
            setattr(tech, name, change["to"])
        tech.updated_at = utcnow()
        _record_technology(session, actor, tech, action, {"changed": changed, **(detail or {})})
    return changed


@service("notices.set_identity")
def set_identity(*, session: Session, actor: Actor, technology_id: int, name: str,
                 category: str, department_id: int | None) -> SurveillanceTechnology:
    """Rename a technology or change its category or department. Its slug stays, so every
    link to its notice keeps working; a published technology's earlier state is kept."""
    tech = technology_or_404(session, technology_id)
    name = name.strip()
    errors = [e for e in _check_identity(session, slug=tech.slug, name=name, category=category,
                                         department_id=department_id, status=tech.status,
                                         existing_id=tech.id)
              if e.field != "slug"]  # the slug is not changing
    if errors:
        raise ValidationFailed(errors)
    if not change_identity(session, actor, tech, {"name": name, "category": category,
                                                  "department_id": department_id},
                           "notices.set_identity"):
        raise ValidationFailed(message=_("Nothing changed: the name, category and department "
                                         "are already as given."))
    return tech


def _aware_required(value: datetime, field: str) -> FieldError | None:
    return FieldError(field, _("give the time with its time zone")) if value.tzinfo is None else None


@service("notices.set_comment_period")
def set_comment_period(*, session: Session, actor: Actor, technology_id: int,
                       opens_at: datetime, closes_at: datetime) -> SurveillanceTechnology:
    tech = technology_or_404(session, technology_id)
    errors = [e for e in (_aware_required(opens_at, "opens_at"),
                          _aware_required(closes_at, "closes_at")) if e]
    if not errors and closes_at <= opens_at:
        errors.append(FieldError("closes_at", _("the closing date must follow the opening date")))
    if tech.status == "retired":
        errors.append(FieldError("status", _("a retired technology takes no comments")))
    if errors:
        raise ValidationFailed(errors)
    tech.comment_opens_at, tech.comment_closes_at = opens_at, closes_at
    tech.updated_at = utcnow()
    _record_technology(session, actor, tech, "notices.set_comment_period",
                       {"opens_at": opens_at.isoformat(), "closes_at": closes_at.isoformat()})
    return tech


@service("notices.close_comment_period")
def close_comment_period(*, session: Session, actor: Actor, technology_id: int,
                         now: datetime | None = None) -> SurveillanceTechnology:
    """Close an open period now, or cancel one that has not opened yet."""
    tech = technology_or_404(session, technology_id)
    now = now or utcnow()
    state = comment_state(tech, now)
    if state == "open":
        tech.comment_closes_at = now
    elif state == "upcoming":
        tech.comment_opens_at = tech.comment_closes_at = None
    else:
        raise ValidationFailed([FieldError("comment period",
                                           _("no comment period is open or planned"))])
    tech.updated_at = now
    _record_technology(session, actor, tech, "notices.close_comment_period", {"was": state})
    return tech


@service("notices.set_status")
def set_status(*, session: Session, actor: Actor, technology_id: int, status: str,
               now: datetime | None = None) -> SurveillanceTechnology:
    """Move a technology along its lifecycle; retiring it also ends any comment period."""
    tech = technology_or_404(session, technology_id)
    if status not in vocab.STATUSES:
        raise ValidationFailed([FieldError("status", _("unknown status {status}").format(
            status=repr(status)))])
    if status not in vocab.TRANSITIONS[tech.status]:
        allowed_next = ", ".join(_(vocab.STATUSES[s]) for s in sorted(vocab.TRANSITIONS[tech.status]))
        refusal = (_("{before} cannot become {after} (it may become: {allowed})") if allowed_next
                   else _("{before} cannot become {after} (it is final)"))
        raise ValidationFailed([FieldError("status", refusal.format(
            before=_(vocab.STATUSES[tech.status]), after=_(vocab.STATUSES[status]),
            allowed=allowed_next))])
    now = now or utcnow()
    before = tech.status
    tech.status = status
    if status == "retired":
        state = comment_state(tech, now)
        if state == "open":
            tech.comment_closes_at = now
        elif state == "upcoming":
            tech.comment_opens_at = tech.comment_closes_at = None
    tech.updated_at = now
    _record_technology(session, actor, tech, "notices.set_status", {"from": before, "to": status})
    return tech
