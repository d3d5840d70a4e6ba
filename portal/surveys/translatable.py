"""A survey's text that staff may give in Spanish: title, introduction, each question."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from sqlmodel import Session, select

from portal.manifest import TranslatableRecord
from portal.surveys.models import Survey, SurveyQuestion


def english(session: Session, ids: Collection[int] | None) -> dict[int, TranslatableRecord]:
    """Fields of a question are named by its position (``q2.text``); a choice question's
    options are one field, one option per line, in the question's order. A question moved
    or rewritten has other English there, so its old translation is reported outdated rather
    than shown beside the wrong question."""
    query = select(Survey).order_by(Survey.title)
    if ids is not None:
        query = query.where(Survey.id.in_(list(ids)))  # type: ignore[union-attr]
    surveys = session.exec(query).all()
    questions: dict[int, list[SurveyQuestion]] = {}
    if surveys:
        survey_ids = [s.id for s in surveys]
        for q in session.exec(select(SurveyQuestion)
                              .where(SurveyQuestion.survey_id.in_(survey_ids))  # type: ignore[attr-defined]
                              .order_by(SurveyQuestion.survey_id, SurveyQuestion.position)).all():
            questions.setdefault(q.survey_id, []).append(q)
    # Only fields with words in them are there to translate.
    return {survey.id: TranslatableRecord(survey.title, tuple(  # type: ignore[misc]
        f for f in survey_fields(survey.title, survey.description, questions.get(survey.id, []))
        if f[2])) for survey in surveys}


def survey_fields(title: str, description: str,
                  questions: Iterable[Any]) -> tuple[tuple[str, str, str], ...]:
    """``(field, label, English)`` of a survey's words, the one naming of its fields that the
    staff page, the files and the residents' page (portal/ui/surveys.py) all use. ``questions``
    are the survey's questions in order, stored or as residents see them; every field is
    given, empty or not."""
    fields = [("title", "Title", title), ("description", "Introduction", description)]
    for q in questions:
        n = q.position
        fields.append((f"q{n}.text", f"Question {n}", q.text))
        fields.append((f"q{n}.help_text", f"Question {n}: help", q.help_text))
        fields.append((f"q{n}.options", f"Question {n}: choices, one per line",
                       "\n".join(q.options)))
    return tuple(fields)
