"""The county-scale data set (``portal demo --scale county``): DESIGN.md §7's large county.

On top of the demo county (its districts, departments, notices, surveys and meetings), it
adds, with a seeded generator so the same seed makes the same county:

- 48 more departments, 1,500 datasets and 5,000 sharing practices;
- 300 surveillance technologies with their notice versions and 3,000 deployment locations,
  some with a comment period open now, most with one in the last two years;
- 12 surveys with 50,000 anonymous responses (one ballot each), over a quarter with free text;
- 100,000 comments in all — the survey answers' free text among them — in English and
  Spanish, some with personal data, profanity or spam, a fifth of them copies of 27
  copy-paste campaigns; screened as the comment service screens them, their raw text and
  contact details sealed with ``portal.encryption.seal``; moderated (published, published
  redacted, rejected with the policy's reasons, referred, or waiting), campaigns marked and
  decided as a whole, some answered by their department — each decision a moderation row
  and an audit event chained after the log's head;
- 1,000,000 indicator values in 124 indicators (quarterly since 2000–2012, or monthly since
  2019) by district, race and ethnicity and age, with many small groups, each cell's
  suppression status stored as an import stores it, and the indicators' catalog summaries
  refreshed (``refresh_summaries``).

It ends with an audit event of its own and a signed checkpoint of the chain's head.

``factor`` scales every count (tests load 0.2 % of it). The same seed writes the same records
and texts; their dates are counted from the moment of loading (``now``), as the demo
county's are, so which comments are already decided depends on that moment.

Everything is written in bulk in the caller's transaction (:mod:`portal.demo.bulk`), so an
error leaves nothing; loading it again changes nothing (its closing audit event,
``demo.load_county``, says it is loaded). Figures: docs/performance.md.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import random
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlmodel import Session

from portal.audit.checkpoints import sign_checkpoint
from portal.audit.models import AuditEvent, RecordVersion
from portal.audit.service import GENESIS, lock_chain, record_event
from portal.auth.permissions import service
from portal.auth.roles import Actor
from portal.base import utcnow
from portal.demo import areas
from portal.demo import scale_engagement as se
from portal.demo import scale_indicators as si
from portal.demo import scale_records as sr
from portal.demo import scale_text as st
from portal.demo import scale_words as w
from portal.demo.bulk import BulkWriter, Progress
from portal.errors import ValidationFailed
from portal.settings import get_settings

SEED = 20261
T = areas.table
ACTION = "demo.load_county"

#: DESIGN.md §7's county, beyond what the demo county already holds.
TARGETS: dict[str, int] = {
    "department": 48,
    "dataset": 1_500,
    "sharing_practice": 5_000,
    "surveillance_technology": 300,
    "deployment_location": 3_000,
    "survey": 12,
    "survey_response": 50_000,
    "comment": 100_000,
    "indicator_value": 1_000_000,
}


def counts_for(factor: float) -> dict[str, int]:
    """How many rows of each kind ``factor`` asks for (at least one of each)."""
    if not 0 < factor <= 1:
        raise ValidationFailed(message="the rows factor is a number above 0 and at most 1")
    return {name: max(1, round(n * factor)) for name, n in TARGETS.items()}


def is_loaded(session: Session) -> bool:
    return session.execute(sa.select(AuditEvent.id).where(AuditEvent.action == ACTION)
                           .limit(1)).first() is not None


class _Pool:
    """Worker processes for screening and suppression (forked, so they start warm), or none."""

    def __init__(self, workers: int) -> None:
        self.executor: ProcessPoolExecutor | None = None
        if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
            self.executor = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
            # Fork the workers now, while this process holds little: forked later, each would
            # start with (and, as Python touches it, copy) every comment planned by then.
            self.executor.submit(int).result()
        self.workers = workers if self.executor else 1

    def map(self, fn: Any, items: list[Any]) -> Iterator[Any]:
        """``fn`` of each item, in order; the work starts now, in the workers, and goes on
        while the caller does other things (results wait for it in memory)."""
        if self.executor is None or len(items) < 2:
            return map(fn, items)
        futures = [self.executor.submit(fn, item) for item in items]
        return (future.result() for future in futures)

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(cancel_futures=True)


def _districts(session: Session) -> list[sr.District]:
    d = T("district").c
    rows = session.execute(sa.select(d.id, d.code, d.name, d.population, d.geometry)
                           .order_by(d.code)).all()
    return [sr.District(i, code, name, population or 75_000, geometry or {})
            for i, code, name, population, geometry in rows]


@service(ACTION)
def load_county(*, session: Session, actor: Actor, factor: float = 1.0, seed: int = SEED,
                now: datetime | None = None, workers: int | None = None,
                progress: Progress | None = None) -> dict[str, int]:
    """Add the county-scale data set; return the rows written per table (empty if loaded).

    ``now`` (aware) fixes the moment the data set's dates are counted from; ``workers`` is
    how many processes screen texts and work out suppression (default: one per core).
    Nothing is committed here: the caller's unit of work commits or rolls back.
    """
    if now is not None and now.tzinfo is None:
        raise ValidationFailed(message="give the time with its time zone")
    want = counts_for(factor)
    if is_loaded(session):
        return {}
    districts = _districts(session)
    if not districts:
        raise ValidationFailed(message="the county-scale data set needs the county's districts: "
                                       "load the demo county first (portal demo)")
    now = (now or utcnow()).astimezone(UTC)
    progress = progress or Progress()
    lock_chain(session)  # on PostgreSQL: nobody else appends to the audit chain meanwhile
    import moderation

    moderation.warm_up()  # before forking, so every worker starts with the models loaded
    pool = _Pool(workers or os.cpu_count() or 1)
    try:
        return _load(session, actor, want, factor, seed, now, districts, pool, progress)
    finally:
        pool.close()


def _load(session: Session, actor: Actor, want: dict[str, int], factor: float, seed: int,
          now: datetime, districts: list[sr.District], pool: _Pool,
          progress: Progress) -> dict[str, int]:
    tz = ZoneInfo(get_settings().timezone)
    k = get_settings().suppression_k
    out = BulkWriter(session, progress)
    made = sr.Made()
    progress.say(f"county-scale data set, factor {factor:g}, seed {seed}, on "
                 f"{out.dialect}, {pool.workers} process(es) for screening and suppression")

    # --- Departments, datasets, practices ------------------------------------------------
    rng = random.Random(f"{seed}-inventory")
    taken = set(session.execute(sa.select(T("department").c.code)).scalars())
    rows = sr.department_rows(want["department"], out.next_id(T("department")), taken, now)
    out.write(T("department"), sr.DEPARTMENT_COLUMNS, rows)
    made.departments = [sr.Department(r[0], r[1], r[2], r[4]) for r in rows]
    existing = [sr.Department(i, code, name, contact or "system") for i, code, name, contact in
                session.execute(sa.select(*(T("department").c[c] for c in (
                    "id", "code", "name", "contact_email")))).all()]
    taken = set(session.execute(sa.select(T("dataset").c.identifier)).scalars())
    datasets, practices = sr.inventory_rows(
        rng, made.departments, want["dataset"], want["sharing_practice"],
        out.next_id(T("dataset")), out.next_id(T("sharing_practice")), taken, now, made)
    out.write(T("dataset"), sr.DATASET_COLUMNS, datasets)
    out.write(T("sharing_practice"), sr.PRACTICE_COLUMNS, practices)

    # --- Surveillance technologies, notices, locations ---------------------------------------
    rng = random.Random(f"{seed}-notices")
    taken = set(session.execute(sa.select(T("surveillance_technology").c.slug)).scalars())
    first = {"technology": out.next_id(T("surveillance_technology")),
             "version": out.next_id(T("notice_version")),
             "location": out.next_id(T("deployment_location"))}
    techs, versions, places = sr.notice_rows(
        rng, want["surveillance_technology"], want["deployment_location"], existing, districts,
        first, taken, now, tz, made)
    out.write(T("surveillance_technology"), sr.TECHNOLOGY_COLUMNS, techs)
    out.write(T("notice_version"), sr.VERSION_COLUMNS, versions)
    out.write(T("deployment_location"), sr.LOCATION_COLUMNS, places)

    # --- Indicator definitions (their values come last: they take longest) ----------------
    rng = random.Random(f"{seed}-indicators")
    specs: list[dict[str, Any]] = []
    planned = 0
    for spec in si.indicator_specs(seed):
        if planned >= want["indicator_value"]:
            break
        spec["limit"] = min(si.rows_of(spec), want["indicator_value"] - planned)
        planned += spec["limit"]
        specs.append(spec)
    taken = set(session.execute(sa.select(T("indicator").c.slug)).scalars())
    first_indicator = out.next_id(T("indicator"))
    indicators = []
    for n, spec in enumerate(specs):
        slug, m = spec["slug"], 1
        while slug in taken:
            m += 1
            slug = f"{spec['slug']}-{m}"[:120]
        taken.add(slug)
        spec["id"] = first_indicator + n
        spec["published"] = rng.random() < 0.95
        department = rng.choice(existing)
        spec["department"] = department
        every = "Monthly" if spec["monthly"] else "Quarterly"
        indicators.append((
            spec["id"], slug, spec["name"][:200],
            f"{spec['name']} in each district, for everyone, by race and ethnicity and by age."
            if spec["demographics"] else f"{spec['name']} in each district.",
            department.id, spec["unit"], spec["rate_per"], f"{department.name} records",
            ("Small groups are suppressed. Race and ethnicity are self-reported; 'all' includes "
            "people who did not answer."), every, spec["published"], 1, 1, None, [], now, "system"))
    out.write(T("indicator"), INDICATOR_COLUMNS, indicators)

    # --- Residents' voice ---------------------------------------------------------------------
    targets = _targets(session, made, specs)
    rng = random.Random(f"{seed}-surveys")
    from portal.encryption import salted_hash

    taken = set(session.execute(sa.select(T("survey").c.slug)).scalars())
    surveys = se.plan_surveys(
        rng, want["survey"], want["survey_response"],
        {"survey": out.next_id(T("survey")), "question": out.next_id(T("survey_question")),
         "response": out.next_id(T("survey_response"))},
        targets, districts, now, tz, salted_hash, taken)
    texts = surveys.texts[:want["comment"]]
    rng = random.Random(f"{seed}-comments")
    direct, campaigns = se.plan_comments(rng, want["comment"] - len(texts), targets, districts, now)
    plans = sorted(direct + texts, key=lambda p: p.submitted_at)
    _screen(plans, pool, progress)
    codes = set(session.execute(sa.select(T("comment").c.receipt_code)).scalars())
    first_comment = out.next_id(T("comment"))
    for n, plan in enumerate(plans):
        plan.id = first_comment + n
        code = st.receipt_code(rng)
        while code in codes:
            code = st.receipt_code(rng)
        codes.add(code)
        plan.receipt = code
    decided = se.decide_all(random.Random(f"{seed}-moderation"), plans, campaigns, now)
    # The indicator tables' suppression takes longest: the workers start on it now, while
    # this process writes the comments and surveys.
    jobs = [(spec, [(d.code, d.population) for d in districts], seed, k, spec["limit"])
            for spec in specs]
    tables = pool.map(si.indicator_rows, jobs)
    progress.say(f"indicator values: {len(specs)} indicators' tables started in the workers, "
                 f"suppression worked out for k={k}")

    out.write(T("survey"), se.SURVEY_COLUMNS, surveys.surveys)
    out.write(T("survey_question"), se.QUESTION_COLUMNS, surveys.questions)
    out.write(T("comment"), se.COMMENT_COLUMNS, map(se.comment_row, plans), total=len(plans),
              label="comment (raw text and contact details sealed)")
    first_decision = out.next_id(T("moderation_decision"))
    out.write(T("moderation_decision"), se.DECISION_COLUMNS, (
        (first_decision + n, comment_id, moderator, action, reason, when)
        for n, (when, _seq, comment_id, moderator, action, reason)
        in enumerate(sorted(decided.rows, key=lambda r: r[:2]))), total=len(decided.rows))
    first_version = out.next_id(RecordVersion.__table__)
    out.write(RecordVersion.__table__, se.VERSION_COLUMNS, (
        (first_version + n, "comment", record_id, version, data, by, when,
         "official response written")
        for n, (record_id, version, data, by, when) in enumerate(decided.versions)))
    head = session.execute(sa.select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).scalar()
    events, _ = se.chained_events(decided.events, out.next_id(AuditEvent.__table__), head or GENESIS)
    out.write(AuditEvent.__table__, se.EVENT_COLUMNS, events)
    out.write(T("survey_response"), se.RESPONSE_COLUMNS, surveys.responses)
    out.write(T("survey_answer"), ("response_id", "question_id", "value", "redacted_value",
                                       "comment_id"),
              ((response, question, value, None, plan.id if plan else None)
               for response, question, value, plan in surveys.answers), total=len(surveys.answers))
    out.write(T("survey_ballot"), ("survey_id", "token_hash"), surveys.ballots)

    # --- Indicator values, with each cell's suppression --------------------------------------
    code_to_id = {d.code: d.id for d in districts}

    def values() -> Iterator[tuple[Any, ...]]:
        for spec, result in zip(specs, tables, strict=True):
            for code, dimension, group, period, start, value, size, status, status_k in result:
                yield (spec["id"], code_to_id[code] if code else None, dimension, group, period,
                       start, value, size, status, status_k)

    out.write(T("indicator_value"), VALUE_COLUMNS, values(), total=want["indicator_value"])
    refresh_summaries = areas.function("portal.indicators.values:refresh_summaries")
    refresh_summaries(out.connection, [spec["id"] for spec in specs])
    progress.say("indicator summaries refreshed (latest period, group dimensions)")
    out.finish()
    counts = {name: n for name, n in out.written.items()}
    record_event(session, actor=actor, action=ACTION, entity_type="demo",
                 detail={"factor": factor, "seed": seed, "rows": counts})
    # A running portal signs its chain's head at least daily; sign the head now, as
    # ``portal audit checkpoint`` does, so the newest checkpoint covers the events written.
    sign_checkpoint(session, reason="manual")
    progress.say("done")
    return counts


INDICATOR_COLUMNS = ("id", "slug", "name", "description", "department_id", "unit", "rate_per",
                     "source", "caveats", "update_frequency", "is_published", "version",
                     "values_version", "latest_period", "dimensions", "updated_at", "updated_by")
VALUE_COLUMNS = ("indicator_id", "district_id", "group_dimension", "group_value", "period",
                 "period_start", "value", "denominator", "status", "status_k")


def _targets(session: Session, made: sr.Made, specs: list[dict[str, Any]]) -> dict[str, list[se.Target]]:
    """What residents comment on: the new notices, practices and indicators, and meetings."""
    targets: dict[str, list[se.Target]] = {"notice": [], "practice": [], "indicator": [], "meeting": []}
    for tech_id, name, category, department, opens, closes, published, _status in made.technologies:
        if published:
            targets["notice"].append(se.Target(
                "notice", tech_id, st.About(tech=name.lower(), tech_es=w.TECH_ES[category],
                                            dept=department.name),
                department.contact, opens, closes))
    for practice_id, kind, recipient, department in made.practices:
        targets["practice"].append(se.Target(
            "practice", practice_id, st.About(dataset=kind.lower(), recipient=recipient,
                                              dept=department.name), department.contact))
    for spec in specs:
        if spec["published"]:
            targets["indicator"].append(se.Target(
                "indicator", spec["id"], st.About(indicator=spec["name"]), spec["department"].contact))
    meeting = T("meeting").c
    for meeting_id, _title in session.execute(sa.select(meeting.id, meeting.title)
                                              .where(meeting.status != "cancelled")).all():
        targets["meeting"].append(se.Target("meeting", meeting_id, st.About()))
    return targets


def _screen(plans: list[se.Plan], pool: _Pool, progress: Progress) -> None:
    """Screen each distinct text once, as the comment service screens a submission."""
    distinct = sorted({p.text for p in plans})
    counter = progress.counter(f"screening {len(plans):,} comments ({len(distinct):,} distinct "
                               f"texts, {pool.workers} process(es))", len(distinct))
    chunk = max(200, math.ceil(len(distinct) / (pool.workers * 8)))
    chunks = [distinct[i:i + chunk] for i in range(0, len(distinct), chunk)]
    results: dict[str, st.Screened] = {}
    for texts, screened in zip(chunks, pool.map(st.screen_texts, chunks), strict=True):
        results.update(zip(texts, screened, strict=True))
        counter.add(len(texts))
    counter.done()
    for plan in plans:
        plan.language, plan.flags, plan.redacted, plan.still_personal = results[plan.text]
