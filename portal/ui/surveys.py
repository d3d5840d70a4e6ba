"""A survey's questions as residents answer them (and staff preview them), and its results.

The builder's preview and the residents' page draw questions with the same function,
so what staff see before publishing is what residents get.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from portal.surveys.answering import MAX_TEXT, QuestionView, SurveyForm, shown
from portal.surveys.results import SurveyResults, results_version, survey_results
from portal.surveys.vocab import TEXT_KINDS
from portal.ui.text import chart_text, inert

TOPIC_WORDS = {"citizenship": "citizenship or immigration status", "id_number": "an id number",
               "nationality": "nationality or place of birth", "religion": "religion",
               "language": "language"}


def _label(q: QuestionView) -> str:
    return f"{q.position}. {inert(q.text)}" + ("" if q.required else " (optional)")


def question(q: QuestionView, key: str, *, disabled: bool = False) -> Any:
    """One question's widget; returns the answer (None or empty when unanswered).

    A widget's label, its help and a radio's choices are Markdown: staff's words in them are
    made inert, so a question shows what was typed (the answer is still the choice itself)."""
    label = _label(q)
    help_text = inert(q.help_text) or None
    if q.justification and q.flags:
        st.info(f"Why we ask this: {inert(q.justification)}", icon=":material/info:")
    if q.kind in ("single_choice", "likert", "rating", "district"):
        horizontal = q.kind in ("likert", "rating")
        return st.radio(label, list(q.options), index=None, key=key, help=help_text,
                        disabled=disabled, horizontal=horizontal, format_func=inert)
    if q.kind == "multi_choice":
        return st.multiselect(label, list(q.options), key=key, help=help_text, disabled=disabled,
                              placeholder="Choose any that apply")
    if q.kind == "number":
        return st.number_input(label, value=None, min_value=q.min_value, max_value=q.max_value,
                               key=key, help=help_text, disabled=disabled)
    if q.kind == "short_text":
        return st.text_input(label, max_chars=300, key=key, help=help_text, disabled=disabled)
    # No max_chars: with one, a browser drops a longer paste whole and says nothing. The
    # service says how long the answer is and what the limit is, and the box keeps the text.
    limit = f"Up to {MAX_TEXT:,} characters."
    return st.text_area(label, key=key, disabled=disabled,
                        help=f"{help_text} {limit}" if help_text else limit)


def questions(form: SurveyForm, prefix: str, errors: dict[str, str] | None = None, *,
              disabled: bool = False) -> dict[int, Any]:
    """Every question whose display condition holds, in order; answers by question id."""
    answers: dict[int, Any] = {}
    by_position = {q.position: q for q in form.questions}
    for q in form.questions:
        if not shown(q, answers, by_position):
            continue
        value = question(q, f"{prefix}_{q.id}", disabled=disabled)
        if q.kind == "district" and value is not None:
            value = next((i for i, n in form.districts.items() if n == value), value)
        answers[q.id] = value
        problem = (errors or {}).get(f"question {q.position}")
        if problem:
            st.error(f"Question {q.position}: {problem}")
        if q.kind in TEXT_KINDS:
            st.caption("Personal details you write here are removed before any excerpt is "
                       "published; a moderator reads every answer first.")
    return answers


@st.cache_resource(show_spinner=False, max_entries=32)
def _results(url: str, version: tuple[Any, ...], survey_id: int) -> SurveyResults:
    from portal.auth.roles import RESIDENT
    from portal.db import session_scope
    from portal.ui.context import engine

    with session_scope(engine()) as session:
        return survey_results(session=session, actor=RESIDENT, survey_id=survey_id)


def public_results(survey_id: int, actor: Any) -> SurveyResults:
    """The public results, counted once per change (a response, a published excerpt, k).
    Shared by every visitor: read-only."""
    from portal.settings import get_settings
    from portal.ui.context import db

    with db() as session:
        version = results_version(session=session, actor=actor, survey_id=survey_id)
    return _results(get_settings().database_url, version, survey_id)


def results(res: SurveyResults) -> None:
    st.caption(f"Responses: {res.responses_shown}. Counts of fewer than {res.k} people are not "
               "shown, so that no one can be singled out; where such a count could be worked "
               "out from the others, another is hidden as well (\"hidden\").")
    for q in res.questions:
        heading = f"{q.position}. {q.text}" + (" (earlier wording)" if q.retired else "")
        st.subheader(inert(heading), anchor=False)
        st.caption(f"Answered by {q.answered_shown} people.")
        if q.options:
            frame = pd.DataFrame([{"Answer": o.option, "People": o.shown, "Share": o.percent}
                                  for o in q.options])
            if all(o.count is None for o in q.options):
                st.caption("Too few answers to draw a chart; the table shows what can be shown.")
            else:
                figure = go.Figure(go.Bar(  # choices are staff's words: text, not chart HTML
                    y=[chart_text(o.option) for o in q.options], x=[o.count for o in q.options],
                    orientation="h",
                    text=[o.shown if o.count is None else f"{o.shown} ({o.percent})" for o in q.options],
                    textposition="auto", marker_color="#21918c"))
                figure.update_layout(height=80 + 36 * len(q.options),
                                     margin={"l": 0, "r": 10, "t": 10, "b": 0},
                                     yaxis={"autorange": "reversed"}, xaxis_title="people")
                st.plotly_chart(figure, config={"displayModeBar": False},
                                key=f"result_{q.position}_{q.retired}")
            st.dataframe(frame, hide_index=True, width="stretch")
        if q.by_district:
            with st.expander("By district"):
                st.dataframe(pd.DataFrame(q.by_district), hide_index=True, width="stretch")
        if q.summary:
            st.write(q.summary)
        if q.kind in TEXT_KINDS:
            if q.excerpts:
                for text in q.excerpts[:20]:
                    st.markdown(f"> {inert(text)}")
            else:
                st.caption("No excerpt has been published yet.")


def linked_surveys(target_type: str, target_id: int, actor: Any) -> None:
    """On a notice's or an indicator's page: the open surveys about it, with links."""
    from portal.surveys.builder import surveys_about
    from portal.ui.context import db
    from portal.ui.links import link_to

    with db() as session:
        about = surveys_about(session=session, actor=actor, target_type=target_type,
                              target_id=target_id)
    if about:
        st.subheader("Answer the survey", anchor=False)
        for survey in about:
            link_to("surveys", actor, inert(survey.title), query_params={"survey": survey.slug},
                    icon=":material/ballot:")


def answers_download(survey_id: int, slug: str, actor: Any) -> None:
    """The answers export, built only when the button is pressed (not on every page run)."""
    from portal.surveys.results import export_answers
    from portal.ui.context import db

    def build() -> bytes:
        with db() as session:
            return b"".join(export_answers(session=session, actor=actor, survey_id=survey_id))

    st.download_button("Answers (CSV, no identifiers)", build, file_name=f"{slug}-answers.csv",
                       mime="text/csv", on_click="ignore")
