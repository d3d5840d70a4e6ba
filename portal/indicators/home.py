"""The indicators' figure on the home page."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, func, select

from portal.indicators.models import Indicator
from portal.i18n import N_
from portal.manifest import HomeFigure


def figures(session: Session, now: datetime) -> list[HomeFigure]:
    published = session.execute(
        select(func.count()).select_from(Indicator).where(Indicator.is_published == sa.true())
    ).scalar_one()
    return [HomeFigure(
        "indicators.published", N_("Indicators"), published,
        help=N_("Published figures broken down by district and group, with small numbers "
                "suppressed."),
    )]
