"""``portal demo --scale county`` at a small factor, on SQLite and PostgreSQL: the data set
holds what the services assume of real data.

The full data set (DESIGN.md §7) takes minutes and is measured, not tested
(docs/performance.md); here 0.2 % of it is loaded through the real command, and its rows are
checked: counts in proportion, unique keys, the audit chain, every sealed value opening,
small groups that suppression must protect, Spanish and campaign comments.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import Session, SQLModel, func, select

import moderation
import portal.models  # noqa: F401  (complete metadata)
from portal.audit.models import AuditCheckpoint, AuditEvent
from portal.audit.service import verify_chain
from portal.auth.roles import SYSTEM
from portal.demo import load_demo, scale
from portal.demo import scale_engagement as se
from portal.demo import scale_indicators as si
from portal.demo import scale_text as st
from portal.engagement.models import Comment, ModerationDecision
from portal.errors import ValidationFailed
from portal.indicators.models import Indicator, IndicatorValue
from portal.indicators.tables import store_patterns
from portal.settings import PROJECT_ROOT, get_settings
from portal.surveys.builder import publication_problems
from portal.surveys.models import Survey, SurveyAnswer, SurveyQuestion, SurveyResponse

FACTOR = 0.002
#: The tables whose rows the factor scales, each to ``counts_for(FACTOR)``.
SCALED = ("department", "dataset", "sharing_practice", "surveillance_technology",
          "deployment_location", "survey", "survey_response", "comment", "indicator_value")


def row_counts(session: Session) -> dict[str, int]:
    return {t.name: session.execute(select(func.count()).select_from(t)).scalar_one()
            for t in SQLModel.metadata.sorted_tables}


def portal_command(*args: str, url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "portal", *args], check=False, cwd=PROJECT_ROOT,
        env={**os.environ, "PORTAL_DATABASE_URL": url}, capture_output=True, text=True,
        timeout=600, stdin=subprocess.DEVNULL)


@pytest.fixture
def county(database_url: str, session: Session) -> tuple[dict[str, int], dict[str, int], str]:
    """The demo county, then the county-scale data set on top through ``portal demo``:
    (rows before, rows after, the command's standard error)."""
    load_demo(session=session, actor=SYSTEM)
    session.commit()
    before = row_counts(session)
    done = portal_command("demo", "--scale", "county", "--rows-factor", str(FACTOR), url=database_url)
    assert done.returncode == 0, done.stderr
    assert "Loaded the county-scale data set" in done.stdout
    session.expire_all()
    return before, row_counts(session), done.stderr


def scale_comments(session: Session, before: dict[str, int]) -> list[Comment]:
    """The comments the data set added (ids after the demo county's)."""
    return list(session.exec(select(Comment).order_by(Comment.id)).all())[before["comment"]:]


def test_the_county_scale_data_set_holds_what_the_services_assume(
        county: tuple[dict[str, int], dict[str, int], str], session: Session) -> None:
    before, after, stderr = county
    want = scale.counts_for(FACTOR)

    # Counts in proportion: each table the factor scales grew by its share of §7's county.
    added = {name: after[name] - before[name] for name in after}
    assert {name: added[name] for name in SCALED} == {name: want[name] for name in SCALED}
    assert added["survey_ballot"] == added["survey_response"]  # one ballot per response
    assert added["indicator"] >= 1 and added["notice_version"] >= added["surveillance_technology"]
    # Progress went to standard error: each table, its rows and the rate.
    assert "comment (raw text and contact details sealed): 200 rows in" in stderr
    assert "indicator_value:" in stderr and "rows/s" in stderr

    # Unique keys hold (the constraints would have refused a duplicate; this names the key).
    for table, columns in {
        "department": "code", "dataset": "identifier", "surveillance_technology": "slug",
        "comment": "receipt_code", "indicator": "slug", "survey": "slug", "audit_event": "hash",
        "notice_version": "technology_id, version", "survey_ballot": "survey_id, token_hash",
        "indicator_value": "indicator_id, district_id, group_dimension, group_value, period",
        "record_version": "record_type, record_id, version",
    }.items():
        duplicates = session.execute(sa.text(
            f"SELECT {columns}, COUNT(*) FROM {table} GROUP BY {columns} HAVING COUNT(*) > 1")).all()
        assert duplicates == [], (table, duplicates[:3])
    # References point at rows of the right kind.
    comments = scale_comments(session, before)
    survey_texts = session.exec(select(SurveyAnswer.comment_id).where(
        SurveyAnswer.comment_id.is_not(None))).all()
    kinds = dict(session.execute(sa.select(Comment.id, Comment.target_type)).all())
    assert survey_texts and {kinds[i] for i in survey_texts} == {"survey"}
    assert all(c.target_id is not None for c in comments if c.target_type != "general")

    # The audit chain verifies, and every decision on a comment is in it.
    report = verify_chain(session)
    assert report.ok, report
    assert report.events == after["audit_event"]
    decided = [c for c in comments if c.state != "pending"]
    assert decided and len(decided) < len(comments)  # some still wait for a moderator
    events = Counter(session.exec(select(AuditEvent.action).where(
        AuditEvent.id > before["audit_event"])).all())
    verdicts = session.exec(select(func.count()).select_from(ModerationDecision).where(
        ModerationDecision.id > before["moderation_decision"],
        ModerationDecision.action != "mark_campaign")).one()
    assert sum(n for a, n in events.items() if a.startswith("engagement.") and a not in (
        "engagement.respond", "engagement.mark_campaign")) == verdicts >= len(decided)
    assert events[scale.ACTION] == 1
    newest = session.exec(select(AuditCheckpoint).order_by(AuditCheckpoint.id.desc())).first()
    assert newest is not None and newest.event_id == session.exec(select(func.max(AuditEvent.id))).one()
    assert {c.state for c in comments} >= {"pending", "published", "rejected"}

    # Every sealed value opens (the ORM reads through EncryptedText), and none is stored open.
    assert all(c.raw_text for c in comments)
    assert any(c.name for c in comments) and any(c.email for c in comments)
    stored = session.execute(sa.text("SELECT raw_text, name, email FROM comment WHERE id > :n"),
                             {"n": before["comment"]}).all()
    assert all(v is None or v.startswith("gAAAA") for row in stored for v in row)

    # What residents wrote: Spanish, personal data, profanity, copy-paste campaigns.
    assert sum(c.language == "es" for c in comments) >= 5
    flagged = Counter(f["kind"] for c in comments for f in c.flags)
    assert flagged["profanity"] >= 1 and sum(n for k, n in flagged.items() if k.startswith("pii:")) >= 5
    campaigns = Counter(c.campaign_key for c in comments if c.campaign_key)
    assert campaigns and max(campaigns.values()) >= 5
    key = campaigns.most_common(1)[0][0]
    copies = [c.raw_text for c in comments if c.campaign_key == key]
    assert moderation.find_campaigns(copies)  # near-identical, as the queue would suggest
    assert not any(moderation.screen(c.redacted_text).has_pii
                   for c in comments if c.state == "published")

    # Indicators: small groups exist, and their statuses are what an import stores for k.
    k = get_settings().suppression_k
    new = session.exec(select(Indicator).where(Indicator.slug.startswith("county-"))).all()
    values = session.exec(select(IndicatorValue).where(
        IndicatorValue.indicator_id.in_([i.id for i in new]))).all()
    assert any(v.denominator is not None and 0 < v.denominator < k for v in values) or any(
        v.value is not None and 0 < v.value < k for v in values)
    statuses = Counter(v.status for v in values)
    assert statuses["suppressed_primary"] and statuses["suppressed_complementary"]
    assert {v.status_k for v in values} == {k}
    for indicator in new:
        periods = sorted({v.period for v in values if v.indicator_id == indicator.id})
        assert store_patterns(session, indicator.id, periods, k) == 0  # nothing to change
        assert indicator.latest_period == max(periods, key=lambda p: (p[:4], p))
        assert indicator.dimensions[0] == "all"

    # Surveys: publishable as the builder requires, answers in the answering service's forms.
    for survey in session.exec(select(Survey).where(Survey.slug.startswith("county-"))).all():
        questions = session.exec(select(SurveyQuestion).where(
            SurveyQuestion.survey_id == survey.id)).all()
        assert publication_problems(list(questions)) == [], survey.slug
        assert survey.status in ("open", "closed")
    days = session.exec(select(SurveyResponse.submitted_at).where(
        SurveyResponse.id > before["survey_response"])).all()
    assert all((d.hour, d.minute, d.second) == (0, 0, 0) for d in days)

    # The database takes new rows after the bulk load (PostgreSQL's sequences moved on).
    session.add(Comment(target_type="general", raw_text="after the load", redacted_text="after",
                        receipt_code="AFTR-LOAD-2345"))
    session.flush()
    session.rollback()

    # Loading again changes nothing.
    assert scale.load_county(session=session, actor=SYSTEM, factor=FACTOR) == {}


def test_the_same_seed_writes_the_same_county() -> None:
    now = datetime(2026, 6, 1, 12, tzinfo=UTC)

    def texts(seed: int) -> list[tuple[str, str | None]]:
        rng = random.Random(seed)
        target = se.Target("notice", 1, st.About(tech="drones"), opens=datetime(2026, 5, 1, tzinfo=UTC),
                           closes=datetime(2026, 5, 31, tzinfo=UTC))
        from portal.demo.scale_records import District

        plans, _ = se.plan_comments(rng, 300, {"notice": [target]}, [District(1, "D1", "North", 1000, {})], now)
        return [(p.text, p.position) for p in plans]

    assert texts(1) == texts(1) != texts(2)
    spec = next(si.indicator_specs(5))
    job = (spec, [("D1", 70_000), ("D2", 80_000)], 5, 11, 500)
    assert si.indicator_rows(job) == si.indicator_rows(job)


def test_a_factor_outside_zero_to_one_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationFailed):
        scale.counts_for(0)
    done = portal_command("demo", "--scale", "county", "--rows-factor", "1.5",
                          url=f"sqlite:///{tmp_path / 'none.db'}")
    assert done.returncode == 1 and "rows factor" in done.stderr
    assert not (tmp_path / "none.db").exists()  # refused before the database was touched


def test_no_two_practices_of_a_dataset_share_a_title_at_full_scale() -> None:
    """The inventory's import refuses two practices with one dataset and title, so the
    county's export must not hold such a pair: at §7's scale the generator once wrote 19."""
    from portal.demo import scale_records as sr

    want = scale.counts_for(1.0)
    now = datetime(2026, 12, 1, tzinfo=UTC)
    departments = sr.department_rows(want["department"], 1, set(), now)
    made = sr.Made()
    _datasets, practices = sr.inventory_rows(
        random.Random(f"{scale.SEED}-inventory"), [sr.Department(r[0], r[1], r[2], r[4]) for r in departments],
        want["dataset"], want["sharing_practice"], 1, 1, set(), now, made)
    assert len(practices) == want["sharing_practice"]
    pairs = Counter((row[1], row[3].casefold()) for row in practices)
    assert [pair for pair, n in pairs.items() if n > 1] == []
