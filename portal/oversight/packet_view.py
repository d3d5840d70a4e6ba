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

from portal.disclosure import NO_DATA, shown_text
from portal.i18n import (
    N_,
    SOURCE_LANGUAGE,
    _,
    language,
    ngettext,
    number,
    pgettext,
    using_language,
)
from portal.inventory.compliance import SEVERITIES
from portal.oversight.input import NO_DISTRICT
from portal.oversight.service import MEETING_STATUSES
from portal.surveys.vocab import LIKERT, PREFER_NOT, QUESTION_KINDS, STATUSES, status_name

POSITIONS = ("support", "neutral", "oppose", "unstated")
POSITION_LABELS = {"support": N_("Support"), "neutral": N_("Neutral"), "oppose": N_("Oppose"),
                   "unstated": N_("Unstated")}
QUOTES_PER_THEME = 3
RECORD_KINDS = {
    "notice": N_("Technology notice"),
    "practice": N_("Data practice"),
    "indicator": N_("Indicator"),
    "survey": N_("Survey"),
}
#: The labels and fixed values of a record's brief (portal/oversight/records.py writes them in
#: English into the JSON); anything else in a brief is a name or text staff wrote, shown as is.
BRIEF_LABELS = (N_("Category"), N_("Status"), N_("Department"), N_("Comment period"),
                N_("Notice version"), N_("What it is"), N_("Purpose"), N_("Shared with"),
                N_("Legal basis"), N_("Sensitive categories"), N_("Latest period"), N_("Source"),
                N_("What it measures"), N_("Closes"), N_("About"))
BRIEF_WORDS = (N_("No comment period"), N_("None"), N_("No values yet"), N_("Not stated"),
               N_("publication"))
#: Brief labels whose values are the portal's own vocabulary (a status, a category).
_VOCABULARY = frozenset({"Category", "Status", "Legal basis", "Sensitive categories"})
SUPPRESSED = N_("suppressed")
#: The district rows the portal names itself (the others are the county's district names).
_ALL = "All"
DISTRICT_WORDS = {_ALL: N_("All districts"), NO_DISTRICT: N_("No district given")}
_FIXED_DATE = datetime(2000, 1, 1, tzinfo=UTC)
_HEX = re.compile(r"[0-9A-Fa-f]+")
_PERCENT = re.compile(r"-?\d[\d,]*(\.\d+)?%")
_ENGLISH_DATE = re.compile(r"(January|February|March|April|May|June|July|August|September|"
                           r"October|November|December) (\d{1,2}), (\d{4})")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def translated() -> bool:
    """Whether the language in force is not the packet's own (English): its words are then
    translated around the published figures and quotes."""
    return language() != SOURCE_LANGUAGE


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
    (UTC−08:00)", "miércoles, 16 de diciembre de 2026, 18:00 (UTC−08:00)"; a value that is
    not a time is returned as it is, ``None`` as "—". The clock is the packet's (the county's
    local time it was written in), whatever the reader's zone."""
    if value is None or value == "":
        return "—"
    dt = parse_when(value)
    if dt is None:
        return str(value)
    if translated():
        from babel.dates import format_date

        day = format_date(dt.date(), format="full", locale=language())
        return f"{day}, {dt.hour:02d}:{dt.minute:02d}{_offset(dt)}" if time else day
    day = f"{_DAYS[dt.weekday()]}, {_MONTHS[dt.month - 1]} {dt.day}, {dt.year}"
    if not time:
        return day
    hour = dt.hour % 12 or 12
    return f"{day}, {hour}:{dt.minute:02d} {'AM' if dt.hour < 12 else 'PM'}{_offset(dt)}"


def period_text(period: dict[str, Any] | None) -> str:
    period = period or {}
    start, end = period.get("from"), period.get("to")
    if not start and not end:
        return _("Not limited")
    if not start:
        return _("Everything received up to {end}").format(end=format_when(end))
    return _("From {start} to {end}").format(start=format_when(start), end=format_when(end))


def _percent(share: float) -> str:
    """A share as a percentage, "93%" / "93 %"."""
    if not translated():
        return f"{share:.0%}"
    from babel.numbers import format_percent

    return format_percent(share, format="#,##0 %", locale=language())


def figure(value: object) -> str:
    """A figure as printed: integers with thousands separators, strings as given (the words
    suppression writes, and numbers, in the reader's language: "fewer than 11", "menos de
    11"; "60.6%", "60,6 %")."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return number(value)
    if isinstance(value, float):
        return number(value, 0) if value.is_integer() else number(value, 2)
    text = str(value)
    if not translated():
        return text
    if text == SUPPRESSED:
        return _(SUPPRESSED)
    if _PERCENT.fullmatch(text):
        return f"{shown_text(text[:-1])}\u00a0%"
    return shown_text(text)


def count(value: object) -> int:
    """A count as a number a plural agrees with (a figure the JSON holds as text agrees as
    "many")."""
    return value if isinstance(value, int) and not isinstance(value, bool) else 2


def is_hex(value: object) -> bool:
    return isinstance(value, str) and bool(_HEX.fullmatch(value))


def meeting_title(content: dict[str, Any]) -> str:
    return str((content.get("meeting") or {}).get("title") or _("Meeting"))


def document_title(content: dict[str, Any]) -> str:
    return _("{title} — packet, version {version}").format(
        title=meeting_title(content), version=content.get("version", "?"))


def series_line() -> str:
    """What the document is, under the county's name on its cover."""
    return _("Privacy Commission · meeting packet")


def _meeting_status(status: object) -> str:
    text = str(status or "—")
    if not translated():
        return text.capitalize()
    return _(MEETING_STATUSES[text]) if text in MEETING_STATUSES else text.capitalize()


def cover_facts(content: dict[str, Any]) -> list[tuple[str, str]]:
    meeting = content.get("meeting") or {}
    facts = [
        (_("Date"), format_when(meeting.get("scheduled_at"))),
        (_("Place"), str(meeting.get("location") or "—")),
    ]
    if meeting.get("link"):
        facts.append((online_label(), str(meeting["link"])))
    facts += [
        (_("Status"), _meeting_status(meeting.get("status"))),
        (_("Packet version"), figure(content.get("version"))),
        (_("Built"), _("{when} by {who}").format(when=format_when(content.get("built_at")),
                                                 who=content.get("built_by") or "—")),
    ]
    return facts


def online_label() -> str:
    """The cover's label of the meeting's online link (the PDF makes that value a link)."""
    return _("Online")


def verify_lines(content: dict[str, Any], content_hash: str) -> list[tuple[str, str]]:
    """The "How to verify this packet" box: ``(kind, text)`` lines, kind "text" or "code"."""
    head = content.get("audit_head") or {}
    event = head.get("event_id")
    event_text = (_("event #{n}").format(n=figure(event)) if event is not None
                  else _("no event yet (empty log)"))
    events = head.get("events", 0)
    lines = [
        ("text", _("Content hash (SHA-256 of this packet's JSON: keys sorted, UTF-8, no spaces):")),
        ("code", content_hash),
        ("text", _("Audit log head when it was built: {event} of {events}, hash:").format(
            event=event_text,
            events=ngettext("{n} event", "{n} events", count(events)).format(n=figure(events)))),
        ("code", str(head.get("hash") or "—")),
        (
            "text",
            _(
                "Hashing the JSON published beside this packet must give the content hash, "
                "which shows that these figures and quotes are the ones published; running "
                "“portal audit verify” later shows whether any audit event up to that head "
                "was deleted or changed after this packet was built."
            ),
        ),
    ]
    if translated():
        lines.append(("text", translation_note()))
    return lines


def translation_note() -> str:
    """What a reader of a translated copy must know: which words are translated and which
    stand as published."""
    return _(
        "This copy is a translation of the published packet, drawn from the same JSON: the "
        "content hash is the same in every language. The portal's own words are translated; "
        "residents' comments and what staff wrote (titles, descriptions, notes) are quoted as "
        "published, in the language they were written in. The published record is the "
        "English PDF."
    )


def agenda_line(item: dict[str, Any]) -> str:
    line = f"{item.get('position', '?')}. {item.get('title') or _('Untitled item')}"
    record = item.get("record")
    if record:
        line += f" ({record_kind(record)}: {record.get('title') or '—'})"
    return line


def item_heading(item: dict[str, Any]) -> str:
    return _("Item {position}: {title}").format(position=item.get("position", "?"),
                                                title=item.get("title") or _("Untitled item"))


def record_kind(record: dict[str, Any]) -> str:
    kind = str(record.get("type") or "record")
    return _(RECORD_KINDS[kind]) if kind in RECORD_KINDS else kind.capitalize()


def _english_dates(text: str) -> str:
    """Dates the JSON holds written out in English ("December 1, 2026"), in the reader's
    language."""
    from portal.i18n import month_day_year

    def one(match: re.Match[str]) -> str:
        day = datetime(int(match.group(3)), _MONTHS.index(match.group(1)) + 1, int(match.group(2)))
        return month_day_year(day)

    return _ENGLISH_DATE.sub(one, text)


def brief_rows(record: dict[str, Any]) -> list[list[str]]:
    """The record's brief, as label and value: the portal's labels and vocabulary in the
    reader's language, what staff wrote as they wrote it."""
    rows = []
    for label, value in record.get("brief") or []:
        label, value = str(label), str(value)
        if translated():
            if label in _VOCABULARY:
                value = ", ".join(_(part) for part in value.split(", "))
            elif value in BRIEF_WORDS:
                value = _(value)
            elif label == "Comment period" and " to " in value:
                start, end = value.split(" to ", 1)
                value = _("{start} to {end}").format(
                    start=_(start) if start in BRIEF_WORDS else _english_dates(start),
                    end=_english_dates(end))
            elif label == "Closes":
                value = _english_dates(value)
            label = _(label) if label in BRIEF_LABELS else label
        rows.append([label, value])
    return rows


def has_input(item: dict[str, Any]) -> bool:
    summary = item.get("summary") or {}
    return bool(summary.get("count"))


def no_input_text(item: dict[str, Any]) -> str:
    if not item.get("record"):
        return _(
            "This item is not about a published record, so the packet holds no resident "
            "input for it."
        )
    return _(
        "No published comments or survey answers were received about this item in the input period."
    )


def counts_rows(item: dict[str, Any]) -> list[tuple[str, str]]:
    summary = item.get("summary") or {}
    return [
        (_("Published comments"), figure(summary.get("comments", 0))),
        (_("Free-text survey answers"), figure(summary.get("survey_answers", 0))),
        (_("Summarized in all"), figure(summary.get("count", 0))),
    ]


def position_pairs(positions: dict[str, Any] | None) -> list[tuple[str, object]]:
    positions = positions or {}
    keys = [k for k in POSITIONS if k in positions] + sorted(
        k for k in positions if k not in POSITIONS
    )
    if not keys:
        keys = list(POSITIONS)
    return [(position_label(k), positions.get(k, 0)) for k in keys]


def position_label(key: object) -> str:
    if translated() and key in POSITION_LABELS:
        return _(POSITION_LABELS[str(key)])
    return str(key).capitalize()


def positions_inline(positions: dict[str, Any] | None) -> str:
    return " · ".join(f"{label.lower()} {figure(v)}" for label, v in position_pairs(positions))


def theme_title(theme: dict[str, Any]) -> str:
    size = theme.get("size", 0)
    return _("{theme} — {comments}").format(
        theme=theme.get("label") or _("Theme"),
        comments=ngettext("{n} comment", "{n} comments", count(size)).format(n=figure(size)))


def theme_quotes(theme: dict[str, Any]) -> list[dict[str, Any]]:
    return list(theme.get("quotes") or [])[:QUOTES_PER_THEME]


def comment_source(quote: dict[str, Any]) -> str:
    comment = quote.get("comment_id", "?")
    copies = quote.get("copies")
    if isinstance(copies, int) and copies > 1:
        return ngettext("Comment #{comment} and {n} other copy adding the same sentence",
                        "Comment #{comment} and {n} other copies adding the same sentence",
                        copies - 1).format(comment=comment, n=figure(copies - 1))
    return _("Comment #{comment}").format(comment=comment)


def campaign_title(campaign: dict[str, Any]) -> str:
    similarity = campaign.get("similarity")
    copies = campaign.get("copies", 0)
    text = ngettext("{n} copy of one text", "{n} copies of one text", count(copies)).format(
        n=figure(copies))
    if isinstance(similarity, int | float):
        text = _("{copies} (alike to {share})").format(copies=text, share=_percent(similarity))
    return text


def participation_header() -> list[str]:
    return [_("District"), _("Comments"), _("Share of comments"), _("Share of population"),
            _("Comments per 10,000 residents")]


def district_name(name: object) -> str:
    text = str(name or "—")
    return _(DISTRICT_WORDS[text]) if translated() and text in DISTRICT_WORDS else text


def participation_table(participation: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    rows = []
    for row in participation.get("rows") or []:
        status = str(row.get("status") or "")
        comments = row.get("comments")
        if status.startswith("suppressed"):
            comments = SUPPRESSED
        rows.append(
            [
                district_name(row.get("district")),
                figure(comments),
                figure(row.get("comment_share")),
                figure(row.get("population_share")),
                figure(row.get("rate_per_10000")),
            ]
        )
    return participation_header(), rows


def participation_bars(participation: dict[str, Any]) -> tuple[list[str], list[object]]:
    """Comments by district for the chart, without the "All" total. The values stay as the
    JSON holds them (the chart reads "suppressed", "14"); the chart writes them in the
    language in force."""
    labels, values = [], []
    for row in participation.get("rows") or []:
        if str(row.get("district")) == _ALL:
            continue
        status = str(row.get("status") or "")
        labels.append(district_name(row.get("district")))
        values.append(SUPPRESSED if status.startswith("suppressed") else row.get("comments"))
    return labels, values


def ratio_text(participation: dict[str, Any]) -> str:
    ratio = participation.get("representation_ratio")
    if ratio in (None, ""):
        return _(
            "Representation ratio: not available (fewer than two districts have a published rate)."
        )
    return _("Representation ratio (lowest district rate ÷ highest): {ratio}.").format(
        ratio=figure(ratio))


def _participation_note(participation: dict[str, Any], k: object) -> str:
    """The note portal/oversight/input.py writes beside the table, in the language in force."""
    if not participation.get("rows"):
        return _("Fewer than {k} comments were published, so they are not broken down by "
                 "district: any such breakdown could single out the people who wrote.").format(k=k)
    note = _("Counts below {k} are suppressed, with other counts where needed so that none can "
             "be worked out from the totals. The rate is comments per 10,000 residents; the "
             "representation ratio is the lowest district rate divided by the highest (1.00 "
             "means every district took part at the same rate), from published rates only."
             ).format(k=k)
    hidden = sum(1 for row in participation["rows"] if str(row.get("district")) != _ALL
                 and str(row.get("status") or "").startswith("suppressed"))
    if hidden:
        note += " " + ngettext("{n} district figure is suppressed.",
                               "{n} district figures are suppressed.", hidden).format(n=hidden)
    return note


def participation_note(participation: dict[str, Any], k: object) -> str:
    """The note the JSON holds (English), in the reader's language where it is the note the
    portal writes: a note in other words is shown as it stands rather than guessed at."""
    note = str(participation.get("note") or "")
    if not note or not translated():
        return note
    with using_language(SOURCE_LANGUAGE):
        english = _participation_note(participation, k)
    return _participation_note(participation, k) if english == note else note


def survey_title(survey: dict[str, Any]) -> str:
    return _("Survey: {title}").format(title=survey.get("title") or "—")


def survey_facts(survey: dict[str, Any]) -> str:
    status = str(survey.get("status") or "—")
    if translated() and status in STATUSES:
        status = status_name(status)
    return _("Status: {status}. Responses: {n}.").format(status=status,
                                                        n=figure(survey.get("responses")))


def question_title(question: dict[str, Any]) -> str:
    return _("Q{position}. {text}").format(position=question.get("position", "?"),
                                           text=question.get("text") or "—")


def question_facts(question: dict[str, Any]) -> str:
    kind = str(question.get("kind") or "—")
    return _("Answered: {n} ({kind}).").format(
        n=figure(question.get("answered")),
        kind=_(QUESTION_KINDS[kind]).lower() if kind in QUESTION_KINDS else kind)


def question_summary(question: dict[str, Any]) -> str:
    from portal.surveys.results import summary_text

    return summary_text(str(question.get("summary") or ""))


def options_header() -> list[str]:
    return [_("Answer"), _("Count"), _("Percent")]


_OPTION_STATUS = {
    "suppressed_primary": SUPPRESSED,
    "suppressed_complementary": SUPPRESSED,
    "suppressed": SUPPRESSED,
    "true_zero": "0",
    "missing": NO_DATA,
}


def option_rows(question: dict[str, Any]) -> list[list[str]]:
    rows = []
    for option in question.get("options") or []:
        status = str(option.get("status") or "published")
        count_, percent = figure(option.get("count")), figure(option.get("percent"))
        if status in _OPTION_STATUS and status != "true_zero":
            count_ = percent = figure(_OPTION_STATUS[status])
        name = str(option.get("option") or "—")
        if translated() and (name in LIKERT or name == PREFER_NOT):
            name = _(name)  # the portal's own scale; staff's choices stay as written
        rows.append([name, count_, percent])
    return rows


def findings_header() -> list[str]:
    return [_("Practice"), _("Rule"), _("Severity"), _("Detail")]


def finding_rows(findings: list[dict[str, Any]]) -> list[list[str]]:
    severities = set(SEVERITIES.values())
    return [
        [
            str(f.get("practice") or "—"),
            str(f.get("rule") or "—"),
            _(str(f["severity"])) if translated() and f.get("severity") in severities
            else str(f.get("severity") or "—"),
            str(f.get("detail") or ""),
        ]
        for f in findings
    ]


def moderation_rows(moderation: dict[str, Any]) -> list[list[str]]:
    return [
        [_("Received"), figure(moderation.get("received", 0))],
        [pgettext("inputs counted", "Published"), figure(moderation.get("published", 0))],
        [_("Rejected"), figure(moderation.get("rejected", 0))],
        [_("Awaiting moderation"), figure(moderation.get("awaiting", 0))],
    ]


def rejection_rows(moderation: dict[str, Any]) -> list[list[str]]:
    """Rejections by the reason given publicly: the moderation policy's reasons, in the
    reader's language where the catalog has them."""
    reasons = moderation.get("rejected_by_reason") or {}
    return [[_(str(reason)) if translated() else str(reason), figure(n)]
            for reason, n in reasons.items()]


def note_source(note: dict[str, Any]) -> str:
    by = note.get("by") or _("a commissioner")
    return f"{by}, {format_when(note.get('at'))}" if note.get("at") else str(by)


def about_paragraphs(content: dict[str, Any]) -> list[str]:
    k = content.get("suppression_k", 11)
    below = figure(k - 1) if isinstance(k, int) else f"{k} − 1"
    return [
        _(
            "Only published comments and survey answers are included: everything here passed "
            "moderation, and personal data detected in it was redacted before publication. "
            "Rejected input and input awaiting moderation is counted, never quoted."
        ),
        _(
            "Quotes are exact: each is the published text of the comment it names, from one "
            "character to another, and nothing paraphrased is put in quotation marks. Themes "
            "and positions are worked out by software from the published text; a theme's label "
            "is made of its most characteristic words."
        ),
        _(
            "Small numbers are suppressed: a count of people from 1 to {below}, or in a "
            "group of fewer than {k}, is shown as “suppressed”, and where needed so is "
            "another count, so that none can be worked out from the totals. Zero is shown as 0 "
            "and a figure that does not exist as “no data”."
        ).format(below=below, k=figure(k)),
        _("Every figure and quote in this packet is also in its JSON, published beside it."),
    ]
