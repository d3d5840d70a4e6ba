"""Commercial spam and flooding, scored from 0 to 1.

Public comment boxes attract link spam, "work from home" and casino ads, and
floods of repeated or shouted text. Each signal below contributes a score; they
combine as independent evidence (``1 - Π(1 - s)``), so one link or one
all-caps sentence from an angry resident stays well below the flag threshold,
while links together with spam phrases cross it.

Near-identical comments from many residents (a copy-paste campaign) are *not*
spam: that is organised participation and is reported as a ``campaign`` by
:func:`moderation.screen_batch`. Nothing here looks across comments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from moderation.textview import TextView, view
from moderation.types import Flag
from moderation.wordlists import load_sections

#: A spam flag is raised at or above this score.
THRESHOLD = 0.5

#: Score for 1, 2, 3 and 4+ links.
LINK_SCORES = (0.0, 0.3, 0.5, 0.7, 0.85)
PHRASE_SCORES = {"strong": 0.45, "weak": 0.2}
SHOUTING_SCORE = 0.3
FLOOD_SCORE = 0.25

# Links to government and school sites are how residents cite the record.
_TRUSTED = re.compile(
    r"\.(?:gov|mil|edu)(?:[/:?#]|$)|\.(?:gov|edu)\.[a-z]{2}(?:[/:?#]|$)", re.IGNORECASE
)
_URL_RE = re.compile(
    r"(?:\bhttps?://|\bwww\.)[^\s<>\"'()\[\]]+"
    r"|(?<![@\w.\-])[a-z0-9][a-z0-9\-]{0,62}(?:\.[a-z0-9\-]{1,63})*"
    r"\.(?:com|net|org|info|biz|io|co|xyz|top|club|online|site|shop|store|click|link|"
    r"ru|cn|tk|ml|ga|cf|gq|ly|me|us|gov|edu|app|dev|live|win|bid|loan|vip)\b(?:/[^\s]*)?",
    re.IGNORECASE,
)
_URL_HINT = re.compile(
    r"\.(?:com|net|org|info|biz|io|co|xyz|top|club|online|site|shop|store|click|link|"
    r"ru|cn|tk|ml|ga|cf|gq|ly|me|us|gov|edu|app|dev|live|win|bid|loan|vip)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W_]+")
_FLOOD = re.compile(r"(\S)\1{9,}")


_PTOKEN = re.compile(r"[^\W_]+|[$%]")


@dataclass(frozen=True, slots=True)
class _Phrases:
    """Phrases as token tuples, indexed by their first token.

    Token matching costs a few microseconds a comment where one big regex
    alternation of ~90 phrases costs a couple of hundred; separators between
    tokens are not compared, so "risk free", "risk-free" and "risk. free" match
    alike.
    """

    by_first: dict[str, tuple[tuple[str, ...], ...]]
    strength: dict[tuple[str, ...], str]
    display: dict[tuple[str, ...], str]


@lru_cache(maxsize=1)
def _phrases() -> _Phrases:
    strength: dict[tuple[str, ...], str] = {}
    display: dict[tuple[str, ...], str] = {}
    for section, phrases in load_sections("spam_phrases.txt").items():
        if section not in PHRASE_SCORES:
            raise ValueError(f"spam_phrases.txt: unknown section [{section}]")
        for phrase in phrases:
            tokens = tuple(_PTOKEN.findall(phrase.lower()))
            if tokens and tokens not in strength:
                strength[tokens] = section
                display[tokens] = phrase
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for tokens in sorted(strength, key=len, reverse=True):
        by_first.setdefault(tokens[0], []).append(tokens)
    return _Phrases({k: tuple(v) for k, v in by_first.items()}, strength, display)


def _find_phrases(text: str, tokens: list[str]) -> list[tuple[int, int, tuple[str, ...]]]:
    """Spam phrases in ``text``, whose ``_PTOKEN`` tokens are ``tokens``."""
    index = _phrases().by_first
    if index.keys().isdisjoint({t.lower() for t in tokens}):
        return []  # the common case: no phrase can start anywhere
    matches = list(_PTOKEN.finditer(text))
    lowered = [m.group().lower() for m in matches]
    found = []
    i = 0
    while i < len(lowered):
        step = 1
        for phrase in index.get(lowered[i], ()):
            n = len(phrase)
            if tuple(lowered[i : i + n]) == phrase:
                found.append((matches[i].start(), matches[i + n - 1].end(), phrase))
                step = n
                break
        i += step
    return found


def _combine(scores: list[float]) -> float:
    keep = 1.0
    for s in scores:
        keep *= 1.0 - s
    return 1.0 - keep


def spam_score(tv: TextView) -> tuple[float, list[tuple[int, int]], list[str]]:
    """Score, evidence spans (analysis offsets) and reasons for one text."""
    text = tv.text
    scores: list[float] = []
    spans: list[tuple[int, int]] = []
    reasons: list[str] = []

    links = []
    if "://" in text or "www." in text.lower() or _URL_HINT.search(text):
        links = [m for m in _URL_RE.finditer(text) if not _TRUSTED.search(m.group())]
    if links:
        n = len(links)
        scores.append(LINK_SCORES[min(n, len(LINK_SCORES) - 1)])
        spans += [m.span() for m in links]
        reasons.append(f"{n} link{'s' if n > 1 else ''}")
        rest = _URL_RE.sub(" ", text)
        if len(_WORD.findall(rest)) < 3:
            scores.append(0.4)
            reasons.append("little text besides links")

    tokens = _PTOKEN.findall(text)
    phrases = _phrases()
    found: list[str] = []
    for start, end, phrase in _find_phrases(text, tokens):
        scores.append(PHRASE_SCORES[phrases.strength[phrase]])
        spans.append((start, end))
        name = phrases.display[phrase]
        if name not in found:
            found.append(name)
    if found:
        reasons.append("spam phrases: " + ", ".join(found[:5]))

    words = [t for t in tokens if t != "$" and t != "%"]
    lettered = [w for w in words if len(w) >= 2 and not w.isdigit()]
    if len(lettered) >= 4 and sum(w.isupper() for w in lettered) >= 0.7 * len(lettered):
        scores.append(SHOUTING_SCORE)
        reasons.append("all caps")

    if len(words) >= 8:
        distinct = len({w.lower() for w in words}) / len(words)
        if distinct < 0.3:
            scores.append(0.6)
            reasons.append("repeated words")
        elif distinct < 0.45:
            scores.append(0.35)
            reasons.append("repeated words")
    lines = [line.strip().lower() for line in text.splitlines() if len(line.strip()) >= 10]
    if len(lines) >= 3 and len(set(lines)) <= len(lines) / 2:
        scores.append(0.5)
        reasons.append("repeated lines")
    if _FLOOD.search(text):
        scores.append(FLOOD_SCORE)
        reasons.append("character flood")

    return _combine(scores), spans, reasons


def find_spam(tv: TextView) -> Flag | None:
    """The spam flag for an analysed text, or ``None`` below :data:`THRESHOLD`."""
    score, spans, reasons = spam_score(tv)
    if score < THRESHOLD:
        return None
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return Flag(
        kind="spam",
        score=round(min(score, 1.0), 3),
        spans=[tv.to_original(s, e) for s, e in merged],
        detail="; ".join(reasons),
    )


def detect_spam(text: str) -> Flag | None:
    """The spam flag for ``text``, or ``None`` if it does not look like spam."""
    return find_spam(view(text))
