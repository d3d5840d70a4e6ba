"""Vocabularies of the request transparency log."""

from __future__ import annotations

AGENCY_TYPES: dict[str, str] = {
    "federal_immigration": "Federal immigration enforcement",
    "federal_law_enforcement": "Other federal law enforcement",
    "state_law_enforcement": "State law enforcement",
    "local_law_enforcement": "Local law enforcement",
    "other_government": "Other government agency",
    "private_party": "Private party or attorney",
}

LEGAL_PROCESSES: dict[str, str] = {
    "informal_request": "Informal request",
    "administrative_subpoena": "Administrative subpoena",
    "judicial_warrant": "Judicial warrant",
    "court_order": "Court order",
}

OUTCOMES: dict[str, str] = {
    "refused": "Refused",
    "partially_fulfilled": "Partially fulfilled",
    "fulfilled": "Fulfilled",
    "pending": "Pending",
}

NOTIFICATION: dict[str, str] = {
    "notified": "Residents notified",
    "not_notified": "Residents not notified",
    "legally_barred": "Notification legally barred",
    "not_applicable": "Not applicable",
}

STATUSES: dict[str, str] = {
    "draft": "Draft (not yet counted in the public statistics)",
    "published": "Published",
    "withdrawn": "Withdrawn (entered in error; kept in the history)",
}
