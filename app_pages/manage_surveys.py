"""Staff build a survey: questions checked for what endangers residents, preview, publish, close."""

from datetime import UTC, datetime, time

import streamlit as st

from portal.auth.permissions import allowed
from portal.errors import PermissionDenied
from portal.i18n import _
from portal.surveys import builder
from portal.surveys.answering import get_survey
from portal.surveys.vocab import PREFER_NOT, QUESTION_KINDS, TARGETS, status_name
from portal.ui import surveys as draw
from portal.ui.context import change_then_rerun, current_actor, db
from portal.ui.messages import reported
from portal.ui.text import inert

actor = current_actor()
st.title(_("Build surveys"))
if not allowed(actor, "surveys.create_survey"):
    # The services refuse every write anyway; this says so before showing any form.
    st.error(str(PermissionDenied("surveys.create_survey", {r.value for r in actor.roles})))
    st.stop()
st.write(_("The portal checks every question for what could build a list of vulnerable "
           "residents (citizenship or immigration status, id numbers, nationality, religion, "
           "language). Such a question is published only with a written justification, shown to "
           "respondents, and a \u201c{prefer_not}\u201d option. Every change is recorded in the "
           "audit log.").format(prefer_not=_(PREFER_NOT)))

with reported(), db() as session:
    surveys = builder.list_surveys(session=session, actor=actor)
by_id = {s.id: s for s in surveys}
if "survey_just_created" in st.session_state:  # open a new survey once it exists
    st.session_state["survey_choice"] = st.session_state.pop("survey_just_created")
chosen = st.selectbox(_("Survey"), [0, *by_id], key="survey_choice",
                      format_func=lambda i: f"{by_id[i].title} ({status_name(by_id[i].status)})" if i
                      else _("New survey"))
current = by_id.get(chosen)


def _moment(day, hour: time):  # type: ignore[no-untyped-def]
    return datetime.combine(day, hour, tzinfo=UTC) if day else None


k = f"s{current.id}v{current.version}" if current else "snew"
with st.form(f"survey_form_{k}"):
    st.subheader(_("The survey") if current else _("New survey"), anchor=False)
    slug = st.text_input(_("Address name (slug)"), value=current.slug if current else "", key=f"{k}_slug",
                         disabled=current is not None, help=_("Lower-case letters, digits and hyphens."))
    title = st.text_input(_("Title"), value=current.title if current else "", max_chars=300, key=f"{k}_title")
    intro = st.text_area(_("Introduction"), value=current.description if current else "", key=f"{k}_intro")
    c1, c2 = st.columns(2)
    opens = c1.date_input(_("Opens"), value=current.opens_at.date() if current and current.opens_at else None,
                          key=f"{k}_opens", format="YYYY-MM-DD")
    closes = c2.date_input(_("Closes"), value=current.closes_at.date() if current and current.closes_at else None,
                           key=f"{k}_closes", format="YYYY-MM-DD")
    t1, t2 = st.columns(2)
    target_type = t1.selectbox(_("About"), ["", *TARGETS], format_func=lambda t: _(TARGETS[t]) if t else _("Nothing in particular"),
                               index=[*TARGETS].index(current.target_type) + 1 if current and current.target_type else 0,
                               key=f"{k}_target_type")
    target_id = t2.number_input(_("Its id"), min_value=0, step=1, key=f"{k}_target_id",
                                value=current.target_id or 0 if current else 0)
    save = st.form_submit_button(_("Save survey"), type="primary")
if save:
    values = {"slug": slug, "title": title, "description": intro, "opens_at": _moment(opens, time(0, 0)),
              "closes_at": _moment(closes, time(23, 59)), "target_type": target_type or None,
              "target_id": target_id or None}
    if current is None:
        with change_then_rerun() as session:
            saved = builder.create_survey(session=session, actor=actor, values=values)
            st.session_state["survey_just_created"] = saved.id
    else:
        with reported(), db() as session:
            saved = builder.update_survey(session=session, actor=actor, survey_id=current.id,
                                          values=values, expected_version=current.version)
            st.success(_("Saved {title} (version {version}).").format(title=inert(saved.title),
                                                                       version=saved.version))

if current is None:
    st.stop()

with reported(), db() as session:
    form = get_survey(session=session, actor=actor, slug=current.slug)

st.header(_("Questions"), anchor=False)
for q in form.questions:
    with st.container(border=True):
        st.markdown(f"**{q.position}. {inert(q.text)}** · {_(QUESTION_KINDS[q.kind])}"
                    + (_(" · required") if q.required else ""))
        for flag in q.flags:
            say = st.error if flag["severity"] == "error" else st.warning
            say(_("Asks about {topic}: \u201c{evidence}\u201d. ").format(
                topic=_(draw.TOPIC_WORDS.get(flag["topic"], flag["topic"])),
                evidence=inert(flag["evidence"]))
                + (_("Needs a justification naming the law that requires it.")
                   if flag["severity"] == "error" else
                   _("Needs a justification and a \u201c{prefer_not}\u201d option.").format(
                       prefer_not=_(PREFER_NOT))))
        if q.condition_position:
            st.caption(_("Shown only if question {n} is \u201c{answer}\u201d.").format(
                n=q.condition_position, answer=inert(q.condition_value)))
        up, down, remove = st.columns(3)
        for column, label, action in ((up, _("Move up"), -1), (down, _("Move down"), 1)):
            if column.button(label, key=f"move_{q.id}_{action}"):
                with change_then_rerun() as session:
                    builder.move_question(session=session, actor=actor, question_id=q.id, offset=action)
        if remove.button(_("Remove"), key=f"remove_{q.id}"):
            with change_then_rerun() as session:
                builder.remove_question(session=session, actor=actor, question_id=q.id)

editing = st.selectbox(_("Add or edit a question"), [0, *[q.id for q in form.questions]], key="question_choice",
                       format_func=lambda i: _("New question") if not i else
                       f"{next(q.position for q in form.questions if q.id == i)}. "
                       f"{next(q.text for q in form.questions if q.id == i)[:60]}")
old = next((q for q in form.questions if q.id == editing), None)
qk = f"q{old.id}v{form.version}" if old else f"qnew{form.version}"
with st.form(f"question_form_{qk}"):
    kind = st.selectbox(_("Kind"), list(QUESTION_KINDS), format_func=lambda k: _(QUESTION_KINDS[k]), key=f"{qk}_kind",
                        index=list(QUESTION_KINDS).index(old.kind) if old else 0)
    text = st.text_area(_("Question"), value=old.text if old else "", key=f"{qk}_text", max_chars=1000)
    help_text = st.text_input(_("Help text"), value=old.help_text if old else "", key=f"{qk}_help")
    options = st.text_area(_("Options, one per line (choices; a 5-point question's labels)"),
                           value="\n".join(old.options) if old and old.kind not in ("rating", "district") else "",
                           key=f"{qk}_options")
    r1, r2, r3 = st.columns(3)
    required = r1.checkbox(_("Required"), value=old.required if old else False, key=f"{qk}_required")
    low = r2.number_input(_("Smallest number"), value=old.min_value if old else None, key=f"{qk}_min")
    high = r3.number_input(_("Largest number"), value=old.max_value if old else None, key=f"{qk}_max")
    d1, d2 = st.columns(2)
    condition = d1.number_input(_("Show only if question number…"), min_value=0, step=1, key=f"{qk}_cond",
                                value=old.condition_position or 0 if old else 0)
    condition_value = d2.text_input(_("…was answered"), value=old.condition_value or "" if old else "",
                                    key=f"{qk}_cond_value")
    justification = st.text_area(_("Justification shown to respondents (for a sensitive question)"),
                                 value=old.justification or "" if old else "", key=f"{qk}_why")
    keep = st.form_submit_button(_("Save question"), type="primary")
if keep:
    values = {"kind": kind, "text": text, "help_text": help_text,
              "options": [o for o in options.splitlines() if o.strip()], "required": required,
              "min_value": low, "max_value": high, "condition_position": condition or None,
              "condition_value": condition_value, "justification": justification}
    with change_then_rerun() as session:
        if old is None:
            builder.add_question(session=session, actor=actor, survey_id=current.id, values=values)
        else:
            builder.update_question(session=session, actor=actor, question_id=old.id, values=values)

st.header(_("Preview"), anchor=False)
st.caption(_("Exactly as residents will see it."))
with st.container(border=True):
    st.subheader(inert(form.title), anchor=False)
    st.write(inert(form.description))
    draw.questions(form, f"preview_{form.id}_{form.version}")

st.header(_("Publish"), anchor=False)
left, right = st.columns(2)
if current.status == "draft" and left.button(_("Publish survey"), type="primary"):
    with change_then_rerun() as session:
        builder.publish_survey(session=session, actor=actor, survey_id=current.id)
if current.status == "open" and right.button(_("Close survey")):
    with change_then_rerun() as session:
        builder.close_survey(session=session, actor=actor, survey_id=current.id)
if current.status != "draft":
    draw.answers_download(current.id, current.slug, actor)
