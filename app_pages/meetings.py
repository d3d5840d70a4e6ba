"""Privacy Commission meetings and their agendas; staff schedule them here."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

import streamlit as st

from portal.auth.permissions import allowed
from portal.oversight.service import add_agenda_item, create_meeting, get_meeting, list_meetings
from portal.settings import get_settings
from portal.timefmt import format_datetime
from portal.ui.context import current_actor, db
from portal.ui.messages import reported
from portal.ui.text import inert

actor = current_actor()
st.title("Privacy Commission meetings")
st.write(
    "The Privacy Commission is the county's oversight body for residents' data. At each "
    "meeting it reviews notices and sharing practices, and reads a summary of what residents "
    "said about them."
)

with db() as session:
    meetings = list_meetings(session=session, actor=actor)
    agendas = {m.id: get_meeting(session=session, actor=actor, meeting_id=m.id)[1] for m in meetings}

if not meetings:
    st.info("No meeting has been scheduled yet.")
for meeting in meetings:
    with st.container(border=True):
        st.subheader(inert(meeting.title), anchor=False)
        status = {"scheduled": "Scheduled", "held": "Held", "cancelled": "Cancelled"}.get(
            meeting.status, meeting.status
        )
        st.write(f"{format_datetime(meeting.scheduled_at)} · {inert(meeting.location) or 'Location to be announced'} · {status}")
        if meeting.description:
            st.text(meeting.description)
        items = agendas.get(meeting.id, [])
        if items:
            st.markdown("\n".join(f"{i.position}. {inert(i.title)}" for i in items))

if allowed(actor, "oversight.create_meeting"):
    st.header("Schedule a meeting")
    settings = get_settings()
    with st.form("new_meeting", clear_on_submit=True):
        title = st.text_input("Title", max_chars=300)
        day = st.date_input("Date")
        at = st.time_input("Time", value=time(18, 0))
        location = st.text_input("Location", max_chars=300)
        description = st.text_area("Description")
        submitted = st.form_submit_button("Schedule meeting")
    if submitted:
        when = datetime.combine(day, at, tzinfo=ZoneInfo(settings.timezone))
        with reported(), db() as session:
            meeting = create_meeting(
                session=session, actor=actor, title=title, scheduled_at=when,
                location=location, description=description,
            )
            st.success(f"Scheduled: {inert(meeting.title)}.")

    if meetings:
        st.header("Add an agenda item")
        with st.form("new_agenda_item", clear_on_submit=True):
            labels = {m.id: f"{m.title} ({format_datetime(m.scheduled_at)})" for m in meetings}
            meeting_id = st.selectbox("Meeting", options=list(labels), format_func=labels.get)
            item_title = st.text_input("Agenda item", max_chars=300)
            item_description = st.text_area("What the commission will consider")
            add = st.form_submit_button("Add to agenda")
        if add:
            with reported(), db() as session:
                add_agenda_item(
                    session=session, actor=actor, meeting_id=meeting_id, title=item_title,
                    description=item_description,
                )
                st.success("Added to the agenda.")
