"""What residents said, in a page: themes, positions and copy-paste campaigns.

The summary a commission reads before a vote (issue 12, DESIGN §3 ``portal
summarize``). It never paraphrases: every quote is a whole sentence or a whole
comment, trimmed, and carries the offsets at which it stands in the resident's
own text, so ``text[start:end] == quote`` can be checked by anyone.

Method:

1. **Campaigns** come from :func:`moderation.campaigns.find_campaigns`. Each
   names its representative (the first copy), its members and, for the edited
   copies, the sentences they added relative to the representative.
2. **Themes**: the comments that are not campaign copies, plus one
   representative per campaign (a letter signed 500 times is one opinion when
   finding themes), become TF-IDF vectors (English and Spanish stop words
   removed) and are clustered with k-means. The number of themes is chosen
   among ``2..max_themes`` by the silhouette score; inputs too small to split
   make one theme. A theme's size and members count every campaign copy.
3. **Labels** are each theme's top three words by class-based TF-IDF
   (c-TF-IDF, as in BERTopic): a word's count in the theme times
   ``log(1 + average words per theme / the word's count over all themes)``.
4. **Quotes**: the two or three members nearest the theme's centre; from each,
   the whole comment when it is short, else its sentence nearest the centre.
5. **Positions** (support / neutral / oppose / unstated) are counted as
   residents gave them, overall and per theme; nothing is inferred.

Everything is deterministic: k-means and the silhouette sample use ``seed``,
``n_init`` is fixed, ties are broken by input order or alphabetically, and no
output depends on set or hash ordering; the same input gives the same JSON in
any process.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from moderation.campaigns import find_campaigns
from moderation.types import REDACTION_LABELS

#: The position values residents can give; anything else counts as "unstated".
POSITIONS = ("support", "neutral", "oppose", "unstated")
_POSITION_ALIASES = {
    "support": "support", "supports": "support", "for": "support", "yes": "support",
    "a favor": "support", "apoyo": "support", "sí": "support", "si": "support",
    "neutral": "neutral", "neither": "neutral",
    "oppose": "oppose", "opposes": "oppose", "against": "oppose", "no": "oppose",
    "en contra": "oppose",
}
#: k-means restarts (fixed, so results do not depend on a library default).
N_INIT = 10
#: Quotes per theme.
MAX_QUOTES = 3
#: A comment up to this many characters is quoted whole; a longer one by its
#: sentence nearest the theme's centre.
WHOLE_COMMENT = 280
#: Label words per theme.
LABEL_WORDS = 3
#: Above this many texts, the silhouette score is estimated on a sample.
SILHOUETTE_SAMPLE = 2_000

#: Spanish function words (scikit-learn ships an English list only).
_SPANISH = """
a al algo algunas algunos ante antes aquel aquella aquellas aquellos aqui aquí así asi
aun aún cada como cómo con contra cual cuál cuales cuando cuándo de del desde donde dónde
dos e el él ella ellas ello ellos en entre era eran es esa esas ese eso esos esta está
estaba estaban estamos están estar estas este esto estos estoy fue fueron ha haber había
han hasta hay la las le les lo los más mas me mi mí mis mucho muchos muy nada ni no nos
nosotros nuestra nuestras nuestro nuestros o os otra otras otro otros para pero poco por
porque qué que quien quién quienes se sea ser si sí sido sin sobre su sus también tambien
tan tanto te tener tengo ti tiene tienen todo todos tu tú tus un una uno unos usted
ustedes vosotros y ya yo soy son sería creo hacer hace puede pueden debe deben
"""
SPANISH_STOP_WORDS = frozenset(_SPANISH.split())
#: Sentences: from a non-space character to the next run of ., ! or ? (or the
#: end of a line or of the text).
_SENTENCE = re.compile(r"[^\s.!?][^\n.!?]*(?:[.!?]+|$)", re.MULTILINE)
_SPACE = re.compile(r"\s+")
#: The labels redaction leaves ("[phone removed]"): not what residents said, so never a
#: theme's word (a theme labelled "removed" says nothing).
_REDACTION = re.compile("|".join(re.escape(label.lower()) for label in REDACTION_LABELS.values()))


def _words_only(text: str) -> str:
    """What the vectorizers read: lower case, redaction labels blanked."""
    return _REDACTION.sub(" ", text.lower())


@dataclass(frozen=True, slots=True)
class Item:
    """One comment: its id, its text as written, and the position the resident gave."""

    id: str | int
    text: str
    position: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """``text == <the comment's text>[start:end]``, exactly."""

    id: str | int
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Theme:
    id: int
    label: str
    keywords: list[str]
    size: int
    members: list[str | int]
    quotes: list[Quote]
    positions: dict[str, int]


@dataclass(frozen=True, slots=True)
class CampaignSummary:
    """A copy-paste campaign: ``copies`` comments, ``representative`` the first of them;
    ``additions`` are the sentences edited copies added to the representative's text."""

    id: int
    representative: str | int
    copies: int
    similarity: float
    members: list[str | int]
    additions: list[Quote]


@dataclass(frozen=True, slots=True)
class Summary:
    count: int
    positions: dict[str, int]
    themes: list[Theme]
    campaigns: list[CampaignSummary]
    #: Comments in no theme: empty, or made only of stop words.
    unthemed: list[str | int] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "positions": dict(self.positions),
            "themes": [asdict(theme) for theme in self.themes],
            "campaigns": [asdict(campaign) for campaign in self.campaigns],
            "unthemed": list(self.unthemed),
        }


def normalise_position(value: str | None) -> str:
    """``"Support"``, ``"against"``, ``"en contra"``… → one of :data:`POSITIONS`."""
    if not value:
        return "unstated"
    return _POSITION_ALIASES.get(_SPACE.sub(" ", value.strip().lower()), "unstated")


def count_positions(items: Sequence[Item]) -> dict[str, int]:
    counts = dict.fromkeys(POSITIONS, 0)
    for item in items:
        counts[normalise_position(item.position)] += 1
    return counts


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence, trimmed; ``text[start:end]`` is the sentence."""
    spans = []
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def _trimmed(text: str) -> tuple[int, int]:
    stripped = text.lstrip()
    start = len(text) - len(stripped)
    return start, start + len(stripped.rstrip())


def _key(sentence: str) -> str:
    return _SPACE.sub(" ", sentence.lower()).strip()


# ---------------------------------------------------------------------------
# Campaigns


def _campaigns(items: Sequence[Item]) -> tuple[list[CampaignSummary], dict[int, list[int]]]:
    """The campaigns, and each one's member indices keyed by its representative's index."""
    out = []
    copies_of: dict[int, list[int]] = {}
    for campaign in find_campaigns([item.text for item in items]):
        copies_of[campaign.members[0]] = list(campaign.members)
        rep = items[campaign.members[0]]
        known = {_key(rep.text[s:e]) for s, e in sentences(rep.text)}
        additions = []
        for index in campaign.members[1:]:
            item = items[index]
            for s, e in sentences(item.text):
                if _key(item.text[s:e]) not in known:
                    additions.append(Quote(item.id, item.text[s:e], s, e))
        out.append(CampaignSummary(
            id=campaign.id,
            representative=rep.id,
            copies=campaign.size,
            similarity=campaign.similarity,
            members=[items[i].id for i in campaign.members],
            additions=additions,
        ))
    return out, copies_of


# ---------------------------------------------------------------------------
# Themes


def _stop_words() -> list[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return sorted(ENGLISH_STOP_WORDS | SPANISH_STOP_WORDS)


def _choose_k(matrix: Any, max_k: int, seed: int) -> tuple[int, np.ndarray | None]:
    """The number of themes with the best silhouette (fewest on ties), and its labels."""
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score

    best: tuple[float, int, np.ndarray] | None = None
    n = matrix.shape[0]
    sample = SILHOUETTE_SAMPLE if n > SILHOUETTE_SAMPLE else None
    for k in range(2, max_k + 1):
        labels = KMeans(n_clusters=k, n_init=N_INIT, random_state=seed).fit_predict(matrix)
        if len(np.unique(labels)) < 2:
            continue
        score = float(silhouette_score(matrix, labels, metric="cosine",
                                       sample_size=sample, random_state=seed))
        score = round(score, 9)  # no float noise decides between two k
        if best is None or score > best[0]:
            best = (score, k, labels)
    if best is None:
        return 1, None
    return best[1], best[2]


def _c_tf_idf(counts: Any, labels: np.ndarray, k: int, vocabulary: np.ndarray) -> list[list[str]]:
    """Top words per cluster by class-based TF-IDF."""
    per_cluster = np.vstack([
        np.asarray(counts[labels == c].sum(axis=0)).ravel() for c in range(k)
    ]).astype(float)
    across = per_cluster.sum(axis=0)
    average = per_cluster.sum() / k
    with np.errstate(divide="ignore", invalid="ignore"):
        idf = np.where(across > 0, np.log1p(average / np.where(across > 0, across, 1)), 0.0)
    weights = per_cluster * idf
    words = []
    for c in range(k):
        row = weights[c]
        # Highest weight first; alphabetical on ties.
        order = sorted(np.flatnonzero(row > 0).tolist(),
                       key=lambda i: (-round(float(row[i]), 9), str(vocabulary[i])))
        words.append([str(vocabulary[i]) for i in order[:LABEL_WORDS]])
    return words


def _quote(item: Item, centre: np.ndarray, vectorizer: Any) -> Quote | None:
    text = item.text
    start, end = _trimmed(text)
    if end <= start:
        return None
    if end - start <= WHOLE_COMMENT:
        return Quote(item.id, text[start:end], start, end)
    spans = sentences(text)
    if not spans:
        return Quote(item.id, text[start:end], start, end)
    vectors = vectorizer.transform([text[s:e] for s, e in spans])
    scores = np.asarray(vectors @ centre).ravel()
    best = max(range(len(spans)), key=lambda i: (round(float(scores[i]), 9), -i))
    s, e = spans[best]
    return Quote(item.id, text[s:e], s, e)


def summarize(items: Sequence[Item], *, max_themes: int = 8, seed: int = 0) -> Summary:
    """Themes, positions and campaigns of ``items`` (see the module docstring)."""
    items = list(items)
    campaigns, copies_of = _campaigns(items)
    # Each unit clusters once: a comment, or a campaign's representative standing
    # for all its copies.
    in_campaign = {i for members in copies_of.values() for i in members}
    units = [i for i in range(len(items)) if i not in in_campaign or i in copies_of]

    themes, unthemed_units = _themes(items, units, copies_of, max_themes=max_themes, seed=seed)
    unthemed = [items[j].id for i in unthemed_units for j in copies_of.get(i, [i])]
    return Summary(
        count=len(items),
        positions=count_positions(items),
        themes=themes,
        campaigns=campaigns,
        unthemed=unthemed,
    )


def _themes(
    items: list[Item], units: list[int], copies_of: dict[int, list[int]], *,
    max_themes: int, seed: int,
) -> tuple[list[Theme], list[int]]:
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

    if not units:
        return [], []
    texts = [items[i].text for i in units]
    stop = _stop_words()
    tfidf = TfidfVectorizer(stop_words=stop, sublinear_tf=True, preprocessor=_words_only)
    try:
        matrix = tfidf.fit_transform(texts)
    except ValueError:  # empty vocabulary: nothing but stop words
        return [], units
    nonzero = np.asarray(matrix.getnnz(axis=1)).ravel() > 0
    unthemed = [u for u, keep in zip(units, nonzero, strict=True) if not keep]
    kept = [u for u, keep in zip(units, nonzero, strict=True) if keep]
    matrix = matrix[nonzero]
    distinct = len({_key(items[u].text) for u in kept})
    max_k = min(max_themes, distinct - 1, len(kept) - 1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a k-means with fewer distinct points than k
        k, labels = _choose_k(matrix, max_k, seed) if max_k >= 2 else (1, None)
    if labels is None:
        labels = np.zeros(len(kept), dtype=int)
    counter = CountVectorizer(vocabulary=tfidf.vocabulary_, stop_words=stop,
                              preprocessor=_words_only)
    counts = counter.transform([items[u].text for u in kept])
    vocabulary = tfidf.get_feature_names_out()
    keywords = _c_tf_idf(counts, labels, k, vocabulary)

    def members_of(unit: int) -> list[int]:
        return copies_of.get(unit, [unit])

    drafts = []
    for c in range(k):
        rows = np.flatnonzero(labels == c)
        if len(rows) == 0:
            continue
        centre = np.asarray(matrix[rows].mean(axis=0)).ravel()
        norm = np.linalg.norm(centre)
        if norm > 0:
            centre = centre / norm
        similarity = np.asarray(matrix[rows] @ centre).ravel()
        nearest = sorted(range(len(rows)), key=lambda r: (-round(float(similarity[r]), 9),
                                                          rows[r]))
        quotes: list[Quote] = []
        seen: set[str] = set()
        for r in nearest:
            quote = _quote(items[kept[rows[r]]], centre, tfidf)
            if quote is None or _key(quote.text) in seen:
                continue
            seen.add(_key(quote.text))
            quotes.append(quote)
            if len(quotes) == MAX_QUOTES:
                break
        indices = sorted(j for r in rows for j in members_of(kept[r]))
        drafts.append((indices, keywords[c], quotes))
    # Largest theme first; on ties, the one whose first comment came first.
    drafts.sort(key=lambda d: (-len(d[0]), d[0][0]))
    themes = [
        Theme(
            id=n,
            label=", ".join(words),
            keywords=words,
            size=len(indices),
            members=[items[j].id for j in indices],
            quotes=quotes,
            positions=count_positions([items[j] for j in indices]),
        )
        for n, (indices, words, quotes) in enumerate(drafts, start=1)
    ]
    return themes, sorted(unthemed)


def summarize_texts(texts: Sequence[str], **kwargs: Any) -> Summary:
    """:func:`summarize` over plain texts, ids counted from 1."""
    return summarize([Item(n, text) for n, text in enumerate(texts, start=1)], **kwargs)


__all__ = [
    "POSITIONS",
    "SPANISH_STOP_WORDS",
    "CampaignSummary",
    "Item",
    "Quote",
    "Summary",
    "Theme",
    "count_positions",
    "sentences",
    "summarize",
    "summarize_texts",
]
