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
from portal.i18n import N_, SOURCE_LANGUAGE, _, language, month_day_year, ngettext, number, pgettext
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
    return st.multiselect(label, list(options), format_func=lambda k: _(options[k]), key=key,
                          help=help, placeholder=_("All"))


def filters(rows: Sequence[dict[str, Any]]) -> Filters:
    departments = {d: d for d in sorted({r["department"] for r in rows})}
    search = st.text_input(_("Search the inventory"), key="inv_search",
                           placeholder=_("A word or two: a recipient, a data element, a law…"))
    with st.expander(_("Filters"), expanded=False):
        c1, c2, c3 = st.columns(3)
        with c1:
            dep = _pick(_("Department"), departments, "f_department")
            rec = _pick(_("Recipient type"), vocab.RECIPIENT_TYPES, "f_recipient",
                        help_for("third_party"))
            sens = _pick(_("Sensitive category"), vocab.SENSITIVE_CATEGORIES, "f_sensitive",
                         help_for("sensitive_information"))
        with c2:
            mech = _pick(_("Formal or informal"), vocab.MECHANISMS, "f_mechanism",
                         help_for("informal_sharing"))
            basis = _pick(_("Legal basis"), vocab.LEGAL_BASIS_TYPES, "f_basis",
                          help_for("legal_basis"))
        with c3:
            cls = _pick(_("Data classification"), CLASSIFICATION_NAMES,
                        "f_classification", help_for("data_classification"))
            status = _pick(_("Status"), vocab.PRACTICE_STATUSES, "f_status")
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


#: A dataset's level by its name, as the table and the filter show it.
CLASSIFICATION_NAMES: dict[str, str] = {
    "public": N_("Public"), "internal": N_("Internal"), "confidential": N_("Confidential"),
    "restricted": N_("Restricted"),
}
#: The table's columns (the cached frame is in English) and the vocabulary each one shows.
_COLUMNS = (N_("Practice"), N_("Department"), N_("Recipient"), N_("Recipient type"),
            N_("Sensitive categories"), N_("Formal or informal"), N_("Legal basis"),
            N_("Dataset classification"), N_("Status"), N_("Findings"))
_TRANSLATED_VALUES = ("Recipient type", "Formal or informal", "Legal basis",
                      "Dataset classification", "Status")


def shown_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The inventory table in the reader's language: its headers and the portal's own words
    in it (never a title, department or recipient a person typed)."""
    if language() == SOURCE_LANGUAGE:
        return frame
    frame = frame.copy()
    for column in _TRANSLATED_VALUES:
        frame[column] = frame[column].map(_)
    frame["Sensitive categories"] = frame["Sensitive categories"].map(
        lambda text: ", ".join(_(c) for c in text.split(", ")) if text else text)
    return frame.rename(columns={"Open": _open_header(), **{c: _(c) for c in _COLUMNS}})


def _open_header() -> str:
    """The link column's heading. Spanish says "open" the verb and "open" the state (a
    survey's) with different words, and gettext has one entry for "Open": outside English
    the column is headed by its links' own word."""
    return "Open" if language() == SOURCE_LANGUAGE else _("Details")


def table_config() -> dict[str, Any]:
    return {
        _open_header(): st.column_config.LinkColumn(
            _open_header(), display_text=_("Details"), width="small",
            help=_("Open the practice's own page (a link you can share)")),
        _("Findings"): st.column_config.NumberColumn(_("Findings"), help=help_for("compliance_finding"),
                                                     width="small"),
    }


def bar_chart(counts: Counter[str], labels: Mapping[str, str], what: str, key: str) -> None:
    """A bar chart, its summary in words, and the same numbers as a table (``what`` and the
    labels marked for translation, translated here)."""
    practices = _("Practices")
    what_label = _(what)
    frame = pd.DataFrame({what_label: [_(labels[k]) for k in labels],
                          practices: [counts.get(k, 0) for k in labels]})
    frame = frame.sort_values(practices, ascending=False)
    top = frame.iloc[0] if len(frame) and frame[practices].iloc[0] else None
    # graph_objects with a bare template: plotly express and its default template
    # cost about 70 ms a chart, too much for a page drawn on every filter change.
    figure = go.Figure(
        go.Bar(x=frame[practices], y=frame[what_label], orientation="h", marker_color="#1f5f8b",
               hovertemplate="%{y}: %{x}<extra></extra>"),
        layout=go.Layout(template=_PLAIN, height=320, margin={"l": 0, "r": 10, "t": 10, "b": 0},
                         yaxis={"autorange": "reversed", "automargin": True},
                         xaxis={"title": {"text": practices}, "gridcolor": "#e5e5e5"},
                         plot_bgcolor="white"),
    )
    st.plotly_chart(figure, key=key, config={"displayModeBar": False})
    if top is not None:
        st.markdown(_("Most practices shown here: {label} ({n}).").format(
            label=top[what_label], n=number(int(top[practices]))))
    with st.expander(_("Table: practices by {what}").format(what=what_label.lower())):
        st.dataframe(frame, hide_index=True, width="stretch")


def _line(label: str, value: str) -> str:
    return f"**{label}:** {value}"


def detail(d: PracticeDetail, actor: Any = None) -> None:
    """One practice; with ``actor``, its title, purpose, legal basis and retention in the
    visitor's language where staff have given them."""
    from portal.ui.translated import localized

    p, ds = d.practice, d.dataset
    english = {"title": p.title, "purpose": p.purpose, "legal_basis": p.legal_basis,
               "retention_text": p.retention_text or ""}
    words = localized("practice", p.id, english, actor) if actor is not None else None
    said = words.texts if words is not None else english
    st.title(inert(said["title"]), anchor=False)
    if words is not None and words.in_english:
        st.caption(_("Parts of this practice have no Spanish version yet and are shown in "
                     "English."))
    status = _(vocab.PRACTICE_STATUSES.get(p.status, p.status))
    st.markdown(_("{department} · {status} · version {version}, last changed {when}").format(
        department=inert(d.department.name), status=status, version=p.version,
        when=format_datetime(p.updated_at)))

    st.header(_("What data"), anchor=False)
    st.markdown(_line(_("Dataset"), inert(ds.title)) + "  \n" +
                _line(_("Classification"), _(CLASSIFICATION_NAMES.get(ds.classification,
                                                                      ds.classification.title()))),
                help=_(vocab.CLASSIFICATIONS[ds.classification])
                if ds.classification in vocab.CLASSIFICATIONS else None)
    st.markdown(_(vocab.CLASSIFICATIONS[ds.classification])
                if ds.classification in vocab.CLASSIFICATIONS else "")
    if p.data_elements:
        st.markdown(_("**Data elements shared:**") + "\n\n"
                    + "\n".join(f"- {inert(e)}" for e in p.data_elements))
    sensitive = ", ".join(_(vocab.SENSITIVE_CATEGORIES.get(c, c)) for c in p.sensitive_categories)
    st.markdown(_line(_("Sensitive information"), sensitive or _("none")),
                help=help_for("sensitive_information"))

    st.header(_("To whom, why and under which authority"), anchor=False)
    mechanism = _(vocab.MECHANISMS.get(p.mechanism, p.mechanism)).lower()
    st.markdown("\n\n".join([
        _line(_("Recipient"), f"{inert(p.recipient)} "
              f"({_(vocab.RECIPIENT_TYPES.get(p.recipient_type, p.recipient_type))})"),
        _line(_("Purpose"), inert(said["purpose"]) or _("not stated")),
        _line(_("Legal basis"), _(vocab.LEGAL_BASIS_TYPES.get(p.legal_basis_type, p.legal_basis_type))
              + (f" — {inert(said['legal_basis'])}" if p.legal_basis else "")),
        _line(_("How it is shared"), _("{channel} ({mechanism} sharing)").format(
            channel=_(vocab.CHANNELS.get(p.channel, p.channel)), mechanism=mechanism)),
        _line(_("How often"), _(vocab.FREQUENCIES.get(p.frequency, p.frequency))),
        _line(_("Since"), format_date_plain(p.start_date) if not p.end_date else
              _("{start}, until {end}").format(start=format_date_plain(p.start_date),
                                                end=format_date_plain(p.end_date))),
    ]))

    st.header(_("For how long, and under which agreement"), anchor=False)
    retention = (ngettext("{n} day", "{n} days", p.retention_days).format(n=number(p.retention_days))
                 if p.retention_days is not None else "")
    if p.retention_text:
        text = inert(said["retention_text"])
        retention = f"{retention}. {text}" if retention else text
    st.markdown(_line(_("Retention"), retention or _("not stated")), help=help_for("retention"))
    if p.agreement_title:
        period = _(" to ").join(format_date_plain(x) for x in (p.agreement_start, p.agreement_end) if x)
        st.markdown(_line(_("Agreement"), inert(p.agreement_title) + (f" ({period})" if period else "")),
                    help=help_for("data_sharing_agreement"))
        st.markdown("\n".join(
            f"- {_('Yes') if p.agreement_terms.get(k) else _('No')}: {_(label)}"
            for k, label in vocab.AGREEMENT_TERMS.items()))
    else:
        st.markdown(_line(_("Agreement"), pgettext("agreement", "none")), help=help_for("data_sharing_agreement"))
    st.markdown(_line(_("Residents told when the data is collected"),
                      _("Yes") if p.residents_notified else _("No")),
                help=help_for("notice_at_collection"))
    st.markdown(_line(_("Hosted by a third party"), _("Yes") if p.hosted_by_third_party else _("No")))

    st.header(_("Compliance findings"), anchor=False, help=help_for("compliance_finding"))
    if not d.findings:
        st.success(_("The automatic checks found no problem with this practice's record."))
    for f in d.findings:
        rule = RULES_BY_ID[f.rule_id]
        with st.container(border=True):
            st.markdown(f"**{_(SEVERITIES[f.severity])} · {rule.id} · {_(rule.title)}**")
            st.write(f.detail.shown())
            st.markdown(_("{explanation} Principle: {principle}").format(
                explanation=_(rule.explanation), principle=_(rule.principle)))

    st.header(_("Change history"), anchor=False)
    version_history(d.history, _("This record has not been changed since it was entered in the "
                                 "portal ({when}).").format(when=format_date(p.created_at)))


def format_date_plain(value: Any) -> str:
    if value is None:
        return "—"
    return month_day_year(value)
