"""Properties that must hold for any input a resident (or an attacker) can send."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import moderation
from moderation import KINDS, REDACTION_LABELS, detect_pii, redact, screen


@pytest.fixture(scope="module", autouse=True)
def _loaded() -> None:
    # Load Presidio and the language model once, outside any example's deadline.
    moderation.warm_up()


PII_SAMPLES = [
    "jane.doe@example.com",
    "j@x.org",
    "(415) 555-0132",
    "415-555-0198",
    "+1 212 555 0147",
    "123-45-6788",
    "SSN 219099998",
    "ITIN 912-70-1234",
    "4111 1111 1111 1111",
    "5500-0000-0000-0004",
    "1420 W Maple Ave",
    "221 North Elm Street Apt 4",
    "P.O. Box 77",
    "my name is Jane Doe",
    "I am Maria López",
    "\n- John Q. Public",
    "Sincerely,\nAna Ruiz",
    "i live at 9 oak st",
]
TRICKY = [
    "\u200b",
    "\u200d",
    "\u202e",
    "\u2066",
    "\ufeff",
    "\u00ad",
    "\ud800",
    "\udfff",
    "\ufffd",
    "５",
    "＠",
    "٣",
    "[",
    "]",
    "-",
    "@",
    ".",
    "#",
    "$",
    "1",
    "0",
    "9",
    "\n",
    " ",
]
LABELS = list(REDACTION_LABELS.values())

any_char = st.one_of(st.characters(), st.sampled_from(TRICKY))
# Pieces that make detections likely, glued with junk, labels and invisible characters.
piece = st.one_of(
    st.sampled_from(PII_SAMPLES),
    st.sampled_from(LABELS),
    st.text(any_char, max_size=8),
    st.text(st.sampled_from("0123456789-. ()"), min_size=1, max_size=14),
    st.sampled_from(["Maria", "Doe", "Ave", "Street", "the", "ssn", "itin", "call", "Apt 4"]),
)
separator = st.sampled_from(["", " ", "  ", "\n", ", ", "\u200b", "-", "@", "1"])
pii_text = st.builds(
    lambda parts, seps: "".join(p + seps[i % len(seps)] for i, p in enumerate(parts)),
    st.lists(piece, max_size=8),
    st.lists(separator, min_size=1, max_size=4),
)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _leaks(kind: str, fragment: str, output: str) -> bool:
    if kind == "pii:name":
        # A name is removed as a whole word: "Ana" may still appear in "Banana".
        return re.search(r"(?<!\w)" + re.escape(fragment) + r"(?!\w)", output) is not None
    return fragment in output


@SETTINGS
@given(pii_text)
def test_redaction_never_leaves_a_detected_span(text: str) -> None:
    out = redact(text)
    for flag in detect_pii(text):
        for start, end in flag.spans:
            assert not _leaks(flag.kind, text[start:end], out), (flag.kind, text[start:end], out)


@SETTINGS
@given(st.one_of(pii_text, st.text(any_char)))
def test_redact_is_idempotent(text: str) -> None:
    once = redact(text)
    assert redact(once) == once


@SETTINGS
@given(st.text(any_char))
def test_screen_never_raises_and_spans_are_in_bounds(text: str) -> None:
    result = screen(text)
    assert result.language in {"en", "es", "und"}
    result.redacted.encode("utf-8")  # publishable: no lone surrogates
    for flag in result.flags:
        assert flag.kind in KINDS
        assert 0.0 <= flag.score <= 1.0
        for start, end in flag.spans:
            assert 0 <= start < end <= len(text)


@SETTINGS
@given(pii_text)
def test_spans_are_sorted_disjoint_and_in_bounds(text: str) -> None:
    result = screen(text)
    assert result.redacted == redact(text)
    for flag in result.flags:
        previous_end = 0
        for start, end in flag.spans:
            assert previous_end <= start < end <= len(text)
            previous_end = end


@settings(max_examples=30, deadline=None)
@given(st.lists(st.one_of(pii_text, st.text(any_char, max_size=40)), max_size=12))
def test_screen_batch_never_raises_and_matches_screen(texts: list[str]) -> None:
    results = moderation.screen_batch(texts)
    assert len(results) == len(texts)
    for text, result in zip(texts, results, strict=True):
        single = screen(text)
        assert result.redacted == single.redacted
        assert [f for f in result.flags if f.kind != "campaign"] == single.flags
