"""The latest packet on the meeting page: what the PDF says, readable on a phone.

Drawn from the packet's stored JSON through the same wording the PDF and Markdown use
(portal/oversight/packet_view.py), so the page, the PDF and the download cannot disagree.
Every string from residents or staff is shown as text (``inert`` or ``st.text``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd
import streamlit as st

from portal.auth.roles import Actor
from portal.i18n import N_, SOURCE_LANGUAGE, _, language
from portal.oversight import packet_view as view
from portal.oversight.packets import PacketInfo, packet_file
from portal.ui.context import db
from portal.ui.text import inert

if TYPE_CHECKING:
    from portal.oversight.models import Meeting

_FILES = {"pdf": ("PDF", "application/pdf", ":material/picture_as_pdf:"),  # not translated: a format's name
          "md": ("Markdown", "text/markdown", ":material/description:"),  # not translated: a format's name
          "json": (N_("JSON (every figure and quote)"), "application/json", ":material/data_object:")}
ORIGINAL_PDF = N_("PDF in English, as published")


def packet_downloads(actor: Actor, meeting: Meeting, packet: PacketInfo, key: str) -> None:
    """The version's files: the PDF and Markdown in the page's language, the JSON as published,
    and, in another language than English, the English PDF too: the published record."""
    lang = language()  # the download is drawn after this run, outside the page's language
    files = [(kind, lang if kind != "json" else SOURCE_LANGUAGE, _(label), mime, icon)
             for kind, (label, mime, icon) in _FILES.items()]
    if lang != SOURCE_LANGUAGE:
        files.append(("pdf", SOURCE_LANGUAGE, _(ORIGINAL_PDF), "application/pdf",
                      ":material/picture_as_pdf:"))
    row = st.container(horizontal=True)  # each button as wide as its words, wrapping on a phone
    for kind, file_lang, label, mime, icon in files:
        def data(packet_id: int = packet.id, kind: str = kind, file_lang: str = file_lang) -> bytes:
            with db() as session:
                return packet_file(session=session, actor=actor, packet_id=packet_id, kind=kind,
                                   language=file_lang)

        suffix = "" if file_lang == SOURCE_LANGUAGE else f".{file_lang}"
        row.download_button(
            label, data, file_name=f"meeting-{meeting.id}-packet-v{packet.version}{suffix}.{kind}",
            mime=mime, icon=icon, on_click="ignore", key=f"{key}-{kind}-{file_lang}")


def _table(header: list[str], rows: list[list[str]]) -> None:
    st.dataframe(pd.DataFrame(rows, columns=header), hide_index=True, width="stretch")


def _quote(quote: dict[str, Any]) -> None:
    st.markdown(f"> {inert(quote.get('text'))}\n>\n> — {view.comment_source(quote)}")


def _input(item: dict[str, Any], k: object) -> None:
    summary = item["summary"]
    st.markdown(" · ".join(f"{label}: **{value}**" for label, value in view.counts_rows(item)))
    st.caption(_("Positions as residents gave them: {positions}").format(
        positions=view.positions_inline(summary.get("positions"))))
    for theme in summary.get("themes") or []:
        st.markdown(f"**{inert(view.theme_title(theme))}** "
                    f"({inert(view.positions_inline(theme.get('positions')))})")
        for quote in view.theme_quotes(theme):
            _quote(quote)
    for campaign in summary.get("campaigns") or []:
        st.markdown(_("**Campaign: {title}**").format(title=inert(view.campaign_title(campaign))))
        if campaign.get("quote"):
            _quote(campaign["quote"])
        additions = campaign.get("additions") or []
        if additions:
            st.caption(_("Sentences that {n} edited copies added:").format(n=len(additions)))
            for quote in additions[:10]:
                _quote(quote)
    participation = item.get("participation")
    if participation:
        st.markdown(_("**Who took part**"))
        header, rows = view.participation_table(participation)
        if rows:
            _table(header, rows)
        st.caption(f"{view.ratio_text(participation)} {view.participation_note(participation, k)}")
    for survey in item.get("surveys") or []:
        st.markdown(f"**{inert(view.survey_title(survey))}** — {inert(view.survey_facts(survey))}")
        for question in survey.get("questions") or []:
            rows = view.option_rows(question)
            st.caption(f"{inert(view.question_title(question))} {view.question_facts(question)}")
            if rows:
                _table([_("Answer"), _("Count"), _("Share")], rows)
            if question.get("summary"):
                st.caption(view.question_summary(question))


def show_packet(content: dict[str, Any]) -> None:
    st.subheader(_("What residents said"), anchor=False)
    for item in content.get("items") or []:
        with st.expander(inert(view.item_heading(item))):  # an expander's label is Markdown
            st.caption(_("Input considered: {period}").format(period=view.period_text(item.get("input_period"))))
            if view.has_input(item):
                _input(item, content.get("suppression_k", 11))
            else:
                st.write(view.no_input_text(item))
            if item.get("findings"):
                st.markdown(_("**Open compliance findings**"))
                _table(view.findings_header(), view.finding_rows(item["findings"]))
            moderation = item.get("moderation")
            if moderation:
                st.markdown(_("**Moderation in the period**"))
                _table(["", _("Comments")], view.moderation_rows(moderation)
                       + [[_("Not published: {reason}").format(reason=r), n]
                          for r, n in view.rejection_rows(moderation)])
            for note in item.get("notes") or []:
                st.markdown(_("**Commissioners' note** ({source})").format(source=inert(view.note_source(note))))
                st.text(note.get("text", ""))
