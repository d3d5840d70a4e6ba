"""The words of a change between two versions of a text (portal/ui/changes.py)."""

from __future__ import annotations

from portal.ui.changes import word_changes
from portal.wording import first_words


def test_a_change_at_the_end_of_a_long_text_is_named_with_where_it_is() -> None:
    opening = "Officers keep the camera on. " * 120
    [change] = word_changes(opening + "Footage is kept thirty days.",
                            opening + "Footage is kept ninety days.")
    assert change == "After “…camera on. Footage is kept”: replaced “thirty” with “ninety”"


def test_additions_removals_and_the_start() -> None:
    assert word_changes("", "30 days.") == ["Added “30 days.”"]
    assert word_changes("30 days.", "") == ["At the start: removed “30 days.”"]
    assert word_changes("kept for days", "now kept for days") == ["At the start: added “now”"]
    assert word_changes("kept for days", "kept days") == ["After “kept”: removed “for”"]


def test_spacing_alone_and_hidden_characters_are_no_change_in_words() -> None:
    assert word_changes("a  b\nc", "a b c") == []
    assert word_changes("plates", "pla\u202etes") == []  # shown without the control as well


def test_first_words_cuts_at_a_word_and_says_so() -> None:
    assert first_words("Short comment.") == "Short comment."
    assert first_words("one two  three\nfour", limit=9) == "one two…"
    assert first_words("x" * 80, limit=10) == "x" * 10 + "…"
