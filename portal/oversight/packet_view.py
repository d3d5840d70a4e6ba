"""What the packet's PDF and Markdown both say, worked out once from the packet's JSON.

``packet_pdf`` and ``packet_markdown`` draw the same wording, rows and figures from these
functions, so the two renderings cannot drift apart. Everything here reads only the content
dict (docs/packet-format.md): no database, no settings, no clock. Strings are returned raw;
each renderer makes them safe for its own format.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from portal.wording import plural

POSITIONS = ("support", "neutral", "oppose", "unstated")
QUOTES_PER_THEME = 3
RECORD_KINDS = {
    "notice": "Technology notice",
    "practice": "Data practice",
    "indicator": "Indicator",
    "survey": "Survey",
}
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_FIXED_DATE = datetime(2000, 1, 1, tzinfo=UTC)
_HEX = re.compile(r"[0-9A-Fa-f]+")


def parse_when(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def creation_date(content: dict[str, Any]) -> datetime:
    """The PDF's creation date: the packet's ``built_at`` (a fixed date if it has none), so
    the same content always gives the same bytes."""
    when = parse_when(content.get("built_at")) or _FIXED_DATE
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _offset(dt: datetime) -> str:
    delta = dt.utcoffset()
    if delta is None:
        return ""
    minutes = int(delta.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, mins = divmod(abs(minutes), 60)
    return f" (UTC{sign}{hours:02d}:{mins:02d})"


def format_when(value: object, *, time: bool = True) -> str:
    """An ISO 8601 time as people read it: "Wednesday, December 16, 2026, 6:00 PM
    (UTC−08:00)"; a value that is not a time is returned as it is, ``None`` as "—"."""
    if value is None or value == "":
        return "—"
    dt = parse_when(value)
    if dt is None:
        return str(value)
    day = f"{_DAYS[dt.weekday()]}, {_MONTHS[dt.month - 1]} {dt.day}, {dt.year}"
    if not time:
        return day
    hour = dt.hour % 12 or 12
    return f"{day}, {hour}:{dt.minute:02d} {'AM' if dt.hour < 12 else 'PM'}{_offset(dt)}"


def period_text(period: dict[str, Any] | None) -> str:
    period = period or {}
    start, end = period.get("from"), period.get("to")
    if not start and not end:
        return "Not limited"
    if not start:
        return f"Everything received up to {format_when(end)}"
    return f"From {format_when(start)} to {format_when(end)}"


def figure(value: object) -> str:
    """A figure as printed: integers with thousands separators, strings as given."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"
    return str(value)


def is_hex(value: object) -> bool:
    return isinstance(value, str) and bool(_HEX.fullmatch(value))


def document_title(content: dict[str, Any]) -> str:
    meeting = content.get("meeting") or {}
    return f"{meeting.get('title') or 'Meeting'} — packet, version {content.get('version', '?')}"


def cover_facts(content: dict[str, Any]) -> list[tuple[str, str]]:
    meeting = content.get("meeting") or {}
    facts = [
        ("Date", format_when(meeting.get("scheduled_at"))),
        ("Place", str(meeting.get("location") or "—")),
    ]
    if meeting.get("link"):
        facts.append(("Online", str(meeting["link"])))
    facts += [
        ("Status", str(meeting.get("status") or "—").capitalize()),
        ("Packet version", figure(content.get("version"))),
        ("Built", f"{format_when(content.get('built_at'))} by {content.get('built_by') or '—'}"),
    ]
    return facts


def verify_lines(content: dict[str, Any], content_hash: str) -> list[tuple[str, str]]:
    """The "How to verify this packet" box: ``(kind, text)`` lines, kind "text" or "code"."""
    head = content.get("audit_head") or {}
    event = head.get("event_id")
    event_text = f"event #{figure(event)}" if event is not None else "no event yet (empty log)"
    return [
        ("text", "Content hash (SHA-256 of this packet's JSON: keys sorted, UTF-8, no spaces):"),
        ("code", content_hash),
        (
            "text",
            (
                f"Audit log head when it was built: {event_text} of "
                f"{plural(head.get('events', 0), 'event')}, hash:"
            ),
        ),
        ("code", str(head.get("hash") or "—")),
        (
            "text",
            (
                "Hashing the JSON published beside this packet must give the content hash, "
                "which shows that these figures and quotes are the ones published; running "
                "“portal audit verify” later shows whether any audit event up to that head "
                "was deleted or changed after this packet was built."
            ),
        ),
    ]


def agenda_line(item: dict[str, Any]) -> str:
    line = f"{item.get('position', '?')}. {item.get('title') or 'Untitled item'}"
    record = item.get("record")
    if record:
        line += f" ({record_kind(record)}: {record.get('title') or '—'})"
    return line


def item_heading(item: dict[str, Any]) -> str:
    return f"Item {item.get('position', '?')}: {item.get('title') or 'Untitled item'}"


def record_kind(record: dict[str, Any]) -> str:
    kind = str(record.get("type") or "record")
    return RECORD_KINDS.get(kind, kind.capitalize())


def has_input(item: dict[str, Any]) -> bool:
    summary = item.get("summary") or {}
    return bool(summary.get("count"))


def no_input_text(item: dict[str, Any]) -> str:
    if not item.get("record"):
        return (
            "This item is not about a published record, so the packet holds no resident "
            "input for it."
        )
    return (
        "No published comments or survey answers were received about this item in the input period."
    )


def counts_rows(item: dict[str, Any]) -> list[tuple[str, str]]:
    summary = item.get("summary") or {}
    return [
        ("Published comments", figure(summary.get("comments", 0))),
        ("Free-text survey answers", figure(summary.get("survey_answers", 0))),
        ("Summarized in all", figure(summary.get("count", 0))),
    ]


def position_pairs(positions: dict[str, Any] | None) -> list[tuple[str, object]]:
    positions = positions or {}
    keys = [k for k in POSITIONS if k in positions] + sorted(
        k for k in positions if k not in POSITIONS
    )
    if not keys:
        keys = list(POSITIONS)
    return [(str(k).capitalize(), positions.get(k, 0)) for k in keys]


def positions_inline(positions: dict[str, Any] | None) -> str:
    return " · ".join(f"{label.lower()} {figure(v)}" for label, v in position_pairs(positions))


def theme_title(theme: dict[str, Any]) -> str:
    return f"{theme.get('label') or 'Theme'} — {plural(theme.get('size', 0), 'comment')}"


def theme_quotes(theme: dict[str, Any]) -> list[dict[str, Any]]:
    return list(theme.get("quotes") or [])[:QUOTES_PER_THEME]


def comment_source(quote: dict[str, Any]) -> str:
    source = f"Comment #{quote.get('comment_id', '?')}"
    copies = quote.get("copies")
    if isinstance(copies, int) and copies > 1:
        source += f" and {plural(copies - 1, 'other copy', 'other copies')} adding the same sentence"
    return source


def campaign_title(campaign: dict[str, Any]) -> str:
    similarity = campaign.get("similarity")
    text = f"{plural(campaign.get('copies', 0), 'copy', 'copies')} of one text"
    if isinstance(similarity, int | float):
        text += f" (alike to {similarity:.0%})"
    return text


def participation_table(participation: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    header = [
        "District",
        "Comments",
        "Share of comments",
        "Share of population",
        "Comments per 10,000 residents",
    ]
    rows = []
    for row in participation.get("rows") or []:
        status = str(row.get("status") or "")
        comments = row.get("comments")
        if status.startswith("suppressed"):
            comments = "suppressed"
        rows.append(
            [
                str(row.get("district") or "—"),
                figure(comments),
                figure(row.get("comment_share")),
                figure(row.get("population_share")),
                figure(row.get("rate_per_10000")),
            ]
        )
    return header, rows


def participation_bars(participation: dict[str, Any]) -> tuple[list[str], list[object]]:
    """Comments by district for the chart, without the "All" total."""
    labels, values = [], []
    for row in participation.get("rows") or []:
        if str(row.get("district")) == "All":
            continue
        status = str(row.get("status") or "")
        labels.append(str(row.get("district") or "—"))
        values.append("suppressed" if status.startswith("suppressed") else row.get("comments"))
    return labels, values


def ratio_text(participation: dict[str, Any]) -> str:
    ratio = participation.get("representation_ratio")
    if ratio in (None, ""):
        return (
            "Representation ratio: not available (fewer than two districts have a published rate)."
        )
    return f"Representation ratio (lowest district rate ÷ highest): {ratio}."


def survey_title(survey: dict[str, Any]) -> str:
    return f"Survey: {survey.get('title') or '—'}"


def survey_facts(survey: dict[str, Any]) -> str:
    return f"Status: {survey.get('status') or '—'}. Responses: {figure(survey.get('responses'))}."


def question_title(question: dict[str, Any]) -> str:
    return f"Q{question.get('position', '?')}. {question.get('text') or '—'}"


def question_facts(question: dict[str, Any]) -> str:
    return f"Answered: {figure(question.get('answered'))} ({question.get('kind') or '—'})."


_OPTION_STATUS = {
    "suppressed_primary": "suppressed",
    "suppressed_complementary": "suppressed",
    "suppressed": "suppressed",
    "true_zero": "0",
    "missing": "no data",
}


def option_rows(question: dict[str, Any]) -> list[list[str]]:
    rows = []
    for option in question.get("options") or []:
        status = str(option.get("status") or "published")
        count, percent = figure(option.get("count")), figure(option.get("percent"))
        if status in _OPTION_STATUS and status != "true_zero":
            count = percent = _OPTION_STATUS[status]
        rows.append([str(option.get("option") or "—"), count, percent])
    return rows


def finding_rows(findings: list[dict[str, Any]]) -> list[list[str]]:
    return [
        [
            str(f.get("practice") or "—"),
            str(f.get("rule") or "—"),
            str(f.get("severity") or "—"),
            str(f.get("detail") or ""),
        ]
        for f in findings
    ]


def moderation_rows(moderation: dict[str, Any]) -> list[list[str]]:
    return [
        ["Received", figure(moderation.get("received", 0))],
        ["Published", figure(moderation.get("published", 0))],
        ["Rejected", figure(moderation.get("rejected", 0))],
        ["Awaiting moderation", figure(moderation.get("awaiting", 0))],
    ]


def rejection_rows(moderation: dict[str, Any]) -> list[list[str]]:
    reasons = moderation.get("rejected_by_reason") or {}
    return [[str(reason), figure(n)] for reason, n in reasons.items()]


def note_source(note: dict[str, Any]) -> str:
    by = note.get("by") or "a commissioner"
    return f"{by}, {format_when(note.get('at'))}" if note.get("at") else str(by)


def about_paragraphs(content: dict[str, Any]) -> list[str]:
    k = content.get("suppression_k", 11)
    below = figure(k - 1) if isinstance(k, int) else f"{k} − 1"
    return [
        (
            "Only published comments and survey answers are included: everything here passed "
            "moderation, and personal data detected in it was redacted before publication. "
            "Rejected input and input awaiting moderation is counted, never quoted."
        ),
        (
            "Quotes are exact: each is the published text of the comment it names, from one "
            "character to another, and nothing paraphrased is put in quotation marks. Themes "
            "and positions are worked out by software from the published text; a theme's label "
            "is made of its most characteristic words."
        ),
        (
            f"Small numbers are suppressed: a count of people from 1 to {below}, or in a "
            f"group of fewer than {figure(k)}, is shown as “suppressed”, and where needed so is "
            "another count, so that none can be worked out from the totals. Zero is shown as 0 "
            "and a figure that does not exist as “no data”."
        ),
        "Every figure and quote in this packet is also in its JSON, published beside it.",
    ]
