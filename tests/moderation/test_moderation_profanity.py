"""Profanity and slurs: disguises are caught, ordinary words never are."""

from __future__ import annotations

import pytest

from moderation import detect_profanity, screen


def matched(text: str) -> list[str]:
    flag = detect_profanity(text)
    return [] if flag is None else [text[s:e] for s, e in flag.spans]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("this plan is shit", "shit"),
        ("this plan is sh1t", "sh1t"),
        ("this plan is $hit", "$hit"),
        ("what the f*ck", "f*ck"),
        ("what the f**k", "f**k"),
        ("fuuuuuck this", "fuuuuuck"),
        ("f u c k this", "f u c k"),
        ("s.h.i.t", "s.h.i.t"),
        ("what a bull shit idea", "bull shit"),
        ("you @sshole", "@sshole"),
        ("B1TCH", "B1TCH"),
        ("f\u200buck the cameras", "f\u200buck"),
        ("eres un pendejo", "pendejo"),
        ("qué cabrón", "cabrón"),
        ("es una mierda", "mierda"),
    ],
)
def test_profanity_and_its_disguises_are_found(text: str, word: str) -> None:
    assert matched(text) == [word]


def test_trailing_punctuation_is_not_part_of_the_span() -> None:
    assert matched("This is bullshit!!!") == ["bullshit"]


def test_slurs_score_higher_than_mild_words() -> None:
    mild = detect_profanity("damn cameras")
    slur = detect_profanity("n1gg3r")
    assert mild is not None and slur is not None
    assert mild.score < 0.5
    assert slur.score > 0.9
    assert slur.detail == "1 slur"


ORDINARY = (
    "class assess assessment assassin passes grass bass Scunthorpe Dickens cocktail "
    "cockpit Hancock shiitake Sussex Essex therapist analysis hello shell pushed "
    "documents butter spices spicy titmouse Cockburn niggle snigger dike cono "
    "Penistone Matsushita arsenal glasses harass embarrass kill murder rape weed "
    "heroin drunk gay lesbian queer transgender HIV herpes breasts negro coger "
    "concha mojado pendiente pinchar puntas a chink in the armor spick and span "
    "the pen is mightier it's hit or miss documents retardant fire"
)


def test_ordinary_words_are_not_profanity() -> None:
    assert detect_profanity(ORDINARY) is None


def test_a_name_that_is_also_a_listed_word_is_left_alone_mid_sentence() -> None:
    assert detect_profanity("A letter from Dick Clark to the council.") is None
    assert matched("what a dick move") == ["dick"]


def test_profanity_flag_reaches_screen_with_counts() -> None:
    result = screen("Shit, this is fucking bullshit.")
    flag = result.flag("profanity")
    assert flag is not None
    assert flag.detail == "3 strong"
    assert [(s, e) for s, e in flag.spans] == [(0, 4), (14, 21), (22, 30)]
    assert result.redacted == "Shit, this is fucking bullshit."  # flagged, not censored
