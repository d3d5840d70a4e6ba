"""Surveys, their questions, and anonymous responses.

A response keeps no identifier of its respondent: no account, address, device or
precise time (``submitted_at`` is the day). "One response per browser session" is
kept in ``survey_ballot``, which holds a daily-salted hash of the session and the
survey and nothing that links it to the response. A free-text answer is stored as a
comment (``comment_id``): screened, encrypted at rest, moderated and purged like any
comment, so no raw free text sits in the survey tables.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from portal.base import (
    UTCDateTime,
    created_at_field,
    json_list_field,
    optional_datetime_field,
    optional_text_field,
    text_field,
    utcnow,
)


class Survey(SQLModel, table=True):
    __tablename__ = "survey"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=120, unique=True, index=True)
    title: str = Field(max_length=300)
    description: str = text_field()  # the introduction residents read first
    target_type: str | None = Field(default=None, max_length=20)
    target_id: int | None = None
    status: str = Field(default="draft", max_length=16, index=True)  # vocab.STATUSES
    opens_at: datetime | None = optional_datetime_field()
    closes_at: datetime | None = optional_datetime_field()
    created_by: str = Field(default="system", max_length=320)
    created_at: datetime = created_at_field()
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class SurveyQuestion(SQLModel, table=True):
    __tablename__ = "survey_question"

    id: int | None = Field(default=None, primary_key=True)
    survey_id: int = Field(foreign_key="survey.id", index=True)
    position: int
    text: str = text_field()
    help_text: str = text_field()
    kind: str = Field(max_length=16)  # vocab.QUESTION_KINDS
    options: list[str] = json_list_field()
    required: bool = False
    min_value: float | None = None  # number questions
    max_value: float | None = None
    # Shown only when the question at this position was answered with this value.
    condition_position: int | None = None
    condition_value: str | None = Field(default=None, max_length=300)
    # The linter's findings when last saved (moderation.sensitive_questions), and the topic.
    flags: list[dict[str, Any]] = json_list_field()
    sensitive_category: str | None = Field(default=None, max_length=32)
    justification: str | None = optional_text_field()
    # A question changed after responses arrived is retired, not rewritten: its answers
    # keep the wording they answered (the new wording is a new question).
    retired: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})


class SurveyResponse(SQLModel, table=True):
    __tablename__ = "survey_response"

    id: int | None = Field(default=None, primary_key=True)
    survey_id: int = Field(foreign_key="survey.id", index=True)
    district_id: int | None = Field(default=None, foreign_key="district.id", index=True)
    language: str = Field(default="und", max_length=8)
    submitted_at: datetime = created_at_field()  # midnight UTC of the day: never the moment


class SurveyAnswer(SQLModel, table=True):
    __tablename__ = "survey_answer"

    id: int | None = Field(default=None, primary_key=True)
    response_id: int = Field(foreign_key="survey_response.id", index=True)
    question_id: int = Field(foreign_key="survey_question.id", index=True)
    value: str = text_field()  # a choice, a number; "" for free text (see comment_id)
    redacted_value: str | None = optional_text_field()
    comment_id: int | None = Field(default=None, foreign_key="comment.id", index=True)


class SurveyBallot(SQLModel, table=True):
    """That some browser session answered a survey: nothing links it to the response."""

    __tablename__ = "survey_ballot"
    __table_args__ = (sa.UniqueConstraint("survey_id", "token_hash", name="uq_survey_ballot"),)

    id: int | None = Field(default=None, primary_key=True)
    survey_id: int = Field(foreign_key="survey.id", index=True)
    token_hash: str = Field(max_length=64)
