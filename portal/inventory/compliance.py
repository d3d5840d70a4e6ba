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
from portal.inventory.vocab import AGREEMENT_TERMS, CHANNELS, SENSITIVE_CATEGORIES

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


def _in_a_sentence(label: str) -> str:
    """A vocabulary label inside a sentence: "Health" → "health", "SSN or ITIN" kept."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


class Detail(str):
    """A finding's reason for one practice. As a string it is English (files, the command
    line, the packet's JSON); ``shown()`` gives it in the reader's language, with the
    vocabulary's labels and the numbers translated there, so a finding computed once and
    cached for every visitor still reads in each visitor's language."""

    template: str
    lists: Mapping[str, tuple[str, tuple[str, ...]]]
    numbers: Mapping[str, int | str]

    def __new__(cls, template: str, *, lists: Mapping[str, tuple[str, tuple[str, ...]]] | None = None,
                numbers: Mapping[str, int | str] | None = None) -> Detail:
        lists, numbers = dict(lists or {}), dict(numbers or {})
        english = template.format(**{
            **{k: sep.join(_in_a_sentence(label) for label in labels) for k, (sep, labels) in lists.items()},
            **{k: f"{v:,}" if isinstance(v, int) else v for k, v in numbers.items()}})
        detail = super().__new__(cls, english)
        detail.template, detail.lists, detail.numbers = template, lists, numbers
        return detail

    def __reduce__(self) -> tuple[Any, ...]:  # st.cache_data pickles what it keeps
        return (_detail, (self.template, self.lists, self.numbers))

    def shown(self) -> str:
        from portal.i18n import _, number

        return _(self.template).format(**{
            **{k: sep.join(_in_a_sentence(_(label)) for label in labels)
               for k, (sep, labels) in self.lists.items()},
            **{k: number(v) if isinstance(v, int) else v for k, v in self.numbers.items()}})


def _detail(template: str, lists: Mapping[str, tuple[str, tuple[str, ...]]],
            numbers: Mapping[str, int | str]) -> Detail:
    return Detail(template, lists=lists, numbers=numbers)


def _categories(keys: Any) -> tuple[str, tuple[str, ...]]:
    return ", ", tuple(SENSITIVE_CATEGORIES.get(k, k) for k in keys)


def _channel(key: str) -> tuple[str, tuple[str, ...]]:
    return "", (CHANNELS.get(key, key.replace("_", " ")),)


# Each check returns None (no finding) or the specific reason for this practice.
Check = Callable[[Facts, date], Detail | None]


def _no_agreement(f: Facts, today: date) -> Detail | None:
    if (f.sensitive and f.recipient_type in OUTSIDE_RECIPIENTS and not f.agreement_title
            and f.legal_basis_type not in MANDATED_BASES):
        return Detail(N_("Shares {categories} with no written agreement."),
                      lists={"categories": _categories(f.sensitive_categories)})
    return None


def _informal_immigration(f: Facts, today: date) -> Detail | None:
    hit = [c for c in f.sensitive_categories if c in IMMIGRATION]
    if f.mechanism == "informal" and hit:
        return Detail(N_("Shares {categories} informally ({channel})."),
                      lists={"categories": _categories(hit), "channel": _channel(f.channel)})
    return None


def _informal_sensitive(f: Facts, today: date) -> Detail | None:
    other = [c for c in f.sensitive_categories if c not in IMMIGRATION]
    if f.mechanism == "informal" and other:
        return Detail(N_("Shares {categories} informally ({channel})."),
                      lists={"categories": _categories(other), "channel": _channel(f.channel)})
    return None


def _agreement_expired(f: Facts, today: date) -> Detail | None:
    if f.agreement_title and f.agreement_end is not None and f.agreement_end < today:
        return Detail(N_("The agreement ended on {date} but sharing continues."),
                      numbers={"date": f.agreement_end.isoformat()})
    return None


def _agreement_terms(f: Facts, today: date) -> Detail | None:
    if not f.agreement_title:
        return None
    missing = tuple(label for key, label in AGREEMENT_TERMS.items() if not f.agreement_terms.get(key))
    if missing:
        return Detail(N_("The agreement lacks: {terms}."), lists={"terms": ("; ", missing)})
    return None


def _retention_over_policy(f: Facts, today: date) -> Detail | None:
    if f.retention_days is not None and f.policy_days is not None and f.retention_days > f.policy_days:
        return Detail(N_("The recipient keeps the data {days} days; the dataset's policy is "
                         "{policy} days."),
                      numbers={"days": f.retention_days, "policy": f.policy_days})
    return None


def _retention_unstated(f: Facts, today: date) -> Detail | None:
    if f.retention_days is None and not (f.retention_text or "").strip():
        return Detail(N_("No retention period is stated."))
    return None


def _not_told(f: Facts, today: date) -> Detail | None:
    if (not f.residents_notified and f.frequency in ROUTINE_FREQUENCIES
            and f.recipient_type != "public"):
        return Detail(N_("Residents are not told when their data is collected that it is shared "
                         "routinely."))
    return None


def _hosted(f: Facts, today: date) -> Detail | None:
    if f.hosted_by_third_party and (f.sensitive or f.dataset_classification == "restricted"):
        what = _categories(f.sensitive_categories) if f.sensitive else ("", (N_("Restricted data"),))
        return Detail(N_("A third party hosts {what}."), lists={"what": what})
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
    detail: Detail

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
