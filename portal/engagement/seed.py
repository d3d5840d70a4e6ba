"""The demo county's comments, screened as a submission would be, and decided as a moderator
decides them.

A comment is written as it arrives (pending). Its moderation decisions and the county's
official response are then made through the moderators' and staff's own services
(``decide``, ``respond``) by demo actors, after every seed has loaded and oldest first
(``SeedContext.later``): so each decision the moderation log shows is in the audit log too.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import select

import moderation
from portal.auth.roles import Actor, Role
from portal.demo.seeding import DEMO_MODERATOR, Checker, Seed, SeedContext
from portal.engagement import policy
from portal.engagement import vocab as ev
from portal.engagement.comments import flags_json
from portal.engagement.decisions import _RESULT_STATE as RESULT_STATE
from portal.engagement.decisions import decide, respond
from portal.engagement.models import Comment, ModerationDecision


def rejection_code(reason: str | None) -> str | None:
    """The moderation policy's reason that a demo file's words name, if exactly one does.

    The files say why in words ("Commercial advertising (spam)."); the service takes the
    policy's code (``spam``), and residents then read the policy's own wording.
    """
    text = (reason or "").lower()
    codes = [code for code in policy.REJECTION_REASONS if code.replace("_", " ") in text]
    return codes[0] if len(codes) == 1 else None


def _oldest_first(decisions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(decisions, key=lambda d: -d["days_ago"])


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
        decisions = _oldest_first(m["moderation"])
        for d in decisions:
            check_decision(c, d["action"], d.get("reason"), m["redacted_text"],
                           w + "moderation", n)
            c.require(d["days_ago"] <= m["submitted_days_ago"], w + "moderation.days_ago", n,
                      "decided before it was submitted")
        # The decisions are what make a comment published, rejected or referred.
        state = RESULT_STATE.get(decisions[-1]["action"]) if decisions else "pending"
        c.require(state == m["state"], w + "state", n,
                  f"its moderation decisions leave it {state}, not {m['state']}")
        published = [d for d in decisions if RESULT_STATE.get(d["action"]) == "published"]
        c.require(m["published_days_ago"] == (published[-1]["days_ago"] if published else None),
                  w + "published_days_ago", n, "must be when it was decided to publish it")
        response = m.get("official_response")
        if response:
            c.require(bool(published) and response["days_ago"] <= published[-1]["days_ago"],
                      w + "official_response", n,
                      "only a published comment can be answered, after it is published")
            c.require(0 < len(response["text"].strip()) <= policy.MAX_RESPONSE_CHARS,
                      w + "official_response.text", n,
                      f"1 to {policy.MAX_RESPONSE_CHARS:,} characters")


def check_decision(c: Checker, action: str, reason: str | None, redacted_text: str | None,
                   where: str, row: int) -> None:
    """What ``decide`` would refuse, found before anything is written."""
    c.vocab(action, RESULT_STATE, where + ".action", row)
    if action == "reject":
        c.require(rejection_code(reason) is not None, where + ".reason", row,
                  "name one reason of the moderation policy")
    if action in policy.ACTIONS_NEEDING_NOTE:
        c.require(bool((reason or "").strip()), where + ".reason", row,
                  "the policy asks for a reason")
    c.require(len(reason or "") <= policy.MAX_NOTE_CHARS, where + ".reason", row,
              f"up to {policy.MAX_NOTE_CHARS} characters")
    if action == "publish_redacted":
        c.require(bool((redacted_text or "").strip())
                  and not moderation.screen(redacted_text or "").has_pii,
                  where + ".redacted_text", row, "give published text without personal data")


def moderate(ctx: SeedContext, comment: Comment, when: datetime, action: str,
             reason: str | None = None, redacted_text: str | None = None) -> None:
    """The demo moderator decides ``comment`` at ``when``, once every seed has loaded."""

    def decide_now() -> None:
        code = rejection_code(reason) if action == "reject" else None
        note = reason if code is None or policy.REJECTION_REASONS[code].needs_note else None
        decide(session=ctx.s, actor=DEMO_MODERATOR, comment_id=comment.id,
               lock_version=comment.lock_version, action=action, reason_code=code, note=note,
               redacted_text=redacted_text if action == "publish_redacted" else None, now=when)
        ctx.count(ModerationDecision.__tablename__, 1)

    ctx.later(when, decide_now)


def _answer(ctx: SeedContext, comment: Comment, response: dict[str, Any]) -> None:
    """The department answers ``comment`` through the staff's service, on the files' day."""
    when = ctx.ago(response["days_ago"])
    assert when is not None
    staff = Actor(subject=response["by"], roles=frozenset({Role.STAFF}), is_demo=True)

    def respond_now() -> None:
        respond(session=ctx.s, actor=staff, comment_id=comment.id, text=response["text"])
        # ``respond`` stamps the moment it runs; the demo's answer was given on its own day.
        comment.official_response_at = when
        ctx.s.add(comment)
        ctx.s.flush()

    ctx.later(when, respond_now)


def _comments(ctx: SeedContext) -> None:
    codes = [m["receipt_code"] for m in ctx.d["comments"]]
    have = set(ctx.s.exec(select(Comment.receipt_code).where(Comment.receipt_code.in_(codes))).all())
    district = ctx.ids["district"]
    new: list[tuple[dict[str, Any], Comment]] = []
    for m in ctx.d["comments"]:
        if m["receipt_code"] in have:
            continue
        # Screened as a submission would be: flags for the queue, the text to publish.
        screened = moderation.screen(m["raw_text"])
        new.append((m, Comment(
            target_type=m["target_type"], target_id=ctx.target_id(m["target_type"], m["target"]),
            raw_text=m["raw_text"], redacted_text=m["redacted_text"] or screened.redacted,
            flags=flags_json(screened),
            position=m["position"], name=m["name"], email=m["email"],
            district_id=district.get(m["district"]) if m["district"] else None,
            language=m["language"], state="pending",
            receipt_code=m["receipt_code"], submitted_at=ctx.ago(m["submitted_days_ago"]),
        )))
    ctx.add([row for _, row in new])
    for m, row in new:
        for d in _oldest_first(m["moderation"]):
            moderate(ctx, row, ctx.ago(d["days_ago"]), d["action"], d.get("reason"),  # type: ignore[arg-type]
                     m["redacted_text"])
        if m.get("official_response"):
            _answer(ctx, row, m["official_response"])


def load(ctx: SeedContext) -> None:
    _comments(ctx)


SEED = Seed(
    files={"comments": "comments.json"}, check=check, load=load,
    tables=(Comment, ModerationDecision),
    uses=("district", "notice", "practice", "indicator"),
)
