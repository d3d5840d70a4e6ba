"""The portal's agreed words, so departments and residents read them the same way.

Pages show these definitions on the Definitions page and reuse them as help
text wherever a term appears (``help_for``). Plain strings, no Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    key: str
    term: str
    definition: str


TERMS: tuple[Term, ...] = (
    Term("personal_information", "Personal information",
         "Information about a person who is identified or could reasonably be identified, "
         "directly or by combining it with other information: a name, address, date of birth, "
         "case number, licence plate, photograph or account number."),
    Term("sensitive_information", "Sensitive information",
         "Personal information whose disclosure could cause serious harm: immigration or "
         "citizenship status, Social Security or ITIN number, nationality or country of birth, "
         "religion, primary language, health, criminal justice history, precise location, and "
         "any information about minors."),
    Term("deidentified", "De-identified data",
         "Records from which names and other direct identifiers have been removed and which the "
         "recipient has promised not to re-identify. De-identified data can still be linked back "
         "to people, so it is treated as personal information unless it is also aggregated."),
    Term("aggregated", "Aggregated data",
         "Counts, totals or rates about groups of people, with no row about any one person. "
         "Groups smaller than the portal's threshold are suppressed so that a small group cannot "
         "be singled out."),
    Term("sharing", "Sharing",
         "Any disclosure of residents' data outside the department that collected it: sending, "
         "giving access to, confirming, or letting a vendor host it. Answering a phone call with "
         "what a record says is sharing too."),
    Term("third_party", "Third party",
         "Any person or organisation other than the resident and the county department that "
         "holds the data: other agencies (federal, state or local), vendors and contractors, "
         "researchers, nonprofits and the public."),
    Term("formal_sharing", "Formal sharing",
         "Sharing under a written instrument: a law, regulation, court order, contract, "
         "memorandum of understanding or data-sharing agreement."),
    Term("informal_sharing", "Informal sharing",
         "Sharing on request by phone, e-mail or in person, without a written instrument that "
         "says what may be shared, with whom and why."),
    Term("data_sharing_agreement", "Data-sharing agreement",
         "A signed document that governs one sharing practice. A complete agreement lists the "
         "permitted uses, forbids onward sharing, requires retention limits and destruction, "
         "requires breach notification, and gives the county the right to audit the recipient."),
    Term("legal_basis", "Legal basis",
         "The law, regulation, court order, contract or consent that permits or requires the "
         "sharing. \"None stated\" means the department has not identified one."),
    Term("retention", "Retention",
         "How long data is kept before it is destroyed. Each dataset has a retention policy; a "
         "recipient should not keep shared data longer than the county itself would."),
    Term("notice_at_collection", "Notice at collection",
         "Telling residents, on the form or at the counter where their data is collected, that "
         "it will be shared routinely and with whom."),
    Term("surveillance_technology", "Surveillance technology",
         "Any technology whose main purpose is to observe, monitor, record or analyse people or "
         "their vehicles, devices or communications, such as licence-plate readers, cameras, "
         "gunshot detection, drones and social-media monitoring."),
    Term("data_classification", "Data classification",
         "The county's four levels for how carefully a dataset must be handled: public, "
         "internal, confidential and restricted. Each dataset carries one level."),
    Term("information_request", "Information request",
         "A request the county received for specific individuals' sensitive information, for "
         "example from an immigration-enforcement agency. The portal publishes only aggregate "
         "statistics about them."),
    Term("compliance_finding", "Compliance finding",
         "A problem the portal's automatic checks found in a sharing practice's record, such as "
         "sensitive data shared without an agreement. A finding names the rule, its severity and "
         "the principle it comes from."),
)

_BY_KEY = {t.key: t for t in TERMS}


def term(key: str) -> Term:
    return _BY_KEY[key]


def help_for(key: str) -> str:
    """The definition, as a widget's ``help=`` text."""
    t = _BY_KEY[key]
    return f"**{t.term}**: {t.definition}"
