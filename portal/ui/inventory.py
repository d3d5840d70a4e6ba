"""Drawing the sharing inventory: filters, the table, charts, and one practice in plain language."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from portal.glossary import help_for
from portal.inventory import vocab
from portal.inventory.compliance import RULES_BY_ID, SEVERITIES
from portal.inventory.service import PracticeDetail
from portal.timefmt import format_date, format_datetime
from portal.ui.changes import version_history
from portal.ui.text import inert


_PLAIN = go.layout.Template()


@dataclass(frozen=True)
class Filters:
    departments: list[str]
    recipient_types: list[str]
    sensitive: list[str]
    mechanisms: list[str]
    legal_bases: list[str]
    classifications: list[str]
    statuses: list[str]
    search: str

    def apply(self, rows: Sequence[dict[str, Any]]) -> list[int]:
        """Positions of the rows that pass every filter."""
        words = [" " + w for w in re.findall(r"\w+", self.search.casefold())]
        sensitive = set(self.sensitive)
        out = []
        for i, r in enumerate(rows):
            if self.departments and r["department"] not in self.departments:
                continue
            if self.recipient_types and r["recipient_type"] not in self.recipient_types:
                continue
            if sensitive and not sensitive.intersection(r["sensitive_categories"]):
                continue
            if self.mechanisms and r["mechanism"] not in self.mechanisms:
                continue
            if self.legal_bases and r["legal_basis_type"] not in self.legal_bases:
                continue
            if self.classifications and r["classification"] not in self.classifications:
                continue
            if self.statuses and r["status"] not in self.statuses:
                continue
            if words and not all(w in r["_haystack"] for w in words):
                continue
            out.append(i)
        return out


def _pick(label: str, options: Mapping[str, str], key: str, help: str | None = None) -> list[str]:
    return st.multiselect(label, list(options), format_func=options.get, key=key, help=help,
                          placeholder="All")


def filters(rows: Sequence[dict[str, Any]]) -> Filters:
    departments = {d: d for d in sorted({r["department"] for r in rows})}
    search = st.text_input("Search the inventory", key="inv_search",
                           placeholder="A word or two: a recipient, a data element, a law…")
    with st.expander("Filters", expanded=False):
        c1, c2, c3 = st.columns(3)
        with c1:
            dep = _pick("Department", departments, "f_department")
            rec = _pick("Recipient type", vocab.RECIPIENT_TYPES, "f_recipient",
                        help_for("third_party"))
            sens = _pick("Sensitive category", vocab.SENSITIVE_CATEGORIES, "f_sensitive",
                         help_for("sensitive_information"))
        with c2:
            mech = _pick("Formal or informal", vocab.MECHANISMS, "f_mechanism",
                         help_for("informal_sharing"))
            basis = _pick("Legal basis", vocab.LEGAL_BASIS_TYPES, "f_basis", help_for("legal_basis"))
        with c3:
            cls = _pick("Data classification", {k: k.title() for k in vocab.CLASSIFICATIONS},
                        "f_classification", help_for("data_classification"))
            status = _pick("Status", vocab.PRACTICE_STATUSES, "f_status")
    return Filters(dep, rec, sens, mech, basis, cls, status, search)


def table(rows: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Open": [f"?practice={r['id']}" for r in rows],
            "Practice": [r["title"] for r in rows],
            "Department": [r["department"] for r in rows],
            "Recipient": [r["recipient"] for r in rows],
            "Recipient type": [vocab.RECIPIENT_TYPES.get(r["recipient_type"], r["recipient_type"]) for r in rows],
            "Sensitive categories": [", ".join(vocab.SENSITIVE_CATEGORIES.get(c, c) for c in r["sensitive_categories"]) for r in rows],
            "Formal or informal": [vocab.MECHANISMS.get(r["mechanism"], r["mechanism"]) for r in rows],
            "Legal basis": [vocab.LEGAL_BASIS_TYPES.get(r["legal_basis_type"], r["legal_basis_type"]) for r in rows],
            "Dataset classification": [r["classification"].title() for r in rows],
            "Status": [vocab.PRACTICE_STATUSES.get(r["status"], r["status"]) for r in rows],
            "Findings": [r["findings"] for r in rows],
        }
    )


TABLE_CONFIG = {
    "Open": st.column_config.LinkColumn("Open", display_text="Details", width="small",
                                        help="Open the practice's own page (a link you can share)"),
    "Findings": st.column_config.NumberColumn("Findings", help=help_for("compliance_finding"),
                                              width="small"),
}


def bar_chart(counts: Counter[str], labels: Mapping[str, str], what: str, key: str) -> None:
    """A bar chart, its summary in words, and the same numbers as a table."""
    frame = pd.DataFrame({what: [labels[k] for k in labels], "Practices": [counts.get(k, 0) for k in labels]})
    frame = frame.sort_values("Practices", ascending=False)
    top = frame.iloc[0] if len(frame) and frame["Practices"].iloc[0] else None
    # graph_objects with a bare template: plotly express and its default template
    # cost about 70 ms a chart, too much for a page drawn on every filter change.
    figure = go.Figure(
        go.Bar(x=frame["Practices"], y=frame[what], orientation="h", marker_color="#1f5f8b",
               hovertemplate="%{y}: %{x}<extra></extra>"),
        layout=go.Layout(template=_PLAIN, height=320, margin={"l": 0, "r": 10, "t": 10, "b": 0},
                         yaxis={"autorange": "reversed", "automargin": True},
                         xaxis={"title": {"text": "Practices"}, "gridcolor": "#e5e5e5"},
                         plot_bgcolor="white"),
    )
    st.plotly_chart(figure, key=key, config={"displayModeBar": False})
    if top is not None:
        st.markdown(f"Most practices shown here: {top[what]} ({top['Practices']:,}).")
    with st.expander(f"Table: practices by {what.lower()}"):
        st.dataframe(frame, hide_index=True, width="stretch")


def _line(label: str, value: str) -> str:
    return f"**{label}:** {value}"


def detail(d: PracticeDetail) -> None:
    p, ds = d.practice, d.dataset
    st.title(inert(p.title), anchor=False)
    st.markdown(f"{inert(d.department.name)} · {vocab.PRACTICE_STATUSES.get(p.status, p.status)} · "
               f"version {p.version}, last changed {format_datetime(p.updated_at)}")

    st.header("What data", anchor=False)
    st.markdown(_line("Dataset", inert(ds.title)) + f"  \n" +
                _line("Classification", f"{ds.classification.title()}"),
                help=vocab.CLASSIFICATIONS.get(ds.classification))
    st.markdown(vocab.CLASSIFICATIONS.get(ds.classification, ""))
    if p.data_elements:
        st.markdown("**Data elements shared:**\n\n" + "\n".join(f"- {inert(e)}" for e in p.data_elements))
    sensitive = ", ".join(vocab.SENSITIVE_CATEGORIES.get(c, c) for c in p.sensitive_categories)
    st.markdown(_line("Sensitive information", sensitive or "none"), help=help_for("sensitive_information"))

    st.header("To whom, why and under which authority", anchor=False)
    st.markdown("\n\n".join([
        _line("Recipient", f"{inert(p.recipient)} ({vocab.RECIPIENT_TYPES.get(p.recipient_type, p.recipient_type)})"),
        _line("Purpose", inert(p.purpose) or "not stated"),
        _line("Legal basis", f"{vocab.LEGAL_BASIS_TYPES.get(p.legal_basis_type, p.legal_basis_type)}"
              + (f" — {inert(p.legal_basis)}" if p.legal_basis else "")),
        _line("How it is shared", f"{vocab.CHANNELS.get(p.channel, p.channel)} "
              f"({vocab.MECHANISMS.get(p.mechanism, p.mechanism).lower()} sharing)"),
        _line("How often", vocab.FREQUENCIES.get(p.frequency, p.frequency)),
        _line("Since", format_date_plain(p.start_date) + (f", until {format_date_plain(p.end_date)}" if p.end_date else "")),
    ]))

    st.header("For how long, and under which agreement", anchor=False)
    retention = (f"{p.retention_days:,} days" if p.retention_days is not None else "")
    if p.retention_text:
        retention = f"{retention}. {inert(p.retention_text)}" if retention else inert(p.retention_text)
    st.markdown(_line("Retention", retention or "not stated"), help=help_for("retention"))
    if p.agreement_title:
        period = " to ".join(format_date_plain(x) for x in (p.agreement_start, p.agreement_end) if x)
        st.markdown(_line("Agreement", inert(p.agreement_title) + (f" ({period})" if period else "")),
                    help=help_for("data_sharing_agreement"))
        st.markdown("\n".join(
            f"- {'Yes' if p.agreement_terms.get(k) else 'No'}: {label}"
            for k, label in vocab.AGREEMENT_TERMS.items()))
    else:
        st.markdown(_line("Agreement", "none"), help=help_for("data_sharing_agreement"))
    st.markdown(_line("Residents told when the data is collected", "Yes" if p.residents_notified else "No"),
                help=help_for("notice_at_collection"))
    st.markdown(_line("Hosted by a third party", "Yes" if p.hosted_by_third_party else "No"))

    st.header("Compliance findings", anchor=False, help=help_for("compliance_finding"))
    if not d.findings:
        st.success("The automatic checks found no problem with this practice's record.")
    for f in d.findings:
        rule = RULES_BY_ID[f.rule_id]
        with st.container(border=True):
            st.markdown(f"**{SEVERITIES[f.severity]} · {rule.id} · {rule.title}**")
            st.write(f.detail)
            st.markdown(f"{rule.explanation} Principle: {rule.principle}")

    st.header("Change history", anchor=False)
    version_history(d.history, "This record has not been changed since it was entered in the "
                    f"portal ({format_date(p.created_at)}).")


def format_date_plain(value: Any) -> str:
    if value is None:
        return "—"
    return f"{value.strftime('%B')} {value.day}, {value.year}"
