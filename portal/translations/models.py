"""One field of one record in another language, and the English it was translated from."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from portal.base import UTCDateTime, text_field, utcnow


class ContentTranslation(SQLModel, table=True):
    """``text`` is ``field`` of record ``record_id`` of ``kind`` in ``language``.

    ``source`` is the English that was translated. A record's English changes (a new version
    of a notice, an edited practice); the translation is shown only while ``source`` is still
    the record's English, so a resident never reads a Spanish text of words the county has
    since changed. A field whose English did not change keeps its translation across versions.
    """

    __tablename__ = "content_translation"
    __table_args__ = (sa.UniqueConstraint("kind", "record_id", "field", "language",
                                          name="uq_content_translation"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=32)
    record_id: int
    field: str = Field(max_length=80)
    language: str = Field(max_length=8)
    source: str = text_field()
    text: str = text_field()
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_by: str = Field(default="system", max_length=320)
