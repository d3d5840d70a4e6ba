"""An indicator's text that staff may give in Spanish."""

from __future__ import annotations

from collections.abc import Collection

from sqlmodel import Session, select

from portal.indicators.models import Indicator
from portal.manifest import TranslatableRecord, records_of

FIELDS = (("name", "Name"), ("description", "Description"), ("caveats", "Caveats"))


def english(session: Session, ids: Collection[int] | None) -> dict[int, TranslatableRecord]:
    query = select(Indicator).order_by(Indicator.name)
    if ids is not None:
        query = query.where(Indicator.id.in_(list(ids)))  # type: ignore[union-attr]
    return records_of(session.exec(query).all(), FIELDS, "name")
