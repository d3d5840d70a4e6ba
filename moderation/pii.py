"""Personal-data detection and redaction (DESIGN §2.2 and §2.3).

Residents are warned before they submit a comment that contains personal data,
and published comments never carry it. This module finds it and removes it:

* e-mail addresses, phone numbers, US SSNs and ITINs, and credit-card numbers
  with Presidio's pattern recognizers, called directly — no spaCy model and no
  ``AnalyzerEngine`` — with their own validation (the e-mail domain must have a
  public suffix, card numbers must pass the Luhn check, SSNs must be issuable);
* US street addresses and names "where detectable" with the portal's own rules,
  because Presidio has no address recognizer and its name recognizer needs an
  NLP model we do not ship.

Without an NLP pipeline, Presidio cannot raise a weak match's score from nearby
words such as "SSN". We do that here with a small context window, so a bare
nine-digit number is flagged only when it is introduced as an SSN or ITIN.

Redaction replaces every detected span — and every other occurrence of the same
text — with a bracketed label, and is idempotent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from moderation.textview import TextView, printable, view, windows
from moderation.types import PII_KINDS, REDACTION_LABELS, Flag

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterable

#: Long texts are analysed in windows of this many characters...
WINDOW = 4_000
#: ...overlapping by more than the longest entity we look for.
OVERLAP = 400
#: An e-mail address is at most 254 characters; look this far around each "@".
EMAIL_REACH = 260
#: Redaction is repeated until nothing more is found, at most this many times.
MAX_PASSES = 4

_PRECEDENCE = {kind: i for i, kind in enumerate(PII_KINDS)}


def _wordset(words: str) -> frozenset[str]:
    """A set of whitespace-separated words, written as a readable block."""
    return frozenset(words.split())


_DESCRIPTIONS = {
    "pii:ssn": "Social Security number",
    "pii:itin": "taxpayer identification number (ITIN)",
    "pii:credit_card": "card number",
    "pii:email": "e-mail address",
    "pii:phone": "phone number",
    "pii:address": "street address",
    "pii:name": "name",
}


@dataclass(frozen=True, slots=True)
class Span:
    """A detected entity: analysis-text offsets, kind and confidence."""

    start: int
    end: int
    kind: str
    score: float


# --------------------------------------------------------------------------
# Presidio, built once
# --------------------------------------------------------------------------


class _Presidio:
    """The five pattern recognizers, constructed once per process.

    Importing Presidio pulls in spaCy (about a second), so this happens on the
    first text that could contain one of these entities, not on import.
    """

    def __init__(self) -> None:
        import tldextract
        from presidio_analyzer.predefined_recognizers import (
            CreditCardRecognizer,
            EmailRecognizer,
            PhoneRecognizer,
            UsItinRecognizer,
            UsSsnRecognizer,
        )

        # tldextract's default extractor downloads the Public Suffix List on
        # first use and, offline, prints a connection error before falling back
        # to its bundled snapshot. Residents' text must never cause a network
        # request, so this extractor uses the bundled snapshot only and keeps
        # no disk cache.
        offline = tldextract.TLDExtract(
            cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True
        )

        class OfflineEmailRecognizer(EmailRecognizer):
            """Presidio's e-mail recognizer, validating domains offline."""

            def validate_result(self, pattern_text: str) -> bool:
                # Same rule as Presidio's: the domain must end in a public suffix.
                return offline(pattern_text).fqdn != ""

        self.email = OfflineEmailRecognizer()
        # US formats: numbers written with a leading "+" are still found in any
        # region; matching eight regions (Presidio's default) costs 8x the time.
        self.phone = PhoneRecognizer(supported_regions=("US",))
        self.ssn = UsSsnRecognizer()
        self.itin = UsItinRecognizer()
        self.card = CreditCardRecognizer()
        self.tld = offline


@lru_cache(maxsize=1)
def _presidio() -> _Presidio:
    return _Presidio()


def warm_up() -> None:
    """Build the recognizers and tables now rather than on the first comment.

    Useful before timing or before serving, so that no resident waits for the
    one-off import of Presidio.
    """
    from moderation.textview import _tables

    _tables()
    p = _presidio()
    p.tld("example.com")  # loads the bundled suffix list


def _analyze(recognizer: Any, entity: str, text: str, offset: int) -> list[tuple[int, int, float]]:
    return [
        (r.start + offset, r.end + offset, float(r.score))
        for r in recognizer.analyze(text, [entity], None)
    ]


# --------------------------------------------------------------------------
# Context: what Presidio's context enhancer would do with an NLP pipeline
# --------------------------------------------------------------------------

_SSN_CONTEXT = re.compile(
    r"\b(?:ssn|ssns|ss\s?#|ss\s?no|social\s+security|soc\.?\s*sec|seguro\s+social)\b",
    re.IGNORECASE,
)
_ITIN_CONTEXT = re.compile(
    r"\b(?:itin|tin|tax\s*id|taxpayer|tax\s+payer|identificaci[oó]n\s+(?:personal\s+)?"
    r"(?:del?\s+)?contribuyente)\b",
    re.IGNORECASE,
)
_CONTEXT_REACH = 48
_LABEL_RE = re.compile(r"\[[a-zA-Z ]{1,24} removed\]")


def _has_context(text: str, start: int, pattern: re.Pattern[str]) -> bool:
    """Whether a context word appears in the few characters before ``start``.

    Redaction labels are blanked first: the "[SSN removed]" left by an earlier
    redaction must not act as context for a number next to it.
    """
    before = text[max(0, start - _CONTEXT_REACH) : start]
    if "[" in before:
        before = _LABEL_RE.sub(lambda m: " " * len(m.group()), before)
    return pattern.search(before) is not None


# --------------------------------------------------------------------------
# The portal's own rules: street addresses and names
# --------------------------------------------------------------------------

_DIRECTION = (
    r"(?:[NSEW]|NE|NW|SE|SW|North|South|East|West|Northeast|Northwest|Southeast|Southwest)\.?"
)
_STREET_TYPE = (
    r"(?i:st|street|ave|avenue|av|blvd|boulevard|rd|road|dr|drive|ln|lane|way|ct|court|"
    r"pl|place|ter|terrace|pkwy|parkway|hwy|highway|cir|circle|trl|trail|sq|square|"
    r"loop|plz|plaza|aly|alley|xing|crossing|expy|expressway|fwy|freeway|tpke|turnpike)"
)
_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_STREET_WORD = rf"(?:[{_UPPER}][{_UPPER}{_LOWER}'\-]*|\d{{1,3}}(?i:st|nd|rd|th))"
_HOUSE_NUMBER = r"\d{1,6}(?:-\d{1,4})?[A-Za-z]?"
_UNIT = (
    r"(?:,?[ \t]+(?i:apt|apartment|unit|suite|ste|rm|room|fl|floor|bldg|depto|dept)\.?"
    r"[ \t]*#?[ \t]*[A-Za-z0-9\-]{1,6}\b|,?[ \t]*#[ \t]*[A-Za-z0-9\-]{1,6}\b)?"
)
_ADDRESS_CORE = (
    rf"{_HOUSE_NUMBER}[ \t]+(?:{_DIRECTION}[ \t]+)?"
    rf"(?:{_STREET_WORD}[ \t]+){{1,4}}{_STREET_TYPE}\.?(?:[ \t]+{_DIRECTION}(?![\w]))?{_UNIT}"
)
_ADDRESS_SPANISH = (
    rf"{_HOUSE_NUMBER}[ \t]+(?i:calle|camino|avenida|paseo|via|vía|callej[oó]n)"
    rf"(?:[ \t]+(?i:de|del|la|las|los|el))?(?:[ \t]+{_STREET_WORD}){{1,3}}{_UNIT}"
)
_PO_BOX = r"(?i:p\.?\s?o\.?\s?box|post\s+office\s+box|apartado\s+postal)[ \t]*#?[ \t]*\d{1,6}"
_ADDRESS_RE = re.compile(rf"(?<![\w\-])(?:{_ADDRESS_CORE}|{_ADDRESS_SPANISH}|{_PO_BOX})(?![\w])")
# Residents on phones write "i live at 1420 maple ave": after an explicit cue,
# accept lower-case street names too.
_ADDRESS_CUED_RE = re.compile(
    r"\b(?:live|lives|living|reside|resides|residing|address\s+is|located\s+at|"
    r"vivo|vivimos|mi\s+direcci[oó]n\s+es)\s+(?:at\s+|on\s+|in\s+|en\s+)?"
    r"(?P<addr>\d{1,6}(?:-\d{1,4})?[a-z]?[ \t]+(?:[nsew]\.?[ \t]+)?"
    r"(?:[a-z0-9'\-]+[ \t]+){1,4}(?:st|street|ave|avenue|blvd|rd|road|dr|drive|ln|lane|way|"
    r"ct|court|pl|place|ter|terrace|pkwy|hwy|cir|circle|trl|trail)\b\.?)",
    re.IGNORECASE,
)

# "Maria", "McDonald", "O'Brien", "Anne-Marie"; an initial "Q."; particles
# as in "María de la Cruz" or "Ludwig van Beethoven".
_NAME_PART = (
    rf"(?:[{_UPPER}]'[{_UPPER}][{_LOWER}]+|[{_UPPER}][{_LOWER}]+(?:[{_UPPER}][{_LOWER}]+)?)"
)
_NAME_TOKEN = rf"{_NAME_PART}(?:-{_NAME_PART})?"
_INITIAL = rf"[{_UPPER}]\."
_PARTICLE = r"(?:de|del|de\s+la|de\s+los|van|von|der|da|di|du|le|la|y)"
_NEXT_NAME = rf"[ \t]+(?:{_INITIAL}[ \t]+|{_PARTICLE}[ \t]+)?{_NAME_TOKEN}"
_FULL_NAME = rf"{_NAME_TOKEN}(?:{_NEXT_NAME}){{0,2}}"
_TWO_PART_NAME = rf"{_NAME_TOKEN}(?:{_NEXT_NAME}){{1,2}}"

# Cues that introduce a name. "my name is Maria" is enough on its own; after
# "I am" or "soy" two capitalised words are required, because residents write
# "I am Concerned" far more often than "I am Maria".
_NAME_STRONG_CUE = re.compile(
    r"(?:\b(?i:my\s+name\s+is|my\s+name's|name\s*:|me\s+llamo|mi\s+nombre\s+es|"
    r"signed\s*:?|firmado\s*:?)[ \t]+)(?P<name>" + _FULL_NAME + r")"
)
_NAME_WEAK_CUE = re.compile(
    r"(?:\b(?i:i\s+am|i'm|i’m|soy)[ \t]+)(?P<name>" + _TWO_PART_NAME + r")(?![\w])"
)
# A sign-off line ("- Jane Doe", "— María López") or a closing followed by a
# name on the next line ("Sincerely,\nJane Doe").
_SIGNATURE = re.compile(r"(?m)^[ \t]*(?:--?|—|–|~)[ \t]*(?P<name>" + _FULL_NAME + r")[ \t]*$")
_CLOSING = re.compile(
    r"(?m)^[ \t]*(?i:sincerely|regards|best\s+regards|kind\s+regards|respectfully|thanks|"
    r"thank\s+you|cheers|atentamente|saludos|cordialmente|gracias)[ \t]*,?[ \t]*\r?\n"
    r"[ \t]*(?P<name>" + _FULL_NAME + r")[ \t]*$"
)

#: Capitalised words that follow "I am" / "my name is" / a dash but are not
#: names. Compared case-insensitively.
_NOT_NAMES = _wordset(
    """
    a an the not very so really just also still here there now no yes ok okay writing
    concerned against opposed in for on at with from of to by as and or but resident
    residents homeowner homeowners renter tenant parent parents mother father mom dad
    teacher student nurse doctor veteran citizen voter taxpayer neighbor neighbour
    member owner worker retired retiree senior tired sick happy glad sad strongly deeply
    totally completely worried afraid scared angry upset disappointed appalled outraged
    proud grateful thankful sure sorry confused curious one part all every sincerely
    regards thanks thank best kind respectfully cheers district city county council
    mayor police sheriff department staff commission please support oppose agree
    disagree urge ask hope think believe feel request this that these those it its we
    our my your their his her una un el la los las de del muy parte madre padre
    residente vecino vecina estudiante maestra maestro ciudadano ciudadana contra favor
    por para con sin en yo soy estoy gracias saludos atentamente mamá papá abuela abuelo
    trabajador trabajadora dueño dueña inquilino inquilina preocupado preocupada monday
    tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december english spanish american
    mexican latino latina latinx hispanic black white asian
    """
)


def _name_ok(name: str) -> bool:
    """Reject a candidate name if any of its words is a common non-name word."""
    return not any(w.rstrip(".").lower() in _NOT_NAMES for w in name.split())


def _rule_spans(text: str) -> list[Span]:
    """Street addresses and names found by the portal's own rules.

    Cheap substring checks on the lower-cased text skip the patterns whose
    cue words are absent, which is most texts.
    """
    spans: list[Span] = []
    low = text.lower()
    if _DIGIT_RUN.search(text) is not None:
        for m in _ADDRESS_RE.finditer(text):
            spans.append(Span(m.start(), m.end(), "pii:address", 0.75))
        if any(
            cue in low
            for cue in ("liv", "resid", "address", "located", "vivo", "vivimos", "direcci")
        ):
            for m in _ADDRESS_CUED_RE.finditer(text):
                spans.append(Span(m.start("addr"), m.end("addr"), "pii:address", 0.7))
    patterns = []
    if any(cue in low for cue in ("name", "llamo", "nombre", "signed", "firmado")):
        patterns.append((_NAME_STRONG_CUE, 0.75))
    if any(cue in low for cue in ("am", "'m", "’m", "soy")):
        patterns.append((_NAME_WEAK_CUE, 0.6))
    if any(dash in text for dash in ("-", "—", "–", "~")):
        patterns.append((_SIGNATURE, 0.6))
    if "\n" in text:
        patterns.append((_CLOSING, 0.6))
    for pattern, score in patterns:
        for m in pattern.finditer(text):
            name = m.group("name")
            if _name_ok(name):
                spans.append(Span(m.start("name"), m.end("name"), "pii:name", score))
    return spans


# --------------------------------------------------------------------------
# Detection
# --------------------------------------------------------------------------

_DIGIT_RUN = re.compile(r"\d+")


def _presidio_spans(text: str) -> list[Span]:
    """Presidio's findings in ``text``, filtered and scored for the portal."""
    digits = sum(map(len, _DIGIT_RUN.findall(text)))
    has_at = "@" in text
    if digits < 7 and not has_at:
        return []
    p = _presidio()
    spans: list[Span] = []

    if has_at:
        for start, end in _email_windows(text):
            for s, e, score in _analyze(p.email, "EMAIL_ADDRESS", text[start:end], start):
                spans.append(Span(s, e, "pii:email", score))

    if digits >= 7:
        for start, end in windows(len(text), WINDOW, OVERLAP):
            chunk = text[start:end]
            for s, e, score in _analyze(p.phone, "PHONE_NUMBER", chunk, start):
                spans.append(Span(s, e, "pii:phone", max(score, 0.5)))
            if digits < 9:
                continue
            for s, e, score in _analyze(p.ssn, "US_SSN", chunk, start):
                if text[s] == "9":
                    # 900-999 are never issued as SSNs: that range is the ITIN's.
                    continue
                context = _has_context(text, s, _SSN_CONTEXT)
                if score >= 0.5:
                    spans.append(Span(s, e, "pii:ssn", 0.95 if context else 0.85))
                elif context:
                    spans.append(Span(s, e, "pii:ssn", 0.7))
            for s, e, score in _analyze(p.itin, "US_ITIN", chunk, start):
                context = _has_context(text, s, _ITIN_CONTEXT)
                if score >= 0.5:
                    spans.append(Span(s, e, "pii:itin", 0.95 if context else 0.85))
                elif context:
                    spans.append(Span(s, e, "pii:itin", 0.7))
            if digits >= 13:
                for s, e, score in _analyze(p.card, "CREDIT_CARD", chunk, start):
                    # Presidio keeps only Luhn-valid matches, at score 1.0.
                    spans.append(Span(s, e, "pii:credit_card", score))
    return spans


def _email_windows(text: str) -> list[tuple[int, int]]:
    """Merged windows around each "@", cut to at most ``WINDOW`` characters.

    Presidio's e-mail pattern can backtrack badly on long runs of word
    characters and dots; looking only near an "@" keeps it linear.
    """
    merged: list[list[int]] = []
    for m in re.finditer("@", text):
        start, end = max(0, m.start() - EMAIL_REACH), min(len(text), m.end() + EMAIL_REACH)
        if merged and start <= merged[-1][1]:
            merged[-1][1] = end
        else:
            merged.append([start, end])
    out: list[tuple[int, int]] = []
    for start, end in merged:
        for s, e in windows(end - start, WINDOW, 2 * EMAIL_REACH):
            out.append((start + s, start + e))
    return out


def _repeat_occurrences(text: str, spans: list[Span]) -> list[Span]:
    """Every other occurrence of each detected text, with the same kind.

    Once "Maria Lopez" is known to be the resident's name, or a number is known
    to be their phone, it must not survive anywhere else in the text either.
    Names are matched as whole words; other kinds anywhere.
    """
    extra: list[Span] = []
    seen: set[tuple[str, str]] = set()
    for span in spans:
        value = text[span.start : span.end]
        if (span.kind, value) in seen or len(value) < 2:
            continue
        seen.add((span.kind, value))
        if span.kind == "pii:name":
            pattern = re.compile(r"(?<!\w)" + re.escape(value) + r"(?!\w)")
            found = ((m.start(), m.end()) for m in pattern.finditer(text))
        else:
            found = _find_all(text, value)
        for s, e in found:
            if s != span.start:
                extra.append(Span(s, e, span.kind, span.score))
    return extra


def _find_all(text: str, value: str) -> Iterable[tuple[int, int]]:
    i = text.find(value)
    while i != -1:
        yield i, i + len(value)
        i = text.find(value, i + 1)


def _merge(spans: list[Span]) -> list[Span]:
    """Merge overlapping spans; the merged span takes the most sensitive kind."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            kind = min(last.kind, span.kind, key=_PRECEDENCE.__getitem__)
            merged[-1] = Span(
                last.start, max(last.end, span.end), kind, max(last.score, span.score)
            )
        else:
            merged.append(span)
    return merged


def _detect_in(text: str) -> list[Span]:
    """Detections in one analysis text, with repeats, merged, in its offsets."""
    if not text:
        return []
    spans = _presidio_spans(text)
    if len(text) <= WINDOW:
        spans += _rule_spans(text)
    else:
        for start, end in windows(len(text), WINDOW, OVERLAP):
            for s in _rule_spans(text[start:end]):
                spans.append(Span(s.start + start, s.end + start, s.kind, s.score))
    if not spans:
        return []
    spans += _repeat_occurrences(text, spans)
    return _merge(spans)


def detect_spans(tv: TextView) -> list[Span]:
    """All personal data in a text view, merged, in original-text offsets."""
    spans = _detect_in(tv.text)
    if tv.positions is None:
        return spans
    mapped = []
    for s in spans:
        start, end = tv.to_original(s.start, s.end)
        mapped.append(Span(start, end, s.kind, s.score))
    if tv.spaced is not None:
        mapped += _detect_in(tv.spaced)
    return _merge(mapped)


def flags_from_spans(spans: list[Span]) -> list[Flag]:
    """One flag per kind, in :data:`PII_KINDS` order, with all its spans."""
    by_kind: dict[str, list[Span]] = {}
    for s in spans:
        by_kind.setdefault(s.kind, []).append(s)
    flags = []
    for kind in PII_KINDS:
        found = by_kind.get(kind)
        if found:
            n = len(found)
            flags.append(
                Flag(
                    kind=kind,
                    score=round(max(s.score for s in found), 3),
                    spans=[(s.start, s.end) for s in found],
                    detail=f"{_DESCRIPTIONS[kind]} ({n})" if n > 1 else _DESCRIPTIONS[kind],
                )
            )
    return flags


def apply_redaction(text: str, spans: list[Span]) -> str:
    """Replace each (merged, sorted) span of ``text`` with its label."""
    if not spans:
        return printable(text)
    parts: list[str] = []
    pos = 0
    for s in spans:
        parts.append(text[pos : s.start])
        parts.append(REDACTION_LABELS[s.kind])
        pos = s.end
    parts.append(text[pos:])
    return printable("".join(parts))


def redact_with(text: str, spans: list[Span]) -> str:
    """Redact ``text`` given its first-pass spans, then until nothing is left.

    A label placed next to other text can, in rare cases, complete a pattern
    that was not there before; redacting again until no detector fires makes
    the result stable, so ``redact(redact(t)) == redact(t)``.
    """
    out = apply_redaction(text, spans)
    if not spans:
        return out
    for _ in range(MAX_PASSES - 1):
        again = detect_spans(view(out))
        if not again:
            break
        out = apply_redaction(out, again)
    return out


def detect_pii(text: str) -> list[Flag]:
    """Personal data in ``text``, one :class:`Flag` per kind found.

    This is what the comment form calls before submission to warn the resident
    that these parts will be removed before publication.
    """
    return flags_from_spans(detect_spans(view(text)))


def redact(text: str) -> str:
    """``text`` with every detected piece of personal data replaced by a label."""
    return redact_with(text, detect_spans(view(text)))
