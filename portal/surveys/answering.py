"""Residents answer a survey: anonymously, once per browser session, inside its dates.

Nothing that identifies the respondent is stored. The response row has the survey, the
optional district the resident chose, the language, and the day (not the moment) it
arrived, so it cannot be matched to a server log. "Once per session" is a ballot: an
HMAC of the browser session's random token and the survey, salted with the secret of
the day the survey opened, kept apart from the response it allowed.

Free-text answers are comments (``target_type="survey"``): screened for personal data
before storing (the page warns first, as for a comment), raw text encrypted, decided by
a moderator in the same queue, purged after the retention period, and published only as
redacted excerpts.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

import moderation
from portal.auth.permissions import allowed, service
from portal.auth.roles import Actor
from portal.base import utcnow
from portal.encryption import salted_hash
from portal.engagement import policy
from portal.engagement.comments import preview_comment, store_comment
from portal.errors import FieldError, NotFound, ValidationFailed
from portal.geography.models import District
from portal.i18n import _
from portal.i18n import number as format_number
from portal.surveys.models import Survey, SurveyAnswer, SurveyBallot, SurveyQuestion, SurveyResponse
from portal.surveys.vocab import TEXT_KINDS
from portal.textsafety import unstorable

# Free-text answers are stored as comments, so they share the comments' limit.
MAX_TEXT = policy.MAX_TEXT_CHARS


@dataclass(frozen=True)
class QuestionView:
    id: int
    position: int
    text: str
    help_text: str
    kind: str
    options: tuple[str, ...]
    required: bool
    min_value: float | None
    max_value: float | None
    condition_position: int | None
    condition_value: str | None
    justification: str | None
    flags: tuple[dict[str, str], ...]


@dataclass(frozen=True)
class SurveyForm:
    """A survey as residents see it (and staff preview it), with its questions in order."""

    id: int
    slug: str
    title: str
    description: str
    status: str
    opens_at: datetime | None
    closes_at: datetime | None
    version: int
    questions: tuple[QuestionView, ...]
    districts: dict[int, str]  # for district questions: id → name

    def accepting(self, now: datetime) -> str | None:
        """None when answers are taken now; otherwise why not, in words for residents."""
        if self.status == "draft":
            return _("This survey is a draft and does not take answers yet.")
        if self.status == "closed" or (self.closes_at is not None and now >= self.closes_at):
            return _("This survey has closed; thank you to everyone who answered.")
        if self.opens_at is not None and now < self.opens_at:
            return _("This survey is not open yet.")
        return None


def _form(session: Session, survey: Survey) -> SurveyForm:
    questions = session.exec(select(SurveyQuestion).where(
        SurveyQuestion.survey_id == survey.id, SurveyQuestion.retired == sa.false())
        .order_by(SurveyQuestion.position)).all()
    districts = {}
    if any(q.kind == "district" for q in questions):
        districts = dict(session.execute(sa.select(District.id, District.name).order_by(District.code)).all())
    return SurveyForm(
        id=survey.id, slug=survey.slug, title=survey.title, description=survey.description,  # type: ignore[arg-type]
        status=survey.status, opens_at=survey.opens_at, closes_at=survey.closes_at,
        version=survey.version,
        questions=tuple(QuestionView(
            id=q.id, position=q.position, text=q.text, help_text=q.help_text, kind=q.kind,  # type: ignore[arg-type]
            options=tuple(q.options if q.kind != "district" else districts.values()),
            required=q.required, min_value=q.min_value, max_value=q.max_value,
            condition_position=q.condition_position, condition_value=q.condition_value,
            justification=q.justification, flags=tuple(q.flags),
        ) for q in questions),
        districts=districts,
    )


@service("surveys.get_survey")
def get_survey(*, session: Session, actor: Actor, slug: str) -> SurveyForm:
    survey = session.exec(select(Survey).where(Survey.slug == slug)).first()
    if survey is None or (survey.status == "draft" and not allowed(actor, "surveys.create_survey")):
        raise NotFound(_("No such survey."))
    return _form(session, survey)


def shown(question: QuestionView, answers: Mapping[int, Any], by_position: Mapping[int, QuestionView]) -> bool:
    """Whether a question is shown, given the answers so far (its display condition)."""
    if question.condition_position is None:
        return True
    source = by_position.get(question.condition_position)
    if source is None or not shown(source, answers, by_position):
        return False
    given = answers.get(source.id)
    if isinstance(given, (list, tuple)):
        return question.condition_value in given
    return given is not None and str(given) == question.condition_value


def _blank(value: Any) -> bool:
    return value is None or value == "" or value == [] or (isinstance(value, str) and not value.strip())


def _check(form: SurveyForm, answers: Mapping[int, Any]) -> tuple[dict[int, Any], list[FieldError]]:
    by_position = {q.position: q for q in form.questions}
    known = {q.id for q in form.questions}
    errors: list[FieldError] = [
        FieldError("answers", _("no question {question} in this survey").format(question=k))
        for k in answers if k not in known]
    kept: dict[int, Any] = {}
    for q in form.questions:
        value = answers.get(q.id)
        if not shown(q, answers, by_position):
            continue  # a hidden question's answer is ignored, never stored
        field = f"question {q.position}"
        if _blank(value):
            if q.required:
                errors.append(FieldError(field, _("this question needs an answer")))
            continue
        if q.kind == "multi_choice":
            chosen = list(value) if isinstance(value, (list, tuple)) else [value]
            if any(c not in q.options for c in chosen):
                errors.append(FieldError(field, _("choose from the options given")))
                continue
            kept[q.id] = [o for o in q.options if o in chosen]
        elif q.kind == "district":
            if not isinstance(value, int | str) or (
                    value not in form.districts and value not in form.districts.values()):
                errors.append(FieldError(field, _("choose a district from the list")))
                continue
            kept[q.id] = next((i for i, n in form.districts.items() if n == value), value)
        elif q.kind in ("single_choice", "likert", "rating"):
            if str(value) not in q.options:
                errors.append(FieldError(field, _("choose one of the options given")))
                continue
            kept[q.id] = str(value)
        elif q.kind == "number":
            try:
                number = float(value)
            except (TypeError, ValueError):
                errors.append(FieldError(field, _("give a number")))
                continue
            if (q.min_value is not None and number < q.min_value) or \
                    (q.max_value is not None and number > q.max_value):
                low = f"{q.min_value:g}" if q.min_value is not None else None
                high = f"{q.max_value:g}" if q.max_value is not None else None
                message = (_("give a number between {low} and {high}") if low and high else
                           _("give a number at least {low}") if low else _("give a number at most {high}"))
                errors.append(FieldError(field, message.format(low=low, high=high)))
                continue
            kept[q.id] = f"{number:g}"
        else:
            text = str(value).strip()
            limit = 300 if q.kind == "short_text" else MAX_TEXT
            if len(text) > limit:
                errors.append(FieldError(field, _("at most {limit} characters; this has {n}").format(
                    limit=format_number(limit), n=format_number(len(text)))))
                continue
            if reason := unstorable(text):
                errors.append(FieldError(field, _("the answer {reason}").format(reason=reason)))
                continue
            kept[q.id] = text
    return kept, errors


@service("surveys.preview_answers")
def preview_answers(*, session: Session, actor: Actor, survey_id: int,
                    answers: Mapping[int, Any]) -> dict[int, list[str]]:
    """Personal data found in each free-text answer, before anything is stored: the
    resident is told it will be removed before publication (DESIGN.md §2.2)."""
    form = _form(session, _open_survey(session, survey_id))
    found = {}
    for q in form.questions:
        value = answers.get(q.id)
        # An answer over the limit, or holding what no store keeps (a null character), is not
        # screened: the answers' check names its question and what is wrong, in the survey's
        # words rather than the comment form's, and the page still offers to send.
        if q.kind in TEXT_KINDS and isinstance(value, str) and 3 <= len(value.strip()) <= MAX_TEXT \
                and not unstorable(value):
            kinds = [p.description for p in preview_comment(session=session, actor=actor,
                                                             text=value).personal_data]
            if kinds:
                found[q.id] = kinds
    return found


def _open_survey(session: Session, survey_id: int) -> Survey:
    survey = session.get(Survey, survey_id)
    if survey is None or survey.status == "draft":
        raise NotFound(_("No such survey."))
    return survey


def _ballot_hash(survey: Survey, session_token: str) -> str:
    salt_day = (survey.opens_at or survey.created_at).date()
    return salted_hash(f"{survey.id}:{session_token}", salt_day)


@service("surveys.get_answered")
def has_answered(*, session: Session, actor: Actor, survey_id: int, session_token: str) -> bool:
    """Whether this browser session has answered the survey (its ballot exists)."""
    survey = _open_survey(session, survey_id)
    return session.exec(select(SurveyBallot.id).where(
        SurveyBallot.survey_id == survey.id,
        SurveyBallot.token_hash == _ballot_hash(survey, session_token))).first() is not None


@service("surveys.submit_response")
def submit_response(*, session: Session, actor: Actor, survey_id: int, answers: Mapping[int, Any],
                    session_token: str, district_id: int | None = None, language: str = "und",
                    personal_data_confirmed: bool = False, now: datetime | None = None) -> int:
    """Store one anonymous response; returns how many responses the survey now has."""
    now = now or utcnow()
    survey = _open_survey(session, survey_id)
    form = _form(session, survey)
    closed = form.accepting(now)
    if closed:
        raise ValidationFailed([FieldError("survey", closed)])
    if not session_token or len(session_token) < 16:
        raise ValidationFailed([FieldError("survey", _("reload the page and answer again"))])
    kept, errors = _check(form, answers)
    if errors:
        raise ValidationFailed(errors)
    if not kept:
        raise ValidationFailed([FieldError("answers", _("answer at least one question"))])
    kinds = {q.id: q.kind for q in form.questions}
    texts = {qid: v for qid, v in kept.items() if kinds[qid] in TEXT_KINDS}
    screened = {qid: moderation.screen(text) for qid, text in texts.items()}
    if not personal_data_confirmed and any(
            any(f.kind.startswith("pii:") for f in r.flags) for r in screened.values()):
        raise ValidationFailed([FieldError("answers", _("an answer contains personal data. It will be "
                                             "removed before any excerpt is published; confirm to "
                                             "send it anyway, or edit it first."))])
    ballot = SurveyBallot(survey_id=survey.id, token_hash=_ballot_hash(survey, session_token))
    try:
        with session.begin_nested():
            session.add(ballot)
            session.flush()
    except sa.exc.IntegrityError:
        raise ValidationFailed([FieldError("survey", _("this browser has already answered this "
                                             "survey; each person answers once"))]) from None
    day = now.replace(hour=0, minute=0, second=0, microsecond=0)
    if district_id is not None and session.get(District, district_id) is None:
        district_id = None
    district_answer = next((v for qid, v in kept.items()
                            if isinstance(v, int) and kinds[qid] == "district"), None)
    response = SurveyResponse(survey_id=survey.id, district_id=district_answer or district_id,
                              language=language[:8], submitted_at=day)
    session.add(response)
    session.flush()
    rows = []
    for qid, value in kept.items():
        comment_id = None
        if qid in texts:
            comment_id = store_comment(session, target_type="survey", target_id=survey.id,
                                       text=value, result=screened[qid],
                                       district_id=response.district_id, now=day).id
            value = ""
        elif isinstance(value, list):
            value = json.dumps(value, ensure_ascii=False)
        rows.append(SurveyAnswer(response_id=response.id, question_id=qid, value=str(value),
                                 comment_id=comment_id))
    session.add_all(rows)
    session.flush()
    return int(session.execute(sa.select(sa.func.count()).select_from(SurveyResponse)
                               .where(SurveyResponse.survey_id == survey.id)).scalar_one())
