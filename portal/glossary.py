"""The portal's agreed words, so departments and residents read them the same way.

Pages show these definitions on the Definitions page and reuse them as help
text wherever a term appears (``help_for``). Plain strings, no Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass

from portal.i18n import N_, _


@dataclass(frozen=True)
class Term:
    key: str
    term: str
    definition: str


TERMS: tuple[Term, ...] = (
    Term("personal_information", N_("Personal information"),
         N_("Information about a person who is identified or could reasonably be identified, "
         "directly or by combining it with other information: a name, address, date of birth, "
         "case number, licence plate, photograph or account number.")),
    Term("sensitive_information", N_("Sensitive information"),
         N_("Personal information whose disclosure could cause serious harm: immigration or "
         "citizenship status, Social Security or ITIN number, nationality or country of birth, "
         "religion, primary language, health, criminal justice history, precise location, and "
         "any information about minors.")),
    Term("deidentified", N_("De-identified data"),
         N_("Records from which names and other direct identifiers have been removed and which the "
         "recipient has promised not to re-identify. De-identified data can still be linked back "
         "to people, so it is treated as personal information unless it is also aggregated.")),
    Term("aggregated", N_("Aggregated data"),
         N_("Counts, totals or rates about groups of people, with no row about any one person. "
         "Groups smaller than the portal's threshold are suppressed so that a small group cannot "
         "be singled out.")),
    Term("sharing", N_("Sharing"),
         N_("Any disclosure of residents' data outside the department that collected it: sending, "
         "giving access to, confirming, or letting a vendor host it. Answering a phone call with "
         "what a record says is sharing too.")),
    Term("third_party", N_("Third party"),
         N_("Any person or organisation other than the resident and the county department that "
         "holds the data: other agencies (federal, state or local), vendors and contractors, "
         "researchers, nonprofits and the public.")),
    Term("formal_sharing", N_("Formal sharing"),
         N_("Sharing under a written instrument: a law, regulation, court order, contract, "
         "memorandum of understanding or data-sharing agreement.")),
    Term("informal_sharing", N_("Informal sharing"),
         N_("Sharing on request by phone, e-mail or in person, without a written instrument that "
         "says what may be shared, with whom and why.")),
    Term("data_sharing_agreement", N_("Data-sharing agreement"),
         N_("A signed document that governs one sharing practice. A complete agreement lists the "
         "permitted uses, forbids onward sharing, requires retention limits and destruction, "
         "requires breach notification, and gives the county the right to audit the recipient.")),
    Term("legal_basis", N_("Legal basis"),
         N_("The law, regulation, court order, contract or consent that permits or requires the "
         "sharing. \"None stated\" means the department has not identified one.")),
    Term("retention", N_("Retention"),
         N_("How long data is kept before it is destroyed. Each dataset has a retention policy; a "
         "recipient should not keep shared data longer than the county itself would.")),
    Term("notice_at_collection", N_("Notice at collection"),
         N_("Telling residents, on the form or at the counter where their data is collected, that "
         "it will be shared routinely and with whom.")),
    Term("surveillance_technology", N_("Surveillance technology"),
         N_("Any technology whose main purpose is to observe, monitor, record or analyse people or "
         "their vehicles, devices or communications, such as licence-plate readers, cameras, "
         "gunshot detection, drones and social-media monitoring.")),
    Term("data_classification", N_("Data classification"),
         N_("The county's four levels for how carefully a dataset must be handled: public, "
         "internal, confidential and restricted. Each dataset carries one level.")),
    Term("information_request", N_("Information request"),
         N_("A request the county received for specific individuals' sensitive information, for "
         "example from an immigration-enforcement agency. The portal publishes only aggregate "
         "statistics about them.")),
    Term("compliance_finding", N_("Compliance finding"),
         N_("A problem the portal's automatic checks found in a sharing practice's record, such as "
         "sensitive data shared without an agreement. A finding names the rule, its severity and "
         "the principle it comes from.")),
)

_BY_KEY = {t.key: t for t in TERMS}


def term(key: str) -> Term:
    return _BY_KEY[key]


def help_for(key: str) -> str:
    """The definition, as a widget's ``help=`` text."""
    t = _BY_KEY[key]
    return f"**{_(t.term)}**: {_(t.definition)}"
