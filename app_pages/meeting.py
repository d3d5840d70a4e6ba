"""One commission meeting: its agenda, each item's record and input period, and the packet."""

import streamlit as st

from portal.auth.permissions import allowed
from portal.i18n import _
from portal.oversight.packets import list_packets
from portal.oversight.service import MEETING_STATUSES, agenda, list_meetings, list_notes, save_note
from portal.timefmt import format_date, format_datetime
from portal.ui.context import change_then_rerun, current_actor, db
from portal.ui.links import link_to
from portal.ui.meeting import agenda_form, meeting_settings, packet_section
from portal.ui.text import inert

actor = current_actor()
with db() as session:
    meetings = list_meetings(session=session, actor=actor)
if not meetings:
    st.title(_("Commission meeting"))
    st.info(_("No meeting has been scheduled yet."))
    st.stop()
labels = {m.id: f"{m.title} ({format_date(m.scheduled_at)})" for m in meetings}
wanted = st.query_params.get("id")
current = int(wanted) if wanted and wanted.isdigit() and int(wanted) in labels else meetings[0].id
meeting_id = st.selectbox(_("Meeting"), list(labels), format_func=labels.get,
                          index=list(labels).index(current))
if str(meeting_id) != wanted:
    st.query_params["id"] = str(meeting_id)
meeting = next(m for m in meetings if m.id == meeting_id)

may_note = allowed(actor, "oversight.save_note")
with db() as session:
    entries = agenda(session=session, actor=actor, meeting_id=meeting_id)
    packets = list_packets(session=session, actor=actor, meeting_id=meeting_id)
    notes = list_notes(session=session, actor=actor, meeting_id=meeting_id) if may_note else {}

st.title(inert(meeting.title))
status = _(MEETING_STATUSES.get(meeting.status, meeting.status))
st.markdown(f"**{status}** · {format_datetime(meeting.scheduled_at)} · "
            f"{inert(meeting.location) or _('Place to be announced')}")
if meeting.link:
    st.markdown(_("Online: {link}").format(link=inert(meeting.link)))
if meeting.description:
    st.text(meeting.description)
link_to("meetings", actor, _("All meetings and the meetings calendar"), icon=":material/arrow_back:")
meeting_settings(actor, meeting)

st.header(_("Agenda"))
if not entries:
    st.info(_("The agenda has not been published yet."))
for entry in entries:
    item = entry.item
    with st.container(border=True):
        st.subheader(f"{item.position}. {inert(item.title)}", anchor=False)
        if item.description:
            st.text(item.description)
        if entry.record is not None:
            page, _sep, query = entry.record.address.lstrip("/").partition("?")
            key, _sep, value = query.partition("=")
            link_to(page, actor, inert(entry.record.title), query_params={key: value} if key else None)
            since = format_date(item.input_from) if item.input_from else _("the first comment")
            until = format_datetime(item.input_to or meeting.scheduled_at)
            st.caption(_("Resident input considered: from {since} up to {until}.").format(
                since=since, until=until))
            link_to("agenda-input", actor, _("Read all the input behind this item"),
                    query_params={"meeting": str(meeting.id), "item": str(item.id)},
                    icon=":material/menu_book:")
        if may_note:
            note = notes.get(item.id)
            with st.form(f"note-{item.id}"):
                text = st.text_area(_("Commissioners' note (private until the next packet is "
                                      "published)"), value=note.text if note else "", max_chars=10_000)
                saved = st.form_submit_button(_("Save note"))
            if saved:
                with change_then_rerun() as session:
                    save_note(session=session, actor=actor, agenda_item_id=item.id, text=text,
                              expected_version=note.version if note else None)

packet_section(actor, meeting, packets)
agenda_form(actor, meeting)
