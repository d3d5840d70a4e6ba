"""Profanity and slurs, for the moderator's queue.

A flag here never rejects a comment: a human moderator decides (DESIGN §1). So
the matcher aims to catch the common disguises — leetspeak (``sh1t``,
``$hit``), masking (``f*ck``), stretching (``fuuuck``), spacing (``f u c k``),
accents (``cabrón``) and invisible characters — while never flagging ordinary
words that happen to contain a listed one ("class", "assess", "Scunthorpe",
"spices"). It does that by matching whole tokens only, against a list that
spells out its inflections (``data/screening/profanity.txt``).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from moderation.textview import TextView, view
from moderation.types import Flag
from moderation.wordlists import load_sections

#: Score of a flag by the most severe word found.
SEVERITY_SCORES: dict[str, float] = {"mild": 0.4, "strong": 0.8, "slur": 1.0}

#: Listed words that are also given names: not flagged when capitalised in the
#: middle of a sentence ("a letter from Dick Clark").
_ALSO_NAMES = frozenset({"dick"})

_LEET = str.maketrans(
    {
        "0": "o",
        "1": "i",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
        "@": "a",
        "$": "s",
        "!": "i",
        "|": "l",
        "+": "t",
        "€": "e",
    }
)
_LEET_L = str.maketrans({"1": "l", "|": "i"})
# Accents are folded ("cabrón" -> "cabron") but "ñ" is kept: "coño" is not "cono".
_FOLD = str.maketrans(
    "áàâäãéèêëíìîïóòôöõúùûüçÁÀÂÄÃÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÇ",
    "aaaaaeeeeiiiiooooouuuucaaaaaeeeeiiiiooooouuuuc",
)

# Leet characters at the edges of a token are punctuation ("shit!"), not letters.
_EDGE = "!|*+"
_CHAR = r"(?:[^\W_]|[@$!|*+€])"
_TOKEN_RE = re.compile(_CHAR + "+")
_SEPARATORS = " ._-"
_SEPARATOR_RE = re.compile(r"[ ._\-]")
_DOUBLED_RE = re.compile(r"(.)\1")
_RUNS_TO_ONE = re.compile(r"(.)\1+")
_RUNS_TO_TWO = re.compile(r"(.)\1{2,}")


@dataclass(frozen=True, slots=True)
class _Lexicon:
    severity: dict[str, str]
    by_length: dict[int, tuple[str, ...]]
    #: First parts (3+ letters) of listed words that can be split in two
    #: 3+-letter parts: "bull" for "bullshit". A pair of tokens is joined and
    #: looked up only when its first token is one of these.
    heads: frozenset[str]


def _normalise_entry(entry: str) -> str:
    return entry.lower().translate(_FOLD).replace(" ", "").replace("-", "")


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    severity: dict[str, str] = {}
    for section, words in load_sections("profanity.txt").items():
        if section not in SEVERITY_SCORES:
            raise ValueError(f"profanity.txt: unknown severity [{section}]")
        for word in words:
            key = _normalise_entry(word)
            # A word listed twice keeps its most severe section.
            if SEVERITY_SCORES[section] > SEVERITY_SCORES.get(severity.get(key, ""), 0):
                severity[key] = section
    by_length: dict[int, list[str]] = {}
    for word in severity:
        by_length.setdefault(len(word), []).append(word)
    heads = frozenset(
        word[:i] for word in severity if len(word) >= 6 for i in range(3, len(word) - 2)
    )
    return _Lexicon(severity, {n: tuple(ws) for n, ws in by_length.items()}, heads)


@lru_cache(maxsize=1 << 16)
def _lookup(token: str) -> str | None:
    """The listed word that ``token`` disguises, or ``None``.

    Cached: comments share most of their words, so most tokens are looked up
    once per process.
    """
    lex = _lexicon()
    t = token.lower().strip(_EDGE)
    if len(t) < 3:
        return None
    if not t.isascii():
        t = t.translate(_FOLD)
    if t.isalpha():
        candidates = [t]
    else:
        if not any(c.isalpha() for c in t):
            return None  # numbers, prices, "$$$"
        candidates = [t.translate(_LEET)]
        if "1" in t or "|" in t:
            candidates.append(t.translate(_LEET_L).translate(_LEET))
    severity = lex.severity
    for c in candidates:
        if c in severity:
            return c
        if _DOUBLED_RE.search(c):
            for collapsed in (_RUNS_TO_TWO.sub(r"\1\1", c), _RUNS_TO_ONE.sub(r"\1", c)):
                if collapsed in severity:
                    return collapsed
        if "*" in c:
            found = _wildcard(c, lex)
            if found:
                return found
    return None


def _wildcard(masked: str, lex: _Lexicon) -> str | None:
    """Match "f*ck" or "sh**" against listed words of the same length.

    At least two letters must be visible and the first must be one, so "***"
    or "*ss" on their own do not guess a word.
    """
    if masked[0] == "*" or sum(c != "*" for c in masked) < 2:
        return None
    for word in lex.by_length.get(len(masked), ()):
        if all(m == "*" or m == w for m, w in zip(masked, word, strict=True)):
            return word
    return None


def _mid_sentence_capital(text: str, start: int) -> bool:
    if not text[start].isupper():
        return False
    before = text[:start].rstrip()
    return bool(before) and before[-1] not in ".!?:;\"'(\n-"


def _spaced_runs(text: str, tokens: list[re.Match[str]]) -> list[tuple[int, int]]:
    """Runs of three or more one-character tokens, each one separator apart:
    "f u c k", "s.h.i.t", "f_u_c_k"."""
    runs: list[tuple[int, int]] = []
    run: list[re.Match[str]] = []
    for m in tokens:
        if m.end() - m.start() != 1:
            if len(run) >= 3:
                runs.append((run[0].start(), run[-1].end()))
            run = []
            continue
        if run and not (m.start() == run[-1].end() + 1 and text[run[-1].end()] in _SEPARATORS):
            if len(run) >= 3:
                runs.append((run[0].start(), run[-1].end()))
            run = []
        run.append(m)
    if len(run) >= 3:
        runs.append((run[0].start(), run[-1].end()))
    return runs


def find_profanity(tv: TextView) -> Flag | None:
    """The profanity flag for an analysed text, or ``None`` if it is clean."""
    text = tv.text
    lex = _lexicon()
    # Most comments are clean: decide that from the distinct token strings,
    # and find positions only when there is something to point at.
    strings = _TOKEN_RE.findall(text)
    distinct = set(strings)
    suspect = any(_lookup(t) is not None for t in distinct)
    spaced = any(
        len(a) == 1 and len(b) == 1 and len(c) == 1
        for a, b, c in zip(strings, strings[1:], strings[2:], strict=False)
    )
    heads = lex.heads
    compound = not heads.isdisjoint({t.lower() for t in distinct}) and any(
        len(b) >= 3 and a.lower() in heads for a, b in itertools.pairwise(strings)
    )
    if not (suspect or spaced or compound):
        return None
    hits: list[tuple[int, int, str]] = []
    tokens = list(_TOKEN_RE.finditer(text))
    for m in tokens if suspect else ():
        token = m.group()
        word = _lookup(token)
        if word is None:
            continue
        if word in _ALSO_NAMES and _mid_sentence_capital(text, m.start()):
            continue
        start = m.start() + len(token) - len(token.lstrip(_EDGE))
        end = m.end() - (len(token) - len(token.rstrip(_EDGE)))
        hits.append((start, end, lex.severity[word]))
    for start, end in _spaced_runs(text, tokens) if spaced else ():
        word = _lookup(_SEPARATOR_RE.sub("", text[start:end]))
        if word is not None:
            hits.append((start, end, lex.severity[word]))
    # "bull shit", "dumb ass": two tokens of three letters or more, one space
    # apart, that join into a listed word. Shorter parts are left alone
    # ("pen is").
    for a, b in itertools.pairwise(tokens) if compound else ():
        if (
            a.end() + 1 == b.start()
            and text[a.end()] == " "
            and len(b.group()) >= 3
            and a.group().lower() in heads
        ):
            word = _lookup(a.group() + b.group())
            if word is not None and len(word) >= 6:
                hits.append((a.start(), b.end(), lex.severity[word]))
    if not hits:
        return None
    hits = _merge(hits)
    counts: dict[str, int] = {}
    for _, _, sev in hits:
        counts[sev] = counts.get(sev, 0) + 1
    top = max(SEVERITY_SCORES[sev] for sev in counts)
    score = min(1.0, top + 0.05 * (len(hits) - 1))
    detail = ", ".join(f"{counts[s]} {s}" for s in ("slur", "strong", "mild") if s in counts)
    return Flag(
        kind="profanity",
        score=round(score, 3),
        spans=[tv.to_original(s, e) for s, e, _ in hits],
        detail=detail,
    )


def _merge(hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for s, e, sev in sorted(hits):
        if out and s < out[-1][1]:
            ps, pe, psev = out[-1]
            worse = psev if SEVERITY_SCORES[psev] >= SEVERITY_SCORES[sev] else sev
            out[-1] = (ps, max(pe, e), worse)
        else:
            out.append((s, e, sev))
    return out


def detect_profanity(text: str) -> Flag | None:
    """The profanity flag for ``text``, or ``None`` if none was found."""
    return find_profanity(view(text))
