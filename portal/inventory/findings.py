"""Compliance findings across the inventory, and how their number changed over time.

The trend is replayed from what the portal already keeps, with no table of its
own: each practice's state on a day is its newest version snapshot saved by
then (or its current row if it was never edited), judged by today's rules on
that day's date. Datasets are not versioned, so their current retention policy
and classification are used for every day. The trend therefore begins when
records entered the portal.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from portal.audit.models import RecordVersion
from portal.auth.permissions import service
from portal.auth.roles import Actor
from portal.inventory.compliance import SEVERITIES, SEVERITY_ORDER, Detail, Facts, evaluate
from portal.inventory.models import Dataset, SharingPractice
from portal.inventory.service import RECORD_TYPE, list_practices, today
from portal.timefmt import local


@dataclass(frozen=True)
class FindingRow:
    practice_id: int
    practice: str
    department: str
    rule_id: str
    severity: str
    detail: Detail


@service("inventory.compliance_findings")
def compliance_findings(*, session: Session, actor: Actor, on: date | None = None,
                        practices: Iterable[Mapping[str, Any]] | None = None) -> list[FindingRow]:
    """Open findings, most severe first.

    ``practices``: ``list_practices``' rows for ``on`` when the caller holds them already (the
    pages' cache, ``portal.ui.cached.practices``): evaluating 5,000 practices again on every
    view cost 0.7 s at county scale."""
    on = on or today()
    rows = []
    if practices is None:
        practices = list_practices(session=session, actor=actor, on=on)
    for practice in practices:
        if not practice["findings"]:
            continue
        for finding in practice["finding_list"]:
            rows.append(FindingRow(practice["id"], practice["title"], practice["department"],
                                   finding.rule_id, finding.severity, finding.detail))
    rows.sort(key=lambda r: (SEVERITY_ORDER[r.severity], r.department, r.practice, r.rule_id))
    return rows


@service("inventory.compliance_trend")
def compliance_trend(*, session: Session, actor: Actor, days: int = 90,
                     on: date | None = None) -> list[dict[str, Any]]:
    """Open findings per severity at the end of each day, from the first record on."""
    on = on or today()
    datasets = {i: (c, p) for i, c, p in session.execute(
        sa.select(Dataset.id, Dataset.classification, Dataset.retention_policy_days))}
    # Plain rows, not model instances: building 5,000 SQLModel objects costs half a second.
    practices = [dict(r._mapping) for r in session.execute(sa.select(*SharingPractice.__table__.c))]
    if not practices:
        return []
    snapshots: dict[int, list[tuple[datetime, dict[str, Any]]]] = {}
    for record_id, changed_at, data in session.execute(
        sa.select(RecordVersion.record_id, RecordVersion.changed_at, RecordVersion.data)
        .where(RecordVersion.record_type == RECORD_TYPE)
        .order_by(RecordVersion.record_id, RecordVersion.version)
    ):
        snapshots.setdefault(record_id, []).append((changed_at, data))
    first = local(min(p["created_at"] for p in practices)).date()
    start = max(first, on - timedelta(days=days - 1))
    zone = local(datetime.now(UTC)).tzinfo
    points = []
    day = start
    while day <= on:
        end = datetime.combine(day, time.max, tzinfo=zone)
        counts: Counter[str] = Counter()
        for practice in practices:
            if practice["created_at"] > end:
                continue
            history = snapshots.get(practice["id"])
            if history:
                index = bisect_right([t for t, _ in history], end)
                data = history[max(index - 1, 0)][1]
            else:
                data = practice
            classification, policy = datasets.get(data.get("dataset_id") or practice["dataset_id"],
                                                  (None, None))
            facts = Facts.of(data, practice_id=practice["id"], classification=classification,
                             policy_days=policy)
            counts.update(f.severity for f in evaluate(facts, day))
        points.extend({"day": day, "severity": SEVERITIES[s], "findings": counts.get(s, 0)}
                      for s in SEVERITIES)
        day += timedelta(days=1)
    return points
