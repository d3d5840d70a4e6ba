"""The small, typed vocabulary that screening returns.

Everything a caller needs to act on a screened comment is here: what was found
(:class:`Flag`), the text that may be published (``ScreeningResult.redacted``)
and the language it is written in. The types are plain dataclasses so that
services can store them, pages can show them and the CLI can print them as JSON
(see :func:`moderation.to_json_row`) without importing anything else.
"""

from __future__ import annotations

from dataclasses import dataclass, field


def N_(text: str) -> str:  # noqa: N802 - the name the portal's catalog extracts
    """Mark a label for the portal's Spanish catalog (portal/i18n.py's ``N_``, which
    moderation may not import: it stands alone, without the portal)."""
    return text

#: Personal-data kinds, in the order of precedence used when detected spans
#: overlap and are merged into one redaction: the most sensitive kind names the
#: merged span.
PII_KINDS: tuple[str, ...] = (
    "pii:ssn",
    "pii:itin",
    "pii:credit_card",
    "pii:email",
    "pii:phone",
    "pii:address",
    "pii:name",
)

#: Every kind of flag that screening can raise. ``bidi``: the text holds bidirectional
#: controls (a right-to-left override…), so it displays in an order other than the one it
#: was typed in, and differently where they are removed.
KINDS: tuple[str, ...] = (*PII_KINDS, "profanity", "spam", "bidi", "campaign")

#: What replaces a detected span in published text. Bracketed, and free of
#: digits and "@", so that a redacted text never looks like personal data to
#: the detectors (which keeps redaction idempotent).
#: Stored in English; a page in Spanish shows each in Spanish (``portal.ui.text.labels_shown``).
REDACTION_LABELS: dict[str, str] = {
    "pii:ssn": N_("[SSN removed]"),
    "pii:itin": N_("[ITIN removed]"),
    "pii:credit_card": N_("[card number removed]"),
    "pii:email": N_("[email removed]"),
    "pii:phone": N_("[phone removed]"),
    "pii:address": N_("[address removed]"),
    "pii:name": N_("[name removed]"),
}


@dataclass(frozen=True, slots=True)
class Flag:
    """One kind of finding in one text.

    A text gets at most one flag per kind; ``spans`` lists every place where
    that kind was found, as ``(start, end)`` character offsets into the
    *original* text (Python slice convention), sorted and non-overlapping, so a
    moderator's view can highlight them. ``score`` is a confidence in ``[0, 1]``.
    ``detail`` is a short human-readable reason for moderators (for example the
    spam signals, or ``"campaign 3 (12 comments)"``); it never repeats the
    personal data itself.
    """

    kind: str
    score: float
    spans: list[tuple[int, int]] = field(default_factory=list)
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class ScreeningResult:
    """What screening learned about one text.

    ``redacted`` is the only form of the text that may be published: every
    detected personal-data span is replaced by a bracketed label such as
    ``[phone removed]``. ``language`` is ``"en"``, ``"es"`` or ``"und"``
    (undetermined: too short, or another language). ``campaign`` is the id of
    the copy-paste campaign the text belongs to when it was screened as part of
    a batch (see :func:`moderation.screen_batch`), else ``None``.
    """

    flags: list[Flag]
    redacted: str
    language: str
    campaign: int | None = None

    @property
    def has_pii(self) -> bool:
        """Whether any personal data was detected (and therefore redacted)."""
        return any(f.kind.startswith("pii:") for f in self.flags)

    @property
    def kinds(self) -> list[str]:
        """The kinds of the flags, in order, for quick filtering."""
        return [f.kind for f in self.flags]

    def flag(self, kind: str) -> Flag | None:
        """The flag of ``kind``, or ``None`` when that kind was not found."""
        for f in self.flags:
            if f.kind == kind:
                return f
        return None
