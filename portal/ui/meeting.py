"""Pieces of the meeting page: the packet's versions and downloads, the build button with its
progress, and the staff forms. The page itself only lays them out."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import streamlit as st

from portal.auth.permissions import allowed
from portal.auth.roles import Actor
from portal.i18n import N_, _
from portal.oversight.packets import PacketInfo, build_packet, packet_content
from portal.oversight.records import TARGET_TYPES
from portal.oversight.service import (
    MEETING_STATUSES,
    add_agenda_item,
    agenda_targets,
    update_meeting,
)
from portal.settings import get_settings
from portal.timefmt import format_datetime
from portal.ui.context import change_then_rerun, db
from portal.ui.packet import packet_downloads, show_packet
from portal.ui.text import inert

if TYPE_CHECKING:
    from portal.oversight.models import Meeting

def packet_section(actor: Actor, meeting: Meeting, packets: list[PacketInfo]) -> None:
    st.header(_("Packet"), anchor="packet")
    st.write(_("The packet summarizes, for each agenda item, the comments and survey answers that "
               "moderators published: counts, themes with exact quotes, positions, who took part "
               "(small numbers suppressed), survey results and moderation statistics."))
    if not packets:
        st.info(_("No packet has been published for this meeting yet."))
    else:
        latest, *older = packets
        st.subheader(_("Version {version}").format(version=latest.version), anchor=False)
        st.caption(_("Published {when} by {who}.").format(when=format_datetime(latest.built_at),
                                                          who=inert(latest.built_by)))
        packet_downloads(actor, meeting, latest, f"packet-{latest.id}")
        with db() as session:
            content = packet_content(session=session, actor=actor, packet_id=latest.id)
        show_packet(content)
        with st.expander(_("Check this packet against the audit log")):
            st.markdown(_(
                "The packet's content hash was written to the audit log when it was published, "
                "and the packet prints the audit log's last event when it was built. Anyone "
                "holding the PDF can later check that neither was changed."))
            st.text(_("Content SHA-256: {content}\nPDF SHA-256:     {pdf}\n"
                      "Audit log head:  event {event}, {hash}").format(
                        content=latest.content_hash, pdf=latest.pdf_hash,
                        event=latest.audit_event_id, hash=latest.audit_hash))
        if older:
            with st.expander(_("Earlier versions ({n})").format(n=len(older))):
                for packet in older:
                    st.markdown(_("**Version {version}**, published {when}").format(
                        version=packet.version, when=format_datetime(packet.built_at)))
                    packet_downloads(actor, meeting, packet, f"packet-{packet.id}")
    if allowed(actor, "oversight.build_packet") and meeting.status != "cancelled":
        next_version = packets[0].version + 1 if packets else 1
        st.write(_("Building publishes a new version from the input published so far; earlier "
                   "versions stay available. Commissioners' notes are published with it."))
        sure = st.checkbox(_("Publish version {version} for everyone: a published version "
                             "cannot be changed or withdrawn").format(version=next_version),
                           key=f"confirm-packet-{meeting.id}")
        if st.button(_("Build and publish version {version}").format(version=next_version),
                     type="primary", icon=":material/build:", disabled=not sure):
            bar = st.progress(0.0, text=_("Starting"))
            with change_then_rerun() as session:
                build_packet(session=session, actor=actor, meeting_id=meeting.id,
                             progress=lambda f, m: bar.progress(min(f, 1.0), text=m))


def meeting_settings(actor: Actor, meeting: Meeting) -> None:
    if not allowed(actor, "oversight.update_meeting"):
        return
    with st.expander(_("Status, place and online link")):
        with st.form(f"meeting-{meeting.id}"):
            status = st.selectbox(_("Status"), list(MEETING_STATUSES),
                                  format_func=lambda s: _(MEETING_STATUSES[s]),
                                  index=list(MEETING_STATUSES).index(meeting.status))
            location = st.text_input(_("Place"), value=meeting.location, max_chars=300)
            link = st.text_input(_("Online link"), value=meeting.link, max_chars=500,
                                 placeholder="https://")  # not translated: an address
            saved = st.form_submit_button(_("Save"))
        if saved:
            with change_then_rerun() as session:
                update_meeting(session=session, actor=actor, meeting_id=meeting.id, status=status,
                               location=location, link=link)


def _moment(day: date | None, zone: ZoneInfo) -> datetime | None:
    return None if day is None else datetime.combine(day, time(0, 0), tzinfo=zone)


def agenda_form(actor: Actor, meeting: Meeting) -> None:
    if not allowed(actor, "oversight.add_agenda_item"):
        return
    st.header(_("Add an agenda item"))
    with db() as session:
        choices = agenda_targets(session=session, actor=actor)
    kinds = {None: N_("No record (procedural item)"), **TARGET_TYPES}
    kind = st.selectbox(_("What the item is about"), list(kinds), format_func=lambda k: _(kinds[k]))
    with st.form(f"agenda-{meeting.id}", clear_on_submit=True):
        records = dict(choices.get(kind, [])) if kind else {}
        record = st.selectbox(_(TARGET_TYPES[kind]), list(records), format_func=records.get) \
            if kind else None
        title = st.text_input(_("Agenda item"), max_chars=300)
        description = st.text_area(_("What the commission will consider"))
        zone = ZoneInfo(get_settings().timezone)
        start = st.date_input(_("Resident input from (blank: from the first comment)"), value=None)
        end = st.date_input(_("Resident input up to (blank: the meeting)"), value=None)
        add = st.form_submit_button(_("Add to agenda"))
    if add:
        with change_then_rerun() as session:
            add_agenda_item(session=session, actor=actor, meeting_id=meeting.id, title=title,
                            description=description, target_type=kind, target_id=record,
                            input_from=_moment(start, zone), input_to=_moment(end, zone))
