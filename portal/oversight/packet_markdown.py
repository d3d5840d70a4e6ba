"""The meeting packet as Markdown, drawn from the packet's JSON alone, saying what the PDF says.

Every string from the content (titles, quotes, notes, names, figures given as strings) goes
through ``escape_markdown``, so text residents or staff typed shows literally: it never makes
a heading, emphasis, a link, HTML, a table cell boundary or a blockquote.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from portal.i18n import _
from portal.oversight import packet_view as view
from portal.textsafety import escape_markdown


def _e(text: object) -> str:
    return escape_markdown("" if text is None else str(text))


def _code(text: object) -> str:
    """A hash in code spans (hex only; anything else is escaped text)."""
    return f"`{text}`" if view.is_hex(text) else _e(text)


def _table(
    header: Sequence[str], rows: Iterable[Sequence[object]], *, right: Sequence[int] = ()
) -> list[str]:
    aligns = ["---:" if i in right else "---" for i in range(len(header))]
    out = ["| " + " | ".join(_e(h) for h in header) + " |", "| " + " | ".join(aligns) + " |"]
    for row in rows:
        cells = [_e(row[i]) if i < len(row) else "" for i in range(len(header))]
        out.append("| " + " | ".join(cells) + " |")
    return [*out, ""]


def _quote(text: object, source: str) -> list[str]:
    body = escape_markdown(f"“{text}”", block=True).split("\n")
    return [*(f"> {line}" if line else ">" for line in body), ">", f"> — {_e(source)}", ""]


def _para(text: object) -> list[str]:
    return [escape_markdown("" if text is None else str(text), block=True), ""]


def packet_markdown(content: dict[str, Any], *, content_hash: str) -> str:
    """The packet's Markdown (see docs/packet-format.md for ``content``), in the language in
    force, as the PDF."""
    meeting = content.get("meeting") or {}
    out: list[str] = [
        f"# {_e(view.meeting_title(content))}",
        "",
        f"**{_e(content.get('county') or '')}** · {_e(view.series_line())}",
        "",
    ]
    for label, value in view.cover_facts(content):
        out.append(f"- **{_e(label)}:** {_e(value)}")
    out.append("")
    if meeting.get("description"):
        out += _para(meeting["description"])

    out += [f"## {_e(_('How to verify this packet'))}", ""]
    for kind, text in view.verify_lines(content, content_hash):
        out += [_code(text) if kind == "code" else _e(text), ""]

    out += [f"## {_e(_('Agenda'))}", ""]
    items = content.get("items") or []
    for item in items:
        out.append(f"- {_e(view.agenda_line(item))}")
    if not items:
        out.append(_("The agenda has no items."))
    out.append("")

    for item in items:
        out += _item(item, content.get("suppression_k", 11))

    out += [f"## {_e(_('About this packet'))}", ""]
    for text in view.about_paragraphs(content):
        out += _para(text)
    return "\n".join(out).rstrip("\n") + "\n"


def _item(item: dict[str, Any], k: object) -> list[str]:
    out = [f"## {_e(view.item_heading(item))}", ""]
    if item.get("description"):
        out += _para(item["description"])
    record = item.get("record")
    if record:
        out += [
            f"### {_e(_('The record in brief'))}",
            "",
            f"**{_e(view.record_kind(record))}:** {_e(record.get('title') or '—')}  ",
            f"**{_e(_('Address'))}:** {_e(record.get('address') or '—')}",
            "",
        ]
        brief = view.brief_rows(record)
        if brief:
            out += _table([_("Field"), _("Value")], brief)
    out += [
        f"### {_e(_('Resident input'))}",
        "",
        f"**{_e(_('Input period'))}:** {_e(view.period_text(item.get('input_period')))}",
        "",
    ]
    if not view.has_input(item):
        out += [f"**{_e(view.no_input_text(item))}**", ""]
    else:
        out += _input(item, k)
    findings = item.get("findings") or []
    if findings or (record or {}).get("type") == "practice":
        out += [f"### {_e(_('Open compliance findings'))}", ""]
        if findings:
            out += _table(view.findings_header(), view.finding_rows(findings))
        else:
            out += [_("None open."), ""]
    moderation = item.get("moderation")
    if moderation:
        out += [f"### {_e(_('Moderation in the input period'))}", ""]
        out += _table([_("Input"), _("Count")], view.moderation_rows(moderation), right=(1,))
        reasons = view.rejection_rows(moderation)
        if reasons:
            out += [_("Rejected, by the reason given publicly:"), ""]
            out += _table([_("Reason"), _("Count")], reasons, right=(1,))
    out += ["### " + _e(_("Commissioners' notes")), ""]
    notes = item.get("notes") or []
    if not notes:
        out += [_("No notes."), ""]
    for note in notes:
        out += _para(note.get("text"))
        out += [f"— {_e(view.note_source(note))}", ""]
    return out


def _input(item: dict[str, Any], k: object) -> list[str]:
    summary = item.get("summary") or {}
    out = _table([_("Published input"), _("Count")], view.counts_rows(item), right=(1,))
    out += [f"#### {_e(_('Positions'))}", ""]
    pairs = view.position_pairs(summary.get("positions"))
    out += _table(
        [_("Position"), _("Comments and answers")],
        [[label, view.figure(v)] for label, v in pairs],
        right=(1,),
    )

    themes = summary.get("themes") or []
    out += [f"#### {_e(_('Themes'))}", ""]
    if not themes:
        out += [_("No themes: too little text to group."), ""]
    for theme in themes:
        out += [
            f"**{_e(view.theme_title(theme))}**  ",
            _("Positions: {positions}").format(
                positions=_e(view.positions_inline(theme.get("positions")))),
            "",
        ]
        for quote in view.theme_quotes(theme):
            out += _quote(quote.get("text") or "", view.comment_source(quote))

    campaigns = summary.get("campaigns") or []
    if campaigns:
        out += [f"#### {_e(_('Campaigns'))}", ""]
        for campaign in campaigns:
            out += [f"**{_e(view.campaign_title(campaign))}**", ""]
            quote = campaign.get("quote") or {}
            if quote:
                out += _quote(quote.get("text") or "", view.comment_source(quote))
            additions = campaign.get("additions") or []
            if additions:
                out += [_("Sentences edited copies added:"), ""]
                for addition in additions:
                    out += _quote(addition.get("text") or "", view.comment_source(addition))

    participation = item.get("participation")
    if participation:
        out += [f"#### {_e(_('Who took part'))}", ""]
        header, rows = view.participation_table(participation)
        if rows:
            out += _table(header, rows, right=(1, 2, 3, 4))
            out += [f"**{_e(view.ratio_text(participation))}**", ""]
        note = view.participation_note(participation, k)
        if note:
            out += _para(note)

    for survey in item.get("surveys") or []:
        out += [f"#### {_e(view.survey_title(survey))}", "", _e(view.survey_facts(survey)), ""]
        for question in survey.get("questions") or []:
            out += [
                f"**{_e(view.question_title(question))}**  ",
                _e(view.question_facts(question)),
                "",
            ]
            rows = view.option_rows(question)
            if rows:
                out += _table(view.options_header(), rows, right=(1, 2))
            if question.get("summary"):
                out += _para(view.question_summary(question))
    return out
