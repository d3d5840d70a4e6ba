"""Home: what the portal is, what it holds right now, and where to go next."""

import streamlit as st

from portal.home.service import home_summary
from portal.i18n import _, number
from portal.registry import home_links
from portal.settings import get_settings
from portal.timefmt import format_date, format_datetime
from portal.ui.context import current_actor, db
from portal.ui.links import link_to
from portal.ui.lists import open_for_comment
from portal.ui.text import inert

settings = get_settings()
actor = current_actor()

st.title(_("{county} Data Transparency Portal").format(county=settings.county_name))
st.markdown(_(
    "{county} publishes here **what it does with residents' data**: which "
    "departments share it, with whom and under what law; which requests it receives for "
    "people's sensitive information and how it answers them; which surveillance "
    "technologies it proposes or uses; and how its services reach each district and group, "
    "with small numbers hidden so that no one can be singled out. You can tell the county and "
    "its Privacy Commission what you think. Commenting needs no account, and your contact "
    "details are optional."
).format(county=inert(settings.county_name)))

with db() as session:
    summary = home_summary(session=session, actor=actor)

# Three to a row: five side by side cut their labels short ("Current data-sharin…").
PER_ROW = 3
for start in range(0, len(summary.figures), PER_ROW):
    row = summary.figures[start:start + PER_ROW]
    for column, figure in zip(st.columns(PER_ROW), row, strict=False):
        column.metric(_(figure.label), number(figure.value),
                      help=_(figure.help) if figure.help else None)

st.header(_("Open for public comment"))
open_for_comment(actor, summary.open_periods)

st.header(_("Privacy Commission"))
if summary.next_meeting is not None:
    meeting = summary.next_meeting
    if meeting.location:
        st.write(_("Next meeting: **{title}**, {when}, {where}.").format(
            title=inert(meeting.title), when=format_datetime(meeting.scheduled_at),
            where=inert(meeting.location)))
    else:
        st.write(_("Next meeting: **{title}**, {when}.").format(
            title=inert(meeting.title), when=format_datetime(meeting.scheduled_at)))
if summary.latest_meeting is not None:
    st.write(_("Latest meeting: **{title}**, {when}.").format(
        title=inert(summary.latest_meeting.title),
        when=format_date(summary.latest_meeting.scheduled_at)))
if summary.next_meeting is None and summary.latest_meeting is None:
    st.write(_("No meeting has been scheduled yet."))

st.header(_("Explore"))
for page in home_links():
    link_to(page.url_path, actor)
