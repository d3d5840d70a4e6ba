"""Controlled vocabularies of the sharing inventory, with plain-language labels.

One place for the words, so filters, forms, imports and exports agree.
"""

from __future__ import annotations

CLASSIFICATIONS: dict[str, str] = {
    "public": "Public: may be published freely; contains no information about identifiable people.",
    "internal": "Internal: for city use; release would cause little harm but is not routine.",
    "confidential": "Confidential: information about identifiable people or operations; "
    "shared only under an agreement or a legal duty.",
    "restricted": "Restricted: sensitive information about identifiable people (such as "
    "immigration status, health or criminal history) whose release could cause serious harm; "
    "shared only where law requires it.",
}

RECIPIENT_TYPES: dict[str, str] = {
    "federal_agency": "Federal agency",
    "state_agency": "State agency",
    "local_agency": "Local agency",
    "law_enforcement": "Law enforcement",
    "vendor": "Vendor or contractor",
    "researcher": "Researcher or university",
    "nonprofit": "Nonprofit partner",
    "public": "The public",
}

MECHANISMS: dict[str, str] = {"formal": "Formal", "informal": "Informal"}

CHANNELS: dict[str, str] = {
    "law": "Required by law",
    "regulation": "Required by regulation",
    "contract": "Contract",
    "data_sharing_agreement": "Data-sharing agreement",
    "mou": "Memorandum of understanding",
    "open_data": "Open data publication",
    "phone": "Phone request",
    "email": "E-mail request",
    "in_person": "In-person request",
}

LEGAL_BASIS_TYPES: dict[str, str] = {
    "statute": "Statute",
    "regulation": "Regulation",
    "court_order": "Court order",
    "contract": "Contract",
    "consent": "Resident consent",
    "none_stated": "None stated",
}

SENSITIVE_CATEGORIES: dict[str, str] = {
    "immigration_status": "Immigration or citizenship status",
    "ssn_itin": "SSN or ITIN",
    "nationality": "Nationality or country of birth",
    "religion": "Religion",
    "language": "Primary language",
    "health": "Health",
    "criminal_justice": "Criminal justice history",
    "precise_location": "Precise location",
    "minors": "Information about minors",
}

FREQUENCIES: dict[str, str] = {
    "real_time": "Real time",
    "daily": "Daily",
    "weekly": "Weekly",
    "monthly": "Monthly",
    "quarterly": "Quarterly",
    "annually": "Annually",
    "on_request": "On request",
    "one_time": "One time",
}

PRACTICE_STATUSES: dict[str, str] = {
    "active": "Active",
    "suspended": "Suspended",
    "retired": "Retired",
}

AGREEMENT_TERMS: dict[str, str] = {
    "permitted_uses": "Permitted uses are listed",
    "onward_sharing_ban": "Onward sharing is prohibited",
    "retention_destruction": "Retention and destruction are required",
    "breach_notification": "Breaches must be reported",
    "audit_rights": "The city may audit the recipient",
}
