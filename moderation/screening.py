"""Screening: every check on a comment, in one call (DESIGN §1, Resident voice).

Each comment is screened automatically and then decided by a human moderator.
:func:`screen` runs the per-text checks — personal data, profanity, spam,
language — and produces the redacted text that is the only form ever
published; bidirectional controls, which make a text display in another order than
it was typed, are flagged as ``bidi``. :func:`screen_batch` does the same for many
comments and also finds copy-paste campaigns across them. :func:`to_json_row` is the
``portal screen`` CLI's output format.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from moderation.campaigns import find_campaigns
from moderation.language import detect_language, prefetch
from moderation.pii import detect_spans, flags_from_spans, redact_with
from moderation.profanity import find_profanity
from moderation.spam import find_spam
from moderation.textview import BIDI_CONTROLS, TextView, bidi_spans, view
from moderation.types import Flag, ScreeningResult

#: Marks only nudge neutral characters and are common in honest mixed Hebrew or Arabic
#: and English text; embeddings, overrides and isolates reorder everything that follows.
_BIDI_MARKS = frozenset("\u200e\u200f\u061c")


def find_bidi(text: str) -> Flag | None:
    """A ``bidi`` flag when ``text`` holds bidirectional controls, naming each kind found.

    The public pages remove these characters, while a moderator's screen applies them, so
    a moderator could approve words that display differently from what is published:
    flagging them tells the moderator to read the text with the controls written out.
    """
    spans = bidi_spans(text)
    if not spans:
        return None
    found: dict[str, int] = {}
    for start, end in spans:
        for ch in text[start:end]:
            found[ch] = found.get(ch, 0) + 1
    detail = "direction controls: " + ", ".join(
        f"U+{ord(ch):04X} {BIDI_CONTROLS[ch]}" + (f" ×{n:,}" if n > 1 else "")
        for ch, n in sorted(found.items())
    )
    score = 0.5 if _BIDI_MARKS.issuperset(found) else 1.0
    return Flag(kind="bidi", score=score, spans=spans, detail=detail)


def _screen_view(tv: TextView) -> ScreeningResult:
    spans = detect_spans(tv)
    flags = flags_from_spans(spans)
    profanity = find_profanity(tv)
    if profanity is not None:
        flags.append(profanity)
    spam = find_spam(tv)
    if spam is not None:
        flags.append(spam)
    bidi = find_bidi(tv.original)
    if bidi is not None:
        flags.append(bidi)
    return ScreeningResult(
        flags=flags,
        redacted=redact_with(tv.original, spans),
        language=detect_language(tv.text),
    )


def screen(text: str) -> ScreeningResult:
    """Screen one comment.

    Never raises on a string, whatever it contains; spans are offsets into
    ``text`` as given.
    """
    if not isinstance(text, str):
        raise TypeError(f"screen() takes a str, not {type(text).__name__}")
    return _screen_view(view(text))


def screen_batch(texts: Sequence[str]) -> list[ScreeningResult]:
    """Screen many comments, and flag copy-paste campaigns among them.

    Each member of a campaign gets a ``campaign`` flag whose detail reads
    ``"campaign 3 (12 comments)"``, spanning its whole text, and
    ``ScreeningResult.campaign`` set to the campaign's id. Being part of a
    campaign does not make a comment spam.
    """
    views = [view(t) if isinstance(t, str) else _reject(t) for t in texts]
    # Loading the language model, when a text needs it, overlaps the first screening's own.
    prefetch(tv.text for tv in views)
    results = [_screen_view(tv) for tv in views]
    for campaign in find_campaigns([tv.text for tv in views]):
        detail = f"campaign {campaign.id} ({campaign.size} comments)"
        for i in campaign.members:
            flag = Flag(
                kind="campaign",
                score=campaign.similarity,
                spans=[(0, len(texts[i]))],
                detail=detail,
            )
            result = results[i]
            results[i] = dataclasses.replace(
                result, flags=[*result.flags, flag], campaign=campaign.id
            )
    return results


def _reject(value: object) -> TextView:
    raise TypeError(f"screen_batch() takes strs, not {type(value).__name__}")


def to_json_row(row: int, result: ScreeningResult) -> dict[str, Any]:
    """One line of ``portal screen`` output (DESIGN §3, CLI contract).

    ``{"row": n, "flags": [{"kind", "score", "spans": [[start, end], ...],
    "detail"}], "redacted": ..., "language": ...}`` — ``detail`` and
    ``language`` are additions the contract allows; ``campaign`` is added for
    rows that belong to one.
    """
    out: dict[str, Any] = {
        "row": row,
        "flags": [
            {
                "kind": f.kind,
                "score": f.score,
                "spans": [[start, end] for start, end in f.spans],
                "detail": f.detail,
            }
            for f in result.flags
        ],
        "redacted": result.redacted,
        "language": result.language,
    }
    if result.campaign is not None:
        out["campaign"] = result.campaign
    return out
