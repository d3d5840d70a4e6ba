"""The resident input behind an agenda item: which comments, who sent them, what became of them.

The one place that decides what reaches a packet. ``published_input`` applies the
moderation-state filter once, in SQL, before anything else sees the text: pending,
rejected and referred comments never leave the database on the way to a summary.
Free-text survey answers are comments too (``target_type == "survey"``), moderated in
the same queue, so they pass the same filter.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from portal.disclosure import Figure, Status, one_way_lines, protect, shown
from portal.engagement.models import Comment
from portal.geography.models import District

PUBLISHED = "published"
NO_DISTRICT = "No district given"
_ALL = "all"
_NONE = "none"
#: Rates of participation are given per this many residents.
PER = 10_000


@dataclass(frozen=True)
class InputComment:
    """A published comment or survey answer: its published (redacted) text only."""

    id: int
    text: str
    position: str | None
    language: str
    district_id: int | None
    source: str  # "comment" | "survey"


@dataclass(frozen=True)
class ItemSources:
    """What an agenda item's input is drawn from: its published record, the surveys attached
    to it, the period, and (from ``item_sources``) the published input itself."""

    record: Any  # portal.oversight.records.Record, or None for an item about no record
    survey_ids: list[int]
    start: datetime | None
    end: datetime | None
    comments: list[InputComment] = field(default_factory=list)

    @property
    def about(self) -> dict[str, Any]:
        return {"target_type": self.record.type, "target_id": self.record.id,
                "survey_ids": self.survey_ids, "start": self.start, "end": self.end}


def item_scope(session: Session, item: Any, meeting: Any) -> ItemSources:
    """Where an item's input comes from, without reading it (for cache keys). A record
    unpublished since the item was added counts as none."""
    from portal.errors import ValidationFailed
    from portal.oversight.records import linked_survey_ids, published_record
    from portal.oversight.service import input_period

    start, end = input_period(item, meeting)
    try:
        record = published_record(session, item.target_type, item.target_id)
    except ValidationFailed:
        record = None
    if record is None:
        return ItemSources(None, [], start, end)
    return ItemSources(record, linked_survey_ids(session, record.type, record.id), start, end)


def item_sources(session: Session, item: Any, meeting: Any) -> ItemSources:
    """The one way the packet and the commission's reading page find an item's input, so
    their counts always agree."""
    scope = item_scope(session, item, meeting)
    if scope.record is None:
        return scope
    return replace(scope, comments=published_input(session, **scope.about))


def summarize_input(comments: list[InputComment]) -> Any:
    """The summarizer over published input (moderation/summarize.py), ids as comment ids."""
    from moderation.summarize import Item, summarize

    return summarize([Item(c.id, c.text, c.position, c.language) for c in comments])


def _about(target_type: str, target_id: int, survey_ids: list[int]) -> sa.ColumnElement[bool]:
    about = sa.and_(Comment.target_type == target_type, Comment.target_id == target_id)
    if survey_ids:
        about = sa.or_(about, sa.and_(Comment.target_type == "survey",
                                      Comment.target_id.in_(survey_ids)))
    return about


def _in_period(start: datetime | None, end: datetime | None) -> list[sa.ColumnElement[bool]]:
    where = []
    if start is not None:
        where.append(Comment.submitted_at >= start)
    if end is not None:
        where.append(Comment.submitted_at < end)
    return where


def published_input(session: Session, *, target_type: str, target_id: int, survey_ids: list[int],
                    start: datetime | None, end: datetime | None) -> list[InputComment]:
    """Published comments on the record and published free-text answers to its surveys,
    sent in ``[start, end)``, oldest first."""
    rows = session.execute(
        sa.select(Comment.id, Comment.redacted_text, Comment.position, Comment.language,
                  Comment.district_id, Comment.target_type)
        .where(Comment.state == PUBLISHED, _about(target_type, target_id, survey_ids),
               *_in_period(start, end))
        .order_by(Comment.submitted_at, Comment.id)
    ).all()
    return [InputComment(r[0], r[1], r[2], r[3] or "und", r[4],
                         "survey" if r[5] == "survey" else "comment") for r in rows]


def input_fingerprint(session: Session, *, target_type: str, target_id: int,
                      survey_ids: list[int], start: datetime | None,
                      end: datetime | None) -> tuple[Any, ...]:
    """Changes whenever ``published_input`` would: for caching what is drawn from it."""
    row = session.execute(
        sa.select(sa.func.count(), sa.func.max(Comment.id), sa.func.max(Comment.published_at),
                  sa.func.sum(Comment.lock_version))
        .where(Comment.state == PUBLISHED, _about(target_type, target_id, survey_ids),
               *_in_period(start, end))).one()
    return tuple(str(v) for v in row)


def moderation_statistics(session: Session, *, target_type: str, target_id: int,
                          survey_ids: list[int], start: datetime | None,
                          end: datetime | None) -> dict[str, Any]:
    """What became of everything residents sent about the record in the period: the same
    counts the public moderation statistics give, for this item only."""
    rows = session.execute(
        sa.select(Comment.state, Comment.public_reason, sa.func.count())
        .where(_about(target_type, target_id, survey_ids), *_in_period(start, end))
        .group_by(Comment.state, Comment.public_reason)
    ).all()
    stats: dict[str, Any] = {"received": 0, "published": 0, "rejected": 0, "awaiting": 0,
                             "rejected_by_reason": {}}
    for state, reason, n in rows:
        stats["received"] += n
        if state == PUBLISHED:
            stats["published"] += n
        elif state == "rejected":
            stats["rejected"] += n
            label = reason or "No reason recorded"
            stats["rejected_by_reason"][label] = stats["rejected_by_reason"].get(label, 0) + n
        else:
            stats["awaiting"] += n
    stats["rejected_by_reason"] = dict(sorted(stats["rejected_by_reason"].items(),
                                              key=lambda kv: (-kv[1], kv[0])))
    return stats


def _percent(part: float, whole: float) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "—"


def participation(session: Session, comments: list[InputComment], k: int) -> dict[str, Any]:
    """Comments by district against each district's share of the population.

    Every count goes through the suppression module with the total and the "no district
    given" row as one additive table, so no suppressed count can be worked out from the
    others. Shares and rates are given only for published counts, and the representation
    ratio (lowest rate ÷ highest) only from published rates, so it reveals nothing either.
    """
    if 0 < len(comments) < k:
        # The packet prints how many comments there are. With fewer than k, any split by
        # district would show counts below k beside a total everyone knows, and the zeros
        # would tell where they are not: no breakdown at all.
        return {"rows": [], "representation_ratio": None,
                "note": f"Fewer than {k} comments were published, so they are not broken down "
                        "by district: any such breakdown could single out the people who wrote."}
    districts = session.execute(
        sa.select(District.id, District.name, District.population).order_by(District.code)).all()
    counts = Counter(c.district_id for c in comments)
    keys = [str(d[0]) for d in districts] + [_NONE]
    cells = {key: Figure(float(counts.get(None if key == _NONE else int(key), 0))) for key in keys}
    cells[_ALL] = Figure(float(len(comments)))
    status = protect(cells, one_way_lines(keys, _ALL), k)
    population_total = sum(d[2] or 0 for d in districts)
    total_published = status[_ALL] in (Status.PUBLISHED, Status.TRUE_ZERO)
    rows = []
    rates: list[float] = []
    for district_id, name, population in [*districts, (None, NO_DISTRICT, None)]:
        key = _NONE if district_id is None else str(district_id)
        n = cells[key].count or 0.0
        st = status[key]
        visible = st in (Status.PUBLISHED, Status.TRUE_ZERO)
        row: dict[str, Any] = {
            "district": name, "comments": shown(n, st, k), "status": st.value,
            "population": population,
            "population_share": _percent(population, population_total) if population else "—",
            "comment_share": _percent(n, len(comments)) if visible and total_published else "—",
            "rate_per_10000": "—",
        }
        if visible and population:
            rate = n / population * PER
            rates.append(rate)
            row["rate_per_10000"] = f"{rate:.2f}"
        rows.append(row)
    rows.append({"district": "All", "comments": shown(cells[_ALL].count, status[_ALL], k),
                 "status": status[_ALL].value, "population": population_total or None,
                 "population_share": "100.0%" if population_total else "—",
                 "comment_share": "100.0%" if total_published and comments else "—",
                 "rate_per_10000": "—"})
    ratio = None
    if len(rates) >= 2 and max(rates) > 0:
        ratio = f"{min(rates) / max(rates):.2f}"
    hidden = sum(1 for key in keys if status[key].suppressed)
    note = (f"Counts below {k} are suppressed, with other counts where needed so that none can "
            "be worked out from the totals. The rate is comments per 10,000 residents; the "
            "representation ratio is the lowest district rate divided by the highest (1.00 "
            "means every district took part at the same rate), from published rates only.")
    if hidden:
        note += f" {hidden} district figure{'s are' if hidden != 1 else ' is'} suppressed."
    return {"rows": rows, "representation_ratio": ratio, "note": note}
