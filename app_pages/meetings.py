"""Privacy Commission meetings, upcoming and past, with their calendar; staff schedule them here."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

import streamlit as st

from portal.auth.permissions import allowed
from portal.auth.roles import RESIDENT
from portal.base import utcnow
from portal.i18n import N_, _, language, using_language
from portal.oversight.service import (
    MEETING_STATUSES,
    create_meeting,
    get_meeting,
    list_meetings,
    meetings_ics,
)
from portal.settings import get_settings
from portal.timefmt import format_datetime
from portal.ui.context import change_then_rerun, current_actor, db, site_url
from portal.ui.links import link_to, subscribe_links
from portal.ui.text import inert

actor = current_actor()
st.title(_("Privacy Commission meetings"))
st.write(_(
    "The Privacy Commission is the county's oversight body for residents' data. At each "
    "meeting it reviews notices and sharing practices, and reads a packet summarizing what "
    "residents said about them."
))
base = site_url()
page_language = language()  # the file is made when clicked, after this run


def _ics() -> bytes:
    with db() as session, using_language(page_language):
        return meetings_ics(session=session, actor=RESIDENT, base_url=base)


st.download_button(_("Meetings calendar (iCalendar)"), _ics, file_name="commission-meetings.ics",
                   mime="text/calendar", icon=":material/event:", on_click="ignore")
subscribe_links()

with db() as session:
    meetings = list_meetings(session=session, actor=actor)
    agendas = {m.id: get_meeting(session=session, actor=actor, meeting_id=m.id)[1] for m in meetings}

now = utcnow()
upcoming = sorted((m for m in meetings if m.scheduled_at >= now), key=lambda m: m.scheduled_at)
past = [m for m in meetings if m.scheduled_at < now]
if not meetings:
    st.info(_("No meeting has been scheduled yet."))
for heading, group in ((N_("Upcoming meetings"), upcoming), (N_("Past meetings"), past)):
    if not group:
        continue
    st.header(_(heading))
    for meeting in group:
        with st.container(border=True):
            st.subheader(inert(meeting.title), anchor=False)
            status = _(MEETING_STATUSES.get(meeting.status, meeting.status))
            st.write(f"{format_datetime(meeting.scheduled_at)} · "
                     f"{inert(meeting.location) or _('Location to be announced')} · {status}")
            items = agendas.get(meeting.id, [])
            if items:
                st.markdown("\n".join(f"{i.position}. {inert(i.title)}" for i in items))
            link_to("meeting", actor, _("Agenda and packet"), query_params={"id": str(meeting.id)},
                    icon=":material/arrow_forward:")

if allowed(actor, "oversight.create_meeting"):
    st.header(_("Schedule a meeting"))
    settings = get_settings()
    with st.form("new_meeting", clear_on_submit=True):
        title = st.text_input(_("Title"), max_chars=300)
        day = st.date_input(_("Date"))
        at = st.time_input(_("Time"), value=time(18, 0))
        location = st.text_input(_("Location"), max_chars=300)
        link = st.text_input(_("Online link"), max_chars=500, placeholder="https://")  # not translated: an address
        description = st.text_area(_("Description"))
        submitted = st.form_submit_button(_("Schedule meeting"))
    if submitted:
        when = datetime.combine(day, at, tzinfo=ZoneInfo(settings.timezone))
        with change_then_rerun() as session:
            create_meeting(session=session, actor=actor, title=title, scheduled_at=when,
                           location=location, description=description, link=link)
