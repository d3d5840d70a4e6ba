"""Notices as a file and back: ``portal export notices``, and the import that reads it.

The export holds every technology (drafts included: it is for staff) with the
content of its latest version and where it is deployed, plus columns for
readers (``READ_ONLY``: the department's name, the version, dates, the comment
period) that the import recognises and ignores. Rows are matched to
technologies by ``slug``, the stable key that is also the notice's address; a
row with a new slug adds a technology.

Real notices are long and uneven, so a row may leave columns out, or a cell
empty, for a name, category, department, status or locations: the notice keeps
what it has. An empty content cell (in CSV or XLSX) empties that field, and in
JSON a ``null`` keeps it. Several locations share one cell: ``Label (lat, lon);
Label (lat, lon)``, a JSON list of ``{label, latitude, longitude, geometry}``, or
a GeoJSON FeatureCollection.

Before anything is written the import makes an ``ImportPlan`` (``portal.roundtrip``):
each row added, updated (with what changes, field by field) or unchanged. Only
what a row changes is written, through the staff's own services: a changed
content field or location goes to the draft (started from the published version
when there is none), a changed name, category or department and a changed status
are audited as on the staff page. A row that says what the notice already says
writes nothing, so importing the same file twice changes nothing the second time.
Every row or none: any bad row refuses the file, with its row, column and reason.
CSV and XLSX rows are numbered as a spreadsheet numbers them (the header is row 1);
JSON rows from 1.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from portal.audit.history import Change, diff
from portal.audit.service import as_json_value, record_event
from portal.auth.permissions import service
from portal.auth.roles import Actor
from portal.errors import FieldError, PortalError, ValidationFailed
from portal.exports import to_csv, to_json
from portal.geography.models import District
from portal.i18n import _
from portal.i18n import number as shown_number
from portal.inventory.models import Department
from portal.notices import vocab
from portal.notices.editing import (
    _check_identity,
    change_identity,
    clean_content,
    create_technology,
    publish,
    save_draft,
    set_status,
)
from portal.notices.geo import LocationInput, check_locations, locations_from_geojson, shapes_from
from portal.notices.models import DeploymentLocation, NoticeVersion, SurveillanceTechnology
from portal.roundtrip import ImportPlan, PlannedRow
from portal.settings import get_settings
from portal.tabular import check_columns, check_size, load_json, read_table

IDENTITY = ("slug", "name", "category", "department", "status")
CONTENT = (*vocab.TEXT_FIELDS, *vocab.OTHER_FIELDS)
COLUMNS = (*IDENTITY, *CONTENT, "locations")
#: Columns the export adds for readers; an import of the export recognises and ignores them
#: (``version`` also tells it which version a row was exported from).
READ_ONLY = ("department_name", "version", "draft", "published_at", "updated_at",
             "comment_opens_at", "comment_closes_at")
EXPORT_COLUMNS = ("slug", "name", "category", "department", "department_name", "status",
                  *CONTENT, "locations", *READ_ONLY[1:])
LOCATIONS_LABEL = "Where it is deployed"
LABELS: dict[str, str] = {"name": "Name", "category": "Category", "department": "Department",
                          "status": "Status", **vocab.TEXT_FIELDS, **vocab.OTHER_FIELDS}
_PLACE = re.compile(r"^(?P<label>.+?)\s*\(\s*(?P<lat>[-+]?[\d.]+)\s*,\s*(?P<lon>[-+]?[\d.]+)\s*\)$")


# ---------------------------------------------------------------------------
# Reading a file
# ---------------------------------------------------------------------------

def read_rows(data: bytes, filename: str) -> list[tuple[int, dict[str, Any]]]:
    """The file's notices, each with the row number people see; refuses a file that is not
    CSV, XLSX or JSON as described, or whose columns are not a notice's."""
    name = filename.lower()
    if name.endswith(".json"):
        check_size(data)  # before parsing: a JSON file over the limit is never read
        try:
            parsed = load_json(data.decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise ValidationFailed([FieldError("file", _("not UTF-8 text"))]) from None
        except json.JSONDecodeError as exc:
            raise ValidationFailed([FieldError("file", _("not valid JSON: {error}").format(error=exc))]) from None
        if isinstance(parsed, dict):
            parsed = parsed.get("notices")
        if not isinstance(parsed, list) or not all(isinstance(r, dict) for r in parsed):
            raise ValidationFailed([FieldError(
                "file", _("expected a list of notices, or {example}").format(
                    example='{"notices": [...]}'))])
        most = get_settings().max_import_rows
        if len(parsed) > most:
            raise ValidationFailed([FieldError("file", _(
                "at most {most} rows per import (PORTAL_MAX_IMPORT_ROWS)").format(
                    most=shown_number(most)))])
        return list(enumerate(parsed, start=1))
    if not name.endswith((".csv", ".xlsx")):
        raise ValidationFailed([FieldError("file", _("give a .csv, .xlsx or .json file"))])
    table = read_table(data, filename)
    problems = check_columns(table, ("slug",), [*COLUMNS, *READ_ONLY])
    if problems:
        raise ValidationFailed(problems)
    # A spreadsheet's empty cell is an empty value, as in a CSV file.
    return [(n, {k: "" if v is None else v for k, v in row.items()}) for n, row in table.rows]


def _locations_list(value: Any) -> list[dict[str, Any]] | str:
    if isinstance(value, list) and all(isinstance(item, dict) for item in value):
        return value
    return "expected a list of locations, each with a label"


def parse_locations(value: Any) -> list[dict[str, Any]] | str:
    """The raw locations a cell holds, or the reason it holds none that can be read."""
    if value in (None, "", []):
        return []
    if isinstance(value, list):
        return _locations_list(value)
    if isinstance(value, dict):
        return locations_from_geojson(json.dumps(value))
    text = str(value).strip()
    if text.startswith("["):
        try:
            parsed = load_json(text)
        except json.JSONDecodeError as exc:
            return f"not valid JSON ({exc.msg})"
        return _locations_list(parsed)
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


# ---------------------------------------------------------------------------
# The notices as they are
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class _Notice:
    tech: SurveillanceTechnology
    department: Department
    latest: NoticeVersion  # the draft if there is one, else the latest published version
    published_at: datetime | None  # when the latest published version was published
    locations: list[DeploymentLocation]  # the latest version's
    earlier_summaries: frozenset[str]  # "what changed" of the versions before the latest


def _notices(session: Session) -> dict[str, _Notice]:
    techs = session.exec(
        select(SurveillanceTechnology, Department)
        .join(Department, Department.id == SurveillanceTechnology.department_id)  # type: ignore[arg-type]
        .order_by(SurveillanceTechnology.slug)
    ).all()
    versions: dict[int, list[NoticeVersion]] = {}
    for version in session.exec(select(NoticeVersion).order_by(NoticeVersion.version)):
        versions.setdefault(version.technology_id, []).append(version)
    latest = {tid: found[-1] for tid, found in versions.items()}
    places: dict[int, list[DeploymentLocation]] = {}
    if latest:
        ids = [v.id for v in latest.values()]
        for loc in session.exec(select(DeploymentLocation)
                                .where(DeploymentLocation.notice_version_id.in_(ids))  # type: ignore[union-attr]
                                .order_by(DeploymentLocation.id)):
            places.setdefault(loc.notice_version_id, []).append(loc)
    out = {}
    for tech, department in techs:
        found = versions.get(tech.id)  # type: ignore[arg-type]
        if not found:
            continue  # every technology is created with a first version; none to export
        published = [v.published_at for v in found if v.published_at is not None]
        out[tech.slug] = _Notice(
            tech, department, found[-1], published[-1] if published else None,
            places.get(found[-1].id, []),  # type: ignore[arg-type]
            frozenset(v.change_summary for v in found[:-1] if v.change_summary))
    return out


def _coordinate(value: float) -> str:
    return f"{round(value, 6):.6f}".rstrip("0").rstrip(".")


def _location_item(loc: DeploymentLocation | LocationInput) -> dict[str, Any]:
    if loc.geometry:
        return {"label": loc.label, "geometry": loc.geometry}
    return {"label": loc.label, "latitude": loc.latitude, "longitude": loc.longitude}


def _location_key(loc: DeploymentLocation | LocationInput) -> tuple[Any, ...]:
    """What a location is, for comparing: its label and its point or shape."""
    if loc.geometry:
        return (loc.label, None, None, json.dumps(loc.geometry, sort_keys=True))
    return (loc.label, round(loc.latitude or 0.0, 6), round(loc.longitude or 0.0, 6), None)


def _location_text(key: tuple[Any, ...]) -> str:
    label, lat, lon, shape = key
    return f"{label} (area)" if shape else f"{label} ({_coordinate(lat)}, {_coordinate(lon)})"


def locations_cell(items: Sequence[dict[str, Any]]) -> str:
    """Locations in a CSV cell that ``parse_locations`` reads back: ``Label (lat, lon); …`` when
    that is exact, a JSON list otherwise (areas, or a label that would not survive the text)."""
    if not items:
        return ""
    if not any(item.get("geometry") for item in items):
        text = "; ".join(f"{item['label']} ({_coordinate(item['latitude'])}, "
                         f"{_coordinate(item['longitude'])})" for item in items)
        back = parse_locations(text)
        if not isinstance(back, str) and [
            (b["label"].strip(), round(float(b["latitude"]), 6), round(float(b["longitude"]), 6))
            for b in back
        ] == [(i["label"], round(i["latitude"], 6), round(i["longitude"], 6)) for i in items]:
            return text
    return json.dumps(list(items), ensure_ascii=False)


def _export_row(notice: _Notice) -> dict[str, Any]:
    tech, latest = notice.tech, notice.latest
    content = {name: getattr(latest, name) for name in CONTENT}
    content["annual_report"] = latest.annual_report or None
    return {
        "slug": tech.slug, "name": tech.name, "category": tech.category,
        "department": notice.department.code, "department_name": notice.department.name,
        "status": tech.status, **content,
        "locations": [_location_item(loc) for loc in notice.locations],
        "version": latest.version, "draft": latest.published_at is None,
        "published_at": notice.published_at, "updated_at": tech.updated_at,
        "comment_opens_at": tech.comment_opens_at, "comment_closes_at": tech.comment_closes_at,
    }


@service("notices.export")
def export_notices(*, session: Session, actor: Actor, fmt: str = "csv") -> bytes:
    """Every notice as staff see it, drafts included: the file ``portal import notices`` reads."""
    if fmt not in ("csv", "json"):
        raise ValueError(f"unknown format {fmt!r}")
    rows = [_export_row(notice) for notice in _notices(session).values()]
    if fmt == "json":
        return to_json(rows)
    for row in rows:
        row["locations"] = locations_cell(row["locations"])
        row["draft"] = "yes" if row["draft"] else "no"
    return to_csv(rows, EXPORT_COLUMNS)


# ---------------------------------------------------------------------------
# What a file would change
# ---------------------------------------------------------------------------

def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _version(value: Any) -> int | None:
    try:
        return int(float(str(value).strip()))
    except (ValueError, OverflowError):
        return None


def _location_change(before: Iterable[tuple[Any, ...]], after: Iterable[tuple[Any, ...]]
                     ) -> Change | None:
    old, new = sorted(before, key=repr), sorted(after, key=repr)
    if old == new:
        return None
    shown = ["; ".join(_location_text(k) for k in keys) or "—" for keys in (old, new)]
    if shown[0] == shown[1]:
        shown[1] += " (an area's shape changes)"
    return Change("locations", LOCATIONS_LABEL, shown[0], shown[1])


def plan_notices(session: Session, rows: Sequence[tuple[int, Mapping[str, Any]]],
                 publish_all: bool = False) -> tuple[ImportPlan, list[FieldError]]:
    """Check every row and work out what it changes; nothing is written."""
    current = _notices(session)
    departments: dict[str, Department] = {}
    for dep in session.exec(select(Department)).all():
        departments[dep.code.lower()] = dep
        departments.setdefault(dep.name.lower(), dep)
    codes = {dep.id: dep.code for dep in departments.values()}
    names = {dep.code: dep.name for dep in departments.values()}
    vocabularies = {"category": vocab.CATEGORIES, "status": vocab.STATUSES, "department": names}
    shapes = shapes_from(session.exec(select(District)).all())
    accepted = {*COLUMNS, *READ_ONLY}
    added: list[PlannedRow] = []
    updated: list[PlannedRow] = []
    unchanged: list[PlannedRow] = []
    errors: list[FieldError] = []
    seen: dict[str, int] = {}
    for number, raw in rows:
        problems = [FieldError(k, _("not a field of a notice"), number) for k in raw
                    if k not in accepted]
        slug = _text(raw.get("slug")).lower()
        if slug in seen:
            problems.append(FieldError("slug", _("repeats row {row} (same slug)").format(
                row=seen[slug]), number))
        elif slug:
            seen[slug] = number
        notice = current.get(slug)
        tech = notice.tech if notice else None
        # An empty cell keeps what the technology has; a code or a name names a department.
        department = _text(raw.get("department"))
        if department:
            found_department = departments.get(department.lower())
            department_id = found_department.id if found_department else None
        else:
            department_id = tech.department_id if tech else None
        identity: dict[str, Any] = {
            "name": _text(raw.get("name")) or (tech.name if tech else ""),
            "category": _text(raw.get("category")) or (tech.category if tech else ""),
            "department_id": department_id,
            "status": _text(raw.get("status")) or (tech.status if tech else "proposed"),
        }
        for error in _check_identity(session, slug=slug, row=number,
                                     existing_id=tech.id if tech else None, **identity):
            if error.field == "department" and department:
                error = FieldError("department", _(
                    "unknown department {department} (give its code or name)").format(
                        department=repr(department)), number)
            problems.append(error)
        status = identity["status"]
        if tech and status != tech.status and status in vocab.STATUSES \
                and status not in vocab.TRANSITIONS[tech.status]:
            problems.append(FieldError("status", _("{before} cannot become {after}").format(
                before=_(vocab.STATUSES[tech.status]), after=_(vocab.STATUSES[status])), number))
        given = {name: raw[name] for name in CONTENT if name in raw and raw[name] is not None}
        before = clean_content({name: getattr(notice.latest, name) for name in CONTENT})[0] \
            if notice else {}
        content, content_errors = clean_content({**before, **given}, row=number)
        problems += content_errors
        located = parse_locations(raw.get("locations"))
        checked: list[LocationInput] | None = None
        if isinstance(located, str):
            problems.append(FieldError("locations", located, number))
        else:
            found, location_errors = check_locations(located, shapes, row=number)
            problems += location_errors
            # An existing notice keeps its locations when the row leaves the cell empty.
            checked = found if (located or notice is None) else None
        if notice is None and publish_all:
            problems += _ready_to_publish(content, number)
        if problems:
            errors += problems
            continue
        name = identity["name"]
        if notice is None:
            values = {"slug": slug, "identity": identity, "content": content,
                      "locations": [_location_item(loc) for loc in checked or []],
                      "publish": publish_all}
            added.append(PlannedRow(number, name, None, values))
            continue
        assert tech is not None
        summary = content.get("change_summary", "")
        if summary != before["change_summary"] and summary in notice.earlier_summaries:
            # The summary of the version the file was exported from: this draft needs its own.
            content["change_summary"] = before["change_summary"]
        was = {"name": tech.name, "category": tech.category,
               "department": codes.get(tech.department_id, ""), "status": tech.status, **before}
        now = {**identity, "department": codes.get(identity["department_id"], ""), **content}
        changes = diff(as_json_value(was), as_json_value(now), LABELS, vocabularies)
        moved = None if checked is None else _location_change(
            map(_location_key, notice.locations), map(_location_key, checked))
        if moved:
            changes.append(moved)
        planned_row = PlannedRow(number, name, tech.id, {"slug": slug}, tuple(changes))
        if not changes:
            unchanged.append(planned_row)
            continue
        stated = raw.get("version")
        if _text(stated) and _version(stated) != notice.latest.version:
            errors.append(FieldError(
                "version", _("{name} was saved in the portal (now version {now}) after this file "
                           "was exported (version {stated}); export again and make the change "
                           "there").format(name=name, now=notice.latest.version,
                                           stated=_text(stated)), number))
            continue
        fields = {c.field for c in changes}
        values = planned_row.values
        values["identity"] = {k: identity[k] for k in ("name", "category", "department_id")
                              if k in fields or (k == "department_id" and "department" in fields)}
        values["status"] = status if "status" in fields else None
        values["content"] = {k: v for k, v in content.items() if k in fields}
        values["locations"] = [_location_item(loc) for loc in checked or []] if moved else None
        values["publish"] = publish_all and bool(values["content"] or moved)
        if values["publish"]:
            errors += _ready_to_publish(content, number)
        updated.append(planned_row)
    if not rows:
        errors.append(FieldError("file", _("holds no notices")))
    plan = ImportPlan("notices", "notice", tuple(added), tuple(updated), tuple(unchanged))
    return plan, sorted(errors, key=lambda e: e.row or 0)


def _ready_to_publish(content: Mapping[str, Any], row: int) -> list[FieldError]:
    return [FieldError(name, _("needed before publishing"), row)
            for name in vocab.REQUIRED_TO_PUBLISH if not _text(content.get(name))]


def to_publish(plan: ImportPlan) -> list[str]:
    """The slugs an import publishes (asked to publish, it publishes what it adds or whose
    content it changes; a name or status takes effect without one)."""
    return [p.values["slug"] for p in (*plan.added, *plan.updated) if p.values.get("publish")]


# ---------------------------------------------------------------------------
# Writing it
# ---------------------------------------------------------------------------

def _write(session: Session, actor: Actor, planned: PlannedRow, source: str) -> None:
    values = planned.values
    if planned.record_id is None:
        tech = create_technology(session=session, actor=actor, slug=values["slug"],
                                 content=values["content"], locations=values["locations"],
                                 **values["identity"])
        technology_id: int = tech.id  # type: ignore[assignment]
    else:
        technology_id = planned.record_id
        tech = session.get(SurveillanceTechnology, technology_id)  # type: ignore[assignment]
        if values["identity"]:
            change_identity(session, actor, tech, values["identity"], "notices.import_identity",
                            {"source": "import", "file": source})
        if values["status"]:
            # Checks the lifecycle, and retiring ends any comment period.
            set_status(session=session, actor=actor, technology_id=technology_id,
                       status=values["status"])
        if values["content"] or values["locations"] is not None:
            draft = save_draft(session=session, actor=actor, technology_id=technology_id,
                               content=values["content"], locations=values["locations"])
            if values["publish"] and draft.version > 1 and not draft.change_summary:
                draft.change_summary = "Updated by a batch import."
                session.add(draft)
    if values["publish"]:
        publish(session=session, actor=actor, technology_id=technology_id)


@service("notices.import")
def import_notices(
    *, session: Session, actor: Actor, rows: Sequence[tuple[int, Mapping[str, Any]]],
    publish_all: bool = False, source: str = "", dry_run: bool = False,
) -> ImportPlan:
    """Add or change what each row says (and publish it if asked), writing nothing for a row
    that changes nothing; ``dry_run`` only makes the plan.

    Everything is checked before anything is written; the caller's unit of work
    rolls back if a write still fails, so the database holds all rows or none.
    """
    plan, errors = plan_notices(session, rows, publish_all)
    if errors:
        raise ValidationFailed(errors)
    if dry_run or not plan.writes:
        return plan
    for planned in (*plan.added, *plan.updated):
        try:
            _write(session, actor, planned, source)
        except ValidationFailed as error:
            raise ValidationFailed([FieldError(e.field, e.message, planned.row)
                                    for e in error.errors] or [
                FieldError("row", str(error), planned.row)]) from None
        except PortalError as error:
            raise ValidationFailed([FieldError("row", str(error), planned.row)]) from None
    record_event(session, actor=actor, action="notices.import",
                 entity_type="surveillance_technology", detail={
                     "source": source,
                     "added": [p.values["slug"] for p in plan.added],
                     "updated": [p.values["slug"] for p in plan.updated],
                     "unchanged": len(plan.unchanged), "published": to_publish(plan)})
    return plan
