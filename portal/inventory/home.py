"""The inventory's figures on the home page."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, func, select

from portal.i18n import N_
from portal.manifest import HomeFigure
from portal.inventory.models import SharingPractice


def _has_sensitive_categories() -> sa.ColumnElement[bool]:
    """A non-empty JSON list; ``json_array_length`` exists in SQLite and PostgreSQL alike."""
    return func.json_array_length(SharingPractice.sensitive_categories) > 0


def figures(session: Session, now: datetime) -> list[HomeFigure]:
    current = SharingPractice.status != "retired"
    practices, sensitive, informal = session.execute(
        select(
            func.count(),
            func.count().filter(_has_sensitive_categories()),
            func.count().filter(SharingPractice.mechanism == "informal"),
        ).select_from(SharingPractice).where(current)
    ).one()
    return [
        # The inventory lists retired practices too; the label says these are the current ones.
        HomeFigure("inventory.practices", N_("Current data-sharing practices"), practices,
                   help=N_("Practices in force or planned; the inventory also lists retired "
                           "ones.")),
        HomeFigure(
            "inventory.sensitive", N_("Involving sensitive data"), sensitive,
            help=N_("Immigration or citizenship status, SSN/ITIN, nationality, religion, "
                    "language, health, criminal justice, precise location, or information about "
                    "minors."),
        ),
        HomeFigure(
            "inventory.informal", N_("Shared informally"), informal,
            help=N_("Shared on request by phone or e-mail rather than under a law, contract or "
                    "agreement."),
        ),
    ]
