"""The demo county's comments (screened as a submission would be) and surveys."""

from __future__ import annotations

from datetime import time, timedelta
from typing import Any

import moderation
from sqlmodel import select

from portal.demo.seeding import Checker, Seed, SeedContext
from portal.engagement import vocab as ev
from portal.engagement.comments import flags_json
from portal.engagement.models import (
    Comment,
    ModerationDecision,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
)
from portal.inventory.vocab import SENSITIVE_CATEGORIES

QUESTION_KINDS = ("single_choice", "multi_choice", "scale", "text")
SURVEY_STATUSES = ("draft", "open", "closed")
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
    for n, s in enumerate(c.data["surveys"], start=1):
        w = "surveys."
        c.vocab(s["status"], SURVEY_STATUSES, w + "status", n)
        if s["target_type"] is not None:
            c.vocab(s["target_type"], ev.TARGET_TYPES, w + "target_type", n)
            c.target(s["target_type"], s["target"], w + "target", n)
        for q in s["questions"]:
            c.vocab(q["kind"], QUESTION_KINDS, w + "questions.kind", n)
            if q.get("sensitive_category"):
                c.vocab(q["sensitive_category"], SENSITIVE_CATEGORIES,
                        w + "questions.sensitive_category", n)
                c.require(bool(q.get("justification")), w + "questions.justification", n,
                          "a sensitive question needs a justification")
        positions = range(1, len(s["questions"]) + 1)
        for r in s["responses"]:
            if r["district"] is not None:
                c.vocab(r["district"], districts, w + "responses.district", n)
            for a in r["answers"]:
                c.vocab(a["question"], positions, w + "responses.question", n)


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


def _surveys(ctx: SeedContext) -> None:
    surveys = dict(ctx.s.exec(select(Survey.slug, Survey.id)).all())
    new = []
    for sv in ctx.d["surveys"]:
        if sv["slug"] in surveys:
            continue
        opens = ctx.local(sv["opens_in_days"], time(0, 0))
        new.append(Survey(
            slug=sv["slug"], title=sv["title"], description=sv["description"],
            target_type=sv["target_type"],
            target_id=ctx.target_id(sv["target_type"], sv["target"]),
            status=sv["status"], opens_at=opens,
            closes_at=ctx.local(sv["closes_in_days"], time(23, 59)),
            created_by="demo", created_at=opens - timedelta(days=2),
        ))
    ctx.add(new)
    surveys.update({r.slug: r.id for r in new})

    have_q = set(ctx.s.exec(select(SurveyQuestion.survey_id, SurveyQuestion.position)).all())
    ctx.add([SurveyQuestion(
        survey_id=surveys[sv["slug"]], position=pos, text=q["text"], kind=q["kind"],
        options=q["options"], required=q.get("required", False),
        sensitive_category=q.get("sensitive_category"), justification=q.get("justification"),
    ) for sv in ctx.d["surveys"] for pos, q in enumerate(sv["questions"], start=1)
        if (surveys[sv["slug"]], pos) not in have_q])
    question = {(sid, pos): qid for qid, sid, pos in ctx.s.exec(
        select(SurveyQuestion.id, SurveyQuestion.survey_id, SurveyQuestion.position)).all()}

    # Responses have no natural key: a survey's responses are loaded only while it has none.
    answered = set(ctx.s.exec(select(SurveyResponse.survey_id).distinct()).all())
    district = ctx.ids["district"]
    pending: list[tuple[dict[str, Any], int, SurveyResponse]] = []
    for sv in ctx.d["surveys"]:
        survey_id = surveys[sv["slug"]]
        if survey_id in answered:
            continue
        for r in sv["responses"]:
            pending.append((r, survey_id, SurveyResponse(
                survey_id=survey_id,
                district_id=district.get(r["district"]) if r["district"] else None,
                language=r["language"], submitted_at=ctx.ago(r["submitted_days_ago"]),
            )))
    ctx.add([row for _, _, row in pending])
    ctx.add([SurveyAnswer(
        response_id=row.id, question_id=question[(survey_id, a["question"])],
        value=a["value"], redacted_value=a.get("redacted_value"),
    ) for r, survey_id, row in pending for a in r["answers"]])


def load(ctx: SeedContext) -> None:
    _comments(ctx)
    _surveys(ctx)


SEED = Seed(
    files={"comments": "comments.json", "surveys": "surveys.json"}, check=check, load=load,
    tables=(Comment, ModerationDecision, Survey, SurveyQuestion, SurveyResponse, SurveyAnswer),
    uses=("district", "notice", "practice", "indicator"),
)
