"""The public moderation policy: the only reasons a comment may be left unpublished.

Moderators choose a reason from this list, residents read the same words on
the policy page and when they look up their receipt, and the monthly
statistics count by it. ``needs_note`` marks reasons where the policy asks
the moderator to write why (kept in the moderation log, not shown publicly).
"""

from __future__ import annotations

from dataclasses import dataclass

from portal.i18n import N_


@dataclass(frozen=True)
class Reason:
    code: str
    public_text: str
    explanation: str
    needs_note: bool = False


REJECTION_REASONS: dict[str, Reason] = {
    r.code: r
    for r in (
        Reason("off_topic", N_("Not about the county's use of residents' data or technology."),
               N_("Comments must be about a notice, practice, indicator or the portal itself.")),
        Reason("profanity", N_("Contains profanity or slurs. You are welcome to submit it again without them."),
               N_("Profanity, slurs and insults aimed at people or groups are not published.")),
        Reason("threat", N_("Contains a threat or harassment."),
               N_("Threats of violence and harassment of any person are not published; they may "
                  "be referred to the commission."), needs_note=True),
        Reason("private_individual", N_("Names or describes a private individual."),
               N_("Comments may criticise officials and agencies, but not identify private "
                  "residents, even after redaction."), needs_note=True),
        Reason("spam", N_("Commercial advertising or spam."),
               N_("Advertising, links to unrelated sites and repeated automated text are not "
                  "published.")),
        Reason("duplicate", N_("A duplicate of a comment already received from the same submission."),
               N_("Accidental double submissions are counted once. Campaign letters from "
                  "different residents are published as a campaign, not rejected.")),
        Reason("personal_data", N_("Contains personal data that cannot be removed without losing its meaning."),
               N_("Redaction normally removes personal data; when too little would remain, the "
                  "comment is not published."), needs_note=True),
    )
}

#: Actions that need a written reason from the moderator, whatever the code.
ACTIONS_NEEDING_NOTE = frozenset({"publish_redacted", "escalate"})

#: Published text length limit, stated on the form and enforced by the service.
MAX_TEXT_CHARS = 5_000
MIN_TEXT_CHARS = 3
MAX_NAME_CHARS = 200
MAX_EMAIL_CHARS = 320
MAX_RESPONSE_CHARS = 5_000
MAX_NOTE_CHARS = 500

POLICY_SUMMARY = N_(
    "Every comment is read by a person before it is published. We publish comments that "
    "agree and disagree with the county alike. Personal data — phone numbers, e-mail "
    "addresses, Social Security and taxpayer numbers, card numbers, street addresses and "
    "names we can detect — is removed before publication. A comment is left unpublished only "
    "for one of the reasons below, and that reason is shown to whoever holds its receipt code."
)
