"""The demo county's surveys, their questions and anonymous responses."""

from __future__ import annotations

from datetime import time, timedelta
from typing import Any

from sqlmodel import select

import moderation
from portal.demo.seeding import Checker, Seed, SeedContext
from portal.engagement import vocab as ev
from portal.engagement.comments import flags_json, new_receipt_code
from portal.engagement.models import Comment, ModerationDecision
from portal.engagement.seed import check_decision, moderate
from portal.inventory.vocab import SENSITIVE_CATEGORIES
from portal.surveys.models import Survey, SurveyAnswer, SurveyQuestion, SurveyResponse
from portal.surveys.vocab import QUESTION_KINDS, STATUSES, TEXT_KINDS

#: The moderator's note when a published survey excerpt was edited.
EXCERPT_NOTE = "Personal data removed from the survey answer."


def check(c: Checker) -> None:
    c.known["survey"] = {sv["slug"] for sv in c.data["surveys"]}
    districts = c.known["district"]
    for n, s in enumerate(c.data["surveys"], start=1):
        w = "surveys."
        c.vocab(s["status"], STATUSES, w + "status", n)
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
                if a.get("redacted_value") and a["redacted_value"] != a["value"]:
                    check_decision(c, "publish_redacted", EXCERPT_NOTE, a["redacted_value"],
                                   w + "responses.answers", n)


def _day(moment: Any) -> Any:
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)


def load(ctx: SeedContext) -> None:
    from portal.surveys.builder import lint_flags

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
            created_by="demo", created_at=opens - timedelta(days=2), updated_at=opens,
        ))
    ctx.add(new)
    surveys.update({r.slug: r.id for r in new})

    have_q = set(ctx.s.exec(select(SurveyQuestion.survey_id, SurveyQuestion.position)).all())
    ctx.add([SurveyQuestion(
        survey_id=surveys[sv["slug"]], position=pos, text=q["text"], kind=q["kind"],
        help_text=q.get("help_text", ""), options=q["options"], required=q.get("required", False),
        flags=lint_flags(q["text"], q.get("help_text", ""), q["options"]),
        sensitive_category=q.get("sensitive_category"), justification=q.get("justification"),
    ) for sv in ctx.d["surveys"] for pos, q in enumerate(sv["questions"], start=1)
        if (surveys[sv["slug"]], pos) not in have_q])
    ctx.ids["survey"] = surveys
    question = {(sid, pos): (qid, kind) for qid, sid, pos, kind in ctx.s.exec(
        select(SurveyQuestion.id, SurveyQuestion.survey_id, SurveyQuestion.position,
               SurveyQuestion.kind)).all()}

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
                language=r["language"], submitted_at=_day(ctx.ago(r["submitted_days_ago"])),
            )))
    ctx.add([row for _, _, row in pending])
    # Free text is stored as comments, screened, as the answering service stores it, and
    # waits for a moderator; the demo's excerpts (``redacted_value``) are published by the
    # demo moderator through the moderation service, so the decision is audited.
    texts = [(r, survey_id, row, a) for r, survey_id, row in pending for a in r["answers"]
             if question[(survey_id, a["question"])][1] in TEXT_KINDS and a["value"].strip()]
    comments = []
    for r, survey_id, row, a in texts:
        screened = moderation.screen(a["value"])
        comments.append(Comment(
            target_type="survey", target_id=survey_id, raw_text=a["value"],
            redacted_text=a.get("redacted_value") or screened.redacted,
            district_id=row.district_id, language=screened.language, state="pending",
            receipt_code=new_receipt_code(), flags=flags_json(screened),
            submitted_at=row.submitted_at,
        ))
    ctx.add(comments)
    for (_, _, row, a), comment in zip(texts, comments, strict=True):
        if a.get("redacted_value"):
            edited = a["redacted_value"] != a["value"]
            moderate(ctx, comment, min(ctx.now, row.submitted_at + timedelta(days=1)),
                     "publish_redacted" if edited else "publish",
                     EXCERPT_NOTE if edited else None, a["redacted_value"])
    comment_of = {id(a): c.id for (_, _, _, a), c in zip(texts, comments, strict=True)}
    ctx.add([SurveyAnswer(
        response_id=row.id, question_id=question[(survey_id, a["question"])][0],
        value="" if id(a) in comment_of else a["value"], comment_id=comment_of.get(id(a)),
    ) for r, survey_id, row in pending for a in r["answers"]
        if id(a) in comment_of or question[(survey_id, a["question"])][1] not in TEXT_KINDS])


SEED = Seed(
    files={"surveys": "surveys.json"}, check=check, load=load,
    tables=(Survey, SurveyQuestion, SurveyResponse, SurveyAnswer, Comment, ModerationDecision),
    provides=("survey",), uses=("district", "notice", "practice", "indicator"),
)
