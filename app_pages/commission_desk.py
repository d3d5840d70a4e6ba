"""Comments moderators referred to the Privacy Commission, and the commission's decision on each."""

import streamlit as st

from moderation.textview import reveal_bidi
from portal.engagement.policy import REJECTION_REASONS
from portal.engagement.referrals import commission_decide, list_referred, referred_awaiting
from portal.engagement.vocab import POSITIONS
from portal.i18n import N_, _, number
from portal.timefmt import format_datetime
from portal.ui.context import change_then_rerun, current_actor, db
from portal.ui.messages import reported
from portal.ui.text import inert

actor = current_actor()
st.title(_("Referred to the commission"))
st.write(_(
    "Moderators refer to the commission the comments they should not decide alone. Each is "
    "shown as it would be published: personal data already redacted (the text the resident "
    "typed stays with the moderators). Nothing here is public, or in a packet, until the "
    "commission decides it."
))
ACTIONS = {"publish": N_("Publish it"), "reject": N_("Do not publish it"),
           "return": N_("Return it to the moderators")}

PAGE_SIZE = 20
SHOWN = "commission_desk_shown"


def show_more() -> None:
    st.session_state[SHOWN] = st.session_state.get(SHOWN, PAGE_SIZE) + PAGE_SIZE


referred, waiting = None, 0
with reported(), db() as session:
    # The longest referred first, a page at a time: a form for each of 1,300 was seconds a run.
    referred = list_referred(session=session, actor=actor,
                             limit=st.session_state.get(SHOWN, PAGE_SIZE))
    waiting = referred_awaiting(session=session, actor=actor)
if referred is None:
    st.stop()
st.metric(_("Waiting for the commission"), number(waiting))
if not referred:
    st.info(_("No comment is waiting for the commission."))
elif waiting > len(referred):
    st.caption(_("The longest referred first: {shown} of {waiting} shown.").format(
        shown=number(len(referred)), waiting=number(waiting)))
for comment in referred:
    with st.container(border=True):
        st.subheader(_("Comment #{id}").format(id=comment.id), anchor=False)
        st.caption(_("About: {about} · sent {when}").format(
                       about=inert(comment.about), when=format_datetime(comment.submitted_at))
                   + (_(" · position: {position}").format(
                       position=_(POSITIONS.get(comment.position, comment.position)))
                      if comment.position else "")
                   + (f" · {inert(comment.district)}" if comment.district else ""))
        # Direction controls written out, not applied: the text reads as it was sent.
        st.text(reveal_bidi(comment.text))
        if comment.referred_at:
            st.text(_("Referred {when} by {who}.").format(
                when=format_datetime(comment.referred_at), who=comment.referred_by))
        if comment.moderator_note:
            st.markdown(_("Moderator's note: {note}").format(note=inert(comment.moderator_note)))
        with st.form(f"decide-{comment.id}"):
            action = st.radio(_("The commission's decision"), list(ACTIONS),
                              format_func=lambda a: _(ACTIONS[a]), key=f"action-{comment.id}")
            reason = st.selectbox(_("Reason, if not published (shown to the resident)"),
                                  [None, *REJECTION_REASONS],
                                  format_func=lambda c: "—" if c is None
                                  else _(REJECTION_REASONS[c].public_text), key=f"reason-{comment.id}")
            note = st.text_area(_("Note (kept in the moderation log; required to return it)"),
                                max_chars=500, key=f"note-{comment.id}")
            decided = st.form_submit_button(_("Record the decision"))
        if decided:
            with change_then_rerun() as session:
                commission_decide(session=session, actor=actor, comment_id=comment.id,
                                  lock_version=comment.lock_version, action=action,
                                  reason_code=reason, note=note)
if referred and waiting > len(referred):
    hidden = waiting - len(referred)
    st.button(_("Show {n} more referred comments ({hidden} not yet shown)").format(
                  n=number(min(PAGE_SIZE, hidden)), hidden=number(hidden)),
              key="commission_desk_more", on_click=show_more, icon=":material/expand_more:")
