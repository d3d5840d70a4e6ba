"""Vocabularies of the request transparency log."""

from __future__ import annotations

from portal.i18n import N_

AGENCY_TYPES: dict[str, str] = {
    "federal_immigration": N_("Federal immigration enforcement"),
    "federal_law_enforcement": N_("Other federal law enforcement"),
    "state_law_enforcement": N_("State law enforcement"),
    "local_law_enforcement": N_("Local law enforcement"),
    "other_government": N_("Other government agency"),
    "private_party": N_("Private party or attorney"),
}

LEGAL_PROCESSES: dict[str, str] = {
    "informal_request": N_("Informal request"),
    "administrative_subpoena": N_("Administrative subpoena"),
    "judicial_warrant": N_("Judicial warrant"),
    "court_order": N_("Court order"),
}

OUTCOMES: dict[str, str] = {
    "refused": N_("Refused"),
    "partially_fulfilled": N_("Partially fulfilled"),
    "fulfilled": N_("Fulfilled"),
    "pending": N_("Pending"),
}

NOTIFICATION: dict[str, str] = {
    "notified": N_("Residents notified"),
    "not_notified": N_("Residents not notified"),
    "legally_barred": N_("Notification legally barred"),
    "not_applicable": N_("Not applicable"),
}

STATUSES: dict[str, str] = {
    "draft": N_("Draft (not yet counted in the public statistics)"),
    "published": N_("Published"),
    "withdrawn": N_("Withdrawn (entered in error; kept in the history)"),
}
