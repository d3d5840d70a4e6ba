"""A survey's questions as residents answer them (and staff preview them), and its results.

The builder's preview and the residents' page draw questions with the same function,
so what staff see before publishing is what residents get.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from portal.i18n import N_, _, number
from portal.disclosure import shown_text
from portal.surveys.answering import MAX_TEXT, QuestionView, SurveyForm, shown
from portal.surveys.results import SurveyResults, results_version, summary_text, survey_results
from portal.surveys.vocab import LIKERT, PREFER_NOT, TEXT_KINDS
from portal.ui.text import chart_text, inert, labels_shown
from portal.ui.translated import Localized, localized

TOPIC_WORDS = {"citizenship": N_("citizenship or immigration status"),
               "id_number": N_("an id number"),
               "nationality": N_("nationality or place of birth"), "religion": N_("religion"),
               "language": N_("language")}


def _label(q: QuestionView) -> str:
    return f"{q.position}. {inert(q.text)}" + ("" if q.required else " " + _("(optional)"))


def _option(option: str, labels: Mapping[str, str] | None = None) -> str:
    """A choice as shown: the portal's own scale in the reader's language, staff's words inert
    (in the reader's language where staff have given it)."""
    if option in LIKERT or option == PREFER_NOT:
        return _(option)
    return inert((labels or {}).get(option, option))


def survey_content(form: SurveyForm, actor: Any) -> Localized:
    """The survey's own words in the visitor's language where staff have given them: its
    title, introduction and each question's text, help and choices (portal/translations/)."""
    from portal.surveys.translatable import survey_fields

    english = {field: text for field, _label, text in
               survey_fields(form.title, form.description, form.questions)}
    return localized("survey", form.id, english, actor)


def _in_language(q: QuestionView, content: Localized | None) -> tuple[QuestionView, dict[str, str]]:
    """``q`` with its words in the visitor's language, and its choices' labels (the answer
    stays the choice as staff wrote it, so results add up whatever the language)."""
    if content is None:
        return q, {}
    n = q.position
    shown = replace(q, text=content.texts.get(f"q{n}.text", q.text),
                    help_text=content.texts.get(f"q{n}.help_text", q.help_text))
    choices = content.texts.get(f"q{n}.options", "").split("\n")
    labels = dict(zip(q.options, choices, strict=True)) if len(choices) == len(q.options) else {}
    return shown, labels


def question(q: QuestionView, key: str, *, disabled: bool = False,
             labels: Mapping[str, str] | None = None) -> Any:
    """One question's widget; returns the answer (None or empty when unanswered).

    A widget's label, its help and a radio's choices are Markdown: staff's words in them are
    made inert, so a question shows what was typed (the answer is still the choice itself)."""
    label = _label(q)
    help_text = inert(q.help_text) or None
    if q.justification and q.flags:
        st.info(_("Why we ask this: {reason}").format(reason=inert(q.justification)),
                icon=":material/info:")
    if q.kind in ("single_choice", "likert", "rating", "district"):
        horizontal = q.kind in ("likert", "rating")
        return st.radio(label, list(q.options), index=None, key=key, help=help_text,
                        disabled=disabled, horizontal=horizontal,
                        format_func=lambda option: _option(option, labels))
    if q.kind == "multi_choice":
        return st.multiselect(label, list(q.options), key=key, help=help_text, disabled=disabled,
                              placeholder=_("Choose any that apply"),
                              format_func=lambda option: (labels or {}).get(option, option))
    if q.kind == "number":
        return st.number_input(label, value=None, min_value=q.min_value, max_value=q.max_value,
                               key=key, help=help_text, disabled=disabled)
    if q.kind == "short_text":
        return st.text_input(label, max_chars=300, key=key, help=help_text, disabled=disabled)
    # No max_chars: with one, a browser drops a longer paste whole and says nothing. The
    # service says how long the answer is and what the limit is, and the box keeps the text.
    limit = _("Up to {limit} characters.").format(limit=number(MAX_TEXT))
    return st.text_area(label, key=key, disabled=disabled,
                        help=f"{help_text} {limit}" if help_text else limit)


def questions(form: SurveyForm, prefix: str, errors: dict[str, str] | None = None, *,
              disabled: bool = False, content: Localized | None = None) -> dict[int, Any]:
    """Every question whose display condition holds, in order; answers by question id.
    With ``content`` (``survey_content``) the questions read in the visitor's language."""
    answers: dict[int, Any] = {}
    by_position = {q.position: q for q in form.questions}
    for q in form.questions:
        if not shown(q, answers, by_position):
            continue
        shown_q, labels = _in_language(q, content)
        value = question(shown_q, f"{prefix}_{q.id}", disabled=disabled, labels=labels)
        if q.kind == "district" and value is not None:
            value = next((i for i, n in form.districts.items() if n == value), value)
        answers[q.id] = value
        problem = (errors or {}).get(f"question {q.position}")
        if problem:
            st.error(_("Question {n}: {problem}").format(n=q.position, problem=problem))
        if q.kind in TEXT_KINDS:
            st.caption(_("Personal details you write here are removed before any excerpt is "
                         "published; a moderator reads every answer first."))
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
    st.caption(_("Responses: {n}. Counts of fewer than {k} people are not "
                 "shown, so that no one can be singled out; where such a count could be worked "
                 "out from the others, another is hidden as well (\"hidden\").").format(
                     n=shown_text(res.responses_shown), k=res.k))
    for q in res.questions:
        heading = f"{q.position}. {q.text}" + (" " + _("(earlier wording)") if q.retired else "")
        st.subheader(inert(heading), anchor=False)
        st.caption(_("Answered by {n} people.").format(n=shown_text(q.answered_shown)))
        if q.options:
            frame = pd.DataFrame([{_("Answer"): o.option, _("People"): shown_text(o.shown),
                                   _("Share"): o.percent} for o in q.options])
            if all(o.count is None for o in q.options):
                st.caption(_("Too few answers to draw a chart; the table shows what can be shown."))
            else:
                figure = go.Figure(go.Bar(  # choices are staff's words: text, not chart HTML
                    y=[chart_text(o.option) for o in q.options], x=[o.count for o in q.options],
                    orientation="h",
                    text=[shown_text(o.shown) if o.count is None else f"{shown_text(o.shown)} ({o.percent})"
                          for o in q.options],
                    textposition="auto", marker_color="#21918c"))
                figure.update_layout(height=80 + 36 * len(q.options),
                                     margin={"l": 0, "r": 10, "t": 10, "b": 0},
                                     yaxis={"autorange": "reversed"}, xaxis_title=_("people"))
                st.plotly_chart(figure, config={"displayModeBar": False},
                                key=f"result_{q.position}_{q.retired}")
                top = max((o for o in q.options if o.count is not None), key=lambda o: o.count)
                st.markdown(_("Most often chosen: {option}, by {n} people ({share}).").format(
                    option=inert(top.option), n=shown_text(top.shown), share=top.percent))
            st.dataframe(frame, hide_index=True, width="stretch")
        if q.by_district:
            with st.expander(_("By district")):
                st.dataframe(_district_table(q.by_district), hide_index=True, width="stretch")
        if q.summary:
            st.write(summary_text(q.summary))
        if q.kind in TEXT_KINDS:
            if q.excerpts:
                for text in q.excerpts[:20]:
                    st.markdown(f"> {inert(labels_shown(text))}")
            else:
                st.caption(_("No excerpt has been published yet."))


_DISTRICT_COLUMNS = (N_("District"), N_("Answered"))
_ALL_RESPONDENTS = N_("All respondents")


def _district_table(rows: list[dict[str, str]]) -> pd.DataFrame:
    """The results by district in the reader's language (the options are staff's words)."""
    frame = pd.DataFrame(rows)
    if frame.empty:
        return frame
    for column in frame.columns:
        if column == "District":
            frame[column] = frame[column].map(lambda n: _(n) if n == _ALL_RESPONDENTS else n)
        else:
            frame[column] = frame[column].map(shown_text)
    return frame.rename(columns={c: _(c) for c in _DISTRICT_COLUMNS})


def linked_surveys(target_type: str, target_id: int, actor: Any) -> None:
    """On a notice's or an indicator's page: the open surveys about it, with links."""
    from portal.surveys.builder import surveys_about
    from portal.ui.context import db
    from portal.ui.links import link_to

    with db() as session:
        about = surveys_about(session=session, actor=actor, target_type=target_type,
                              target_id=target_id)
    if about:
        from portal.ui.translated import localized_records

        st.subheader(_("Answer the survey"), anchor=False)
        titles = localized_records("survey", {s.id: {"title": s.title} for s in about}, actor)
        for survey in about:
            link_to("surveys", actor, inert(titles[survey.id]["title"]),
                    query_params={"survey": survey.slug}, icon=":material/ballot:")


def answers_download(survey_id: int, slug: str, actor: Any) -> None:
    """The answers export, built only when the button is pressed (not on every page run)."""
    from portal.surveys.results import export_answers
    from portal.ui.context import db

    def build() -> bytes:
        with db() as session:
            return b"".join(export_answers(session=session, actor=actor, survey_id=survey_id))

    st.download_button(_("Answers (CSV, no identifiers)"), build, file_name=f"{slug}-answers.csv",
                       mime="text/csv", on_click="ignore")
