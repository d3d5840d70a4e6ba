"""Copy-paste campaigns: one group for one letter, not spam, stable ids."""

from __future__ import annotations

import random

from moderation import find_campaigns, screen_batch

LETTER = (
    "Dear Commissioners, I am writing to urge you to reject the proposed expansion of "
    "automated license plate readers in our county. These cameras record the movements of "
    "every driver, keep them for months, and share them with agencies far beyond our city. "
    "Please protect the privacy of residents and vote no on this proposal. Thank you."
)
SIGNERS = ["Ana", "Bob", "Chen", "Dee", "Eli", "Fay", "Gus", "Hal", "Ivy", "Jo"]


def edited_copies() -> list[str]:
    """Ten lightly edited copies: a name, an extra sentence, a changed word."""
    copies = []
    for i, name in enumerate(SIGNERS):
        text = LETTER.replace("Dear Commissioners,", f"Dear Commissioners, this is {name}.")
        if i % 2:
            text += " I have lived in District 4 for twelve years."
        if i % 3 == 0:
            text = text.replace("for months", "for many months")
        copies.append(text)
    return copies


def unrelated(n: int, seed: int = 7) -> list[str]:
    """Independent comments on the same few subjects, in residents' own words."""
    rng = random.Random(seed)
    openers = [
        "",
        "Hello.",
        "Hi all,",
        "As a renter,",
        "As a parent,",
        "Honestly,",
        "To the commission:",
        "Quick note:",
        "Buenas,",
        "For the record,",
    ]
    verbs = [
        "support",
        "oppose",
        "worry about",
        "want a hearing on",
        "have questions about",
        "am tired of",
        "like",
        "don't trust",
        "would fund",
        "would cut",
    ]
    topics = [
        "bus routes",
        "park lighting",
        "library hours",
        "drone flights",
        "data sharing",
        "gunshot sensors",
        "the school crossing",
        "street cameras",
        "rent relief",
        "the new clinic",
        "bike lanes",
        "the ICE requests",
        "facial recognition",
        "the 911 response times",
        "trash pickup",
    ]
    extras = [
        "It affects my kids.",
        "We were never asked.",
        "The cost is too high.",
        "Please publish the data.",
        "Thanks for the work.",
        "Who can see the footage?",
        "My street floods every spring.",
        "Nobody answers the phone at the office.",
        "I read the whole report twice.",
        "The vendor contract looks one-sided.",
        "Seniors on my block can't get there.",
        "Put it to a vote.",
        "The signs are only in English.",
        "Why was this decided in private?",
        "Count me as a yes.",
        "The map on the site is wrong.",
        "Keep the data local.",
        "It took me an hour to get downtown.",
        "Ask the residents first.",
        "How long is the footage kept?",
    ]
    comments = []
    for _ in range(n):
        parts = [
            rng.choice(openers),
            (
                f"I {rng.choice(verbs)} {rng.choice(topics)}"
                f" near {rng.choice(['home', 'work', 'school', 'the park', 'my block'])}"
                f" in district {rng.randint(1, 9)}."
            ),
        ]
        parts += rng.sample(extras, rng.randint(1, 3))
        comments.append(" ".join(p for p in parts if p))
    return comments


def batch() -> tuple[list[str], list[int]]:
    texts = unrelated(60)
    positions = []
    rng = random.Random(3)
    for copy in edited_copies():
        pos = rng.randrange(len(texts) + 1)
        texts.insert(pos, copy)
    positions = [i for i, t in enumerate(texts) if t.startswith("Dear Commissioners")]
    return texts, positions


def test_ten_edited_copies_form_one_campaign() -> None:
    texts, positions = batch()
    campaigns = find_campaigns(texts)
    assert len(campaigns) == 1
    assert campaigns[0].id == 1
    assert campaigns[0].members == positions
    assert campaigns[0].size == 10
    assert 0.5 <= campaigns[0].similarity <= 1.0


def test_campaign_members_are_flagged_as_one_group_and_not_as_spam() -> None:
    texts, positions = batch()
    results = screen_batch(texts)
    for i, result in enumerate(results):
        flag = result.flag("campaign")
        if i in positions:
            assert flag is not None
            assert flag.detail == "campaign 1 (10 comments)"
            assert flag.spans == [(0, len(texts[i]))]
            assert result.campaign == 1
            assert result.flag("spam") is None
        else:
            assert flag is None
            assert result.campaign is None


def test_two_campaigns_get_ids_in_order_of_first_member() -> None:
    other = (
        "Keep the gunshot detection sensors. They help police respond faster to shootings "
        "in our neighborhood and the data shows fewer unreported incidents each year."
    )
    texts = [other + f" Signed, neighbor {i}." for i in range(4)] + edited_copies()[:5]
    texts = unrelated(5) + texts
    campaigns = find_campaigns(texts)
    assert [(c.id, c.size) for c in campaigns] == [(1, 4), (2, 5)]
    assert campaigns[0].members == [5, 6, 7, 8]


def test_identical_short_replies_and_pairs_are_not_campaigns() -> None:
    texts = ["I agree."] * 20 + [LETTER, LETTER] + unrelated(10)
    assert find_campaigns(texts) == []
    assert find_campaigns(texts, min_size=2)[0].members == [20, 21]


def test_independent_comments_on_the_same_subjects_are_not_grouped() -> None:
    assert find_campaigns(unrelated(300, seed=11)) == []


def test_campaigns_are_deterministic() -> None:
    texts, _ = batch()
    assert find_campaigns(texts) == find_campaigns(list(texts))
