"""The meeting packet as a PDF a commissioner reads, drawn from the packet's JSON alone.

Cover (meeting, version, how to verify), agenda, one section per agenda item starting on a
new page, and "About this packet". Every heading is a bookmark; every chart has alt text and
its figures also stand in a table. The same content gives the same bytes.
"""

from __future__ import annotations

import re
from typing import Any

from portal.i18n import _, language
from portal.oversight import packet_view as view
from portal.pdf import Document, bar_chart_png, describe_bars

_HTTPS = re.compile(r"https://[^\s<>\"']+")


def packet_pdf(content: dict[str, Any], *, content_hash: str) -> bytes:
    """The packet's PDF (see docs/packet-format.md for ``content``), in the language in force
    (``portal.i18n.using_language``): the same JSON gives the same bytes in each language."""
    meeting = content.get("meeting") or {}
    doc = Document(
        title=view.document_title(content),
        county=str(content.get("county") or ""),
        created=view.creation_date(content),
        author=str(content.get("built_by") or ""),
        subject=_("Privacy Commission meeting packet"),
        lang=language(),
    )
    doc.add_page()
    _cover(doc, content, meeting, content_hash)
    for item in content.get("items") or []:
        doc.add_page()
        _item(doc, item, content.get("suppression_k", 11))
    doc.add_page()
    doc.heading(_("About this packet"), 1)
    for text in view.about_paragraphs(content):
        doc.paragraph(text)
    return doc.output()


def _cover(doc: Document, content: dict[str, Any], meeting: dict[str, Any], digest: str) -> None:
    doc.paragraph(str(content.get("county") or ""), size=12, style="B", after=0)
    doc.paragraph(view.series_line(), size=10, after=3, colour=(80, 80, 80))
    doc.heading(view.meeting_title(content), 1)  # the cover's bookmark
    for label, value in view.cover_facts(content):
        # Only a plain https address is made clickable; anything else is text.
        link = value if label == view.online_label() and _HTTPS.fullmatch(value) else ""
        doc.labelled(label, value, link=link)
    doc.ln(2)
    if meeting.get("description"):
        doc.paragraph(str(meeting["description"]))
    doc.ln(2)
    verify = _("How to verify this packet")
    doc.start_section(verify, level=0, strict=False)
    doc.boxed(verify, view.verify_lines(content, digest))
    doc.heading(_("Agenda"), 2, outline_level=0)
    items = content.get("items") or []
    if items:
        for item in items:  # already numbered: no bullet as well
            doc.paragraph(view.agenda_line(item), after=1)
    else:
        doc.paragraph(_("The agenda has no items."))


def _item(doc: Document, item: dict[str, Any], k: object) -> None:
    doc.heading(view.item_heading(item), 1)
    if item.get("description"):
        doc.paragraph(str(item["description"]))
    record = item.get("record")
    if record:
        doc.heading(_("The record in brief"), 2)
        doc.labelled(view.record_kind(record), str(record.get("title") or "—"))
        doc.labelled(_("Address"), str(record.get("address") or "—"))
        doc.ln(1.5)
        brief = view.brief_rows(record)
        if brief:
            doc.table(None, brief, col_widths=(1, 2.2))
    doc.heading(_("Resident input"), 2)
    doc.labelled(_("Input period"), view.period_text(item.get("input_period")))
    doc.ln(1.5)
    if not view.has_input(item):
        doc.paragraph(view.no_input_text(item), style="B")
    else:
        _input(doc, item, k)
    findings = item.get("findings") or []
    if findings or (record or {}).get("type") == "practice":
        doc.heading(_("Open compliance findings"), 2)
        if findings:
            doc.table(
                view.findings_header(),
                view.finding_rows(findings),
                col_widths=(1.4, 1, 0.8, 2.6),
            )
        else:
            doc.paragraph(_("None open."))
    moderation = item.get("moderation")
    if moderation:
        doc.heading(_("Moderation in the input period"), 2)
        doc.table(
            [_("Input"), _("Count")],
            view.moderation_rows(moderation),
            col_widths=(3, 1),
            align=("L", "R"),
        )
        reasons = view.rejection_rows(moderation)
        if reasons:
            doc.paragraph(_("Rejected, by the reason given publicly:"), style="B", after=1)
            doc.table([_("Reason"), _("Count")], reasons, col_widths=(3, 1), align=("L", "R"))
    doc.heading(_("Commissioners' notes"), 2)
    notes = item.get("notes") or []
    if not notes:
        doc.paragraph(_("No notes."))
    for note in notes:
        doc.paragraph(str(note.get("text") or ""), after=0.5)
        doc.paragraph(f"— {view.note_source(note)}", size=8.5, colour=(80, 80, 80))


def _input(doc: Document, item: dict[str, Any], k: object) -> None:
    summary = item.get("summary") or {}
    doc.table(
        [_("Published input"), _("Count")], view.counts_rows(item), col_widths=(3, 1), align=("L", "R")
    )

    doc.heading(_("Positions"), 3)
    pairs = view.position_pairs(summary.get("positions"))
    labels, values = [p[0] for p in pairs], [p[1] for p in pairs]
    title = _("Positions taken in published input")
    doc.chart(
        bar_chart_png(labels, values, title),
        f"{title}. {describe_bars(labels, values)}.",
        width=doc.epw * 0.72,
    )
    doc.table(
        [_("Position"), _("Comments and answers")],
        [[lab, view.figure(v)] for lab, v in pairs],
        col_widths=(2.4, 1),
        align=("L", "R"),
    )

    themes = summary.get("themes") or []
    if themes:  # the heading stays with the first theme, and a theme with its first quote
        doc.ensure_space(12 + _theme_start(doc, themes[0]))
    doc.heading(_("Themes"), 3)
    if not themes:
        doc.paragraph(_("No themes: too little text to group."))
    for theme in themes:
        quotes = view.theme_quotes(theme)
        doc.ensure_space(_theme_start(doc, theme))
        doc.paragraph(view.theme_title(theme), style="B", after=0.5)
        doc.paragraph(
            _("Positions: {positions}").format(positions=view.positions_inline(theme.get("positions"))),
            size=9,
            colour=(80, 80, 80),
            after=1.5,
        )
        for quote in quotes:
            doc.quote(str(quote.get("text") or ""), view.comment_source(quote))

    campaigns = summary.get("campaigns") or []
    if campaigns:
        doc.heading(_("Campaigns"), 3)
        for campaign in campaigns:
            doc.ensure_space(28)
            doc.paragraph(view.campaign_title(campaign), style="B", after=1)
            quote = campaign.get("quote") or {}
            if quote:
                doc.quote(str(quote.get("text") or ""), view.comment_source(quote))
            additions = campaign.get("additions") or []
            if additions:
                doc.paragraph(_("Sentences edited copies added:"), size=9, after=1)
                for addition in additions:
                    doc.quote(str(addition.get("text") or ""), view.comment_source(addition))

    participation = item.get("participation")
    if participation:
        doc.heading(_("Who took part"), 3)
        labels, values = view.participation_bars(participation)
        if labels:
            title = _("Comments by district")
            doc.chart(
                bar_chart_png(labels, values, title),
                f"{title}. {describe_bars(labels, values)}.",
                width=doc.epw * 0.72,
            )
        header, rows = view.participation_table(participation)
        if rows:
            doc.table(header, rows, col_widths=(2.2, 1, 1.1, 1.1, 1.3),
                      align=("L", "R", "R", "R", "R"))
            doc.paragraph(view.ratio_text(participation), style="B", after=1)
        note = view.participation_note(participation, k)
        if note:
            doc.paragraph(note, size=9, colour=(80, 80, 80))

    for survey in item.get("surveys") or []:
        doc.heading(view.survey_title(survey), 3)
        doc.paragraph(view.survey_facts(survey), size=9)
        for question in survey.get("questions") or []:
            doc.ensure_space(30)
            doc.paragraph(view.question_title(question), style="B", after=0.5)
            doc.paragraph(view.question_facts(question), size=9, colour=(80, 80, 80), after=1)
            rows = view.option_rows(question)
            if rows:
                doc.table(
                    view.options_header(),
                    rows,
                    col_widths=(3, 1, 1),
                    align=("L", "R", "R"),
                )
            if question.get("summary"):
                doc.paragraph(view.question_summary(question), size=9)


def _theme_start(doc: Document, theme: dict[str, Any]) -> float:
    """The height of a theme's title, positions and first quote."""
    quotes = view.theme_quotes(theme)
    return 14 + (doc.quote_height(str(quotes[0].get("text") or "")) if quotes else 0)
