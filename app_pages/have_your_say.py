"""Have your say: what is open for comment, a general comment to the county, a receipt lookup."""

import streamlit as st

from portal.home.service import home_summary
from portal.i18n import _
from portal.ui.comments import comment_section, receipt_lookup
from portal.ui.context import current_actor, db
from portal.ui.links import api_links, in_this_language, link_to
from portal.ui.lists import open_for_comment
from portal.ui.messages import reported

actor = current_actor()
st.title(_("Have your say"))
st.write(_(
    "Tell the county what you think about how it collects, uses and shares residents' data. "
    "You do not need an account, and your name and e-mail are optional."
))
st.header(_("Open for comment now"), anchor=False)
with reported(), db() as session:
    open_for_comment(actor, home_summary(session=session, actor=actor).open_periods)
st.write(_(
    "Every sharing practice in the inventory and every figure under *Data by district and "
    "group* also takes comments, on its own page. Surveys ask about one topic at a time."
))
for url_path in ("inventory", "indicators", "surveys"):
    link_to(url_path, actor)
# A plain link: st.page_link here made a deep link to this page show "Page not found".
st.markdown(_("[How comments are moderated]({address})").format(
    address=in_this_language("moderation-policy")))
api_links("comments", _("Every published comment, as moderators published it"))
st.header(_("A comment to the county"), anchor=False)
comment_section("general", None)
st.divider()
receipt_lookup()
