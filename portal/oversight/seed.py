"""The demo county's Privacy Commission meetings and their agendas."""

from __future__ import annotations

from datetime import time, timedelta

from sqlmodel import select

from portal.demo.seeding import Checker, Seed, SeedContext
from portal.oversight.models import AgendaItem, Meeting

MEETING_STATUSES = ("scheduled", "held", "cancelled")


def check(c: Checker) -> None:
    for n, m in enumerate(c.data["meetings"], start=1):
        c.vocab(m["status"], MEETING_STATUSES, "meetings.status", n)
        for item in m["agenda"]:
            c.target(item["target_type"], item["target"], "meetings.agenda.target", n)


def load(ctx: SeedContext) -> None:
    meetings = dict(ctx.s.exec(select(Meeting.title, Meeting.id)).all())
    new = []
    for m in ctx.d["meetings"]:
        if m["title"] in meetings:
            continue
        hour, minute = (int(x) for x in m["local_time"].split(":"))
        scheduled = ctx.local(m["in_days"], time(hour, minute))
        new.append(Meeting(
            title=m["title"], scheduled_at=scheduled, location=m["location"],
            description=m["description"], status=m["status"],
            created_at=min(ctx.now, scheduled) - timedelta(days=30),
        ))
    ctx.add(new)
    meetings.update({r.title: r.id for r in new})
    have = set(ctx.s.exec(select(AgendaItem.meeting_id, AgendaItem.position)).all())
    ctx.add([AgendaItem(
        meeting_id=meetings[m["title"]], position=pos, title=item["title"],
        description=item["description"], target_type=item["target_type"],
        target_id=ctx.target_id(item["target_type"], item["target"]),
    ) for m in ctx.d["meetings"] for pos, item in enumerate(m["agenda"], start=1)
        if (meetings[m["title"]], pos) not in have])


SEED = Seed(files={"meetings": "meetings.json"}, check=check, load=load,
            tables=(Meeting, AgendaItem), uses=("notice", "practice", "indicator"))
