"""The meeting packet as a PDF a commissioner reads, drawn from the packet's JSON alone.

Cover (meeting, version, how to verify), agenda, one section per agenda item starting on a
new page, and "About this packet". Every heading is a bookmark; every chart has alt text and
its figures also stand in a table. The same content gives the same bytes.
"""

from __future__ import annotations

import re
from typing import Any

from portal.oversight import packet_view as view
from portal.pdf import Document, bar_chart_png, describe_bars

_HTTPS = re.compile(r"https://[^\s<>\"']+")


def packet_pdf(content: dict[str, Any], *, content_hash: str) -> bytes:
    """The packet's PDF (see docs/packet-format.md for ``content``)."""
    meeting = content.get("meeting") or {}
    doc = Document(
        title=view.document_title(content),
        county=str(content.get("county") or ""),
        created=view.creation_date(content),
        author=str(content.get("built_by") or ""),
        subject="Privacy Commission meeting packet",
    )
    doc.add_page()
    _cover(doc, content, meeting, content_hash)
    for item in content.get("items") or []:
        doc.add_page()
        _item(doc, item)
    doc.add_page()
    doc.heading("About this packet", 1)
    for text in view.about_paragraphs(content):
        doc.paragraph(text)
    return doc.output()


def _cover(doc: Document, content: dict[str, Any], meeting: dict[str, Any], digest: str) -> None:
    doc.paragraph(str(content.get("county") or ""), size=12, style="B", after=0)
    doc.paragraph("Privacy Commission · meeting packet", size=10, after=3, colour=(80, 80, 80))
    doc.heading(str(meeting.get("title") or "Meeting"), 1)  # the cover's bookmark
    for label, value in view.cover_facts(content):
        # Only a plain https address is made clickable; anything else is text.
        link = value if label == "Online" and _HTTPS.fullmatch(value) else ""
        doc.labelled(label, value, link=link)
    doc.ln(2)
    if meeting.get("description"):
        doc.paragraph(str(meeting["description"]))
    doc.ln(2)
    doc.start_section("How to verify this packet", level=0, strict=False)
    doc.boxed("How to verify this packet", view.verify_lines(content, digest))
    doc.heading("Agenda", 2, outline_level=0)
    items = content.get("items") or []
    if items:
        for item in items:  # already numbered: no bullet as well
            doc.paragraph(view.agenda_line(item), after=1)
    else:
        doc.paragraph("The agenda has no items.")


def _item(doc: Document, item: dict[str, Any]) -> None:
    doc.heading(view.item_heading(item), 1)
    if item.get("description"):
        doc.paragraph(str(item["description"]))
    record = item.get("record")
    if record:
        doc.heading("The record in brief", 2)
        doc.labelled(view.record_kind(record), str(record.get("title") or "—"))
        doc.labelled("Address", str(record.get("address") or "—"))
        doc.ln(1.5)
        brief = [[str(k), str(v)] for k, v in (record.get("brief") or [])]
        if brief:
            doc.table(None, brief, col_widths=(1, 2.2))
    doc.heading("Resident input", 2)
    doc.labelled("Input period", view.period_text(item.get("input_period")))
    doc.ln(1.5)
    if not view.has_input(item):
        doc.paragraph(view.no_input_text(item), style="B")
    else:
        _input(doc, item)
    findings = item.get("findings") or []
    if findings or (record or {}).get("type") == "practice":
        doc.heading("Open compliance findings", 2)
        if findings:
            doc.table(
                ["Practice", "Rule", "Severity", "Detail"],
                view.finding_rows(findings),
                col_widths=(1.4, 1, 0.8, 2.6),
            )
        else:
            doc.paragraph("None open.")
    moderation = item.get("moderation")
    if moderation:
        doc.heading("Moderation in the input period", 2)
        doc.table(
            ["Input", "Count"],
            view.moderation_rows(moderation),
            col_widths=(3, 1),
            align=("L", "R"),
        )
        reasons = view.rejection_rows(moderation)
        if reasons:
            doc.paragraph("Rejected, by the reason given publicly:", style="B", after=1)
            doc.table(["Reason", "Count"], reasons, col_widths=(3, 1), align=("L", "R"))
    doc.heading("Commissioners' notes", 2)
    notes = item.get("notes") or []
    if not notes:
        doc.paragraph("No notes.")
    for note in notes:
        doc.paragraph(str(note.get("text") or ""), after=0.5)
        doc.paragraph(f"— {view.note_source(note)}", size=8.5, colour=(80, 80, 80))


def _input(doc: Document, item: dict[str, Any]) -> None:
    summary = item.get("summary") or {}
    doc.table(
        ["Published input", "Count"], view.counts_rows(item), col_widths=(3, 1), align=("L", "R")
    )

    doc.heading("Positions", 3)
    pairs = view.position_pairs(summary.get("positions"))
    labels, values = [p[0] for p in pairs], [p[1] for p in pairs]
    title = "Positions taken in published input"
    doc.chart(
        bar_chart_png(labels, values, title),
        f"{title}. {describe_bars(labels, values)}.",
        width=doc.epw * 0.72,
    )
    doc.table(
        ["Position", "Comments and answers"],
        [[lab, view.figure(v)] for lab, v in pairs],
        col_widths=(2.4, 1),
        align=("L", "R"),
    )

    themes = summary.get("themes") or []
    if themes:  # the heading stays with the first theme, and a theme with its first quote
        doc.ensure_space(12 + _theme_start(doc, themes[0]))
    doc.heading("Themes", 3)
    if not themes:
        doc.paragraph("No themes: too little text to group.")
    for theme in themes:
        quotes = view.theme_quotes(theme)
        doc.ensure_space(_theme_start(doc, theme))
        doc.paragraph(view.theme_title(theme), style="B", after=0.5)
        doc.paragraph(
            f"Positions: {view.positions_inline(theme.get('positions'))}",
            size=9,
            colour=(80, 80, 80),
            after=1.5,
        )
        for quote in quotes:
            doc.quote(str(quote.get("text") or ""), view.comment_source(quote))

    campaigns = summary.get("campaigns") or []
    if campaigns:
        doc.heading("Campaigns", 3)
        for campaign in campaigns:
            doc.ensure_space(28)
            doc.paragraph(view.campaign_title(campaign), style="B", after=1)
            quote = campaign.get("quote") or {}
            if quote:
                doc.quote(str(quote.get("text") or ""), view.comment_source(quote))
            additions = campaign.get("additions") or []
            if additions:
                doc.paragraph("Sentences edited copies added:", size=9, after=1)
                for addition in additions:
                    doc.quote(str(addition.get("text") or ""), view.comment_source(addition))

    participation = item.get("participation")
    if participation:
        doc.heading("Who took part", 3)
        labels, values = view.participation_bars(participation)
        if labels:
            title = "Comments by district"
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
        if participation.get("note"):
            doc.paragraph(str(participation["note"]), size=9, colour=(80, 80, 80))

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
                    ["Answer", "Count", "Percent"],
                    rows,
                    col_widths=(3, 1, 1),
                    align=("L", "R", "R"),
                )
            if question.get("summary"):
                doc.paragraph(str(question["summary"]), size=9)


def _theme_start(doc: Document, theme: dict[str, Any]) -> float:
    """The height of a theme's title, positions and first quote."""
    quotes = view.theme_quotes(theme)
    return 14 + (doc.quote_height(str(quotes[0].get("text") or "")) if quotes else 0)
