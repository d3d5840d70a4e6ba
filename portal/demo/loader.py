"""Load the demo county from ``data/demo/`` (written by ``data/generate_demo.py``).

Records are matched by natural keys (district code, department code, dataset
identifier, practice dataset + title, technology slug, notice version number,
request reference, indicator slug + cell, comment receipt code, survey slug,
meeting title), so loading twice adds nothing the second time.

Every file is read and checked before anything is written; the load itself
only adds and flushes, in the caller's transaction, so an error leaves nothing
behind once the caller rolls back (``portal.db.session_scope`` does).

Times in the files that must stay current (comment periods, submissions,
meetings, survey windows, notice publication) are relative to load time and
become aware UTC datetimes here; comment periods and meetings fall on whole
local days / hours in the county's time zone.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import moderation
import sqlalchemy as sa
from sqlmodel import Session, select

from portal.audit.service import record_event
from portal.auth.permissions import service
from portal.auth.roles import Actor
from portal.base import utcnow
from portal.engagement import vocab as engagement_vocab
from portal.engagement.comments import flags_json
from portal.engagement.models import (
    Comment,
    ModerationDecision,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
)
from portal.errors import FieldError, ValidationFailed
from portal.geography.models import District
from portal.indicators.models import Indicator, IndicatorValue
from portal.inventory import vocab as inventory_vocab
from portal.inventory.models import Dataset, Department, SharingPractice
from portal.notices import vocab as notices_vocab
from portal.notices.models import DeploymentLocation, NoticeVersion, SurveillanceTechnology
from portal.oversight.models import AgendaItem, Meeting
from portal.requests import vocab as requests_vocab
from portal.requests.models import InformationRequest
from portal.settings import get_settings

FILES = {
    "districts": "districts.geojson",
    "departments": "departments.json",
    "datasets": "datasets.json",
    "practices": "practices.json",
    "technologies": "technologies.json",
    "requests": "requests.json",
    "indicators": "indicators.json",
    "indicator_values": "indicator_values.json",
    "comments": "comments.json",
    "surveys": "surveys.json",
    "meetings": "meetings.json",
}

# The tables the loader writes, in the order it writes them (the keys of its result).
TABLES = [
    District, Department, Dataset, SharingPractice, SurveillanceTechnology, NoticeVersion,
    DeploymentLocation, InformationRequest, Indicator, IndicatorValue, Comment,
    ModerationDecision, Survey, SurveyQuestion, SurveyResponse, SurveyAnswer, Meeting,
    AgendaItem,
]

ACCESS_LEVELS = ("public", "restricted public", "non-public")
QUESTION_KINDS = ("single_choice", "multi_choice", "scale", "text")
SURVEY_STATUSES = ("draft", "open", "closed")
MEETING_STATUSES = ("scheduled", "held", "cancelled")
UNITS = ("count", "rate", "percent")
DEMO_MODERATOR = "moderator@aldercounty.example"


def demo_data_dir() -> Path:
    """The repository's ``data/demo`` (``portal/`` sits next to ``data/``)."""
    return Path(__file__).resolve().parent.parent.parent / "data" / "demo"


# ---------------------------------------------------------------------------
# Reading and checking the files
# ---------------------------------------------------------------------------

def _read(data_dir: Path) -> dict[str, Any]:
    if not data_dir.is_dir():
        raise ValidationFailed(message=f"demo data directory not found: {data_dir}")
    data: dict[str, Any] = {}
    errors: list[FieldError] = []
    for key, name in FILES.items():
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


class _Checker:
    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def require(self, ok: bool, where: str, row: int | None, message: str) -> None:
        if not ok:
            self.errors.append(FieldError(where, message, row))

    def vocab(self, value: Any, allowed: Any, where: str, row: int | None) -> None:
        self.require(value in allowed, where, row, f"unknown value {value!r}")

    def each(self, values: Any, allowed: Any, where: str, row: int | None) -> None:
        for value in values or []:
            self.vocab(value, allowed, where, row)


def _check(data: dict[str, Any]) -> None:
    """Vocabularies and references inside the files, before anything is written."""
    c = _Checker()
    iv, nv, rv, ev = inventory_vocab, notices_vocab, requests_vocab, engagement_vocab
    districts = {f["properties"]["code"] for f in data["districts"].get("features", [])}
    departments = {d["code"] for d in data["departments"]}
    datasets = {d["identifier"] for d in data["datasets"]}
    refs = {p["ref"] for p in data["practices"]}
    techs = {t["slug"] for t in data["technologies"]}
    indicators = {i["slug"] for i in data["indicators"]}

    for n, f in enumerate(data["districts"].get("features", []), start=1):
        c.require(f.get("geometry", {}).get("type") in ("Polygon", "MultiPolygon"),
                  "districts.geometry", n, "must be a Polygon or MultiPolygon")
    for n, d in enumerate(data["datasets"], start=1):
        c.vocab(d["department"], departments, "datasets.department", n)
        c.vocab(d["classification"], iv.CLASSIFICATIONS, "datasets.classification", n)
        c.vocab(d["access_level"], ACCESS_LEVELS, "datasets.access_level", n)
    for n, p in enumerate(data["practices"], start=1):
        w = "practices."
        c.vocab(p["dataset"], datasets, w + "dataset", n)
        c.vocab(p["department"], departments, w + "department", n)
        c.vocab(p["recipient_type"], iv.RECIPIENT_TYPES, w + "recipient_type", n)
        c.vocab(p["mechanism"], iv.MECHANISMS, w + "mechanism", n)
        c.vocab(p["channel"], iv.CHANNELS, w + "channel", n)
        c.vocab(p["legal_basis_type"], iv.LEGAL_BASIS_TYPES, w + "legal_basis_type", n)
        c.each(p["sensitive_categories"], iv.SENSITIVE_CATEGORIES, w + "sensitive_categories", n)
        c.vocab(p["frequency"], iv.FREQUENCIES, w + "frequency", n)
        c.vocab(p["status"], iv.PRACTICE_STATUSES, w + "status", n)
        c.each(p["agreement_terms"].keys(), iv.AGREEMENT_TERMS, w + "agreement_terms", n)
    for n, t in enumerate(data["technologies"], start=1):
        w = "technologies."
        c.vocab(t["department"], departments, w + "department", n)
        c.vocab(t["category"], nv.CATEGORIES, w + "category", n)
        c.vocab(t["status"], nv.STATUSES, w + "status", n)
        c.require(bool(t["versions"]), w + "versions", n, "needs at least one version")
        for v in t["versions"]:
            for loc in v["locations"]:
                c.vocab(loc["district"], districts, w + "locations.district", n)
    for n, r in enumerate(data["requests"], start=1):
        w = "requests."
        c.vocab(r["department"], departments, w + "department", n)
        c.vocab(r["agency_type"], rv.AGENCY_TYPES, w + "agency_type", n)
        c.vocab(r["legal_process"], rv.LEGAL_PROCESSES, w + "legal_process", n)
        c.vocab(r["outcome"], rv.OUTCOMES, w + "outcome", n)
        c.vocab(r["residents_notified"], rv.NOTIFICATION, w + "residents_notified", n)
        c.each(r["data_categories"], iv.SENSITIVE_CATEGORIES, w + "data_categories", n)
    for n, i in enumerate(data["indicators"], start=1):
        c.vocab(i["department"], departments, "indicators.department", n)
        c.vocab(i["unit"], UNITS, "indicators.unit", n)
    values = data["indicator_values"]
    c.require(values.get("columns") == ["district", "group_dimension", "group_value", "period",
                                        "value", "denominator"],
              "indicator_values.columns", None, "unexpected columns")
    for slug, rows in values.get("indicators", {}).items():
        c.vocab(slug, indicators, "indicator_values.indicator", None)
        bad = [k for k, row in enumerate(rows, start=1)
               if row[0] is not None and row[0] not in districts]
        c.require(not bad, f"indicator_values.{slug}.district", bad[0] if bad else None,
                  "unknown district")

    def target(kind: str | None, value: Any, where: str, row: int) -> None:
        known = {"notice": techs, "practice": refs, "indicator": indicators}
        if kind in known:
            c.vocab(value, known[kind], where, row)

    for n, m in enumerate(data["comments"], start=1):
        w = "comments."
        c.vocab(m["target_type"], ev.TARGET_TYPES, w + "target_type", n)
        target(m["target_type"], m["target"], w + "target", n)
        c.vocab(m["state"], ev.COMMENT_STATES, w + "state", n)
        if m["position"] is not None:
            c.vocab(m["position"], ev.POSITIONS, w + "position", n)
        if m["district"] is not None:
            c.vocab(m["district"], districts, w + "district", n)
        for d in m["moderation"]:
            c.vocab(d["action"], ev.MODERATION_ACTIONS, w + "moderation.action", n)
    for n, s in enumerate(data["surveys"], start=1):
        w = "surveys."
        c.vocab(s["status"], SURVEY_STATUSES, w + "status", n)
        if s["target_type"] is not None:
            c.vocab(s["target_type"], ev.TARGET_TYPES, w + "target_type", n)
            target(s["target_type"], s["target"], w + "target", n)
        for q in s["questions"]:
            c.vocab(q["kind"], QUESTION_KINDS, w + "questions.kind", n)
            if q.get("sensitive_category"):
                c.vocab(q["sensitive_category"], iv.SENSITIVE_CATEGORIES,
                        w + "questions.sensitive_category", n)
                c.require(bool(q.get("justification")), w + "questions.justification", n,
                          "a sensitive question needs a justification")
        positions = range(1, len(s["questions"]) + 1)
        for r in s["responses"]:
            if r["district"] is not None:
                c.vocab(r["district"], districts, w + "responses.district", n)
            for a in r["answers"]:
                c.vocab(a["question"], positions, w + "responses.question", n)
    for n, m in enumerate(data["meetings"], start=1):
        c.vocab(m["status"], MEETING_STATUSES, "meetings.status", n)
        for item in m["agenda"]:
            target(item["target_type"], item["target"], "meetings.agenda.target", n)
    if c.errors:
        raise ValidationFailed(c.errors)


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------

class _Load:
    def __init__(self, session: Session, data: dict[str, Any], now: datetime) -> None:
        self.s = session
        self.d = data
        self.now = now
        self.tz = ZoneInfo(get_settings().timezone)
        self.counts: dict[str, int] = {m.__tablename__: 0 for m in TABLES}
        self.district: dict[str, int] = {}
        self.department: dict[str, int] = {}
        self.dataset: dict[str, int] = {}
        self.practice: dict[str, int] = {}  # ref in the file -> id
        self.technology: dict[str, int] = {}
        self.indicator: dict[str, int] = {}
        self.contact: dict[str, str] = {d["code"]: d.get("contact_email") or "system"
                                        for d in data["departments"]}

    # -- helpers ------------------------------------------------------------
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
            self.counts[type(rows[0]).__tablename__] += len(rows)

    def target_id(self, kind: str | None, value: Any) -> int | None:
        return {"notice": self.technology, "practice": self.practice,
                "indicator": self.indicator}.get(kind or "", {}).get(value)

    # -- areas --------------------------------------------------------------
    def districts(self) -> None:
        self.district = dict(self.s.exec(select(District.code, District.id)).all())
        new = []
        for f in self.d["districts"]["features"]:
            p = f["properties"]
            if p["code"] not in self.district:
                new.append(District(code=p["code"], name=p["name"],
                                    population=p.get("population"), geometry=f["geometry"]))
        self.add(new)
        self.district.update({r.code: r.id for r in new})

    def departments(self) -> None:
        self.department = dict(self.s.exec(select(Department.code, Department.id)).all())
        new = [Department(code=d["code"], name=d["name"], description=d["description"],
                          contact_email=d.get("contact_email"))
               for d in self.d["departments"] if d["code"] not in self.department]
        self.add(new)
        self.department.update({r.code: r.id for r in new})

    def datasets(self) -> None:
        self.dataset = dict(self.s.exec(select(Dataset.identifier, Dataset.id)).all())
        new = []
        for d in self.d["datasets"]:
            if d["identifier"] in self.dataset:
                continue
            new.append(Dataset(
                identifier=d["identifier"], department_id=self.department[d["department"]],
                title=d["title"], description=d["description"],
                classification=d["classification"], keywords=d["keywords"],
                access_level=d["access_level"],
                retention_policy_days=d["retention_policy_days"],
                modified=_date(d["modified"]),
            ))
        self.add(new)
        self.dataset.update({r.identifier: r.id for r in new})

    def practices(self) -> None:
        existing = {(ds, title): pid for pid, ds, title in self.s.exec(
            select(SharingPractice.id, SharingPractice.dataset_id, SharingPractice.title)
        ).all()}
        new: list[tuple[str, SharingPractice]] = []
        for p in self.d["practices"]:
            dataset_id = self.dataset[p["dataset"]]
            key = (dataset_id, p["title"])
            if key in existing:
                self.practice[p["ref"]] = existing[key]
                continue
            by = self.contact.get(p["department"], "system")
            new.append((p["ref"], SharingPractice(
                dataset_id=dataset_id, department_id=self.department[p["department"]],
                title=p["title"], recipient=p["recipient"], recipient_type=p["recipient_type"],
                mechanism=p["mechanism"], channel=p["channel"],
                legal_basis_type=p["legal_basis_type"], legal_basis=p["legal_basis"],
                purpose=p["purpose"], data_elements=p["data_elements"],
                sensitive_categories=p["sensitive_categories"], frequency=p["frequency"],
                agreement_title=p["agreement_title"],
                agreement_start=_date(p["agreement_start"]),
                agreement_end=_date(p["agreement_end"]),
                agreement_terms=p["agreement_terms"], retention_days=p["retention_days"],
                retention_text=p["retention_text"],
                residents_notified=p["residents_notified"],
                hosted_by_third_party=p["hosted_by_third_party"], status=p["status"],
                start_date=_date(p["start_date"]), end_date=_date(p["end_date"]),
                created_at=self.now, updated_at=self.now, updated_by=by,
            )))
        self.add([row for _, row in new])
        self.practice.update({ref: row.id for ref, row in new})

    def technologies(self) -> None:
        self.technology = dict(self.s.exec(
            select(SurveillanceTechnology.slug, SurveillanceTechnology.id)).all())
        new = []
        for t in self.d["technologies"]:
            if t["slug"] in self.technology:
                continue
            published = [v["published_days_ago"] for v in t["versions"]
                         if v["published_days_ago"] is not None]
            opens, closes = t.get("comment_opens_in_days"), t.get("comment_closes_in_days")
            new.append(SurveillanceTechnology(
                slug=t["slug"], name=t["name"], category=t["category"],
                department_id=self.department[t["department"]], status=t["status"],
                is_published=t["is_published"],
                comment_opens_at=None if opens is None else self.local(opens, time(0, 0)),
                comment_closes_at=None if closes is None else self.local(closes, time(23, 59)),
                created_at=self.ago(max(published, default=5)),
                updated_at=self.ago(t.get("updated_days_ago") or 0),
            ))
        self.add(new)
        self.technology.update({r.slug: r.id for r in new})

        have = set(self.s.exec(select(NoticeVersion.technology_id, NoticeVersion.version)).all())
        versions: list[tuple[dict[str, Any], NoticeVersion]] = []
        for t in self.d["technologies"]:
            tech_id = self.technology[t["slug"]]
            for v in t["versions"]:
                if (tech_id, v["version"]) in have:
                    continue
                published_at = self.ago(v["published_days_ago"])
                versions.append((v, NoticeVersion(
                    technology_id=tech_id, version=v["version"], published_at=published_at,
                    **{f: v[f] for f in _NOTICE_TEXT},
                    fiscal_acquisition_cost=v["fiscal_acquisition_cost"],
                    fiscal_ongoing_cost=v["fiscal_ongoing_cost"],
                    approved_on=self.local_date(v.get("approved_days_ago")),
                    annual_report=v.get("annual_report") or {},
                    created_by=self.contact.get(t["department"], "system"),
                    created_at=published_at or self.ago(3),
                )))
        self.add([row for _, row in versions])

        version_ids = {(tid, ver): vid for vid, tid, ver in self.s.exec(
            select(NoticeVersion.id, NoticeVersion.technology_id, NoticeVersion.version)).all()}
        placed = set(self.s.exec(
            select(DeploymentLocation.notice_version_id, DeploymentLocation.label)).all())
        locations = []
        for t in self.d["technologies"]:
            tech_id = self.technology[t["slug"]]
            for v in t["versions"]:
                version_id = version_ids[(tech_id, v["version"])]
                for loc in v["locations"]:
                    if (version_id, loc["label"]) in placed:
                        continue
                    locations.append(DeploymentLocation(
                        notice_version_id=version_id, technology_id=tech_id,
                        district_id=self.district[loc["district"]], label=loc["label"],
                        latitude=loc["latitude"], longitude=loc["longitude"],
                        geometry=loc.get("geometry"),
                    ))
        self.add(locations)

    def requests(self) -> None:
        have = set(self.s.exec(select(InformationRequest.reference)).all())
        self.add([InformationRequest(
            reference=r["reference"], received_date=_date(r["received_date"]),
            department_id=self.department[r["department"]],
            requesting_agency=r["requesting_agency"], agency_type=r["agency_type"],
            legal_process=r["legal_process"], data_categories=r["data_categories"],
            outcome=r["outcome"], residents_notified=r["residents_notified"],
            people_covered=r["people_covered"], response_date=_date(r["response_date"]),
            public_summary=r["public_summary"], status=r.get("status", "published"),
            created_at=self.now,
        ) for r in self.d["requests"] if r["reference"] not in have])

    def indicators(self) -> None:
        self.indicator = dict(self.s.exec(select(Indicator.slug, Indicator.id)).all())
        pre_existing = set(self.indicator.values())
        new = [Indicator(
            slug=i["slug"], name=i["name"], description=i["description"],
            department_id=self.department.get(i["department"]), unit=i["unit"],
            rate_per=i["rate_per"], source=i["source"], is_published=i["is_published"],
        ) for i in self.d["indicators"] if i["slug"] not in self.indicator]
        self.add(new)
        self.indicator.update({r.slug: r.id for r in new})

        rows: list[dict[str, Any]] = []
        starts: dict[str, date] = {}
        for slug, values in self.d["indicator_values"]["indicators"].items():
            indicator_id = self.indicator[slug]
            have: set[tuple[Any, ...]] = set()
            if indicator_id in pre_existing:
                have = set(self.s.exec(select(
                    IndicatorValue.district_id, IndicatorValue.group_dimension,
                    IndicatorValue.group_value, IndicatorValue.period,
                ).where(IndicatorValue.indicator_id == indicator_id)).all())
            for code, dimension, group, period, value, denominator in values:
                district_id = None if code is None else self.district[code]
                if (district_id, dimension, group, period) in have:
                    continue
                if period not in starts:
                    starts[period] = _period_start(period)
                rows.append({
                    "indicator_id": indicator_id, "district_id": district_id,
                    "group_dimension": dimension, "group_value": group, "period": period,
                    "period_start": starts[period], "value": value, "denominator": denominator,
                })
        if rows:
            # Core executemany: thousands of rows without building ORM objects.
            self.s.execute(sa.insert(IndicatorValue.__table__), rows)
            self.counts[IndicatorValue.__tablename__] += len(rows)

    def comments(self) -> None:
        codes = [m["receipt_code"] for m in self.d["comments"]]
        have = set(self.s.exec(select(Comment.receipt_code).where(
            Comment.receipt_code.in_(codes))).all())
        new: list[tuple[dict[str, Any], Comment]] = []
        for m in self.d["comments"]:
            if m["receipt_code"] in have:
                continue
            response = m.get("official_response") or {}
            # Screened as a submission would be: flags for the queue, the text to publish.
            screened = moderation.screen(m["raw_text"])
            new.append((m, Comment(
                target_type=m["target_type"], target_id=self.target_id(m["target_type"],
                                                                       m["target"]),
                raw_text=m["raw_text"], redacted_text=m["redacted_text"] or screened.redacted,
                flags=flags_json(screened),
                position=m["position"], name=m["name"], email=m["email"],
                district_id=self.district.get(m["district"]) if m["district"] else None,
                language=m["language"], state=m["state"], public_reason=m["public_reason"],
                receipt_code=m["receipt_code"], submitted_at=self.ago(m["submitted_days_ago"]),
                published_at=self.ago(m["published_days_ago"]),
                official_response=response.get("text"),
                official_response_by=response.get("by"),
                official_response_at=self.ago(response.get("days_ago")),
            )))
        self.add([row for _, row in new])
        self.add([ModerationDecision(
            comment_id=row.id, moderator=DEMO_MODERATOR, action=d["action"],
            reason=d.get("reason"), decided_at=self.ago(d["days_ago"]),
        ) for m, row in new for d in m["moderation"]])

    def surveys(self) -> None:
        surveys = dict(self.s.exec(select(Survey.slug, Survey.id)).all())
        new = []
        for sv in self.d["surveys"]:
            if sv["slug"] in surveys:
                continue
            opens = self.local(sv["opens_in_days"], time(0, 0))
            new.append(Survey(
                slug=sv["slug"], title=sv["title"], description=sv["description"],
                target_type=sv["target_type"],
                target_id=self.target_id(sv["target_type"], sv["target"]),
                status=sv["status"], opens_at=opens,
                closes_at=self.local(sv["closes_in_days"], time(23, 59)),
                created_by="demo", created_at=opens - timedelta(days=2),
            ))
        self.add(new)
        surveys.update({r.slug: r.id for r in new})

        have_q = set(self.s.exec(select(SurveyQuestion.survey_id, SurveyQuestion.position)).all())
        self.add([SurveyQuestion(
            survey_id=surveys[sv["slug"]], position=pos, text=q["text"], kind=q["kind"],
            options=q["options"], required=q.get("required", False),
            sensitive_category=q.get("sensitive_category"), justification=q.get("justification"),
        ) for sv in self.d["surveys"] for pos, q in enumerate(sv["questions"], start=1)
            if (surveys[sv["slug"]], pos) not in have_q])
        question = {(sid, pos): qid for qid, sid, pos in self.s.exec(
            select(SurveyQuestion.id, SurveyQuestion.survey_id, SurveyQuestion.position)).all()}

        # Responses have no natural key: a survey's responses are loaded only while it has none.
        answered = set(self.s.exec(select(SurveyResponse.survey_id).distinct()).all())
        pending: list[tuple[dict[str, Any], int, SurveyResponse]] = []
        for sv in self.d["surveys"]:
            survey_id = surveys[sv["slug"]]
            if survey_id in answered:
                continue
            for r in sv["responses"]:
                pending.append((r, survey_id, SurveyResponse(
                    survey_id=survey_id,
                    district_id=self.district.get(r["district"]) if r["district"] else None,
                    language=r["language"], submitted_at=self.ago(r["submitted_days_ago"]),
                )))
        self.add([row for _, _, row in pending])
        self.add([SurveyAnswer(
            response_id=row.id, question_id=question[(survey_id, a["question"])],
            value=a["value"], redacted_value=a.get("redacted_value"),
        ) for r, survey_id, row in pending for a in r["answers"]])

    def meetings(self) -> None:
        meetings = dict(self.s.exec(select(Meeting.title, Meeting.id)).all())
        new = []
        for m in self.d["meetings"]:
            if m["title"] in meetings:
                continue
            hour, minute = (int(x) for x in m["local_time"].split(":"))
            scheduled = self.local(m["in_days"], time(hour, minute))
            new.append(Meeting(
                title=m["title"], scheduled_at=scheduled, location=m["location"],
                description=m["description"], status=m["status"],
                created_at=min(self.now, scheduled) - timedelta(days=30),
            ))
        self.add(new)
        meetings.update({r.title: r.id for r in new})
        have = set(self.s.exec(select(AgendaItem.meeting_id, AgendaItem.position)).all())
        self.add([AgendaItem(
            meeting_id=meetings[m["title"]], position=pos, title=item["title"],
            description=item["description"], target_type=item["target_type"],
            target_id=self.target_id(item["target_type"], item["target"]),
        ) for m in self.d["meetings"] for pos, item in enumerate(m["agenda"], start=1)
            if (meetings[m["title"]], pos) not in have])

    def run(self) -> dict[str, int]:
        self.districts()
        self.departments()
        self.datasets()
        self.practices()
        self.technologies()
        self.requests()
        self.indicators()
        self.comments()
        self.surveys()
        self.meetings()
        return self.counts


_NOTICE_TEXT = (
    "description", "how_it_works", "purpose", "problems_addressed", "data_collected",
    "data_subjects", "retention", "access", "access_logging", "sharing",
    "civil_rights_impact", "disparate_impact", "mitigations", "funding_source", "vendor",
    "use_policy", "approving_authority", "change_summary",
)


def _date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _period_start(period: str) -> date:
    year, quarter = period.split("-Q")
    return date(int(year), (int(quarter) - 1) * 3 + 1, 1)


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
    data = _read(data_dir or demo_data_dir())
    _check(data)
    counts = _Load(session, data, (now or utcnow()).astimezone(UTC)).run()
    if any(counts.values()):
        record_event(session, actor=actor, action="demo.load", entity_type="demo",
                     detail=counts)
    return counts
