"""What the demo's residents and staff say about the portal must be true of the portal.

Issue 15: a published demo comment thanked the county for a Spanish page the portal does
not have. Each rule below names a claim the demo's texts made, and the part of the portal
that shows it is false.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

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


# A Spanish (or any translated) version of the portal's pages: the interface is English only,
# so a resident may ask for one ("Por favor pongan esta página en español") but not thank the
# county for it or say it is there.
TRANSLATED_PAGE = re.compile(
    r"(p[áa]gina|sitio|portal|web)\s+(web\s+)?(\w+\s+)?(tambi[ée]n\s+)?en\s+espa[ñn]ol"
    r"|\b(spanish|translated)\s+(page|version|site)|\b(page|site)\s+in\s+spanish",
    re.IGNORECASE)
REQUEST = re.compile(r"\b(por favor|podr[íi]an|ojal[áa]|me gustar[íi]a|please|could you|"
                     r"would like)\b", re.IGNORECASE)


def _claims_a_translated_page(text: str) -> bool:
    sentences = re.split(r"(?<=[.!?])\s+", text)
    return any(TRANSLATED_PAGE.search(s) and not REQUEST.search(s) for s in sentences)


def test_the_portal_has_no_translated_interface() -> None:
    # The premise of the rule below: if the portal gains a Spanish interface, drop both.
    files = [REPO / "streamlit_app.py", *(REPO / "app_pages").glob("*.py"),
             *(REPO / "portal" / "ui").rglob("*.py")]
    interface = " ".join(f.read_text(encoding="utf-8") for f in files)
    assert not re.search(r"Español|gettext|\bi18n\b", interface)


@pytest.mark.parametrize("published_only", [True, False], ids=["published", "any"])
def test_no_demo_text_claims_a_spanish_page(published_only: bool) -> None:
    claims = [(where, text) for where, text in _texts(published_only=published_only)
              if _claims_a_translated_page(text)]
    assert claims == []


def test_the_rule_tells_a_claim_from_a_request() -> None:
    assert _claims_a_translated_page("Gracias por tener esta página en español. Sería bueno.")
    assert _claims_a_translated_page("Thanks for the Spanish page!")
    assert not _claims_a_translated_page("Por favor pongan esta página también en español.")
    assert not _claims_a_translated_page("Please add a Spanish version of the site.")
    assert not _claims_a_translated_page("Pongan los letreros también en español.")


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
