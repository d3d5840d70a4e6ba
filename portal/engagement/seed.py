"""The demo county's comments, screened as a submission would be."""

from __future__ import annotations

from datetime import time, timedelta
from typing import Any

import moderation
from sqlmodel import select

from portal.demo.seeding import Checker, Seed, SeedContext
from portal.engagement import vocab as ev
from portal.engagement.comments import flags_json
from portal.engagement.models import Comment, ModerationDecision

DEMO_MODERATOR = "moderator@aldercounty.example"


def check(c: Checker) -> None:
    districts = c.known["district"]
    for n, m in enumerate(c.data["comments"], start=1):
        w = "comments."
        c.vocab(m["target_type"], ev.TARGET_TYPES, w + "target_type", n)
        c.target(m["target_type"], m["target"], w + "target", n)
        c.vocab(m["state"], ev.COMMENT_STATES, w + "state", n)
        if m["position"] is not None:
            c.vocab(m["position"], ev.POSITIONS, w + "position", n)
        if m["district"] is not None:
            c.vocab(m["district"], districts, w + "district", n)
        for d in m["moderation"]:
            c.vocab(d["action"], ev.MODERATION_ACTIONS, w + "moderation.action", n)



def _comments(ctx: SeedContext) -> None:
    codes = [m["receipt_code"] for m in ctx.d["comments"]]
    have = set(ctx.s.exec(select(Comment.receipt_code).where(Comment.receipt_code.in_(codes))).all())
    district = ctx.ids["district"]
    new: list[tuple[dict[str, Any], Comment]] = []
    for m in ctx.d["comments"]:
        if m["receipt_code"] in have:
            continue
        response = m.get("official_response") or {}
        # Screened as a submission would be: flags for the queue, the text to publish.
        screened = moderation.screen(m["raw_text"])
        new.append((m, Comment(
            target_type=m["target_type"], target_id=ctx.target_id(m["target_type"], m["target"]),
            raw_text=m["raw_text"], redacted_text=m["redacted_text"] or screened.redacted,
            flags=flags_json(screened),
            position=m["position"], name=m["name"], email=m["email"],
            district_id=district.get(m["district"]) if m["district"] else None,
            language=m["language"], state=m["state"], public_reason=m["public_reason"],
            receipt_code=m["receipt_code"], submitted_at=ctx.ago(m["submitted_days_ago"]),
            published_at=ctx.ago(m["published_days_ago"]),
            official_response=response.get("text"),
            official_response_by=response.get("by"),
            official_response_at=ctx.ago(response.get("days_ago")),
        )))
    ctx.add([row for _, row in new])
    ctx.add([ModerationDecision(
        comment_id=row.id, moderator=DEMO_MODERATOR, action=d["action"],
        reason=d.get("reason"), decided_at=ctx.ago(d["days_ago"]),
    ) for m, row in new for d in m["moderation"]])


def load(ctx: SeedContext) -> None:
    _comments(ctx)


SEED = Seed(
    files={"comments": "comments.json"}, check=check, load=load,
    tables=(Comment, ModerationDecision),
    uses=("district", "notice", "practice", "indicator"),
)
