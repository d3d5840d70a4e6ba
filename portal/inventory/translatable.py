"""A sharing practice's text that staff may give in Spanish."""

from __future__ import annotations

from collections.abc import Collection

from sqlmodel import Session, select

from portal.inventory.models import SharingPractice
from portal.manifest import TranslatableRecord, records_of

FIELDS = (("title", "Title"), ("purpose", "Purpose"), ("legal_basis", "Legal basis"),
          ("retention_text", "Retention"))


def english(session: Session, ids: Collection[int] | None) -> dict[int, TranslatableRecord]:
    query = select(SharingPractice).order_by(SharingPractice.title)
    if ids is not None:
        query = query.where(SharingPractice.id.in_(list(ids)))  # type: ignore[union-attr]
    return records_of(session.exec(query).all(), FIELDS, "title")
