"""The request transparency log: staff record requests; everyone reads aggregates.

Residents get counts by quarter, agency type, legal process, outcome and
notification, never rows: a row with a date, an agency and a summary could
point at a person in a small county.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from portal.audit.history import VersionEntry, history, locked, save_version, snapshot_of
from portal.audit.service import as_json_value, record_event
from portal.auth.permissions import service
from portal.auth.roles import Actor
from portal.coerce import Collector
from portal.disclosure import Figure, Status, one_way_lines, protect, shown
from portal.errors import FieldError, NotFound, ValidationFailed
from portal.i18n import N_, _
from portal.inventory.models import Department
from portal.inventory.vocab import SENSITIVE_CATEGORIES
from portal.requests import vocab
from portal.requests.models import InformationRequest
from portal.roundtrip import ImportPlan, duplicates, plan_import
from portal.settings import get_settings
from portal.textsafety import unstorable_fields

RECORD_TYPE = "information_request"

COLUMNS: dict[str, tuple[str, str]] = {
    "reference": ("Reference", "the county's reference, unique (required)"),
    "received_date": ("Received", "YYYY-MM-DD (required)"),
    "department": ("Department", "the department's code, e.g. SHF (required)"),
    "requesting_agency": ("Requesting agency", "the agency's name (required)"),
    "agency_type": ("Agency type", "one of: " + ", ".join(vocab.AGENCY_TYPES)),
    "legal_process": ("Legal process", "one of: " + ", ".join(vocab.LEGAL_PROCESSES)),
    "data_categories": ("Data asked for", "separated by semicolons, any of: "
                        + ", ".join(SENSITIVE_CATEGORIES)),
    "outcome": ("Outcome", "one of: " + ", ".join(vocab.OUTCOMES)),
    "residents_notified": ("Residents notified", "one of: " + ", ".join(vocab.NOTIFICATION)),
    "people_covered": ("People covered", "how many people the request was about (a whole number)"),
    "response_date": ("Answered", "YYYY-MM-DD, empty while pending"),
    "public_summary": ("Public summary", "what happened, without naming anyone"),
    "status": ("Status", "one of: " + ", ".join(vocab.STATUSES) + " (default published)"),
}
REQUIRED = ("reference", "received_date", "department", "requesting_agency", "agency_type",
            "legal_process", "outcome", "residents_notified")
LABELS = {"department_id": "Department", **{k: v[0] for k, v in COLUMNS.items()}}
VOCABULARIES = {
    "agency_type": vocab.AGENCY_TYPES, "legal_process": vocab.LEGAL_PROCESSES,
    "outcome": vocab.OUTCOMES, "residents_notified": vocab.NOTIFICATION,
    "data_categories": SENSITIVE_CATEGORIES, "status": vocab.STATUSES,
}


def clean_request(raw: Mapping[str, Any], *, departments: Mapping[str, int],
                  row: int | None = None) -> tuple[dict[str, Any], list[FieldError]]:
    c = Collector(raw, row, LABELS)
    out: dict[str, Any] = {}
    out["reference"] = c.text("reference", required=True, max_length=40)
    out["received_date"] = c.day("received_date", required=True)
    code = c.text("department", required=True)
    if code is not None:
        if code.upper() not in departments:
            c.fail("department", f"no department with code {code!r}")
        else:
            out["department_id"] = departments[code.upper()]
    out["requesting_agency"] = c.text("requesting_agency", required=True, max_length=300)
    out["agency_type"] = c.choice("agency_type", vocab.AGENCY_TYPES)
    out["legal_process"] = c.choice("legal_process", vocab.LEGAL_PROCESSES)
    out["data_categories"] = c.choices("data_categories", SENSITIVE_CATEGORIES)
    out["outcome"] = c.choice("outcome", vocab.OUTCOMES)
    out["residents_notified"] = c.choice("residents_notified", vocab.NOTIFICATION)
    out["people_covered"] = c.count("people_covered", required=True, maximum=10_000_000)
    out["response_date"] = c.day("response_date")
    out["public_summary"] = c.text("public_summary") or ""
    out["status"] = c.choice("status", vocab.STATUSES, default="published")
    if out["received_date"] and out["response_date"] and out["response_date"] < out["received_date"]:
        c.fail("response_date", "a request cannot be answered before it was received")
    if out["outcome"] == "pending" and out["response_date"]:
        c.fail("response_date", "a pending request has no answer date yet")
    return out, c.errors


def _departments(session: Session) -> dict[str, int]:
    return {code.upper(): i for code, i in session.execute(sa.select(Department.code, Department.id))}


# ---------------------------------------------------------------------------
# Public statistics
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class RequestStatistics:
    """The public figures. People counts are suppressed (DESIGN.md §2.6): each carries a
    ``Status`` and is None when suppressed; ``people_shown`` and each quarter's
    ``people_shown`` are the text to display."""

    requests: int
    people: int | None
    people_status: Status
    people_shown: str
    by_quarter: list[dict[str, Any]]
    by_agency_type: list[dict[str, Any]]
    by_legal_process: list[dict[str, Any]]
    by_outcome: list[dict[str, Any]]
    by_notification: list[dict[str, Any]]
    process_by_outcome: list[dict[str, Any]]


ALL = "all"


def _quarter(day: Any) -> str:
    return f"{day.year} Q{(day.month - 1) // 3 + 1}"


def _tally(values: list[str], labels: Mapping[str, str]) -> list[dict[str, Any]]:
    counted = Counter(values)
    return [{"label": label, "requests": counted.get(key, 0)} for key, label in labels.items()]


@service("requests.statistics_version")
def statistics_version(*, session: Session, actor: Actor) -> tuple[Any, ...]:
    """A cheap fingerprint of the requests table: the cache key of the public statistics."""
    return tuple(session.execute(sa.select(
        sa.func.count(InformationRequest.id), sa.func.max(InformationRequest.id),
        sa.func.sum(InformationRequest.version),
        sa.func.max(InformationRequest.created_at))).one())


@service("requests.statistics")
def request_statistics(*, session: Session, actor: Actor) -> RequestStatistics:
    rows = session.execute(
        sa.select(InformationRequest.received_date, InformationRequest.agency_type,
                  InformationRequest.legal_process, InformationRequest.outcome,
                  InformationRequest.residents_notified, InformationRequest.people_covered)
        .where(InformationRequest.status == "published")
    ).all()
    quarters: dict[str, list[int]] = {}
    for r in rows:
        entry = quarters.setdefault(_quarter(r.received_date), [0, 0])
        entry[0] += 1
        entry[1] += r.people_covered
    crosstab = Counter((r.legal_process, r.outcome) for r in rows)
    # People covered, by quarter and in all: the quarters add up to the total, so a small
    # quarter is protected against subtraction too.
    people = {q: Figure(p) for q, (_unused, p) in sorted(quarters.items())}
    people[ALL] = Figure(sum(r.people_covered for r in rows))
    k = get_settings().suppression_k
    status = protect(people, one_way_lines(list(quarters), ALL), k) if quarters else {ALL: Status.TRUE_ZERO}

    def published(key: str) -> int | None:
        return None if status[key].suppressed else int(people[key].count or 0)

    return RequestStatistics(
        requests=len(rows),
        people=published(ALL),
        people_status=status[ALL],
        people_shown=shown(people[ALL].count, status[ALL], k),
        by_quarter=[{"quarter": q, "requests": n, "people": published(q),
                     "people_status": status[q].value,
                     "people_shown": shown(p, status[q], k)}
                    for q, (n, p) in sorted(quarters.items())],
        by_agency_type=_tally([r.agency_type for r in rows], vocab.AGENCY_TYPES),
        by_legal_process=_tally([r.legal_process for r in rows], vocab.LEGAL_PROCESSES),
        by_outcome=_tally([r.outcome for r in rows], vocab.OUTCOMES),
        by_notification=_tally([r.residents_notified for r in rows], vocab.NOTIFICATION),
        process_by_outcome=[
            {"legal process": p_label,
             **{o_label: crosstab.get((p, o), 0) for o, o_label in vocab.OUTCOMES.items()}}
            for p, p_label in vocab.LEGAL_PROCESSES.items()
        ],
    )


#: The public export's columns (``portal export request-log`` and the page's download).
LOG_EXPORT_COLUMNS = ("quarter", "requests", "people_covered", "people_status")


def statistics_rows(stats: RequestStatistics) -> list[dict[str, Any]]:
    """Requests and people covered per quarter, then ``all``: a suppressed count stays empty."""
    rows = [{"quarter": q["quarter"], "requests": q["requests"], "people_covered": q["people"],
             "people_status": q["people_status"]} for q in stats.by_quarter]
    rows.append({"quarter": ALL, "requests": stats.requests, "people_covered": stats.people,
                 "people_status": stats.people_status.value})
    return rows


# ---------------------------------------------------------------------------
# Staff
# ---------------------------------------------------------------------------

@service("requests.list_requests")
def list_requests(*, session: Session, actor: Actor) -> list[InformationRequest]:
    return list(session.exec(
        select(InformationRequest).order_by(InformationRequest.received_date.desc(),
                                            InformationRequest.reference)
    ).all())


@service("requests.get_request")
def get_request(*, session: Session, actor: Actor,
                request_id: int) -> tuple[InformationRequest, str, list[VersionEntry]]:
    row = session.get(InformationRequest, request_id)
    if row is None:
        raise NotFound(_("No request {id}.").format(id=request_id))
    code = session.execute(sa.select(Department.code).where(Department.id == row.department_id)).scalar_one()
    return row, code, history(session, record_type=RECORD_TYPE, record_id=request_id,
                              labels=LABELS, vocabularies=VOCABULARIES)


def _unique_reference(session: Session, reference: str | None, exclude: int | None = None) -> None:
    if reference is None:
        return
    query = sa.select(InformationRequest.id).where(InformationRequest.reference == reference)
    if exclude is not None:
        query = query.where(InformationRequest.id != exclude)
    if session.execute(query).first() is not None:
        raise ValidationFailed([FieldError("reference", _("{value} is already used").format(
            value=repr(reference)))])


def _cleaned(session: Session, values: Mapping[str, Any]) -> dict[str, Any]:
    cleaned, errors = clean_request(values, departments=_departments(session))
    if errors:
        raise ValidationFailed(errors)
    return cleaned


def _add(session: Session, actor: Actor, cleaned: dict[str, Any], summary: str) -> InformationRequest:
    row = InformationRequest(**cleaned, version=1)
    session.add(row)
    session.flush()
    save_version(session, actor=actor, record_type=RECORD_TYPE, row=row, summary=summary)
    return row


@service("requests.create_request")
def create_request(*, session: Session, actor: Actor, values: Mapping[str, Any]) -> InformationRequest:
    cleaned = _cleaned(session, values)
    _unique_reference(session, cleaned["reference"])
    row = _add(session, actor, cleaned, "Created")
    record_event(session, actor=actor, action="requests.create_request", entity_type=RECORD_TYPE,
                 entity_id=row.id, detail={"reference": row.reference})
    return row


def _save(session: Session, actor: Actor, request_id: int, changes: Mapping[str, Any],
          expected_version: int | None, summary: str, action: str) -> InformationRequest:
    row = locked(session, InformationRequest, request_id, expected_version, N_("request"))
    before = snapshot_of(row)
    changed = [k for k, v in changes.items() if before.get(k) != as_json_value(v)]
    if not changed:
        raise ValidationFailed(message=_("Nothing changed, so no new version was saved."))
    for key in changed:
        setattr(row, key, changes[key])
    row.version += 1
    session.add(row)
    session.flush()
    save_version(session, actor=actor, record_type=RECORD_TYPE, row=row, summary=summary,
                 before=before, baseline_at=row.created_at)
    record_event(session, actor=actor, action=action, entity_type=RECORD_TYPE, entity_id=row.id,
                 detail={"version": row.version, "fields": changed})
    return row


@service("requests.update_request")
def update_request(*, session: Session, actor: Actor, request_id: int, values: Mapping[str, Any],
                   expected_version: int | None = None, summary: str = "") -> InformationRequest:
    cleaned = _cleaned(session, values)
    _unique_reference(session, cleaned["reference"], exclude=request_id)
    if refused := unstorable_fields({"summary": summary}):
        raise ValidationFailed(refused)
    return _save(session, actor, request_id, cleaned, expected_version,
                 summary.strip()[:500] or "Edited", "requests.update_request")


@service("requests.withdraw_request")
def withdraw_request(*, session: Session, actor: Actor, request_id: int, reason: str,
                     expected_version: int | None = None) -> InformationRequest:
    """Retire a request entered in error: it leaves the statistics, its history stays."""
    if not reason.strip():
        raise ValidationFailed([FieldError("reason", _("say why the request is withdrawn"))])
    if refused := unstorable_fields({"reason": reason}):
        raise ValidationFailed(refused)
    return _save(session, actor, request_id, {"status": "withdrawn"}, expected_version,
                 f"Withdrawn: {reason.strip()}"[:500], "requests.withdraw_request")


#: Columns the record export adds for readers; an import of that export ignores them.
READ_ONLY = ("department_name", "version")
#: What an import accepts beyond ``COLUMNS``: the id it matches rows on, and ``READ_ONLY``.
EXTRA_COLUMNS = ("id", *READ_ONLY)
EXPORT_COLUMNS = ["id", *COLUMNS, *READ_ONLY]


def _record_rows(session: Session) -> list[dict[str, Any]]:
    columns = [getattr(InformationRequest, c) for c in COLUMNS if c != "department"]
    query = (sa.select(InformationRequest.id, *columns, Department.code.label("department"),
                       Department.name.label("department_name"), InformationRequest.version)
             .join(Department, Department.id == InformationRequest.department_id)
             .order_by(InformationRequest.received_date, InformationRequest.reference))
    return [dict(r._mapping) for r in session.execute(query)]


@service("requests.export_requests")
def export_requests(*, session: Session, actor: Actor, fmt: str = "csv") -> bytes:
    """Every request as staff keep it (withdrawn ones too): the file ``portal import requests``
    reads back. Not public: the public log is ``log_file``, by quarter and suppressed."""
    from portal.exports import to_csv, to_json

    rows = _record_rows(session)
    if fmt == "csv":
        return to_csv(rows, EXPORT_COLUMNS)
    if fmt == "json":
        return to_json([{c: row.get(c) for c in EXPORT_COLUMNS} for row in rows])
    raise ValueError(f"unknown format {fmt!r}")


def plan_requests(session: Session, rows: list[tuple[int, Mapping[str, Any]]]
                  ) -> tuple[ImportPlan, list[FieldError]]:
    """What a file of requests would change (``portal.roundtrip``); references stay unique."""
    departments = _departments(session)
    current = _record_rows(session)
    names = {str(i): code for code, i in departments.items()}
    plan, errors = plan_import(
        rows, noun=N_("requests"), singular=N_("request"), columns=COLUMNS,
        current={r["id"]: r for r in current}, versions={r["id"]: r["version"] for r in current},
        clean=lambda raw, number: clean_request(raw, departments=departments, row=number),
        labels=LABELS, vocabularies={**VOCABULARIES, "department_id": names},
        name_of=lambda v: str(v.get("reference") or ""),
    )
    existing = {r["reference"]: r["id"] for r in current}
    errors += duplicates(plan, lambda v: v["reference"], existing, "reference", _("reference"))
    return plan, sorted(errors, key=lambda e: e.row or 0)


@service("requests.import_requests")
def import_requests(*, session: Session, actor: Actor, rows: list[tuple[int, Mapping[str, Any]]],
                    source: str = "", dry_run: bool = False) -> ImportPlan:
    """All rows or none: rows with an id update that request, rows without one are added.
    With ``dry_run`` only the plan is made (the preview)."""
    plan, errors = plan_requests(session, rows)
    if errors:
        raise ValidationFailed(errors)
    if dry_run or not plan.writes:
        return plan
    summary = f"Imported from {source or 'a file'}"
    added = [_add(session, actor, p.values, summary).id for p in plan.added]
    for p in plan.updated:
        assert p.record_id is not None
        _save(session, actor, p.record_id, p.values, None, summary, "requests.import_requests")
    record_event(session, actor=actor, action="requests.import_requests", entity_type=RECORD_TYPE,
                 detail={"source": source, "rows": plan.writes, "added": added,
                         "updated": [p.record_id for p in plan.updated],
                         "unchanged": len(plan.unchanged)})
    return plan


def log_file(session: Session, actor: Actor, fmt: str) -> bytes:
    """The public request log's figures as CSV or JSON, small numbers suppressed: what
    ``portal export request-log`` writes and ``/api/request-log.csv`` answers."""
    from portal.exports import to_csv, to_json

    rows = statistics_rows(request_statistics(session=session, actor=actor))
    return to_json(rows) if fmt == "json" else to_csv(rows, LOG_EXPORT_COLUMNS)
