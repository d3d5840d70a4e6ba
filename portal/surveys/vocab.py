"""Words the surveys area shares between its services, pages and files."""

from __future__ import annotations

from portal.i18n import N_, NP_, pgettext

#: A survey's states. In Spanish a survey ("encuesta") is feminine: "Abierta", "Cerrada", which a
#: comment period's "Cerrado" is not, so the names carry a context.
STATUS_CONTEXT = "survey status"
STATUSES: dict[str, str] = {"draft": NP_("survey status", "Draft"),
                            "open": NP_("survey status", "Open"),
                            "closed": NP_("survey status", "Closed")}


def status_name(status: str) -> str:
    """A survey's state in the reader's language (an unknown one as stored, capitalised)."""
    return pgettext(STATUS_CONTEXT, STATUSES[status]) if status in STATUSES else status.capitalize()

QUESTION_KINDS: dict[str, str] = {
    "single_choice": N_("One choice"),
    "multi_choice": N_("Several choices"),
    "likert": N_("Agreement (5 points)"),
    "rating": N_("Rating 0–10"),
    "number": N_("Number"),
    "short_text": N_("Short text"),
    "long_text": N_("Long text"),
    "district": N_("District"),
}
CHOICE_KINDS = ("single_choice", "multi_choice", "likert", "rating", "district")
TEXT_KINDS = ("short_text", "long_text")

LIKERT = (N_("Strongly disagree"), N_("Disagree"), N_("Neither agree nor disagree"), N_("Agree"),
          N_("Strongly agree"))
RATING = tuple(str(n) for n in range(11))
PREFER_NOT = N_("Prefer not to say")

#: What a survey can be about (the comment targets a survey may attach to), or nothing.
TARGETS: dict[str, str] = {"notice": N_("A surveillance notice"),
                           "practice": N_("A sharing practice"), "indicator": N_("An indicator")}
