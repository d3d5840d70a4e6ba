"""Column helpers every area's models share, so ids and timestamps look alike.

Timestamps are timezone-aware UTC everywhere: SQLite keeps no zone, so the
column type re-attaches UTC on the way out (see ``UTCDateTime``) and pages
convert to the county's zone only for display.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(sa.types.TypeDecorator):
    """A DateTime that refuses naive values and always returns aware UTC.

    Naive datetimes are ambiguous (server local time? county time?), so
    accepting one silently would store a wrong instant.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass an aware UTC datetime")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def created_at_field() -> Any:
    return Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


def optional_datetime_field(**kwargs: Any) -> Any:
    return Field(default=None, sa_type=UTCDateTime, nullable=True, **kwargs)


def json_list_field() -> Any:
    return Field(default_factory=list, sa_type=sa.JSON, nullable=False)


def json_dict_field() -> Any:
    return Field(default_factory=dict, sa_type=sa.JSON, nullable=False)


def text_field(**kwargs: Any) -> Any:
    """Unbounded text: policies and descriptions run to thousands of characters."""
    return Field(default="", sa_type=sa.Text, **kwargs)


def optional_text_field(**kwargs: Any) -> Any:
    return Field(default=None, sa_type=sa.Text, nullable=True, **kwargs)
