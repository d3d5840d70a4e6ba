"""What the county-scale residents write: comments in English and Spanish, with personal
data, profanity, spam and copy-paste campaigns, and survey answers; and their screening.

Texts are composed from the sentences in :mod:`portal.demo.scale_words` with a seeded
generator, so the same seed writes the same texts. Screening is the portal's own
(:func:`moderation.screen`, as ``store_comment`` is given it), run once per distinct text,
in worker processes when there are several cores.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from portal.demo import scale_words as w

RECEIPT_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # as portal.engagement.comments makes them
EMAIL_DOMAINS = ("example.com", "example.org", "example.net")


def receipt_code(rng: random.Random) -> str:
    raw = "".join(rng.choice(RECEIPT_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def person(rng: random.Random) -> tuple[str, str]:
    return rng.choice(w.FIRST_NAMES), rng.choice(w.LAST_NAMES)


def email_of(rng: random.Random, first: str, last: str) -> str:
    local = f"{first}.{last}".lower()
    local = "".join(c for c in local if c.isascii() and (c.isalnum() or c == "."))
    return f"{local}{rng.choice(('', '', str(rng.randint(1, 99))))}@{rng.choice(EMAIL_DOMAINS)}"


@dataclass
class About:
    """What a comment is about, as its sentences name it."""

    tech: str = "this technology"
    tech_es: str = "esta tecnología"
    dataset: str = "these records"
    recipient: str = "another agency"
    dept: str = "the county"
    indicator: str = "this indicator"
    district: str = "my district"
    street: str = "Main St"

    def fill(self, text: str, rng: random.Random, county: str = w.COUNTY) -> str:
        return text.format(tech=self.tech, tech_es=self.tech_es, dataset=self.dataset,
                           recipient=self.recipient, dept=self.dept, indicator=self.indicator,
                           district=self.district, street=self.street, county=county)


def _pii(rng: random.Random, spanish: bool, about: About) -> str:
    first, last = person(rng)
    pool = w.ES_PII if spanish else w.EN_PII
    return rng.choice(pool).format(
        nn=f"{rng.randint(0, 99):02d}", email=email_of(rng, first, last), first=first, last=last,
        number=rng.randint(100, 19999), prefix=rng.choice(w.STREET_PREFIXES), street=about.street)


#: Kinds of comment, by how often residents write them (the rest are ordinary comments).
SPECIAL = (("pii", 0.10), ("profane", 0.03), ("spam", 0.01), ("offtopic", 0.01),
           ("threat", 0.002), ("private", 0.002))


def comment_kind(rng: random.Random) -> str:
    roll = rng.random()
    for kind, share in SPECIAL:
        if roll < share:
            return kind
        roll -= share
    return "plain"


def comment_text(rng: random.Random, target: str, kind: str, spanish: bool,
                 about: About) -> tuple[str, str | None]:
    """One resident's comment about a ``target`` kind of record, and the position they gave."""
    if kind == "spam":
        return about.fill(rng.choice(w.SPAM), rng), None
    if kind == "offtopic":
        return about.fill(rng.choice(w.OFF_TOPIC), rng), None
    position = rng.choices(("oppose", "support", "neutral", None), weights=(45, 25, 18, 12))[0]
    sentences: list[str] = []
    if target == "notice":
        opening = (w.ES_OPEN if spanish else w.EN_OPEN)[position or "neutral"]
        sentences.append(rng.choice(opening))
        middle = w.ES_MIDDLE if spanish else w.EN_MIDDLE
        sentences += rng.sample(middle, k=rng.randint(1, 3))
    elif target == "practice":
        sentences += rng.sample(w.ES_PRACTICE if spanish else w.EN_PRACTICE, k=rng.randint(1, 2))
        sentences += rng.sample(w.ES_MIDDLE if spanish else w.EN_MIDDLE, k=rng.randint(0, 1))
    elif target == "indicator":
        sentences += rng.sample(w.ES_GENERAL if spanish else w.EN_INDICATOR, k=rng.randint(1, 2))
    elif target == "meeting":
        sentences += rng.sample(w.ES_GENERAL if spanish else w.EN_MEETING, k=rng.randint(1, 2))
    else:
        sentences += rng.sample(w.ES_GENERAL if spanish else w.EN_GENERAL, k=rng.randint(1, 3))
    if kind == "pii":
        sentences.insert(rng.randint(1, len(sentences)), _pii(rng, spanish, about))
    elif kind == "profane":
        sentences.insert(rng.randint(0, len(sentences)),
                         rng.choice(w.ES_PROFANE if spanish else w.EN_PROFANE))
    elif kind == "threat":
        sentences.append(rng.choice(w.THREATS))
    elif kind == "private":
        first, last = person(rng)
        sentences.append(rng.choice(w.PRIVATE).format(first=first, last=last,
                                                      number=rng.randint(100, 9999),
                                                      street=about.street))
    closing = rng.choice(w.ES_CLOSE if spanish else w.EN_CLOSE)
    if closing:
        sentences.append(closing)
    return about.fill(" ".join(sentences), rng), position


@dataclass
class Campaign:
    """One copy-paste letter: its text's parts and what it is about."""

    index: int
    key: str
    body: str
    position: str
    spanish: bool
    footer: str
    about: About

    def copy(self, rng: random.Random, exact: bool) -> str:
        """One resident's copy: the letter as sent, or with its own touches."""
        if self.spanish:
            text = self.about.fill(self.body, rng)
            if not exact and rng.random() < 0.3:
                text += " " + self.about.fill(rng.choice(w.ES_MIDDLE), rng)
            return text
        if exact:
            opening, personal, signature = w.CAMPAIGN_OPENINGS[0], "", w.CAMPAIGN_SIGNATURES[0]
        else:
            opening = rng.choice(w.CAMPAIGN_OPENINGS)
            personal = rng.choice(w.CAMPAIGN_PERSONAL)
            signature = rng.choice(w.CAMPAIGN_SIGNATURES)
        body = self.about.fill(self.body, rng)
        if not exact and rng.random() < 0.15:
            body += " " + self.about.fill(rng.choice(w.EN_MIDDLE), rng)
        parts = [opening, body + self.about.fill(personal, rng), self.about.fill(signature, rng)]
        if self.footer:
            parts.append(self.footer)
        return "\n\n".join(parts)


def campaign(rng: random.Random, index: int, key: str, about: About) -> Campaign:
    spanish = index % 6 == 5
    position = "support" if index % 4 == 3 else "oppose"
    body = w.CAMPAIGN_ES if spanish else rng.choice(w.CAMPAIGN_BODIES[position])
    return Campaign(index, key, body, "oppose" if spanish else position, spanish,
                    rng.choice(w.CAMPAIGN_FOOTER), about)


def survey_text(rng: random.Random, spanish: bool, about: About) -> str:
    pool = w.SURVEY_LONG_ES if spanish else w.SURVEY_LONG_EN
    sentences = rng.sample(pool, k=rng.choice((1, 1, 1, 2)))
    if rng.random() < 0.05:
        sentences.append(_pii(rng, spanish, about))
    return " ".join(sentences)


# ---------------------------------------------------------------------------
# Screening, as the comment service does it
# ---------------------------------------------------------------------------

Screened = tuple[str, list[dict[str, Any]], str, bool]


def screen_texts(texts: list[str]) -> list[Screened]:
    """For each text: its language, its flags as stored, its redacted text, and whether the
    redacted text still holds personal data (then no moderator may publish it redacted)."""
    import moderation
    from portal.demo.areas import function

    flags_json = function("portal.engagement.comments:flags_json")  # as store_comment stores them

    out: list[Screened] = []
    for text in texts:
        result = moderation.screen(text)
        left = moderation.screen(result.redacted).has_pii if result.has_pii else False
        out.append((result.language, flags_json(result), result.redacted, left))
    return out
