"""Staff build surveys: questions, order, conditions, and the checks before publishing.

The sensitive-question linter (``moderation.sensitive_questions``) runs on every save.
A survey is published only when each flagged question carries a written justification —
for citizenship or immigration status and id numbers one that names the legal requirement
— and, for the other topics, a "Prefer not to say" option; residents see the
justification beside the question (DESIGN.md §2.5).

Once a survey has responses, a change to a question's wording, kind or options would
make earlier answers answer a question nobody asked them. Such a change retires the
question and adds the new wording as a new question in the same place, so results keep
both; survey-level edits that corrupt nothing (title, dates) apply in place.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from moderation.sensitive_questions import lint_question
from portal.audit.history import locked
from portal.audit.service import record_event
from portal.auth.permissions import service
from portal.auth.roles import Actor
from portal.base import utcnow
from portal.coerce import SLUG
from portal.errors import FieldError, NotFound, ValidationFailed
from portal.i18n import N_, _
from portal.surveys.models import Survey, SurveyQuestion, SurveyResponse
from portal.surveys.vocab import (
    CHOICE_KINDS,
    LIKERT,
    PREFER_NOT,
    QUESTION_KINDS,
    RATING,
    TARGETS,
    status_name,
)
from portal.textsafety import unstorable, unstorable_fields

#: What a justification for an error-level topic must name: the law that requires the question.
_LEGAL = re.compile(r"\b(law|statute|code|regulation|ordinance|required by|c\.?f\.?r|u\.?s\.?c|"
                    r"ley|reglamento|ordenanza|requisito legal)\b|§", re.IGNORECASE)
#: Question fields whose change after responses makes a new question, not an edit.
_MEANING = ("text", "kind", "options", "min_value", "max_value")


def lint_flags(text: str, help_text: str = "", options: list[str] | tuple[str, ...] = (),
               kind: str | None = None) -> list[dict[str, str]]:
    """The linter's findings as stored on the question and shown to staff."""
    return [{"topic": f.topic, "severity": f.severity, "evidence": f.evidence}
            for f in lint_question(text, help_text, list(options), kind)]


def _audit(session: Session, actor: Actor, action: str, survey: Survey, **detail: Any) -> None:
    record_event(session, actor=actor, action=action, entity_type="survey", entity_id=survey.id,
                 detail={"slug": survey.slug, "version": survey.version, **detail})


def _survey(session: Session, survey_id: int, expected_version: int | None = None) -> Survey:
    return locked(session, Survey, survey_id, expected_version, N_("survey"))


def has_responses(session: Session, survey_id: int) -> bool:
    return session.exec(select(SurveyResponse.id).where(SurveyResponse.survey_id == survey_id)
                        .limit(1)).first() is not None


def _target(session: Session, target_type: str | None, target_id: Any) -> tuple[str | None, int | None]:
    if not target_type:
        return None, None
    if target_type not in TARGETS:
        raise ValidationFailed([FieldError("target_type", _("choose one of {choices} or nothing").format(
            choices=", ".join(TARGETS)))])
    from portal.indicators.models import Indicator
    from portal.inventory.models import SharingPractice
    from portal.notices.models import SurveillanceTechnology

    model = {"notice": SurveillanceTechnology, "practice": SharingPractice, "indicator": Indicator}[target_type]
    row = session.get(model, int(target_id)) if target_id not in (None, "") else None
    if row is None or getattr(row, "is_published", True) is False or getattr(row, "status", "") == "draft":
        raise ValidationFailed([FieldError("target_id", _("no published {kind} has that id").format(
            kind=_(TARGETS[target_type]).lower()))])
    return target_type, int(target_id)


def _clean_survey(session: Session, values: Mapping[str, Any]) -> dict[str, Any]:
    errors = unstorable_fields({k: values.get(k) for k in ("title", "description")})
    title = str(values.get("title") or "").strip()
    if not title or len(title) > 300:
        errors.append(FieldError("title", _("give a title of 1 to 300 characters")))
    opens, closes = values.get("opens_at"), values.get("closes_at")
    for name, value in (("opens_at", opens), ("closes_at", closes)):
        if value is not None and (not isinstance(value, datetime) or value.tzinfo is None):
            errors.append(FieldError(name, _("give a date and time with its time zone")))
    if not errors and opens and closes and closes <= opens:
        errors.append(FieldError("closes_at", _("the survey must close after it opens")))
    if errors:
        raise ValidationFailed(errors)
    target_type, target_id = _target(session, values.get("target_type"), values.get("target_id"))
    return {"title": title, "description": str(values.get("description") or "").strip(),
            "opens_at": opens, "closes_at": closes, "target_type": target_type, "target_id": target_id}


@service("surveys.create_survey")
def create_survey(*, session: Session, actor: Actor, values: Mapping[str, Any]) -> Survey:
    slug = str(values.get("slug") or "").strip()
    if not SLUG.match(slug):
        raise ValidationFailed([FieldError("slug", _("use lower-case letters, digits and hyphens"))])
    if session.exec(select(Survey.id).where(Survey.slug == slug)).first() is not None:
        raise ValidationFailed([FieldError("slug", _("a survey {slug} exists already").format(
            slug=repr(slug)))])
    survey = Survey(slug=slug, **_clean_survey(session, values), status="draft",
                    created_by=actor.subject, updated_at=utcnow())
    session.add(survey)
    session.flush()
    _audit(session, actor, "surveys.create_survey", survey, title=survey.title)
    return survey


@service("surveys.update_survey")
def update_survey(*, session: Session, actor: Actor, survey_id: int, values: Mapping[str, Any],
                  expected_version: int | None = None) -> Survey:
    survey = _survey(session, survey_id, expected_version)
    cleaned = _clean_survey(session, values)
    changed = [k for k, v in cleaned.items() if getattr(survey, k) != v]
    if not changed:
        raise ValidationFailed(message=_("Nothing changed, so no new version was saved."))
    for key in changed:
        setattr(survey, key, cleaned[key])
    _bump(session, survey)
    _audit(session, actor, "surveys.update_survey", survey, fields=changed)
    return survey


def _bump(session: Session, survey: Survey) -> None:
    survey.version += 1
    survey.updated_at = utcnow()
    session.add(survey)
    session.flush()


def _questions(session: Session, survey_id: int) -> list[SurveyQuestion]:
    return list(session.exec(select(SurveyQuestion).where(
        SurveyQuestion.survey_id == survey_id, SurveyQuestion.retired == sa.false())
        .order_by(SurveyQuestion.position)).all())


def _number(value: Any, name: str, errors: list[FieldError]) -> float | None:
    if value in (None, ""):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        errors.append(FieldError(name, _("give a number")))
        return None


def _clean_question(values: Mapping[str, Any], others: list[SurveyQuestion],
                    position: int) -> dict[str, Any]:
    errors: list[FieldError] = unstorable_fields(
        {k: values.get(k) for k in ("text", "help_text", "justification", "condition_value")})
    errors += [FieldError("options", reason) for option in values.get("options") or []
               if isinstance(option, str) and (reason := unstorable(option))][:1]
    kind = str(values.get("kind") or "")
    if kind not in QUESTION_KINDS:
        errors.append(FieldError("kind", _("choose one of {choices}").format(
            choices=", ".join(QUESTION_KINDS))))
    text = str(values.get("text") or "").strip()
    if not text or len(text) > 1000:
        errors.append(FieldError("text", _("write the question (up to 1,000 characters)")))
    options = [str(o).strip() for o in values.get("options") or [] if str(o).strip()]
    if kind == "likert":
        options = options or list(LIKERT)
        if len(options) != 5:
            errors.append(FieldError("options", _("a 5-point question has five labels")))
    elif kind == "rating":
        options = list(RATING)
    elif kind == "district":
        options = []  # the county's districts, read when the survey is shown
    elif kind in ("single_choice", "multi_choice") and len(options) < 2:
        errors.append(FieldError("options", _("give at least two options, one per line")))
    elif kind not in CHOICE_KINDS:
        options = []
    if len(set(options)) != len(options):
        errors.append(FieldError("options", _("each option once")))
    low = _number(values.get("min_value"), "min_value", errors) if kind == "number" else None
    high = _number(values.get("max_value"), "max_value", errors) if kind == "number" else None
    if low is not None and high is not None and high < low:
        errors.append(FieldError("max_value",
                                  _("the largest allowed number is below the smallest")))
    condition_position = values.get("condition_position") or None
    condition_value = str(values.get("condition_value") or "").strip() or None
    if condition_position is not None:
        earlier = {q.position: q for q in others if q.position < position}
        source = earlier.get(int(condition_position))
        if source is None:
            errors.append(FieldError("condition_position",
                                     _("a condition refers to an earlier question")))
        elif source.kind in ("single_choice", "likert", "rating", "multi_choice") and \
                condition_value not in source.options:
            errors.append(FieldError("condition_value", _("choose one of question {n}'s options").format(
                n=source.position)))
        elif not condition_value:
            errors.append(FieldError("condition_value", _("say which answer shows this question")))
    if errors:
        raise ValidationFailed(errors)
    help_text = str(values.get("help_text") or "").strip()
    flags = lint_flags(text, help_text, options, kind)
    return {
        "kind": kind, "text": text, "help_text": help_text, "options": options,
        "required": bool(values.get("required")), "min_value": low, "max_value": high,
        "condition_position": int(condition_position) if condition_position else None,
        "condition_value": condition_value if condition_position else None,
        "justification": str(values.get("justification") or "").strip() or None,
        "flags": flags, "sensitive_category": flags[0]["topic"] if flags else None,
    }


def _editable(session: Session, survey: Survey) -> None:
    if survey.status == "closed":
        raise ValidationFailed(
            message=_("This survey is closed; its questions can no longer change."))


@service("surveys.add_question")
def add_question(*, session: Session, actor: Actor, survey_id: int,
                 values: Mapping[str, Any]) -> SurveyQuestion:
    survey = _survey(session, survey_id)
    _editable(session, survey)
    others = _questions(session, survey_id)
    position = (others[-1].position + 1) if others else 1
    question = SurveyQuestion(survey_id=survey_id, position=position,
                              **_clean_question(values, others, position))
    session.add(question)
    _bump(session, survey)
    _audit(session, actor, "surveys.add_question", survey, question=question.id,
           flags=[f["topic"] for f in question.flags])
    return question


def _current_question(session: Session, question_id: int) -> SurveyQuestion:
    """The question, unless it is unknown or retired (a retired one stays for the answers
    already given, and can no longer change)."""
    question = session.get(SurveyQuestion, question_id)
    if question is None or question.retired:
        raise NotFound(_("No current question {id}.").format(id=question_id))
    return question


@service("surveys.update_question")
def update_question(*, session: Session, actor: Actor, question_id: int,
                    values: Mapping[str, Any]) -> SurveyQuestion:
    old = _current_question(session, question_id)
    survey = _survey(session, old.survey_id)
    _editable(session, survey)
    cleaned = _clean_question(values, _questions(session, survey.id), old.position)
    changed = [k for k, v in cleaned.items() if getattr(old, k) != v]
    if not changed:
        raise ValidationFailed(message=_("Nothing changed, so no new version was saved."))
    if has_responses(session, survey.id) and any(k in _MEANING for k in changed):
        old.retired = True
        session.add(old)
        session.flush()
        question = SurveyQuestion(survey_id=survey.id, position=old.position, **cleaned)
        session.add(question)
        how = "new question (the survey has responses; the old wording keeps its answers)"
    else:
        question = old
        for key in changed:
            setattr(question, key, cleaned[key])
        session.add(question)
        how = "edited"
    _bump(session, survey)
    _audit(session, actor, "surveys.update_question", survey, question=question.id,
           replaced=old.id if question is not old else None, fields=changed, how=how)
    return question


@service("surveys.move_question")
def move_question(*, session: Session, actor: Actor, question_id: int, offset: int) -> None:
    """Swap a question with its neighbour above (offset -1) or below (+1)."""
    question = _current_question(session, question_id)
    survey = _survey(session, question.survey_id)
    _editable(session, survey)
    current = _questions(session, survey.id)
    index = next(i for i, q in enumerate(current) if q.id == question.id)
    other = index + (1 if offset > 0 else -1)
    if not 0 <= other < len(current):
        raise ValidationFailed(message=_("That question is already at the end.") if offset > 0
                               else _("That question is already at the start."))
    a, b = current[index], current[other]
    moved = {a.position, b.position}
    if any(q.condition_position in moved for q in current):
        raise ValidationFailed(message=_("Another question's condition refers to one of these; "
                                         "change the condition first."))
    a.position, b.position = b.position, a.position
    session.add_all([a, b])
    _bump(session, survey)
    _audit(session, actor, "surveys.move_question", survey, question=a.id, position=a.position)


@service("surveys.remove_question")
def remove_question(*, session: Session, actor: Actor, question_id: int) -> None:
    question = _current_question(session, question_id)
    survey = _survey(session, question.survey_id)
    _editable(session, survey)
    if any(q.condition_position == question.position for q in _questions(session, survey.id)):
        raise ValidationFailed(message=_("Another question's condition refers to this one."))
    if has_responses(session, survey.id):
        question.retired = True  # its answers stay in the results
        session.add(question)
    else:
        session.delete(question)
    _bump(session, survey)
    _audit(session, actor, "surveys.remove_question", survey, question=question_id)


def publication_problems(questions: list[SurveyQuestion]) -> list[FieldError]:
    """Why a survey may not be published yet (empty when it may)."""
    if not questions:
        return [FieldError("questions", _("add at least one question"), label=_("questions"))]
    problems = []
    for q in questions:
        where = f"question {q.position}"
        label = _("question {n}").format(n=q.position)
        errors = [f for f in q.flags if f["severity"] == "error"]
        warnings = [f for f in q.flags if f["severity"] == "warning"]
        if errors and not (q.justification and _LEGAL.search(q.justification)):
            problems.append(FieldError(where, _(
                "asks about {topic} (\u201c{evidence}\u201d): publish it only with a justification "
                "that names the law requiring it").format(
                    topic=errors[0]["topic"].replace("_", " "), evidence=errors[0]["evidence"]),
                label=label))
        elif warnings and not q.justification:
            problems.append(FieldError(where, _(
                "asks about {topic} (\u201c{evidence}\u201d): write why it is needed; residents "
                "will read it beside the question").format(
                    topic=warnings[0]["topic"].replace("_", " "), evidence=warnings[0]["evidence"]),
                label=label))
        if (errors or warnings) and q.kind in ("single_choice", "multi_choice") and PREFER_NOT not in q.options:
            problems.append(FieldError(where, _("add the option \u201c{option}\u201d").format(
                option=_(PREFER_NOT)), label=label))
        if (errors or warnings) and q.required:
            problems.append(FieldError(where, _("a sensitive question cannot be required"),
                                       label=label))
    return problems


@service("surveys.publish_survey")
def publish_survey(*, session: Session, actor: Actor, survey_id: int) -> Survey:
    survey = _survey(session, survey_id)
    if survey.status != "draft":
        raise ValidationFailed(message=_(
            "Only a draft can be published; this survey is {status}.").format(
                status=status_name(survey.status).lower()))
    problems = publication_problems(_questions(session, survey_id))
    if problems:
        raise ValidationFailed(problems)
    now = utcnow()
    survey.status = "open"
    survey.opens_at = survey.opens_at or now
    if survey.closes_at is not None and survey.closes_at <= now:
        raise ValidationFailed([FieldError("closes_at",
                                           _("the closing date has passed; change it first"))])
    _bump(session, survey)
    _audit(session, actor, "surveys.publish_survey", survey)
    return survey


@service("surveys.close_survey")
def close_survey(*, session: Session, actor: Actor, survey_id: int) -> Survey:
    survey = _survey(session, survey_id)
    if survey.status != "open":
        raise ValidationFailed(message=_("Only an open survey can be closed."))
    survey.status = "closed"
    now = utcnow()
    if survey.closes_at is None or survey.closes_at > now:
        survey.closes_at = now
    _bump(session, survey)
    _audit(session, actor, "surveys.close_survey", survey)
    return survey


@service("surveys.list_surveys")
def list_surveys(*, session: Session, actor: Actor) -> list[Survey]:
    """Every survey for staff; residents see open and closed ones, never drafts."""
    from portal.auth.permissions import allowed

    query = select(Survey).order_by(Survey.created_at.desc())
    if not allowed(actor, "surveys.create_survey"):
        query = query.where(Survey.status != "draft")
    return list(session.exec(query).all())


@service("surveys.list_about")
def surveys_about(*, session: Session, actor: Actor, target_type: str, target_id: int) -> list[Survey]:
    """The open surveys staff attached to a record, for its page to offer."""
    return list(session.exec(select(Survey).where(
        Survey.target_type == target_type, Survey.target_id == target_id,
        Survey.status == "open").order_by(Survey.created_at)).all())
