"""Official responses: staff answer published comments, shown beside them."""

import streamlit as st

from portal.engagement.decisions import awaiting_response, respond
from portal.engagement.policy import MAX_RESPONSE_CHARS
from portal.i18n import _
from portal.timefmt import format_date
from portal.ui.context import current_actor, db
from portal.ui.messages import reported
from portal.ui.text import inert, strip_invisible
from portal.wording import first_words

actor = current_actor()
st.title(_("Official responses"))
st.write(_(
    "Write the county's response to a published comment. It is shown beside the comment, "
    "and every earlier wording is kept in the record's history."
))
with reported():
    with db() as session:
        comments = awaiting_response(session=session, actor=actor)
    if not comments:
        st.info(_("No comment has been published yet."))
    else:
        # What each comment is about, named as the moderation queue names it.
        labels = {
            c.id: _("#{id} · about: {about} · {opening}").format(
                id=c.id, about=c.about, opening=first_words(strip_invisible(c.redacted_text)))
                  + (_(" · answered") if c.official_response else "")
            for c in comments
        }
        chosen = st.selectbox(_("Comment"), list(labels), format_func=labels.get)
        comment = next(c for c in comments if c.id == chosen)
        st.caption(_("About: {about} · published {when}").format(
                       about=inert(comment.about), when=format_date(comment.published_at))
                   + (_(" · answered") if comment.official_response else ""))
        st.markdown(inert(comment.redacted_text))
        with st.form("response"):
            text = st.text_area(_("Official response"), value=comment.official_response or "",
                                max_chars=MAX_RESPONSE_CHARS)
            save = st.form_submit_button(_("Publish response"), type="primary")
        if save:
            with reported(), db() as session:
                respond(session=session, actor=actor, comment_id=comment.id, text=text,
                        lock_version=comment.lock_version)
                st.success(_("The response is published beside the comment."))
