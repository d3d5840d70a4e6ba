"""Surveys: answer one anonymously, and read the results so far (small numbers suppressed)."""

import streamlit as st

from portal.base import utcnow
from portal.errors import ValidationFailed
from portal.i18n import N_, _
from portal.surveys.answering import get_survey, has_answered, preview_answers, submit_response
from portal.auth.permissions import allowed
from portal.surveys.builder import list_surveys
from portal.surveys.vocab import status_name
from portal.timefmt import format_datetime
from portal.ui import surveys as draw
from portal.ui.context import browser_session_token, current_actor, db
from portal.ui.links import api_links, link_to
from portal.ui.messages import reported
from portal.ui.text import inert
from portal.ui.translated import localized_records

actor = current_actor()
slug = st.query_params.get("survey")
if slug:
    # A link from this page's own list opens the survey without writing it into the address
    # bar; written back here, the next run (an answer chosen, "Send answers") stays on it.
    st.query_params["survey"] = slug
# The ballot that keeps answers to one per browser session is a salted hash of this.
token = browser_session_token()

def field_name(field: str) -> str:
    """Where an answer went wrong, in the reader's language ("question 2", "answers")."""
    number = field.removeprefix("question ")
    if number != field and number.isdigit():
        return _("question {n}").format(n=number)
    return _({"answers": N_("answers"), "survey": N_("survey")}.get(field, field))


def _answered(survey_id: int) -> bool:
    with db() as session:
        return has_answered(session=session, actor=actor, survey_id=survey_id, session_token=token)


if not slug:
    st.title(_("Surveys"))
    st.write(_("Short surveys the county asks residents to answer. Answers are anonymous: no "
               "account, no name, nothing about your device is kept, and results are published "
               "only as totals with small numbers hidden."))
    with reported(), db() as session:
        listed = list_surveys(session=session, actor=actor)
        if not listed:
            st.info(_("No survey is open right now."))
        titles = localized_records("survey", {i.id: {"title": i.title} for i in listed}, actor)
        for item in listed:
            with st.container(border=True):
                link_to("surveys", actor, inert(titles[item.id]["title"]),
                        query_params={"survey": item.slug},
                        icon=":material/ballot:")
                status = status_name(item.status)
                st.caption(_("{status} · closes {when}").format(
                    status=status, when=format_datetime(item.closes_at))
                    if item.closes_at else status)
    api_links("surveys", _("The results of every survey, small numbers hidden as here"))
    st.stop()

with reported():
    with db() as session:
        form = get_survey(session=session, actor=actor, slug=slug)
    link_to("surveys", actor, _("All surveys"), icon=":material/arrow_back:")
    content = draw.survey_content(form, actor)
    st.title(inert(content["title"]))
    st.write(inert(content["description"]))
    if content.in_english:
        st.caption(_("Parts of this survey have no Spanish version yet and are shown in "
                     "English."))
    answer_tab, results_tab = st.tabs([_("Answer"), _("Results so far")])
    with answer_tab:
        closed = form.accepting(utcnow())
        done_key = f"survey_answered_{form.id}"
        if closed:
            st.info(closed)
        elif st.session_state.get(done_key) or _answered(form.id):
            st.success(_("Thank you: your answers were received. Each person answers once."))
        else:
            errors = st.session_state.get(f"survey_errors_{form.id}", {})
            if errors:
                st.error(_("Your answers were not sent: {problems}").format(problems="; ".join(
                    f"{inert(field_name(field))}: {inert(message)}" for field, message in errors.items())))
            answers = draw.questions(form, f"survey_{form.id}", errors, content=content)
            found = {}
            with db() as session:
                found = preview_answers(session=session, actor=actor, survey_id=form.id, answers=answers)
            confirmed = False
            if found:
                kinds = sorted({k for ks in found.values() for k in ks})
                st.warning(_("Your answers contain {kinds}. It will be removed before any "
                             "excerpt is published. You can edit it out now, or send as it is.").format(
                                 kinds=", ".join(kinds)))
                confirmed = st.checkbox(_("Send anyway; remove it before publication"),
                                        key=f"survey_confirm_{form.id}")
            if st.button(_("Send answers"), type="primary", key=f"survey_send_{form.id}"):
                try:
                    with db() as session:
                        submit_response(session=session, actor=actor, survey_id=form.id,
                                        answers=answers, session_token=token,
                                        personal_data_confirmed=confirmed)
                except ValidationFailed as error:
                    st.session_state[f"survey_errors_{form.id}"] = {e.field: e.message for e in error.errors}
                    st.rerun()
                else:
                    st.session_state[done_key] = True
                    st.session_state.pop(f"survey_errors_{form.id}", None)
                    st.rerun()
    with results_tab:
        if form.status == "draft":
            st.info(_("Results appear here once the survey is published."))
        else:
            draw.results(draw.public_results(form.id, actor))
            if allowed(actor, "surveys.export_answers"):  # staff and the commission
                draw.answers_download(form.id, form.slug, actor)
