"""Pieces of the meeting page: the packet's versions and downloads, the build button with its
progress, and the staff forms. The page itself only lays them out."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import streamlit as st

from portal.auth.permissions import allowed
from portal.auth.roles import Actor
from portal.oversight.packets import PacketInfo, build_packet, packet_content, packet_file
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
from portal.ui.packet import show_packet
from portal.ui.text import inert

if TYPE_CHECKING:
    from portal.oversight.models import Meeting

_FILES = {"pdf": ("PDF", "application/pdf", ":material/picture_as_pdf:"),
          "md": ("Markdown", "text/markdown", ":material/description:"),
          "json": ("JSON (every figure and quote)", "application/json", ":material/data_object:")}


def _downloads(actor: Actor, meeting: Meeting, packet: PacketInfo, key: str) -> None:
    columns = st.columns(len(_FILES))
    for column, (kind, (label, mime, icon)) in zip(columns, _FILES.items(), strict=True):
        def data(packet_id: int = packet.id, kind: str = kind) -> bytes:
            with db() as session:
                return packet_file(session=session, actor=actor, packet_id=packet_id, kind=kind)

        column.download_button(
            label, data, file_name=f"meeting-{meeting.id}-packet-v{packet.version}.{kind}",
            mime=mime, icon=icon, on_click="ignore", key=f"{key}-{kind}")


def packet_section(actor: Actor, meeting: Meeting, packets: list[PacketInfo]) -> None:
    st.header("Packet", anchor="packet")
    st.write("The packet summarizes, for each agenda item, the comments and survey answers that "
             "moderators published: counts, themes with exact quotes, positions, who took part "
             "(small numbers suppressed), survey results and moderation statistics.")
    if not packets:
        st.info("No packet has been published for this meeting yet.")
    else:
        latest, *older = packets
        st.subheader(f"Version {latest.version}", anchor=False)
        st.caption(f"Published {format_datetime(latest.built_at)} by {inert(latest.built_by)}.")
        _downloads(actor, meeting, latest, f"packet-{latest.id}")
        with db() as session:
            content = packet_content(session=session, actor=actor, packet_id=latest.id)
        show_packet(content)
        with st.expander("Check this packet against the audit log"):
            st.markdown(
                "The packet's content hash was written to the audit log when it was published, "
                "and the packet prints the audit log's last event when it was built. Anyone "
                "holding the PDF can later check that neither was changed.")
            st.text(f"Content SHA-256: {latest.content_hash}\nPDF SHA-256:     {latest.pdf_hash}\n"
                    f"Audit log head:  event {latest.audit_event_id}, {latest.audit_hash}")
        if older:
            with st.expander(f"Earlier versions ({len(older)})"):
                for packet in older:
                    st.markdown(f"**Version {packet.version}**, published "
                                f"{format_datetime(packet.built_at)}")
                    _downloads(actor, meeting, packet, f"packet-{packet.id}")
    if allowed(actor, "oversight.build_packet") and meeting.status != "cancelled":
        next_version = packets[0].version + 1 if packets else 1
        st.write("Building publishes a new version from the input published so far; earlier "
                 "versions stay available. Commissioners' notes are published with it.")
        sure = st.checkbox(f"Publish version {next_version} for everyone: a published version "
                           "cannot be changed or withdrawn", key=f"confirm-packet-{meeting.id}")
        if st.button(f"Build and publish version {next_version}", type="primary",
                     icon=":material/build:", disabled=not sure):
            bar = st.progress(0.0, text="Starting")
            with change_then_rerun() as session:
                build_packet(session=session, actor=actor, meeting_id=meeting.id,
                             progress=lambda f, m: bar.progress(min(f, 1.0), text=m))


def meeting_settings(actor: Actor, meeting: Meeting) -> None:
    if not allowed(actor, "oversight.update_meeting"):
        return
    with st.expander("Status, place and online link"):
        with st.form(f"meeting-{meeting.id}"):
            status = st.selectbox("Status", list(MEETING_STATUSES), format_func=MEETING_STATUSES.get,
                                  index=list(MEETING_STATUSES).index(meeting.status))
            location = st.text_input("Place", value=meeting.location, max_chars=300)
            link = st.text_input("Online link", value=meeting.link, max_chars=500,
                                 placeholder="https://")
            saved = st.form_submit_button("Save")
        if saved:
            with change_then_rerun() as session:
                update_meeting(session=session, actor=actor, meeting_id=meeting.id, status=status,
                               location=location, link=link)


def _moment(day: date | None, zone: ZoneInfo) -> datetime | None:
    return None if day is None else datetime.combine(day, time(0, 0), tzinfo=zone)


def agenda_form(actor: Actor, meeting: Meeting) -> None:
    if not allowed(actor, "oversight.add_agenda_item"):
        return
    st.header("Add an agenda item")
    with db() as session:
        choices = agenda_targets(session=session, actor=actor)
    kinds = {None: "No record (procedural item)", **TARGET_TYPES}
    kind = st.selectbox("What the item is about", list(kinds), format_func=kinds.get)
    with st.form(f"agenda-{meeting.id}", clear_on_submit=True):
        records = dict(choices.get(kind, [])) if kind else {}
        record = st.selectbox(TARGET_TYPES[kind], list(records), format_func=records.get) \
            if kind else None
        title = st.text_input("Agenda item", max_chars=300)
        description = st.text_area("What the commission will consider")
        zone = ZoneInfo(get_settings().timezone)
        start = st.date_input("Resident input from (blank: from the first comment)", value=None)
        end = st.date_input("Resident input up to (blank: the meeting)", value=None)
        add = st.form_submit_button("Add to agenda")
    if add:
        with change_then_rerun() as session:
            add_agenda_item(session=session, actor=actor, meeting_id=meeting.id, title=title,
                            description=description, target_type=kind, target_id=record,
                            input_from=_moment(start, zone), input_to=_moment(end, zone))
