"""Text analysis of resident input: pure Python, no Streamlit, no database.

Screening (DESIGN §1 "Resident voice", §2 "Privacy is the product"):

- :func:`screen` / :func:`screen_batch` — personal data, profanity, spam,
  language and (across a batch) copy-paste campaigns, with the redacted text
  that is the only form ever published;
- :func:`detect_pii` — the pre-submission warning ("your phone number will be
  removed before publication");
- :func:`redact` — published text, with personal data replaced by labels such
  as ``[phone removed]``;
- :func:`to_json_row` — the ``portal screen`` CLI's JSON line.

Heavy resources (Presidio and its spaCy import, the language model) load on
first use, once per process; call :func:`warm_up` to load them up front.
"""

from __future__ import annotations

from moderation.campaigns import Campaign, find_campaigns
from moderation.language import detect_language
from moderation.pii import detect_pii, redact
from moderation.pii import warm_up as _warm_up_pii
from moderation.profanity import detect_profanity
from moderation.screening import screen, screen_batch, to_json_row
from moderation.spam import detect_spam
from moderation.types import KINDS, PII_KINDS, REDACTION_LABELS, Flag, ScreeningResult


def warm_up() -> None:
    """Load every model and list now, so the first resident does not wait."""
    _warm_up_pii()
    screen("warm up: call 415-555-0132 or mail a@example.com, gracias")


__all__ = [
    "KINDS",
    "PII_KINDS",
    "REDACTION_LABELS",
    "Campaign",
    "Flag",
    "ScreeningResult",
    "detect_language",
    "detect_pii",
    "detect_profanity",
    "detect_spam",
    "find_campaigns",
    "redact",
    "screen",
    "screen_batch",
    "to_json_row",
    "warm_up",
]
