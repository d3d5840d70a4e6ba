"""A notice's text that staff may give in Spanish: its name and its published content."""

from __future__ import annotations

from collections.abc import Collection

import sqlalchemy as sa
from sqlmodel import Session, select

from portal.manifest import TranslatableRecord
from portal.notices.models import NoticeVersion, SurveillanceTechnology
from portal.notices.vocab import TEXT_FIELDS

#: Names of people and firms and the approving body are not translated.
NOT_TRANSLATED = frozenset({"vendor", "approving_authority"})


def english(session: Session, ids: Collection[int] | None) -> dict[int, TranslatableRecord]:
    """Each notice's name and its newest published version's text: what residents read."""
    newest = (select(NoticeVersion.technology_id, sa.func.max(NoticeVersion.version).label("v"))
              .where(NoticeVersion.published_at.is_not(None))  # type: ignore[union-attr]
              .group_by(NoticeVersion.technology_id).subquery())
    query = (select(SurveillanceTechnology, NoticeVersion)
             .join(newest, newest.c.technology_id == SurveillanceTechnology.id)
             .join(NoticeVersion, sa.and_(NoticeVersion.technology_id == newest.c.technology_id,
                                          NoticeVersion.version == newest.c.v))
             .order_by(SurveillanceTechnology.name))
    if ids is not None:
        query = query.where(SurveillanceTechnology.id.in_(list(ids)))  # type: ignore[union-attr]
    records: dict[int, TranslatableRecord] = {}
    for technology, version in session.exec(query).all():
        fields = [("name", "Name", technology.name)]
        fields += [(name, label, getattr(version, name)) for name, label in TEXT_FIELDS.items()
                   if name not in NOT_TRANSLATED and getattr(version, name)]
        assert technology.id is not None
        records[technology.id] = TranslatableRecord(technology.name, tuple(fields))
    return records
