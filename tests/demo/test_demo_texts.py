"""What the demo's residents and staff say about the portal must be true of the portal.

Issue 15: a published demo comment thanked the county for a Spanish page the portal did not
have then (every page has been in Spanish too since issue 16, so that rule went). Each rule
below names a claim the demo's texts made, and the part of the portal that shows it is false.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from portal.demo import demo_data_dir

REPO = Path(__file__).resolve().parents[2]


def _comments() -> list[dict]:
    return json.loads((demo_data_dir() / "comments.json").read_text(encoding="utf-8"))


def _texts(*, published_only: bool) -> list[tuple[str, str]]:
    """(where, text) for each demo comment's text and each official response."""
    texts = []
    for c in _comments():
        if published_only and c["state"] != "published":
            continue
        texts.append((c["receipt_code"], c["redacted_text"] if published_only else c["raw_text"]))
        if c["official_response"]:
            texts.append((c["receipt_code"] + " response", c["official_response"]["text"]))
    return texts


def test_asking_to_be_notified_is_answered_with_the_feed_the_portal_offers() -> None:
    # The notices page offers an Atom feed of new and updated notices and a calendar of
    # comment deadlines (portal/notices/feeds.py); an answer that says there is no way to
    # follow new notices but a newsletter contradicts it.
    from portal.notices import feeds

    assert callable(feeds.notices_atom) and callable(feeds.comment_deadlines_ics)
    asked = [c for c in _comments() if c["official_response"]
             and re.search(r"\bnotif", c["raw_text"], re.IGNORECASE)]
    assert asked
    for c in asked:
        assert "feed" in c["official_response"]["text"].lower(), c["receipt_code"]


def test_no_demo_comment_says_the_request_log_counts_by_year() -> None:
    # The request log charts and tables requests by quarter (app_pages/request_log.py).
    claims = [where for where, text in _texts(published_only=False)
              if re.search(r"request log", text, re.IGNORECASE)
              and re.search(r"\bjust the year\b|\bby year\b", text, re.IGNORECASE)]
    assert claims == []
