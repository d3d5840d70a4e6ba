"""Vocabularies of resident voice."""

from __future__ import annotations

TARGET_TYPES: dict[str, str] = {
    "general": "The portal in general",
    "notice": "Surveillance technology notice",
    "practice": "Sharing practice",
    "indicator": "Indicator",
    "meeting": "Commission meeting",
    # A survey's free-text answers, stored as comments so they are screened and moderated;
    # they arrive only with a survey response, never through the comment form.
    "survey": "Survey answer",
}

POSITIONS: dict[str, str] = {"support": "Support", "neutral": "Neutral", "oppose": "Oppose"}

COMMENT_STATES: dict[str, str] = {
    "pending": "Awaiting moderation",
    "published": "Published",
    "rejected": "Not published",
    "escalated": "Referred to the commission",
}

MODERATION_ACTIONS: dict[str, str] = {
    "publish": "Publish",
    "publish_redacted": "Publish with redactions",
    "reject": "Do not publish",
    "escalate": "Refer to the commission",
    "mark_campaign": "Mark as part of a campaign",
    # The Privacy Commission's decisions on comments referred to it (portal/engagement/referrals.py).
    "commission_publish": "Published by the commission",
    "commission_reject": "Not published, by the commission",
    "commission_return": "Returned to moderators by the commission",
}
