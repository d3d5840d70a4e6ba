"""Copy-paste campaigns: groups of near-identical comments in one batch.

When an advocacy group hands out a letter, dozens of residents submit it with a
name changed or a sentence added. That is legitimate participation, not spam;
but a packet must say "one letter, 212 signers" rather than count 212 separate
opinions (DESIGN §1, Oversight). This module finds those groups.

Method: each text becomes the set of its word 3-grams (shingles). Two texts are
near-identical when the Jaccard similarity of their sets is at least 0.5 and
they share at least a sentence's worth of shingles. MinHash signatures with
locality-sensitive hashing (32 bands of 4 rows) propose candidates without
comparing every pair; each candidate is then checked *exactly*, so a group
never rests on a hash collision. Every member of a group is near-identical to
the group's first text (see :func:`find_campaigns`).

Everything is deterministic: words are hashed with CRC-32 (not Python's
per-process randomised ``hash``) and the MinHash permutations come from a
fixed seed, so the same batch always yields the same groups and ids. The work
is vectorised with NumPy: 10,000 comments take well under a second.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

#: Two texts are near-identical at or above this Jaccard similarity of shingles...
THRESHOLD = 0.5
#: ...and when they share at least this many shingles: a copied sentence or
#: more (ten words in a row), not just a common way of saying a short thing
#: ("No apoyo las cámaras nuevas en el distrito 9").
MIN_SHARED = 8
#: A campaign has at least this many comments.
MIN_SIZE = 3
#: Texts with fewer words are too short to call copies of each other: many
#: residents independently write "I am against this proposal."
MIN_WORDS = 8
#: Only the first this-many words of a text are compared.
MAX_WORDS = 2_000
SHINGLE = 3
#: At most this many candidate leaders are checked exactly for one text.
MAX_CHECKS = 16
NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SEED = 20_261_123
# Hash values computed per block of documents: NUM_PERM x _BLOCK 64-bit integers.
_BLOCK = 1 << 15

_WORD = re.compile(r"[^\W_]+")
_BAND_MIX = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93],
    dtype=np.uint64,
)[:ROWS]


@dataclass(frozen=True, slots=True)
class Campaign:
    """A group of near-identical texts in a batch.

    ``id`` numbers campaigns from 1 in order of their first member;
    ``members`` are indices into the batch, ascending; ``similarity`` is the
    mean Jaccard similarity of the members to the first member.
    """

    id: int
    members: list[int]
    similarity: float

    @property
    def size(self) -> int:
        return len(self.members)


_TRIGRAM_MIX = np.array(
    [0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x9FB21C651E98DF25], dtype=np.uint64
)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())[:MAX_WORDS]


def _word_hashes(words: list[str], cache: dict[str, int]) -> list[int]:
    out = []
    for w in words:
        h = cache.get(w)
        if h is None:
            h = cache[w] = zlib.crc32(w.encode("utf-8", "surrogatepass"))
        out.append(h)
    return out


def _trigrams(hashes: np.ndarray) -> np.ndarray:
    """64-bit hashes of consecutive word triples (one per starting word)."""
    with np.errstate(over="ignore"):
        return (
            hashes[:-2] * _TRIGRAM_MIX[0]
            + hashes[1:-1] * _TRIGRAM_MIX[1]
            + hashes[2:] * _TRIGRAM_MIX[2]
        )


def _shingle_batch(texts: Sequence[str]) -> tuple[list[int], np.ndarray, np.ndarray]:
    """Shingles of a whole batch at once: which texts qualify, the concatenated
    trigram hashes, and where each qualifying text's hashes start (plus the end).

    Hashes may repeat within a text; that changes neither a minimum nor a set.
    """
    cache: dict[str, int] = {}
    index: list[int] = []
    hashes: list[int] = []
    starts: list[int] = []
    for i, text in enumerate(texts):
        words = _words(text)
        if len(words) >= MIN_WORDS:
            index.append(i)
            starts.append(len(hashes))
            hashes += _word_hashes(words, cache)
    starts.append(len(hashes))
    if not index:
        return index, np.empty(0, dtype=np.uint64), np.zeros(1, dtype=np.intp)
    words_arr = np.array(hashes, dtype=np.uint64)
    word_starts = np.array(starts, dtype=np.intp)
    grams = _trigrams(words_arr)  # grams[j] starts at word j
    # Keep the trigrams that lie inside one text: drop the two that start in
    # the last two words of each text.
    keep = np.ones(len(grams), dtype=bool)
    ends = word_starts[1:]
    keep[ends[ends - 2 < len(grams)] - 2] = False
    keep[ends[ends - 1 < len(grams)] - 1] = False
    # Each text of n words has n - 2 trigrams.
    counts = np.diff(word_starts) - (SHINGLE - 1)
    offsets = np.zeros(len(index) + 1, dtype=np.intp)
    np.cumsum(counts, out=offsets[1:])
    return index, grams[keep], offsets


def _permutations() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(SEED)
    a = rng.integers(1, 2**63, size=NUM_PERM, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 2**63, size=NUM_PERM, dtype=np.uint64)
    return a[:, None], b[:, None]


def signatures(values: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """MinHash signatures, shape ``(len(offsets) - 1, NUM_PERM)``.

    ``values[offsets[i]:offsets[i + 1]]`` are text ``i``'s shingle hashes
    (non-empty). The hash family is multiply-shift, ``(a*x + b) mod 2**64 >>
    32``, computed for a block of texts at once and reduced per text with
    ``np.minimum.reduceat``.
    """
    a, b = _permutations()
    n = len(offsets) - 1
    out = np.empty((n, NUM_PERM), dtype=np.uint32)
    start = 0
    while start < n:
        # As many texts as fit in _BLOCK hashes (at least one).
        stop = max(start + 1, int(np.searchsorted(offsets, offsets[start] + _BLOCK, "right")) - 1)
        stop = min(stop, n)
        lo, hi = offsets[start], offsets[stop]
        with np.errstate(over="ignore"):
            hashed = (a * values[None, lo:hi] + b) >> np.uint64(32)
        out[start:stop] = np.minimum.reduceat(hashed, offsets[start:stop] - lo, axis=1).T
        start = stop
    return out


def _jaccard(x: frozenset[int], y: frozenset[int]) -> float:
    inter = len(x & y)
    return inter / (len(x) + len(y) - inter)


def _near_identical(x: frozenset[int], y: frozenset[int], threshold: float) -> bool:
    inter = len(x & y)
    return inter >= MIN_SHARED and inter >= threshold * (len(x) + len(y) - inter)


def _band_keys(sig: np.ndarray) -> np.ndarray:
    """One 64-bit key per band per text, shape ``(texts, BANDS)``.

    The band number is mixed in, so all bands can share one dictionary. A rare
    collision only adds a candidate, which the exact check then rejects.
    """
    rows = sig.astype(np.uint64).reshape(len(sig), BANDS, ROWS)
    with np.errstate(over="ignore"):
        keys = (rows * _BAND_MIX).sum(axis=2, dtype=np.uint64)
        keys ^= np.arange(BANDS, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    return keys


def find_campaigns(
    texts: Sequence[str], *, threshold: float = THRESHOLD, min_size: int = MIN_SIZE
) -> list[Campaign]:
    """The copy-paste campaigns in ``texts`` (see the module docstring).

    Texts are taken in order. A text joins the group of an earlier *leader* it
    is near-identical to — the one whose signature shares most bands with it —
    or becomes a leader itself; so every member of a group is near-identical to
    the group's first text. (Linking any two similar texts instead would chain
    merely related comments into one big group.)
    """
    index, values, offsets = _shingle_batch(texts)
    if len(index) < min_size:
        return []
    keys = _band_keys(signatures(values, offsets))
    exact: dict[int, frozenset[int]] = {}

    def exact_set(k: int) -> frozenset[int]:
        if k not in exact:
            exact[k] = frozenset(values[offsets[k] : offsets[k + 1]].tolist())
        return exact[k]

    # The leaders hashed to each bucket: the first in ``first_leader`` and any
    # others (rare) in ``more_leaders``. No list per bucket: hundreds of
    # thousands of small containers would keep the garbage collector busy.
    first_leader: dict[int, int] = {}
    more_leaders: dict[int, list[int]] = {}
    group_of: list[int] = []
    for k in range(len(index)):
        row = keys[k].tolist()
        shared: dict[int, int] = {}
        for key in row:
            leader = first_leader.get(key)
            if leader is not None:
                shared[leader] = shared.get(leader, 0) + 1
                for other in more_leaders.get(key, ()):
                    shared[other] = shared.get(other, 0) + 1
        joined = -1
        if shared:
            # Most shared bands first (the likeliest copy), earliest leader on ties.
            ranked = sorted(shared, key=lambda leader: (-shared[leader], leader))
            for leader in ranked[:MAX_CHECKS]:
                if _near_identical(exact_set(k), exact_set(leader), threshold):
                    joined = leader
                    break
        if joined < 0:
            joined = k
            for key in row:
                if first_leader.setdefault(key, k) != k:
                    more_leaders.setdefault(key, []).append(k)
        group_of.append(joined)

    groups: dict[int, list[int]] = {}
    for k, leader in enumerate(group_of):
        groups.setdefault(leader, []).append(k)
    campaigns = []
    for leader, members in sorted(groups.items()):
        if len(members) < min_size:
            continue
        first = exact_set(leader)
        sims = [_jaccard(first, exact_set(k)) for k in members[1:]]
        campaigns.append(
            Campaign(
                id=len(campaigns) + 1,
                members=[index[k] for k in members],
                similarity=round(sum(sims) / len(sims), 3),
            )
        )
    return campaigns
