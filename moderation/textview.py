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
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

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


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    """Build, once, the 1:1 translation table and the set of invisible characters.

    Built lazily from :mod:`unicodedata` so it follows the running Python's
    Unicode version instead of a hand-kept list.
    """
    table: dict[int, int] = {}
    invisible: list[str] = []
    for cp in range(0x80, sys.maxunicode + 1):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        cat = unicodedata.category(ch)
        if cat == "Nd":
            table[cp] = ord("0") + unicodedata.digit(ch)
        elif cat == "Cf":
            invisible.append(ch)
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
