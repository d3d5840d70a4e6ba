"""A normalised view of a text for the detectors, with offsets that map back.

Residents' text arrives with anything in it: zero-width characters and bidi
controls (sometimes pasted, sometimes used on purpose to slip a phone number or
a swear word past a filter), full-width or Arabic-Indic digits, and — from
broken clients — lone UTF-16 surrogates that no encoder accepts. The detectors
should see ``555-123-4567`` in ``555‑1\u200b23‑4567`` and in
``５５５-１２３-４５６７``, yet every span they report must point into the text
the resident actually wrote, because that is what gets redacted.

:func:`view` builds that analysis text. Characters are either mapped one to one
(digits, full-width forms, surrogates) or dropped (invisible format
characters); a position map translates analysis offsets back to the original.
Texts that are plain ASCII — most comments — take a fast path with no copy.

Bidi controls are dropped from the analysis text like any invisible character, but
they also change how the original *displays*; :func:`bidi_spans` finds them for the
``bidi`` screening flag and :func:`reveal_bidi` writes them out by name for moderators.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

#: Lone surrogates cannot be encoded as UTF-8; they are shown as U+FFFD.
SURROGATE_RE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class TextView:
    """``text`` is what the detectors read; ``positions[i]`` is the index in
    ``original`` of ``text[i]`` (``None`` when no character was dropped).

    When invisible characters were dropped, ``spaced`` is the same analysis
    text with each of them read as a space instead, aligned with ``original``.
    An invisible character can hide a separator as well as split a word
    ("Doe\u200bjane@example.com"), so PII detection reads both.
    """

    original: str
    text: str
    positions: list[int] | None = None
    spaced: str | None = None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a non-empty analysis span to the original text.

        The mapped span runs from the first to the last original character
        covered, so invisible characters *inside* a detected span are
        redacted with it.
        """
        if self.positions is None:
            return start, end
        return self.positions[start], self.positions[end - 1] + 1


@dataclass(frozen=True, slots=True)
class _Tables:
    translate: dict[int, int]
    mapped: frozenset[str]
    invisible: frozenset[str]
    invisible_re: re.Pattern[str]


#: ``(first, last, value of first)``: runs of decimal digits (category Nd) counting up by one.
DigitRuns = tuple[tuple[int, int, int], ...]
#: ``(first, last)``: runs of format characters (category Cf).
FormatRuns = tuple[tuple[int, int], ...]


def scan_unicode() -> tuple[DigitRuns, FormatRuns]:
    """Every decimal digit and format character of the running Python's :mod:`unicodedata`.

    Reads all 1.1 million code points (about 0.7 s), so it is not run when a screening
    starts: ``moderation/unicode_table.py`` holds its result, written by
    :func:`write_table`, and ``tests/moderation/test_unicode_table.py`` runs it again and
    compares, so the table cannot drift from :mod:`unicodedata`.
    """
    digits: list[list[int]] = []
    formats: list[list[int]] = []
    for cp in range(0x80, sys.maxunicode + 1):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        cat = unicodedata.category(ch)
        if cat == "Nd":
            value = unicodedata.digit(ch)
            if digits and digits[-1][1] == cp - 1 and digits[-1][2] + cp - digits[-1][0] == value:
                digits[-1][1] = cp
            else:
                digits.append([cp, cp, value])
        elif cat == "Cf":
            if formats and formats[-1][1] == cp - 1:
                formats[-1][1] = cp
            else:
                formats.append([cp, cp])
    return (tuple((a, b, v) for a, b, v in digits), tuple((a, b) for a, b in formats))


def table_source() -> str:
    """The text of ``moderation/unicode_table.py`` for the running Python's Unicode version."""
    digits, formats = scan_unicode()
    lines = [
        '"""Decimal digits and format characters by code point, for ``moderation.textview``.',
        "",
        "Generated from :mod:`unicodedata` by ``moderation.textview.write_table()``; do not edit.",
        "``tests/moderation/test_unicode_table.py`` generates it again and compares.",
        '"""',
        "",
        f'UNIDATA_VERSION = "{unicodedata.unidata_version}"',
        "",
        "#: (first, last, value of first): runs of decimal digits (category Nd).",
        "DIGITS = (",
        *(f"    (0x{a:05X}, 0x{b:05X}, {v}),  # {unicodedata.name(chr(a), '?')}"
          for a, b, v in digits),
        ")",
        "",
        "#: (first, last): runs of format characters (category Cf).",
        "FORMATS = (",
        *(f"    (0x{a:05X}, 0x{b:05X}),  # {unicodedata.name(chr(a), '?')}" for a, b in formats),
        ")",
    ]
    return "\n".join(lines) + "\n"


TABLE_PATH = Path(__file__).with_name("unicode_table.py")


def write_table() -> None:
    """Write ``moderation/unicode_table.py`` anew, after a Python upgrade changes Unicode:
    ``python -c "from moderation.textview import write_table; write_table()"``."""
    TABLE_PATH.write_text(table_source(), encoding="utf-8")


def _runs() -> tuple[DigitRuns, FormatRuns]:
    """The generated table, or a scan when this Python's Unicode version is not the table's."""
    from moderation import unicode_table

    if unicode_table.UNIDATA_VERSION == unicodedata.unidata_version:
        return unicode_table.DIGITS, unicode_table.FORMATS
    return scan_unicode()


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    """Build, once, the 1:1 translation table and the set of invisible characters.

    From the running Python's :mod:`unicodedata` (through the generated table, which a
    test keeps equal to it) instead of a hand-kept list.
    """
    digits, formats = _runs()
    table: dict[int, int] = {}
    for first, last, value in digits:
        for cp in range(first, last + 1):
            table[cp] = ord("0") + value + cp - first
    invisible = [chr(cp) for first, last in formats for cp in range(first, last + 1)]
    # Full-width ASCII forms (＠, ＃, Ａ…) read as their ASCII counterparts.
    for cp in range(0xFF01, 0xFF5F):
        table[cp] = cp - 0xFF01 + 0x21
    # Non-breaking and other odd spaces read as a plain space.
    for cp in (0x00A0, 0x2007, 0x202F, 0x3000):
        table[cp] = 0x20
    # Variation selectors, the combining grapheme joiner and Hangul fillers
    # render as nothing but are not category Cf.
    invisible += [chr(cp) for cp in (0x034F, 0x115F, 0x1160, 0x3164, 0xFFA0)]
    invisible += [chr(cp) for cp in range(0xFE00, 0xFE10)]
    invisible += [chr(cp) for cp in range(0xE0100, 0xE01F0)]
    pattern = re.compile("[" + "".join(re.escape(c) for c in invisible) + "]")
    return _Tables(table, frozenset(map(chr, table)), frozenset(invisible), pattern)


def view(text: str) -> TextView:
    """The analysis view of ``text`` (see the module docstring)."""
    if text.isascii():
        return TextView(text, text)
    tables = _tables()
    mapped = SURROGATE_RE.sub("\ufffd", text)
    # Set tests: a character class of ~700 scattered code points makes a regex
    # search cost tens of microseconds; these cost one or two.
    present = frozenset(mapped)
    if not tables.mapped.isdisjoint(present):
        mapped = mapped.translate(tables.translate)
    if tables.invisible.isdisjoint(present):
        # Same length as the original: offsets are unchanged.
        return TextView(text, mapped)
    invisible = tables.invisible
    keep = [i for i, ch in enumerate(mapped) if ch not in invisible]
    spaced = tables.invisible_re.sub(" ", mapped)
    return TextView(text, "".join(mapped[i] for i in keep), keep, spaced)


def printable(text: str) -> str:
    """``text`` with lone surrogates replaced, so it can be stored and encoded."""
    if text.isascii():
        return text
    return SURROGATE_RE.sub("\ufffd", text)


#: The bidirectional formatting characters (Unicode's Bidi_Control property), by name:
#: embeddings and overrides, isolates, and the implicit marks. They change the order in
#: which a text is *displayed*, not what it says, so "\u202edevorppa" reads "approved" on
#: screen; the public pages drop them, and moderators are shown them by name.
BIDI_CONTROLS: dict[str, str] = {
    chr(cp): unicodedata.name(chr(cp))
    for cp in (0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
               0x200E, 0x200F, 0x061C)
}
_BIDI_SET = frozenset(BIDI_CONTROLS)
_BIDI_RE = re.compile("[" + "".join(BIDI_CONTROLS) + "]+")


def _has_bidi(text: str) -> bool:
    # Most comments are ASCII, and a set test is cheaper than a regex scan for the rest.
    return not text.isascii() and not _BIDI_SET.isdisjoint(text)


def bidi_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds bidi controls: ``(start, end)`` offsets, one per run of them."""
    if not _has_bidi(text):
        return []
    return [m.span() for m in _BIDI_RE.finditer(text)]


def reveal_bidi(text: str) -> str:
    """``text`` with each bidi control written out (``⟨U+202E RIGHT-TO-LEFT OVERRIDE⟩``)
    instead of applied, so a moderator reads the characters in the order they were typed,
    and sees that something was meant to reorder them. Never use it for published text."""
    if not _has_bidi(text):
        return text
    return _BIDI_RE.sub(
        lambda m: "".join(f"⟨U+{ord(c):04X} {BIDI_CONTROLS[c]}⟩" for c in m.group()), text
    )


def windows(length: int, size: int, overlap: int) -> Iterator[tuple[int, int]]:
    """Overlapping ``(start, end)`` windows that cover ``range(length)``.

    Detectors run per window so that a 100,000-character wall costs linear
    time; the overlap is longer than any entity we look for, so an entity cut
    by one window's edge lies whole inside the next.
    """
    if length <= size:
        yield 0, length
        return
    step = size - overlap
    start = 0
    while True:
        end = min(start + size, length)
        yield start, end
        if end == length:
            return
        start += step
