"""What a comment may be about, and whether it may receive comments now.

The one place the comment service asks "may this target receive comments
now?". A surveillance notice accepts comments only while it is published
and ``now`` is within ``[comment_opens_at, comment_closes_at)``: that rule
belongs to the notices area (``portal.notices.window``) and is asked there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote

import sqlalchemy as sa
from sqlmodel import Session

from portal.auth.roles import Actor
from portal.engagement.vocab import TARGET_TYPES
from portal.errors import FieldError, NotFound, ValidationFailed
from portal.i18n import _
from portal.indicators.models import Indicator
from portal.inventory.models import SharingPractice
from portal.notices.models import SurveillanceTechnology
from portal.notices.window import ensure_open_for_comment


def ensure_target_accepts_comments(
    session: Session, target_type: str, target_id: int | None, now: datetime
) -> None:
    """Raise ``ValidationFailed`` (or ``NotFound``) unless the target takes comments at ``now``."""
    if target_type not in TARGET_TYPES:
        raise ValidationFailed([FieldError("target_type", _("choose one of {choices}").format(
            choices=", ".join(TARGET_TYPES)))])
    if target_type == "general":
        if target_id is not None:
            raise ValidationFailed([FieldError("target_id",
                                               _("a general comment is about no record"))])
        return
    if target_id is None:
        raise ValidationFailed([FieldError("target_id",
                                           _("say which record the comment is about"))])
    if target_type == "notice":
        ensure_open_for_comment(session, target_id, now)
        return
    if target_type == "survey":
        raise ValidationFailed([FieldError(
            "target_type", _("answers to a survey are sent with the survey, on its own page"))])
    if target_type == "meeting":
        _meeting_open(session, target_id)
        return
    model = {"practice": SharingPractice, "indicator": Indicator}[target_type]
    row = session.get(model, target_id)
    if row is None or getattr(row, "is_published", True) is False:
        raise NotFound(_("That {kind} does not exist.").format(
            kind=_(TARGET_TYPES[target_type]).lower()))


#: Meetings and surveys by table name: the oversight and surveys areas read comments, so
#: engagement may not import them back (tests/meta: no import cycles between areas).
_MEETING = sa.table("meeting", sa.column("id"), sa.column("title"), sa.column("status"))
_SURVEY = sa.table("survey", sa.column("id"), sa.column("title"))


def _meeting_open(session: Session, meeting_id: int) -> None:
    status = session.execute(sa.select(_MEETING.c.status).where(_MEETING.c.id == meeting_id)).scalar()
    if status is None:
        raise NotFound(_("That {kind} does not exist.").format(
            kind=_(TARGET_TYPES["meeting"]).lower()))
    if status == "cancelled":
        raise ValidationFailed([FieldError("target", _("this meeting was cancelled"))])


#: What each kind of record is called: (its id column, its name column).
_TITLES: dict[str, tuple[Any, Any]] = {
    "notice": (SurveillanceTechnology.id, SurveillanceTechnology.name),
    "practice": (SharingPractice.id, SharingPractice.title),
    "indicator": (Indicator.id, Indicator.name),
    "meeting": (_MEETING.c.id, _MEETING.c.title),
    "survey": (_SURVEY.c.id, _SURVEY.c.title),
}


def target_titles(session: Session, targets: set[tuple[str, int | None]]) -> dict[tuple[str, int | None], str]:
    """``(target_type, target_id)`` → "Surveillance technology notice: Drones", one query per kind."""
    out: dict[tuple[str, int | None], str] = {}
    for kind in sorted({k for k, _id in targets}):
        ids = [i for k, i in targets if k == kind and i is not None]
        columns = _TITLES.get(kind)
        names: dict[int, str] = {}
        if columns is not None and ids:
            id_column, name_column = columns
            names = dict(session.execute(sa.select(id_column, name_column)
                                         .where(id_column.in_(ids))).all())
        for k, i in targets:
            if k == kind:
                label = _(TARGET_TYPES[kind]) if kind in TARGET_TYPES else kind
                out[(k, i)] = f"{label}: {names[i]}" if i in names else (
                    label if i is None else f"{label} {i}")
    return out


@dataclass(frozen=True)
class CommentedRecord:
    """A record whose page shows its published comments, and that page's address."""

    type: str
    id: int | None
    title: str
    address: str  # e.g. "/notice?technology=alpr"


def commented_records(session: Session, actor: Actor) -> list[CommentedRecord]:
    """Every record whose page ``actor`` may open and that shows published comments: the
    county in general (Have your say), and each notice, practice and indicator the area's
    own list gives ``actor``, so a draft is never among them. Comments on meetings and
    survey answers are shown on no resident's page of their own (survey excerpts are with
    the survey's results)."""
    from portal.indicators.service import list_indicators
    from portal.inventory.service import list_practices
    from portal.notices.feeds import notice_url
    from portal.notices.service import list_technologies

    records = [CommentedRecord("general", None, TARGET_TYPES["general"], "/have-your-say")]
    records += [CommentedRecord("notice", t.id, t.name, notice_url("", t.slug))
                for t in list_technologies(session=session, actor=actor)]
    records += [CommentedRecord("practice", p["id"], p["title"], f"/inventory?practice={p['id']}")
                for p in list_practices(session=session, actor=actor)]
    records += [CommentedRecord("indicator", i.id, i.name, f"/indicators?indicator={quote(i.slug)}")
                for i in list_indicators(session=session, actor=actor)]
    return records
