"""Resident voice: comments, their screening and moderation, official responses, retention."""

from portal.auth.roles import ADMINS, EVERYONE, MODERATORS, OVERSIGHT, STAFF
from portal.manifest import Area, Command, PageSpec

AREA = Area(
    name="engagement",
    permissions={
        "engagement.preview_comment": EVERYONE,
        "engagement.submit_comment": EVERYONE,
        "engagement.comment_status": EVERYONE,
        "engagement.published_comments": EVERYONE,
        "engagement.monthly_statistics": EVERYONE,
        "engagement.respond": STAFF,
        "engagement.awaiting_response": STAFF,
        "engagement.moderation_queue": MODERATORS,
        "engagement.decide": MODERATORS,
        "engagement.mark_campaign": MODERATORS,
        "engagement.decide_campaign": MODERATORS,
        "engagement.moderation_log": MODERATORS | OVERSIGHT,
        "engagement.retention_purge": ADMINS,
        "engagement.rotate_keys": ADMINS,
    },
    models=("portal.engagement.models",),
    services=("portal.engagement.comments", "portal.engagement.decisions",
              "portal.engagement.queue", "portal.engagement.retention"),
    pages=(
        PageSpec("app_pages/have_your_say.py", "Have your say", "have-your-say",
                 ":material/forum:", "Resident voice", requires=("engagement.submit_comment",)),
        PageSpec("app_pages/moderation_policy.py", "Moderation policy", "moderation-policy",
                 ":material/policy:", "Resident voice",
                 requires=("engagement.monthly_statistics",)),
        PageSpec("app_pages/moderation_queue.py", "Moderation queue", "moderation",
                 ":material/rule:", "Moderation", requires=("engagement.moderation_queue",),
                 home_link=True),
        PageSpec("app_pages/comment_responses.py", "Official responses", "official-responses",
                 ":material/reply:", "Moderation", requires=("engagement.respond",)),
    ),
    commands=(
        Command(("screen",), "screen the texts of a CSV file, one JSON line per row",
                "portal.engagement.cli:screen", configure="portal.engagement.cli:configure_screen"),
        Command(("retention", "purge"),
                "remove raw text and contact details older than PORTAL_RETENTION_DAYS",
                "portal.engagement.cli:retention_purge"),
        Command(("keys", "generate"), "print a new encryption key",
                "portal.engagement.cli:keys_generate"),
        Command(("keys", "rotate"), "re-encrypt everything with the newest key",
                "portal.engagement.cli:keys_rotate"),
    ),
    seed="portal.engagement.seed:SEED",
)
