"""Bidi controls: flagged in screening, and shown to moderators as visible markers.

A right-to-left override makes "devorppa" display as "approved": the public sees the
text with the controls removed, so a moderator reading it with them applied would
decide on words nobody else sees (issue 15).
"""

from __future__ import annotations

import json

import pytest

from moderation import KINDS, screen, screen_batch, to_json_row
from moderation.textview import BIDI_CONTROLS, bidi_spans, reveal_bidi

#: Every bidi formatting character: embeddings and overrides, isolates, implicit marks.
ALL_CONTROLS = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
                0x200E, 0x200F, 0x061C]


def test_a_right_to_left_override_is_flagged_with_its_name_and_places() -> None:
    text = "The audit was \u202edevorppa\u202c by the board."
    result = screen(text)
    flag = result.flag("bidi")
    assert flag is not None
    assert flag.spans == [(14, 15), (23, 24)]
    assert flag.score == 1.0
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in (flag.detail or "")
    assert "U+202C POP DIRECTIONAL FORMATTING" in (flag.detail or "")
    assert "bidi" in KINDS


@pytest.mark.parametrize("cp", ALL_CONTROLS, ids=lambda cp: f"U+{cp:04X}")
def test_every_bidi_control_is_flagged(cp: int) -> None:
    text = f"Please publish the {chr(cp)}camera audit."
    flag = screen(text).flag("bidi")
    assert flag is not None and flag.spans == [(19, 20)]
    assert f"U+{cp:04X}" in (flag.detail or "")
    assert chr(cp) in BIDI_CONTROLS


def test_marks_alone_score_lower_than_overrides_and_isolates() -> None:
    """A lone mark is common in honest mixed Hebrew/Arabic and English text; overrides,
    embeddings and isolates reorder what follows them and rarely belong in a comment."""
    mark = screen("We read \u05e9\u05dc\u05d5\u05dd\u200f in the notice.").flag("bidi")
    isolate = screen("We read \u2067abc\u2069 in the notice.").flag("bidi")
    assert mark is not None and isolate is not None
    assert mark.score < isolate.score == 1.0


def test_other_invisible_characters_and_plain_rtl_text_are_not_bidi() -> None:
    assert screen("Please publish the camera\u200b audit.").flag("bidi") is None
    assert screen("\u0634\u0643\u0631\u0627 \u05ea\u05d5\u05d3\u05d4 thanks").flag("bidi") is None
    assert screen("Plain ASCII comment about drones.").flag("bidi") is None


def test_runs_of_controls_are_one_span() -> None:
    assert bidi_spans("ab\u202e\u2066cd\u2069") == [(2, 4), (6, 7)]
    assert bidi_spans("no controls") == []


def test_bidi_flag_is_in_batches_and_the_cli_row() -> None:
    texts = ["Stop the \u202eseenord\u202c now.", "Nothing hidden here."]
    results = screen_batch(texts)
    assert [r.flag("bidi") is not None for r in results] == [True, False]
    row = to_json_row(1, results[0])
    assert json.loads(json.dumps(row)) == row
    assert [f["kind"] for f in row["flags"]] == ["bidi"]
    assert row["flags"][0]["spans"] == [[9, 10], [17, 18]]


def test_reveal_makes_controls_visible_instead_of_applied() -> None:
    shown = reveal_bidi("The audit was \u202edevorppa\u202c.")
    assert shown == ("The audit was ⟨U+202E RIGHT-TO-LEFT OVERRIDE⟩devorppa"
                     "⟨U+202C POP DIRECTIONAL FORMATTING⟩.")
    assert not set(shown) & set(BIDI_CONTROLS)
    assert reveal_bidi("\u061c") == "⟨U+061C ARABIC LETTER MARK⟩"
    plain = "Nothing to reveal: caf\u00e9, \u200b zero width stays."
    assert reveal_bidi(plain) == plain
