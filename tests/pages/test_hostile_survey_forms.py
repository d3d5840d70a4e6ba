"""Hostile text through the survey forms (issue 14): staff build a survey whose title,
introduction, questions, help texts, choices, condition and justification are hostile;
residents see it, answer with hostile free text, and read the results. Each value is stored
as typed or refused with a message, and shown again as text: a question is a widget's label
and its choices a radio's options, both of which Streamlit renders as Markdown."""

from __future__ import annotations

from sqlmodel import Session, select

from portal.auth.roles import Actor, Role
from portal.engagement.decisions import decide
from portal.engagement.models import Comment
from portal.surveys.models import Survey, SurveyQuestion
from portal.surveys.vocab import PREFER_NOT
from tests import hostile
from tests.apptest import plain, run_script
from tests.pages.hostile_forms import (
    NULLS,
    TEXTS,
    assert_inert,
    assert_refused_null,
    by_label,
    fill,
    fits,
    rounds,
    stored,
)

MANAGE = "app_pages/manage_surveys.py"
OPTIONS = "Options, one per line (choices; a 5-point question's labels)"
SURVEY_FIELDS = {"Title": 300, "Introduction": None}
#: Each question asks about religion, so that it is flagged and its justification is shown;
#: the question's own limit (1,000) leaves room for those words.
SENSITIVE = "What is your religion, if any? "
QUESTION_FIELDS = {"Question": 1_000 - len(SENSITIVE), "Help text": None,
                   "Justification shown to respondents (for a sensitive question)": None}
MODERATOR = Actor(subject="mod@alder-county.example", roles=frozenset({Role.MODERATOR}))


def _choices() -> list[str]:
    """Hostile choices, one a line as staff type them: as many as stay distinct once trimmed,
    and the way not to answer a sensitive question."""
    kept: list[str] = [PREFER_NOT]
    for text in TEXTS:
        lines = [line.strip() for line in text.value.splitlines() if line.strip()]
        if len(lines) == 1 and lines[0] not in kept and len(lines[0]) < 200:
            kept.append(lines[0])
    return kept


def _answer(form, label_start: str):  # type: ignore[no-untyped-def]
    return next(w for w in [*form.radio, *form.text_input, *form.text_area]
                if w.label.startswith(label_start))


def test_a_hostile_survey_is_kept_as_typed_and_shown_inert_to_staff_and_residents(
        session: Session) -> None:
    survey_text = rounds(list(SURVEY_FIELDS), SURVEY_FIELDS, saves=1)[0]
    questions = rounds(list(QUESTION_FIELDS), QUESTION_FIELDS, saves=2)
    for text in questions:
        text["Question"] = SENSITIVE + text["Question"]
    choices = _choices()
    at = run_script(MANAGE, Role.STAFF)
    by_label(at.text_input, "Address name (slug)").set_value(hostile.named("script-tag"))
    by_label(at.button, "Save survey").click().run()
    assert not at.exception
    said = [plain(e.value) for e in at.error]
    assert any("lower-case letters" in e for e in said), said
    by_label(at.text_input, "Address name (slug)").set_value("hostile-survey")
    fill(at, {"Title": "Library hours", "Introduction": f"Two questions.{NULLS[0]}"})
    by_label(at.button, "Save survey").click().run()
    assert_refused_null(at)
    fill(at, survey_text)
    by_label(at.button, "Save survey").click().run()
    assert not at.exception, [e.value for e in at.exception]
    survey = session.exec(select(Survey)).one()
    assert (survey.title, survey.description) == (stored(survey_text["Title"]),
                                                  stored(survey_text["Introduction"]))

    # 1: one choice among hostile options; 2: a long answer; 3: a short answer, shown only
    # when question 1 was answered with a hostile choice.
    for kind, text, extra in (
            ("single_choice", questions[0], {OPTIONS: "\n".join(choices)}),
            ("long_text", questions[1], {}),
            ("short_text", {"Question": "Anything else?"}, {})):
        by_label(at.selectbox, "Kind").set_value(kind)
        fill(at, text | extra)
        if kind == "short_text":
            by_label(at.number_input, "Show only if question number…").set_value(1)
            by_label(at.text_input, "…was answered").set_value(choices[3])
        by_label(at.button, "Save question").click().run()
        assert not at.exception, [e.value for e in at.exception]
        assert not at.error, [e.value for e in at.error]
    saved = session.exec(select(SurveyQuestion).order_by(SurveyQuestion.position)).all()
    for question, text in zip(saved, questions, strict=False):
        assert question.text == stored(text["Question"])
        assert question.help_text == stored(text["Help text"])
        assert question.justification == stored(text["Justification shown to respondents (for a "
                                                     "sensitive question)"])
        assert question.flags  # so residents are shown the justification
    assert saved[0].options == choices and saved[2].condition_value == choices[3]
    # The builder's list and its preview, "exactly as residents will see it".
    assert_inert(at, [*survey_text.values(), *questions[0].values(), *questions[1].values(),
                      *choices])

    by_label(at.button, "Publish survey").click().run()
    assert not at.error, [e.value for e in at.error]
    session.expire_all()
    assert session.get(Survey, survey.id).status == "open"
    listed = run_script("app_pages/surveys.py")
    assert_inert(listed, [survey_text["Title"]])
    form = run_script("app_pages/surveys.py", query={"survey": "hostile-survey"})
    assert_inert(form, [*survey_text.values(), *questions[0].values(), *questions[1].values(),
                        *choices])

    # A resident answers with a hostile choice and hostile free text.
    long_answer, short_answer = fits(5_000, TEXTS[::-1]), fits(300)
    _answer(form, "1.").set_value(choices[3])
    form.run()
    _answer(form, "2.").set_value(hostile.megabyte_field())
    _answer(form, "3.").set_value(short_answer)
    send = next(b for b in form.button if b.label == "Send answers")
    send.click().run()
    assert not form.exception, [e.value for e in form.exception]
    said = " ".join(e.value for e in form.error)
    assert "1,000,000" in said and "5,000" in said, said  # the limit and the length, no crash
    assert _answer(form, "2.").value == hostile.megabyte_field()  # kept in its box
    _answer(form, "2.").set_value(f"{long_answer}\n{NULLS[0]}")
    next(b for b in form.button if b.label == "Send answers").click().run()
    assert any("null character" in e.value for e in form.error), [e.value for e in form.error]
    _answer(form, "2.").set_value(long_answer)
    next(b for b in form.button if b.label == "Send answers").click().run()
    assert not form.exception, [e.value for e in form.exception]
    assert any("answers were received" in s.value for s in form.success), \
        [e.value for e in form.error]
    answers = sorted(c.raw_text for c in session.exec(select(Comment)).all())
    assert answers == sorted([stored(long_answer), stored(short_answer)])

    # Published as excerpts, the answers are shown as quotes of text in the results.
    for comment in session.exec(select(Comment)).all():
        decide(session=session, actor=MODERATOR, comment_id=comment.id,
               lock_version=comment.lock_version, action="publish")
    session.commit()
    results = run_script("app_pages/surveys.py", query={"survey": "hostile-survey"})
    assert_inert(results, [long_answer, short_answer, questions[0]["Question"], *choices])
