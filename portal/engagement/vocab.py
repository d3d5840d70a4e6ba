"""Vocabularies of resident voice."""

from __future__ import annotations

from portal.i18n import N_

TARGET_TYPES: dict[str, str] = {
    "general": N_("The portal in general"),
    "notice": N_("Surveillance technology notice"),
    "practice": N_("Sharing practice"),
    "indicator": N_("Indicator"),
    "meeting": N_("Commission meeting"),
    # A survey's free-text answers, stored as comments so they are screened and moderated;
    # they arrive only with a survey response, never through the comment form.
    "survey": N_("Survey answer"),
}

POSITIONS: dict[str, str] = {"support": N_("Support"), "neutral": N_("Neutral"), "oppose": N_("Oppose")}

COMMENT_STATES: dict[str, str] = {
    "pending": N_("Awaiting moderation"),
    "published": N_("Published"),
    "rejected": N_("Not published"),
    "escalated": N_("Referred to the commission"),
}

MODERATION_ACTIONS: dict[str, str] = {
    "publish": N_("Publish"),
    "publish_redacted": N_("Publish with redactions"),
    "reject": N_("Do not publish"),
    "escalate": N_("Refer to the commission"),
    "mark_campaign": N_("Mark as part of a campaign"),
    # The Privacy Commission's decisions on comments referred to it (portal/engagement/referrals.py).
    "commission_publish": N_("Published by the commission"),
    "commission_reject": N_("Not published, by the commission"),
    "commission_return": N_("Returned to moderators by the commission"),
}
