"""Making text people typed safe to show: no invisible characters, no markup.

Pure functions with no Streamlit and no database, shared by the PDF and Markdown renderings
(``portal/pdf.py``, ``portal/oversight/packet_markdown.py``). ``portal/ui/text.py`` holds the
Streamlit-facing twin (``inert``), which keeps its narrower character list.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from portal.errors import FieldError
from portal.i18n import _

_KEEP_CONTROLS = {"\n"}
_HIDDEN = frozenset({"Cc", "Cf", "Cs"})
_SURROGATE = re.compile("[\ud800-\udfff]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
# Every ASCII punctuation character CommonMark lets a backslash escape that can start markup
# (emphasis, code, links, images, HTML, entities, headings, lists, quotes, tables, autolinks,
# footnotes, @mentions, :emoji: shortcodes, Streamlit's LaTeX and colour directives).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:=&@^])")


def unstorable(text: str) -> str | None:
    """Why ``text`` cannot be stored as given, or None when it can.

    Two characters are not text any store keeps: the null character (PostgreSQL refuses it in
    text and JSON, and files treat it as an end) and a lone UTF-16 surrogate (no UTF-8 file or
    database can encode one; JSON can still spell it as ``\\ud800``). Services refuse such a
    value with this reason rather than fail when it is written.
    """
    if "\x00" in text:
        return _("holds a null character (U+0000), which is not text; remove it")
    broken = _SURROGATE.search(text)
    if broken:
        return _("holds a broken character (a lone surrogate, U+{code}) that no text file can "
                 "hold; save the text as UTF-8 again").format(code=f"{ord(broken.group()):04X}")
    return None


def unstorable_fields(fields: Mapping[str, object]) -> list[FieldError]:
    """A refusal for each of ``fields`` (name → what was given) whose text :func:`unstorable`
    refuses; values that are not text are left to the caller's own checks."""
    return [FieldError(name, reason) for name, value in fields.items()
            if isinstance(value, str) and (reason := unstorable(value))]


def unstorable_in(value: object) -> str | None:
    """:func:`unstorable` for a JSON value: the first reason any string in it (keys included)
    gives, however deeply it is nested."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if reason := unstorable(item):
                return reason
        elif isinstance(item, dict):
            pending += [*item.keys(), *item.values()]
        elif isinstance(item, list | tuple):
            pending += item
    return None


def for_terminal(text: str) -> str:
    """``text`` safe to print on a terminal: control characters (which move the cursor, change
    colours or clear the screen), invisible format characters (a bidi override reverses what
    follows it) and lone surrogates are written out as escapes (``\\x1b``, ``\\u202e``); the
    rest is kept as it is."""
    return "".join(ascii(ch)[1:-1] if unicodedata.category(ch) in _HIDDEN else ch for ch in text)


def strip_format_chars(text: str | None) -> str:
    """Drop what could disguise ``text``: bidi overrides and isolates, zero-width and other
    invisible format characters (Unicode category Cf), and control characters other than the
    newline; tabs become spaces, every line break becomes ``\\n``; lone surrogates become
    U+FFFD."""
    if not text:
        return ""
    text = _NEWLINES.sub("\n", str(text)).replace("\t", " ")
    out = []
    for ch in text:
        category = unicodedata.category(ch)
        if category == "Cf" or (category == "Cc" and ch not in _KEEP_CONTROLS):
            continue
        out.append("\ufffd" if category == "Cs" else ch)
    return "".join(out)


def escape_markdown(text: str | None, *, block: bool = False) -> str:
    """Escape ``text`` so that Markdown (CommonMark/GFM) shows it literally.

    Inline (the default) puts everything on one line, fit for a table cell, a heading or a
    list item; ``|`` is escaped so it never splits a table cell. With ``block=True`` line
    breaks are kept as hard breaks, so the text can stand as a paragraph or, prefixed with
    ``> `` on each line, as a blockquote; leading spaces are dropped so no line becomes an
    indented code block.
    """
    text = strip_format_chars(text)
    if not block:
        return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    lines = [_MARKDOWN_SPECIAL.sub(r"\\\1", line.strip()) for line in text.split("\n")]
    # A trailing backslash is a hard line break; blank lines stay paragraph breaks.
    out: list[str] = []
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        out.append(line + ("\\" if line and nxt else ""))
    return "\n".join(out).strip("\n")
