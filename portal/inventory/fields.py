"""The fields of a sharing practice as people enter them: labels, import columns, checks.

One definition serves the staff form, the CSV/XLSX import and its template,
the exports and the readable diff between versions.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from portal.coerce import Collector
from portal.errors import FieldError
from portal.inventory import vocab

INFORMAL_CHANNELS = frozenset({"phone", "email", "in_person"})

# column -> (label, what to enter). Order is the template's and the export's.
COLUMNS: dict[str, tuple[str, str]] = {
    "dataset": ("Dataset", "the dataset's identifier, e.g. alder-pol-incident-reports"),
    "title": ("Title", "what is shared, in a few words (required)"),
    "recipient": ("Recipient", "who receives the data (required)"),
    "recipient_type": ("Recipient type", "one of: " + ", ".join(vocab.RECIPIENT_TYPES)),
    "channel": ("How it is shared", "one of: " + ", ".join(vocab.CHANNELS)),
    "mechanism": ("Formal or informal", "optional: formal or informal; phone, e-mail and "
                  "in-person requests are informal"),
    "legal_basis_type": ("Kind of legal basis", "one of: " + ", ".join(vocab.LEGAL_BASIS_TYPES)),
    "legal_basis": ("Legal basis", "the law, regulation, order or contract, in words"),
    "purpose": ("Purpose", "why the recipient gets the data (required)"),
    "data_elements": ("Data elements", "the fields shared, separated by semicolons"),
    "sensitive_categories": ("Sensitive categories", "separated by semicolons, any of: "
                             + ", ".join(vocab.SENSITIVE_CATEGORIES)),
    "frequency": ("How often", "one of: " + ", ".join(vocab.FREQUENCIES)),
    "agreement_title": ("Agreement", "the agreement's name, if there is one"),
    "agreement_start": ("Agreement starts", "YYYY-MM-DD"),
    "agreement_end": ("Agreement ends", "YYYY-MM-DD"),
    "agreement_terms": ("Agreement terms", "the key terms the agreement contains, separated by "
                        "semicolons, any of: " + ", ".join(vocab.AGREEMENT_TERMS)),
    "retention_days": ("Retention (days)", "how many days the recipient keeps the data"),
    "retention_text": ("Retention", "the retention rule in words"),
    "residents_notified": ("Residents told at collection", "yes or no"),
    "hosted_by_third_party": ("Hosted by a third party", "yes or no"),
    "status": ("Status", "one of: " + ", ".join(vocab.PRACTICE_STATUSES) + " (default active)"),
    "start_date": ("Sharing began", "YYYY-MM-DD"),
    "end_date": ("Sharing ended", "YYYY-MM-DD"),
}
REQUIRED = ("dataset", "title", "recipient", "recipient_type", "channel", "legal_basis_type",
            "purpose", "frequency")
LABELS: dict[str, str] = {"dataset_id": "Dataset", **{k: v[0] for k, v in COLUMNS.items()}}
#: Columns the export adds for readers; an import of that export recognises and ignores them.
READ_ONLY = ("department", "dataset_title", "classification", "version", "updated_at", "findings")
EXPORT_COLUMNS = ["id", *READ_ONLY[:3], *COLUMNS, *READ_ONLY[3:]]
#: What an import accepts beyond ``COLUMNS``: the id it matches rows on, and ``READ_ONLY``.
EXTRA_COLUMNS = ("id", *READ_ONLY)
VOCABULARIES: dict[str, Mapping[str, str]] = {
    "recipient_type": vocab.RECIPIENT_TYPES,
    "channel": vocab.CHANNELS,
    "mechanism": vocab.MECHANISMS,
    "legal_basis_type": vocab.LEGAL_BASIS_TYPES,
    "sensitive_categories": vocab.SENSITIVE_CATEGORIES,
    "frequency": vocab.FREQUENCIES,
    "agreement_terms": vocab.AGREEMENT_TERMS,
    "status": vocab.PRACTICE_STATUSES,
}


def clean_practice(
    raw: Mapping[str, Any], *, dataset_ids: Mapping[str, int], row: int | None = None
) -> tuple[dict[str, Any], list[FieldError]]:
    """Typed values for a ``SharingPractice`` (without department), and every problem found."""
    c = Collector(raw, row, {name: label for name, (label, _what) in COLUMNS.items()})
    out: dict[str, Any] = {}
    identifier = c.text("dataset", required=True)
    if identifier is not None:
        if identifier not in dataset_ids:
            c.fail("dataset", f"no dataset with identifier {identifier!r}")
        else:
            out["dataset_id"] = dataset_ids[identifier]
    out["title"] = c.text("title", required=True, max_length=300)
    out["recipient"] = c.text("recipient", required=True, max_length=300)
    out["recipient_type"] = c.choice("recipient_type", vocab.RECIPIENT_TYPES)
    out["channel"] = channel = c.choice("channel", vocab.CHANNELS)
    derived = None if channel is None else ("informal" if channel in INFORMAL_CHANNELS else "formal")
    mechanism = c.choice("mechanism", vocab.MECHANISMS, required=False)
    if mechanism is not None and derived is not None and mechanism != derived:
        c.fail("mechanism", f"a {vocab.CHANNELS[channel].lower()} is {derived}, not {mechanism}")
    out["mechanism"] = derived
    out["legal_basis_type"] = c.choice("legal_basis_type", vocab.LEGAL_BASIS_TYPES)
    out["legal_basis"] = c.text("legal_basis") or ""
    out["purpose"] = c.text("purpose", required=True) or ""
    out["data_elements"] = c.items("data_elements")
    out["sensitive_categories"] = c.choices("sensitive_categories", vocab.SENSITIVE_CATEGORIES)
    out["frequency"] = c.choice("frequency", vocab.FREQUENCIES)
    out["agreement_title"] = c.text("agreement_title", max_length=300)
    out["agreement_start"] = c.day("agreement_start")
    out["agreement_end"] = c.day("agreement_end")
    terms = raw.get("agreement_terms")
    if isinstance(terms, Mapping):
        bad = [k for k in terms if k not in vocab.AGREEMENT_TERMS]
        for key in bad:
            c.fail("agreement_terms", f"{key!r} is not one of: " + ", ".join(vocab.AGREEMENT_TERMS))
        present = [k for k, v in terms.items() if v and k in vocab.AGREEMENT_TERMS]
    else:
        present = c.choices("agreement_terms", vocab.AGREEMENT_TERMS)
    if out["agreement_title"]:
        out["agreement_terms"] = {k: k in present for k in vocab.AGREEMENT_TERMS}
    else:
        out["agreement_terms"] = {}
        if present:
            c.fail("agreement_terms", "name the agreement (agreement_title) these terms belong to")
        if out["agreement_start"] or out["agreement_end"]:
            c.fail("agreement_title", "agreement dates are given but the agreement is not named")
    if out["agreement_start"] and out["agreement_end"] and out["agreement_end"] < out["agreement_start"]:
        c.fail("agreement_end", "the agreement cannot end before it starts")
    out["retention_days"] = c.count("retention_days", maximum=36_500)
    out["retention_text"] = c.text("retention_text")
    out["residents_notified"] = c.flag("residents_notified")
    out["hosted_by_third_party"] = c.flag("hosted_by_third_party")
    out["status"] = c.choice("status", vocab.PRACTICE_STATUSES, default="active")
    out["start_date"] = c.day("start_date")
    out["end_date"] = c.day("end_date")
    if out["start_date"] and out["end_date"] and out["end_date"] < out["start_date"]:
        c.fail("end_date", "sharing cannot end before it began")
    return out, c.errors


def export_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """A row of ``list_practices`` as the export writes it, and as an import of the export
    compares it: agreement terms as the list of those the agreement contains."""
    item = {c: row.get(c) for c in EXPORT_COLUMNS}
    terms = row.get("agreement_terms") or {}
    item["agreement_terms"] = [k for k, v in terms.items() if v]
    return item
