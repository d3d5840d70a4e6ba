"""Spam scoring: links, phrases, shouting and floods; residents' own voice is not spam."""

from __future__ import annotations

import pytest

from moderation import detect_spam
from moderation.spam import THRESHOLD, spam_score
from moderation.textview import view


def score(text: str) -> float:
    return spam_score(view(text))[0]


@pytest.mark.parametrize(
    "text",
    [
        "Buy now!!! Click here: http://cheap-pills.biz",
        "Work from home and earn $5,000 a week, visit www.easy-money.xyz",
        "Win big at our online casino: free spins, promo code WIN100",
        "Cheap viagra and cialis, order now",
        "http://a.ru http://b.ru http://c.ru http://d.ru",
        "Gana dinero desde casa, haz clic aquí: www.ganar.co",
        "BUY BUY BUY BUY BUY BUY BUY BUY BUY BUY",
    ],
)
def test_spam_is_flagged(text: str) -> None:
    flag = detect_spam(text)
    assert flag is not None
    assert THRESHOLD <= flag.score <= 1.0
    assert flag.detail


@pytest.mark.parametrize(
    "text",
    [
        "I oppose the license plate readers. Please vote no.",
        "See the impact report at https://www.seattle.gov/tech/surveillance and the county's.",
        "Crypto ATMs in our district are a scam magnet; please regulate them.",
        "I AM AGAINST THESE CAMERAS, THEY ARE AN INVASION OF OUR PRIVACY",
        "My daughter's school has one link to the survey: https://forms.example.org/x",
        "Estoy en contra de los drones sobre nuestras casas.",
    ],
)
def test_residents_comments_are_not_spam(text: str) -> None:
    assert detect_spam(text) is None


def test_signals_add_up() -> None:
    one_link = score("The county's own report says otherwise: https://example.org/report")
    shouting = score("I AM AGAINST THESE CAMERAS, THEY ARE AN INVASION OF OUR PRIVACY")
    phrase = score("Buy now, friends")
    both = score("Buy now, friends, the county's report says so: https://example.org/report")
    assert 0 < one_link < THRESHOLD
    assert 0 < shouting < THRESHOLD
    assert 0 < phrase < THRESHOLD
    assert both >= THRESHOLD
    assert score("I support the new bike lanes.") == 0.0


def test_spam_spans_point_at_links_and_phrases() -> None:
    text = "Click here http://x.biz"
    flag = detect_spam(text)
    assert flag is not None
    assert [text[s:e] for s, e in flag.spans] == ["Click here", "http://x.biz"]


def test_a_bare_link_is_link_drop_spam() -> None:
    assert score("Details here: https://example.org/report") >= THRESHOLD


def test_links_count() -> None:
    assert (
        score("a http://a.biz")
        < score("a http://a.biz http://b.biz")
        < score("a http://a.biz http://b.biz http://c.biz")
    )
