"""Controlled vocabularies of the sharing inventory, with plain-language labels.

One place for the words, so filters, forms, imports and exports agree.
"""

from __future__ import annotations

from portal.i18n import N_

CLASSIFICATIONS: dict[str, str] = {
    "public": N_("Public: may be published freely; contains no information about identifiable people."),
    "internal": N_("Internal: for city use; release would cause little harm but is not routine."),
    "confidential": N_("Confidential: information about identifiable people or operations; "
                       "shared only under an agreement or a legal duty."),
    "restricted": N_("Restricted: sensitive information about identifiable people (such as "
                     "immigration status, health or criminal history) whose release could cause "
                     "serious harm; shared only where law requires it."),
}

RECIPIENT_TYPES: dict[str, str] = {
    "federal_agency": N_("Federal agency"),
    "state_agency": N_("State agency"),
    "local_agency": N_("Local agency"),
    "law_enforcement": N_("Law enforcement"),
    "vendor": N_("Vendor or contractor"),
    "researcher": N_("Researcher or university"),
    "nonprofit": N_("Nonprofit partner"),
    "public": N_("The public"),
}

MECHANISMS: dict[str, str] = {"formal": N_("Formal"), "informal": N_("Informal")}

CHANNELS: dict[str, str] = {
    "law": N_("Required by law"),
    "regulation": N_("Required by regulation"),
    "contract": N_("Contract"),
    "data_sharing_agreement": N_("Data-sharing agreement"),
    "mou": N_("Memorandum of understanding"),
    "open_data": N_("Open data publication"),
    "phone": N_("Phone request"),
    "email": N_("E-mail request"),
    "in_person": N_("In-person request"),
}

LEGAL_BASIS_TYPES: dict[str, str] = {
    "statute": N_("Statute"),
    "regulation": N_("Regulation"),
    "court_order": N_("Court order"),
    "contract": N_("Contract"),
    "consent": N_("Resident consent"),
    "none_stated": N_("None stated"),
}

SENSITIVE_CATEGORIES: dict[str, str] = {
    "immigration_status": N_("Immigration or citizenship status"),
    "ssn_itin": N_("SSN or ITIN"),
    "nationality": N_("Nationality or country of birth"),
    "religion": N_("Religion"),
    "language": N_("Primary language"),
    "health": N_("Health"),
    "criminal_justice": N_("Criminal justice history"),
    "precise_location": N_("Precise location"),
    "minors": N_("Information about minors"),
}

FREQUENCIES: dict[str, str] = {
    "real_time": N_("Real time"),
    "daily": N_("Daily"),
    "weekly": N_("Weekly"),
    "monthly": N_("Monthly"),
    "quarterly": N_("Quarterly"),
    "annually": N_("Annually"),
    "on_request": N_("On request"),
    "one_time": N_("One time"),
}

PRACTICE_STATUSES: dict[str, str] = {
    "active": N_("Active"),
    "suspended": N_("Suspended"),
    "retired": N_("Retired"),
}

AGREEMENT_TERMS: dict[str, str] = {
    "permitted_uses": N_("Permitted uses are listed"),
    "onward_sharing_ban": N_("Onward sharing is prohibited"),
    "retention_destruction": N_("Retention and destruction are required"),
    "breach_notification": N_("Breaches must be reported"),
    "audit_rights": N_("The city may audit the recipient"),
}
