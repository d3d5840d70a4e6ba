"""Surveys: the builder's checks and versions, anonymous answers, suppressed results, export."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from portal.audit.models import AuditEvent
from portal.auth.roles import RESIDENT, Actor, Role
from portal.base import utcnow
from portal.engagement.models import Comment
from portal.errors import PermissionDenied, ValidationFailed
from portal.surveys import builder
from portal.surveys.answering import get_survey, submit_response
from portal.surveys.models import SurveyAnswer, SurveyBallot, SurveyQuestion, SurveyResponse
from portal.surveys.results import export_answers, survey_results

STAFF = Actor(subject="staff@alder.example", roles=frozenset({Role.STAFF}))


def _survey(session: Session, *questions: dict, publish: bool = True):  # type: ignore[no-untyped-def]
    survey = builder.create_survey(session=session, actor=STAFF, values={
        "slug": "bus-survey", "title": "Buses", "description": "Tell us about buses.",
        "closes_at": utcnow() + timedelta(days=10)})
    for values in questions or ({"kind": "single_choice", "text": "Do you ride the bus?",
                                 "options": ["Yes", "No"], "required": True},):
        builder.add_question(session=session, actor=STAFF, survey_id=survey.id, values=values)
    if publish:
        builder.publish_survey(session=session, actor=STAFF, survey_id=survey.id)
    return survey


def _ids(session: Session, survey_id: int) -> list[int]:
    return list(session.exec(select(SurveyQuestion.id).where(SurveyQuestion.survey_id == survey_id,
                                                             SurveyQuestion.retired == sa.false())
                             .order_by(SurveyQuestion.position)).all())


def _token(n: int) -> str:
    return f"browser-session-token-{n:04d}"


def test_required_questions_and_conditions(session: Session) -> None:
    survey = _survey(session,
                     {"kind": "single_choice", "text": "Do you ride the bus?", "options": ["Yes", "No"],
                      "required": True},
                     {"kind": "rating", "text": "How satisfied are you with your route?", "required": True,
                      "condition_position": 1, "condition_value": "Yes"})
    ride, rate = _ids(session, survey.id)
    with pytest.raises(ValidationFailed) as raised:
        submit_response(session=session, actor=RESIDENT, survey_id=survey.id, answers={},
                        session_token=_token(1))
    assert [(e.field, e.message) for e in raised.value.errors] == [
        ("question 1", "this question needs an answer")]
    with pytest.raises(ValidationFailed, match="question 2: this question needs an answer"):
        submit_response(session=session, actor=RESIDENT, survey_id=survey.id,
                        answers={ride: "Yes"}, session_token=_token(1))
    # Hidden by its condition: not required, and an answer to it is not stored.
    submit_response(session=session, actor=RESIDENT, survey_id=survey.id,
                    answers={ride: "No", rate: "7"}, session_token=_token(1))
    assert session.exec(select(SurveyAnswer.question_id)).all() == [ride]


def test_one_response_per_session_and_nothing_that_identifies(session: Session) -> None:
    survey = _survey(session)
    [question] = _ids(session, survey.id)
    assert submit_response(session=session, actor=RESIDENT, survey_id=survey.id,
                           answers={question: "Yes"}, session_token=_token(1)) == 1
    with pytest.raises(ValidationFailed, match="already answered"):
        submit_response(session=session, actor=RESIDENT, survey_id=survey.id,
                        answers={question: "No"}, session_token=_token(1))
    assert submit_response(session=session, actor=RESIDENT, survey_id=survey.id,
                           answers={question: "No"}, session_token=_token(2)) == 2
    response = session.exec(select(SurveyResponse)).first()
    assert (response.submitted_at.hour, response.submitted_at.minute, response.submitted_at.second) == (0, 0, 0)
    ballots = session.exec(select(SurveyBallot.token_hash)).all()
    assert len(ballots) == 2 and all(_token(1) not in b and len(b) == 64 for b in ballots)
    # No resident write leaves an audit event that would time-stamp the respondent.
    assert not session.exec(select(AuditEvent).where(AuditEvent.entity_type == "survey_response")).all()


def test_answers_outside_the_dates_are_refused(session: Session) -> None:
    survey = _survey(session)
    [question] = _ids(session, survey.id)
    with pytest.raises(ValidationFailed, match="has closed"):
        submit_response(session=session, actor=RESIDENT, survey_id=survey.id, answers={question: "Yes"},
                        session_token=_token(1), now=utcnow() + timedelta(days=11))
    builder.close_survey(session=session, actor=STAFF, survey_id=survey.id)
    with pytest.raises(ValidationFailed, match="has closed"):
        submit_response(session=session, actor=RESIDENT, survey_id=survey.id, answers={question: "Yes"},
                        session_token=_token(2))


def test_a_change_after_responses_makes_a_new_question(session: Session) -> None:
    survey = _survey(session)
    [question] = _ids(session, survey.id)
    builder.update_question(session=session, actor=STAFF, question_id=question,
                            values={"kind": "single_choice", "text": "Do you ride the bus?",
                                    "options": ["Yes", "No"], "required": False})
    assert _ids(session, survey.id) == [question]  # no response yet: edited in place
    submit_response(session=session, actor=RESIDENT, survey_id=survey.id, answers={question: "Yes"},
                    session_token=_token(1))
    new = builder.update_question(session=session, actor=STAFF, question_id=question,
                                  values={"kind": "single_choice", "text": "Do you ride the bus weekly?",
                                          "options": ["Yes", "No", "Sometimes"]})
    assert new.id != question and _ids(session, survey.id) == [new.id]
    assert session.get(SurveyQuestion, question).retired
    results = survey_results(session=session, actor=RESIDENT, survey_id=survey.id)
    assert [(q.text, q.retired) for q in results.questions] == [
        ("Do you ride the bus?", True), ("Do you ride the bus weekly?", False)]
    actions = session.exec(select(AuditEvent.action).where(AuditEvent.entity_type == "survey")).all()
    assert actions.count("surveys.update_question") == 2 and "surveys.publish_survey" in actions


def test_results_suppress_small_counts_with_a_complement(session: Session) -> None:
    survey = _survey(session, {"kind": "single_choice", "text": "How do you get to work?",
                               "options": ["Bus", "Car", "Bike"]})
    [question] = _ids(session, survey.id)
    answers = ["Bus"] * 20 + ["Car"] * 15 + ["Bike"] * 3
    for n, answer in enumerate(answers):
        submit_response(session=session, actor=RESIDENT, survey_id=survey.id,
                        answers={question: answer}, session_token=_token(n))
    [result] = survey_results(session=session, actor=RESIDENT, survey_id=survey.id).questions
    by_option = {o.option: o for o in result.options}
    assert by_option["Bike"].shown == "fewer than 11" and by_option["Bike"].count is None
    assert by_option["Bike"].percent == ""
    # Bike = answered − Bus − Car: one more count must be hidden.
    assert sum(o.status.suppressed for o in result.options) == 2
    assert result.answered_shown == "38"


def test_sensitive_questions_need_a_justification_and_prefer_not_to_say(session: Session) -> None:
    survey = _survey(session, {"kind": "single_choice", "text": "Are you a U.S. citizen?",
                               "options": ["Yes", "No"]}, publish=False)
    [question] = _ids(session, survey.id)
    assert session.get(SurveyQuestion, question).flags[0]["severity"] == "error"
    with pytest.raises(ValidationFailed) as raised:
        builder.publish_survey(session=session, actor=STAFF, survey_id=survey.id)
    assert "names the law" in str(raised.value) and "Prefer not to say" in str(raised.value)
    builder.update_question(session=session, actor=STAFF, question_id=question, values={
        "kind": "single_choice", "text": "Are you a U.S. citizen?",
        "options": ["Yes", "No", "Prefer not to say"],
        "justification": "We think it would be interesting."})
    with pytest.raises(ValidationFailed, match="names the law"):
        builder.publish_survey(session=session, actor=STAFF, survey_id=survey.id)
    [question] = _ids(session, survey.id)
    builder.update_question(session=session, actor=STAFF, question_id=question, values={
        "kind": "single_choice", "text": "Are you a U.S. citizen?",
        "options": ["Yes", "No", "Prefer not to say"],
        "justification": "Required by 42 U.S.C. § 1437a for federally funded housing programs."})
    assert builder.publish_survey(session=session, actor=STAFF, survey_id=survey.id).status == "open"
    assert get_survey(session=session, actor=RESIDENT, slug="bus-survey").questions[0].justification


def test_free_text_is_a_moderated_comment_and_unreadable_in_the_database(session: Session,
                                                                         engine: Engine) -> None:
    survey = _survey(session, {"kind": "long_text", "text": "Anything else?"})
    [question] = _ids(session, survey.id)
    secret = "Call me at 503-248-7731 about the number 9 bus."
    with pytest.raises(ValidationFailed, match="personal data"):
        submit_response(session=session, actor=RESIDENT, survey_id=survey.id,
                        answers={question: secret}, session_token=_token(1))
    submit_response(session=session, actor=RESIDENT, survey_id=survey.id, answers={question: secret},
                    session_token=_token(1), personal_data_confirmed=True)
    session.commit()
    comment = session.exec(select(Comment).where(Comment.target_type == "survey")).one()
    assert comment.state == "pending" and "503-248-7731" not in comment.redacted_text
    with engine.connect() as conn:
        stored = [str(v) for row in conn.execute(sa.text("SELECT * FROM comment")) for v in row]
        stored += [str(v) for row in conn.execute(sa.text("SELECT * FROM survey_answer")) for v in row]
    assert not any("503-248-7731" in v or secret in v for v in stored)
    [result] = survey_results(session=session, actor=RESIDENT, survey_id=survey.id).questions
    assert result.excerpts == []  # nothing is published before a moderator decides


def test_export_has_no_identifiers_and_safe_cells(session: Session) -> None:
    survey = _survey(session, {"kind": "single_choice", "text": "Which?", "options": ["=1+1", "Plain"]})
    [question] = _ids(session, survey.id)
    for n in range(3):
        submit_response(session=session, actor=RESIDENT, survey_id=survey.id,
                        answers={question: "=1+1"}, session_token=_token(n))
    data = b"".join(export_answers(session=session, actor=STAFF, survey_id=survey.id, batch=2))
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "response,question,question_text,answer"
    assert [line.split(",")[0] for line in lines[1:]] == ["1", "2", "3"]
    assert all(line.endswith("'=1+1") for line in lines[1:])
    with pytest.raises(PermissionDenied):
        list(export_answers(session=session, actor=RESIDENT, survey_id=survey.id))


def test_residents_cannot_build_or_see_drafts(session: Session) -> None:
    survey = _survey(session, publish=False)
    with pytest.raises(PermissionDenied):
        builder.publish_survey(session=session, actor=RESIDENT, survey_id=survey.id)
    assert builder.list_surveys(session=session, actor=RESIDENT) == []
    json.dumps([s.slug for s in builder.list_surveys(session=session, actor=STAFF)])
