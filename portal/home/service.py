"""The figures the home page shows, computed in a few aggregate queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, func, select

from portal.auth.permissions import service
from portal.auth.roles import Actor
from portal.base import utcnow
from portal.notices.models import SurveillanceTechnology
from portal.oversight.models import Meeting
from portal.inventory.models import SharingPractice


@dataclass(frozen=True)
class OpenPeriod:
    technology_id: int
    slug: str
    name: str
    closes_at: datetime


@dataclass(frozen=True)
class HomeSummary:
    practices: int
    sensitive_practices: int
    informal_practices: int
    technologies: int
    open_periods: list[OpenPeriod]
    latest_meeting: Meeting | None
    next_meeting: Meeting | None


def _has_sensitive_categories() -> sa.ColumnElement[bool]:
    """A non-empty JSON list; ``json_array_length`` exists in SQLite and PostgreSQL alike."""
    return func.json_array_length(SharingPractice.sensitive_categories) > 0


@service("home.summary")
def home_summary(*, session: Session, actor: Actor, now: datetime | None = None) -> HomeSummary:
    now = now or utcnow()
    current = SharingPractice.status != "retired"
    practices = session.exec(select(func.count()).select_from(SharingPractice).where(current)).one()
    sensitive = session.exec(
        select(func.count()).select_from(SharingPractice).where(current, _has_sensitive_categories())
    ).one()
    informal = session.exec(
        select(func.count())
        .select_from(SharingPractice)
        .where(current, SharingPractice.mechanism == "informal")
    ).one()
    published = SurveillanceTechnology.is_published == sa.true()
    technologies = session.exec(
        select(func.count()).select_from(SurveillanceTechnology).where(published)
    ).one()
    open_rows = session.exec(
        select(SurveillanceTechnology)
        .where(
            published,
            SurveillanceTechnology.comment_opens_at <= now,
            SurveillanceTechnology.comment_closes_at > now,
        )
        .order_by(SurveillanceTechnology.comment_closes_at)
    ).all()
    latest = session.exec(
        select(Meeting).where(Meeting.scheduled_at <= now).order_by(Meeting.scheduled_at.desc()).limit(1)
    ).first()
    upcoming = session.exec(
        select(Meeting)
        .where(Meeting.scheduled_at > now, Meeting.status != "cancelled")
        .order_by(Meeting.scheduled_at)
        .limit(1)
    ).first()
    return HomeSummary(
        practices=practices,
        sensitive_practices=sensitive,
        informal_practices=informal,
        technologies=technologies,
        open_periods=[
            OpenPeriod(t.id, t.slug, t.name, t.comment_closes_at)  # type: ignore[arg-type]
            for t in open_rows
        ],
        latest_meeting=latest,
        next_meeting=upcoming,
    )
