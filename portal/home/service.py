"""What the home page shows: the areas' figures, open comment periods, the next meeting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from portal.auth.permissions import service
from portal.auth.roles import Actor
from portal.base import utcnow
from portal.manifest import HomeFigure, resolve
from portal.notices.models import SurveillanceTechnology
from portal.notices.window import open_for_comment
from portal.oversight.models import Meeting
from portal.registry import home_figure_providers


@dataclass(frozen=True)
class OpenPeriod:
    technology_id: int
    slug: str
    name: str
    closes_at: datetime


@dataclass(frozen=True)
class HomeSummary:
    figures: list[HomeFigure]
    open_periods: list[OpenPeriod]
    latest_meeting: Meeting | None
    next_meeting: Meeting | None

    def value(self, key: str) -> int:
        return next(f.value for f in self.figures if f.key == key)


@service("home.summary")
def home_summary(*, session: Session, actor: Actor, now: datetime | None = None) -> HomeSummary:
    """The areas' public figures (each area's manifest names its own), open comment periods
    and the commission's meetings."""
    now = now or utcnow()
    figures = [figure for ref in home_figure_providers() for figure in resolve(ref)(session, now)]
    open_rows = session.exec(
        select(SurveillanceTechnology)
        .where(open_for_comment(now))
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
        figures=figures,
        open_periods=[
            OpenPeriod(t.id, t.slug, t.name, t.comment_closes_at)  # type: ignore[arg-type]
            for t in open_rows
        ],
        latest_meeting=latest,
        next_meeting=upcoming,
    )
