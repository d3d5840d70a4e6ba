"""Comments and moderation decisions.

A comment keeps the resident's raw text only for moderators and only for the
retention period; the public sees ``redacted_text``. Contact details are
optional and never shown publicly. Raw text, contact details and the author
of a signed-in person's comment are encrypted at rest (portal/encryption.py).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from portal.base import (
    UTCDateTime,
    created_at_field,
    json_list_field,
    optional_datetime_field,
    optional_text_field,
    text_field,
)
from portal.encryption import EncryptedText


#: Flags that most need a person's eye come first in the moderation queue.
_URGENCY = {"profanity": 3, "spam": 2}


def urgency(flags: list[dict[str, Any]]) -> int:
    """How soon a moderator should read a comment with these screening flags."""
    kinds = {f.get("kind", "") for f in flags}
    return sum(_URGENCY.get(k, 1) for k in kinds)


class Comment(SQLModel, table=True):
    __tablename__ = "comment"
    __table_args__ = (
        sa.Index("ix_comment_target", "target_type", "target_id"),
        # The moderation queue's order, so it is read from an index, not by decoding
        # every open comment's flags (bench/bench_moderation.py).
        sa.Index("ix_comment_queue", "state", "urgency", "submitted_at"),
        # A record's published comments, newest first, a page at a time (keyset on
        # published_at, id: engagement.comments.published_comment_page), and their count.
        sa.Index("ix_comment_published", "target_type", "target_id", "state", "published_at", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    # What the comment is about: notice, practice, indicator, meeting or general.
    target_type: str = Field(max_length=20)
    target_id: int | None = None
    # Moderators only; purged after retention; encrypted at rest.
    raw_text: str | None = Field(default=None, sa_type=EncryptedText, nullable=True)
    redacted_text: str = text_field()
    position: str | None = Field(default=None, max_length=10)  # support | neutral | oppose
    # Optional contact details: encrypted at rest, never shown publicly, purged after retention.
    name: str | None = Field(default=None, sa_type=EncryptedText, nullable=True)
    email: str | None = Field(default=None, sa_type=EncryptedText, nullable=True)
    # Who wrote it, only when a signed-in person did (so they cannot moderate it); encrypted.
    author_ref: str | None = Field(default=None, sa_type=EncryptedText, nullable=True)
    district_id: int | None = Field(default=None, foreign_key="district.id", index=True)
    language: str = Field(default="und", max_length=8)
    state: str = Field(default="pending", max_length=16, index=True)  # vocab.COMMENT_STATES
    public_reason: str | None = Field(default=None, max_length=200)
    receipt_code: str = Field(max_length=32, unique=True, index=True)
    flags: list[dict[str, Any]] = json_list_field()
    # urgency(flags), kept by the ORM events below whenever flags are written.
    urgency: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    campaign_key: str | None = Field(default=None, max_length=64, index=True)
    submitted_at: datetime = created_at_field()
    published_at: datetime | None = optional_datetime_field()
    raw_purged_at: datetime | None = optional_datetime_field()
    official_response: str | None = optional_text_field()
    official_response_by: str | None = Field(default=None, max_length=320)
    official_response_at: datetime | None = optional_datetime_field()
    # Optimistic lock: a decision names the version it saw.
    lock_version: int = 1


class CommentQueueItem(SQLModel):
    """A comment as the moderation queue shows it: what a moderator needs to decide, no more.

    Contact details (name, e-mail) and the author reference stay out: a decision
    needs neither, and each would be one more value decrypted per row.
    """

    id: int
    target_type: str
    target_id: int | None
    raw_text: str | None  # None once purged after the retention period
    redacted_text: str
    state: str
    flags: list[dict[str, Any]]
    campaign_key: str | None
    submitted_at: datetime
    lock_version: int
    # What it is about, named ("Surveillance technology notice: Drones"): not a column.
    about: str = ""


class ModerationDecision(SQLModel, table=True):
    __tablename__ = "moderation_decision"

    id: int | None = Field(default=None, primary_key=True)
    comment_id: int = Field(foreign_key="comment.id", index=True)
    moderator: str = Field(max_length=320)
    action: str = Field(max_length=24)  # vocab.MODERATION_ACTIONS
    reason: str | None = Field(default=None, max_length=500)
    decided_at: datetime = created_at_field()


class SubmissionBucket(SQLModel, table=True):
    """Abuse-limit counters that identify nobody.

    ``key_hash`` is an HMAC of a browser-session token or a network address
    with a secret that changes daily, so a bucket cannot be linked to a person
    or to the same person's buckets on another day; buckets are deleted by
    ``portal retention purge`` after two days.
    """

    __tablename__ = "submission_bucket"
    __table_args__ = (
        sa.UniqueConstraint("key_hash", "window_start", name="uq_submission_bucket_window"),
    )

    id: int | None = Field(default=None, primary_key=True)
    key_hash: str = Field(max_length=64)
    window_start: datetime = Field(sa_type=UTCDateTime, index=True)
    count: int = 0


class RateLimitSecret(SQLModel, table=True):
    """The day's random secret that the abuse-limit counters are keyed with.

    Random, not derived from the encryption keys: whoever holds the database and those
    keys could otherwise rebuild the key and recover an IPv4 address by trying all 2³².
    Each secret is deleted once its day is over, so a past day's counters can no longer be
    linked to anyone, even by someone who later holds everything.
    """

    __tablename__ = "rate_limit_secret"

    day: date = Field(primary_key=True)
    secret: str = Field(max_length=64)  # 32 random bytes, hex


@sa.event.listens_for(Comment, "before_insert")
@sa.event.listens_for(Comment, "before_update")
def _keep_urgency(_mapper: Any, _connection: Any, comment: Comment) -> None:
    comment.urgency = urgency(comment.flags or [])
