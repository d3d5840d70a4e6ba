"""What a comment may be about, and whether it may receive comments now.

The one place the comment service asks "may this target receive comments
now?". A surveillance notice accepts comments only while it is published
and ``now`` is within ``[comment_opens_at, comment_closes_at)``: that rule
belongs to the notices area (``portal.notices.window``) and is asked there.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session

from portal.engagement.vocab import TARGET_TYPES
from portal.errors import FieldError, NotFound, ValidationFailed
from portal.indicators.models import Indicator
from portal.inventory.models import SharingPractice
from portal.notices.window import ensure_open_for_comment


def ensure_target_accepts_comments(
    session: Session, target_type: str, target_id: int | None, now: datetime
) -> None:
    """Raise ``ValidationFailed`` (or ``NotFound``) unless the target takes comments at ``now``."""
    if target_type not in TARGET_TYPES:
        raise ValidationFailed([FieldError("target_type", f"choose one of {', '.join(TARGET_TYPES)}")])
    if target_type == "general":
        if target_id is not None:
            raise ValidationFailed([FieldError("target_id", "a general comment is about no record")])
        return
    if target_id is None:
        raise ValidationFailed([FieldError("target_id", "say which record the comment is about")])
    if target_type == "notice":
        ensure_open_for_comment(session, target_id, now)
        return
    if target_type == "survey":
        raise ValidationFailed([FieldError(
            "target_type", "answers to a survey are sent with the survey, on its own page")])
    if target_type == "meeting":
        _meeting_open(session, target_id)
        return
    model = {"practice": SharingPractice, "indicator": Indicator}[target_type]
    row = session.get(model, target_id)
    if row is None or getattr(row, "is_published", True) is False:
        raise NotFound(f"That {TARGET_TYPES[target_type].lower()} does not exist.")


#: The meetings table by name: the oversight area reads comments for its packets, so
#: engagement may not import oversight back (tests/meta: no import cycles between areas).
_MEETING = sa.table("meeting", sa.column("id"), sa.column("status"))


def _meeting_open(session: Session, meeting_id: int) -> None:
    status = session.execute(sa.select(_MEETING.c.status).where(_MEETING.c.id == meeting_id)).scalar()
    if status is None:
        raise NotFound(f"That {TARGET_TYPES['meeting'].lower()} does not exist.")
    if status == "cancelled":
        raise ValidationFailed([FieldError("target", "this meeting was cancelled")])
