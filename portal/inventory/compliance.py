"""The Data Handling Compliance Toolkit: rule-based checks of each sharing practice.

Rules are data (id, severity, explanation, principle) plus one small predicate
each. They read a ``Facts`` view rather than the table row, so the same rules
judge a practice as it is now and as a stored version snapshot was (the
commission's trend replays history through them). Findings are computed, not
stored: a fixed record stops being a finding the moment it is saved.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from portal.i18n import N_
from portal.inventory.vocab import AGREEMENT_TERMS, SENSITIVE_CATEGORIES

SEVERITIES: dict[str, str] = {
    "critical": N_("Critical"),
    "high": N_("High"),
    "medium": N_("Medium"),
    "low": N_("Low"),
}
SEVERITY_ORDER = {key: n for n, key in enumerate(SEVERITIES)}

OUTSIDE_RECIPIENTS = frozenset(
    {"federal_agency", "state_agency", "local_agency", "law_enforcement", "vendor", "researcher",
     "nonprofit"}
)
# A statute, regulation or court order is itself a written instrument that binds the recipient.
MANDATED_BASES = frozenset({"statute", "regulation", "court_order"})
ROUTINE_FREQUENCIES = frozenset(
    {"real_time", "daily", "weekly", "monthly", "quarterly", "annually"}
)
IMMIGRATION = frozenset({"immigration_status", "nationality"})


def _date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


@dataclass(frozen=True)
class Facts:
    """What the rules look at, from a row or from a version snapshot."""

    practice_id: int
    status: str
    recipient_type: str
    mechanism: str
    channel: str
    legal_basis_type: str
    sensitive_categories: tuple[str, ...]
    frequency: str
    agreement_title: str | None
    agreement_end: date | None
    agreement_terms: Mapping[str, Any]
    retention_days: int | None
    retention_text: str | None
    residents_notified: bool
    hosted_by_third_party: bool
    dataset_classification: str | None = None
    policy_days: int | None = None

    @classmethod
    def of(cls, data: Mapping[str, Any], *, practice_id: int | None = None,
           classification: str | None = None, policy_days: int | None = None) -> Facts:
        return cls(
            practice_id=int(practice_id if practice_id is not None else data.get("id") or 0),
            status=data.get("status") or "active",
            recipient_type=data.get("recipient_type") or "",
            mechanism=data.get("mechanism") or "",
            channel=data.get("channel") or "",
            legal_basis_type=data.get("legal_basis_type") or "",
            sensitive_categories=tuple(data.get("sensitive_categories") or ()),
            frequency=data.get("frequency") or "",
            agreement_title=data.get("agreement_title") or None,
            agreement_end=_date(data.get("agreement_end")),
            agreement_terms=dict(data.get("agreement_terms") or {}),
            retention_days=data.get("retention_days"),
            retention_text=data.get("retention_text") or None,
            residents_notified=bool(data.get("residents_notified")),
            hosted_by_third_party=bool(data.get("hosted_by_third_party")),
            dataset_classification=classification,
            policy_days=policy_days,
        )

    @property
    def sensitive(self) -> bool:
        return bool(self.sensitive_categories)


def _labels(keys: Any) -> str:
    return ", ".join(SENSITIVE_CATEGORIES.get(k, k).lower() for k in keys)


# Each check returns None (no finding) or the specific reason for this practice.
Check = Callable[[Facts, date], str | None]


def _no_agreement(f: Facts, today: date) -> str | None:
    if (f.sensitive and f.recipient_type in OUTSIDE_RECIPIENTS and not f.agreement_title
            and f.legal_basis_type not in MANDATED_BASES):
        return f"Shares {_labels(f.sensitive_categories)} with no written agreement."
    return None


def _informal_immigration(f: Facts, today: date) -> str | None:
    hit = [c for c in f.sensitive_categories if c in IMMIGRATION]
    if f.mechanism == "informal" and hit:
        return f"Shares {_labels(hit)} informally (by {f.channel.replace('_', ' ')})."
    return None


def _informal_sensitive(f: Facts, today: date) -> str | None:
    other = [c for c in f.sensitive_categories if c not in IMMIGRATION]
    if f.mechanism == "informal" and other:
        return f"Shares {_labels(other)} informally (by {f.channel.replace('_', ' ')})."
    return None


def _agreement_expired(f: Facts, today: date) -> str | None:
    if f.agreement_title and f.agreement_end is not None and f.agreement_end < today:
        return f"The agreement ended on {f.agreement_end.isoformat()} but sharing continues."
    return None


def _agreement_terms(f: Facts, today: date) -> str | None:
    if not f.agreement_title:
        return None
    missing = [label for key, label in AGREEMENT_TERMS.items() if not f.agreement_terms.get(key)]
    if missing:
        return "The agreement lacks: " + "; ".join(m.lower() for m in missing) + "."
    return None


def _retention_over_policy(f: Facts, today: date) -> str | None:
    if f.retention_days is not None and f.policy_days is not None and f.retention_days > f.policy_days:
        return (f"The recipient keeps the data {f.retention_days:,} days; the dataset's policy "
                f"is {f.policy_days:,} days.")
    return None


def _retention_unstated(f: Facts, today: date) -> str | None:
    if f.retention_days is None and not (f.retention_text or "").strip():
        return "No retention period is stated."
    return None


def _not_told(f: Facts, today: date) -> str | None:
    if (not f.residents_notified and f.frequency in ROUTINE_FREQUENCIES
            and f.recipient_type != "public"):
        return "Residents are not told when their data is collected that it is shared routinely."
    return None


def _hosted(f: Facts, today: date) -> str | None:
    if f.hosted_by_third_party and (f.sensitive or f.dataset_classification == "restricted"):
        what = _labels(f.sensitive_categories) if f.sensitive else "restricted data"
        return f"A third party hosts {what}."
    return None


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    title: str
    explanation: str
    principle: str
    check: Check


RULES: tuple[Rule, ...] = (
    Rule("INV-01", "high", N_("Sensitive data shared without a written agreement"),
         N_("Sensitive information goes to a vendor or an outside agency, and neither an agreement "
         "nor a law, regulation or court order sets what the recipient may do with it."),
         N_("Accountability: a recipient is bound by written terms the county can enforce."),
         _no_agreement),
    Rule("INV-02", "critical", N_("Immigration or citizenship status shared informally"),
         N_("Immigration status, citizenship or nationality is given out on request by phone, "
         "e-mail or in person, with no written instrument and no record of why."),
         N_("Use limitation: information collected to serve residents is not used to expose them."),
         _informal_immigration),
    Rule("INV-03", "high", N_("Sensitive data shared informally"),
         N_("Other sensitive information is given out by phone, e-mail or in person rather than "
         "under a law, contract or agreement."),
         N_("Purpose specification: each disclosure has a stated purpose and authority."),
         _informal_sensitive),
    Rule("INV-04", "high", N_("Agreement past its end date"),
         N_("The data-sharing agreement has expired, so its protections no longer bind the "
         "recipient, yet the sharing goes on."),
         N_("Accountability: protections last as long as the sharing does."),
         _agreement_expired),
    Rule("INV-05", "medium", N_("Agreement missing key terms"),
         N_("A complete agreement lists permitted uses, bans onward sharing, requires retention "
         "limits and destruction, requires breach notification and allows audits."),
         N_("Accountability and security safeguards."),
         _agreement_terms),
    Rule("INV-06", "medium", N_("Retention longer than the dataset's policy"),
         N_("The recipient may keep the data longer than the county's own retention policy for the "
         "dataset allows."),
         N_("Data minimisation: keep data no longer than needed."),
         _retention_over_policy),
    Rule("INV-07", "low", N_("No retention stated"),
         N_("Nobody has recorded how long the recipient keeps the data."),
         N_("Data minimisation: keep data no longer than needed."),
         _retention_unstated),
    Rule("INV-08", "medium", N_("Residents not told about routine sharing"),
         N_("The data is shared on a schedule, but residents are not told at the point of "
         "collection that it will be."),
         N_("Transparency: people know what happens to their data when they give it."),
         _not_told),
    Rule("INV-09", "medium", N_("Sensitive data hosted by a third party"),
         N_("A vendor's systems hold sensitive or restricted data, outside the county's direct "
         "control."),
         N_("Security safeguards: sensitive data stays where the county can protect it."),
         _hosted),
)

RULES_BY_ID = {rule.id: rule for rule in RULES}


@dataclass(frozen=True)
class Finding:
    rule_id: str
    severity: str
    practice_id: int
    detail: str

    @property
    def rule(self) -> Rule:
        return RULES_BY_ID[self.rule_id]


def evaluate(facts: Facts, today: date) -> list[Finding]:
    """Open findings for one practice; a retired practice has none."""
    if facts.status == "retired":
        return []
    found = []
    for rule in RULES:
        detail = rule.check(facts, today)
        if detail:
            found.append(Finding(rule.id, rule.severity, facts.practice_id, detail))
    return found
