"""The notices' figures on the home page."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, func, select

from portal.i18n import N_
from portal.manifest import HomeFigure
from portal.notices.models import SurveillanceTechnology


def figures(session: Session, now: datetime) -> list[HomeFigure]:
    technologies = session.exec(
        select(func.count()).select_from(SurveillanceTechnology)
        .where(SurveillanceTechnology.is_published == sa.true())
    ).one()
    return [HomeFigure("notices.technologies", N_("Surveillance technologies"), technologies)]
