"""Staff forms for a sharing practice, an information request and an indicator definition.

The forms only collect values; the services check every field, so a form and
an import are held to the same rules and report problems the same way.
Widget keys carry the record and its version, so choosing another record (or
saving a new version) fills the form afresh.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from portal.glossary import help_for
from portal.i18n import _
from portal.indicators.vocab import UNITS
from portal.inventory import vocab
from portal.inventory.service import PracticeDetail
from portal.inventory.vocab import SENSITIVE_CATEGORIES
from portal.requests import vocab as rvocab


def _index(options: list[str], value: str | None) -> int | None:
    return options.index(value) if value in options else None


def _select(label: str, vocabulary: dict[str, str], value: str | None, key: str,
            help: str | None = None) -> str | None:
    options = list(vocabulary)
    return st.selectbox(label, options, index=_index(options, value), format_func=lambda v: _(vocabulary[v]),
                        key=key, help=help, placeholder=_("Choose…"))


def _classification(value: str | None, key: str) -> str | None:
    """A dataset's class by its name alone ("Restricted"), so the closed box shows it whole on
    a phone (a one-line field cannot wrap the sentence that defines it); what each class means
    is in the help beside it, as on the Definitions page."""
    meanings = {k: _(text) for k, text in vocab.CLASSIFICATIONS.items()}
    options = list(meanings)
    return st.selectbox(
        _("Classification"), options, index=_index(options, value),
        format_func=lambda v: meanings[v].split(":", 1)[0], key=key, placeholder=_("Choose…"),
        help="\n\n".join([help_for("data_classification"), *meanings.values()]))


def practice_form(current: PracticeDetail | None,
                  datasets: list[dict[str, Any]]) -> tuple[dict[str, Any], str] | None:
    """The values to save and the editor's summary, once the form is submitted."""
    p = current.practice if current is not None else None
    k = f"p{p.id}v{p.version}" if p is not None else "new"
    ds_labels = {d["identifier"]: f"{d['title']} ({d['department']}, {d['classification']})"
                 for d in datasets}
    with st.form(f"practice_form_{k}"):
        st.subheader(_("Edit the practice") if p else _("New practice"), anchor=False)
        dataset = st.selectbox(_("Dataset"), list(ds_labels), format_func=ds_labels.get,
                               index=_index(list(ds_labels), current.dataset.identifier if current else None),
                               key=f"{k}_dataset", placeholder=_("Choose…"),
                               help=help_for("data_classification"))
        title = st.text_input(_("Title"), value=p.title if p else "", max_chars=300, key=f"{k}_title")
        recipient = st.text_input(_("Recipient"), value=p.recipient if p else "", max_chars=300,
                                  key=f"{k}_recipient")
        c1, c2, c3 = st.columns(3)
        with c1:
            recipient_type = _select(_("Recipient type"), vocab.RECIPIENT_TYPES,
                                     p.recipient_type if p else None, f"{k}_rtype",
                                     help_for("third_party"))
        with c2:
            channel = _select(_("How it is shared"), vocab.CHANNELS, p.channel if p else None,
                              f"{k}_channel", help_for("informal_sharing"))
        with c3:
            frequency = _select(_("How often"), vocab.FREQUENCIES, p.frequency if p else None,
                                f"{k}_frequency")
        legal_basis_type = _select(_("Kind of legal basis"), vocab.LEGAL_BASIS_TYPES,
                                   p.legal_basis_type if p else None, f"{k}_lbt",
                                   help_for("legal_basis"))
        legal_basis = st.text_area(_("Legal basis"), value=p.legal_basis if p else "", key=f"{k}_lb")
        purpose = st.text_area(_("Purpose"), value=p.purpose if p else "", key=f"{k}_purpose")
        elements = st.text_area(_("Data elements (one per line)"),
                                value="\n".join(p.data_elements) if p else "", key=f"{k}_elements")
        sensitive = st.multiselect(_("Sensitive categories"), list(vocab.SENSITIVE_CATEGORIES),
                                   default=p.sensitive_categories if p else [],
                                   format_func=lambda c: _(vocab.SENSITIVE_CATEGORIES[c]), key=f"{k}_sensitive",
                                   help=help_for("sensitive_information"))
        agreement_title = st.text_input(_("Agreement (name)"), value=(p.agreement_title or "") if p else "",
                                        max_chars=300, key=f"{k}_agreement",
                                        help=help_for("data_sharing_agreement"))
        a1, a2 = st.columns(2)
        agreement_start = a1.date_input(_("Agreement starts"), value=p.agreement_start if p else None,
                                        key=f"{k}_astart", format="YYYY-MM-DD")
        agreement_end = a2.date_input(_("Agreement ends"), value=p.agreement_end if p else None,
                                      key=f"{k}_aend", format="YYYY-MM-DD")
        terms = st.multiselect(_("Key terms the agreement contains"), list(vocab.AGREEMENT_TERMS),
                               default=[t for t, v in (p.agreement_terms if p else {}).items() if v],
                               format_func=lambda t: _(vocab.AGREEMENT_TERMS[t]), key=f"{k}_terms")
        r1, r2 = st.columns([1, 2])
        retention_days = r1.number_input(_("Retention (days)"), min_value=0, max_value=36_500, step=1,
                                         value=p.retention_days if p else None, key=f"{k}_rdays",
                                         help=help_for("retention"))
        retention_text = r2.text_input(_("Retention in words"), value=(p.retention_text or "") if p else "",
                                       key=f"{k}_rtext")
        notified = st.checkbox(_("Residents are told when the data is collected"),
                               value=p.residents_notified if p else False, key=f"{k}_notified",
                               help=help_for("notice_at_collection"))
        hosted = st.checkbox(_("A third party hosts the data"),
                             value=p.hosted_by_third_party if p else False, key=f"{k}_hosted")
        s1, s2, s3 = st.columns(3)
        status = s1.selectbox(_("Status"), list(vocab.PRACTICE_STATUSES),
                              index=list(vocab.PRACTICE_STATUSES).index(p.status) if p else 0,
                              format_func=lambda s: _(vocab.PRACTICE_STATUSES[s]), key=f"{k}_status")
        start_date = s2.date_input(_("Sharing began"), value=p.start_date if p else None,
                                   key=f"{k}_start", format="YYYY-MM-DD")
        end_date = s3.date_input(_("Sharing ended"), value=p.end_date if p else None, key=f"{k}_end",
                                 format="YYYY-MM-DD")
        summary = st.text_input(_("What changed and why"), max_chars=400, key=f"{k}_summary") if p else ""
        sent = st.form_submit_button(_("Save practice"), type="primary")
    if not sent:
        return None
    values = {
        "dataset": dataset, "title": title, "recipient": recipient,
        "recipient_type": recipient_type, "channel": channel, "frequency": frequency,
        "legal_basis_type": legal_basis_type, "legal_basis": legal_basis, "purpose": purpose,
        "data_elements": [e.strip() for e in elements.splitlines() if e.strip()],
        "sensitive_categories": sensitive, "agreement_title": agreement_title,
        "agreement_start": agreement_start, "agreement_end": agreement_end,
        "agreement_terms": terms, "retention_days": retention_days,
        "retention_text": retention_text, "residents_notified": notified,
        "hosted_by_third_party": hosted, "status": status, "start_date": start_date,
        "end_date": end_date,
    }
    return values, summary


def request_form(current: Any, departments: dict[str, str]) -> tuple[dict[str, Any], str] | None:
    r, code = (current[0], current[1]) if current is not None else (None, None)
    k = f"r{r.id}v{r.version}" if r is not None else "rnew"
    with st.form(f"request_form_{k}"):
        st.subheader(_("Edit the request") if r else _("New request"), anchor=False)
        st.markdown(_("Record what was asked and how the county answered. Do not name the people "
                   "concerned anywhere: the summary is public in aggregate reports."))
        c1, c2 = st.columns(2)
        reference = c1.text_input(_("Reference"), value=r.reference if r else "", max_chars=40, key=f"{k}_ref")
        department = c2.selectbox(_("Department"), list(departments), format_func=departments.get,
                                  index=_index(list(departments), code), key=f"{k}_dept",
                                  placeholder=_("Choose…"))
        d1, d2 = st.columns(2)
        received = d1.date_input(_("Received"), value=r.received_date if r else None, key=f"{k}_received",
                                 format="YYYY-MM-DD")
        answered = d2.date_input(_("Answered"), value=r.response_date if r else None, key=f"{k}_answered",
                                 format="YYYY-MM-DD")
        agency = st.text_input(_("Requesting agency"), value=r.requesting_agency if r else "",
                               max_chars=300, key=f"{k}_agency")
        a1, a2 = st.columns(2)
        with a1:
            agency_type = _select(_("Agency type"), rvocab.AGENCY_TYPES, r.agency_type if r else None,
                                  f"{k}_atype")
            outcome = _select(_("Outcome"), rvocab.OUTCOMES, r.outcome if r else None, f"{k}_outcome")
        with a2:
            process = _select(_("Legal process"), rvocab.LEGAL_PROCESSES, r.legal_process if r else None,
                              f"{k}_process")
            notified = _select(_("Were the people concerned told?"), rvocab.NOTIFICATION,
                               r.residents_notified if r else None, f"{k}_notified")
        categories = st.multiselect(_("Data asked for"), list(SENSITIVE_CATEGORIES),
                                    default=r.data_categories if r else [],
                                    format_func=lambda c: _(SENSITIVE_CATEGORIES[c]), key=f"{k}_categories")
        people = st.number_input(_("People covered"), min_value=0, step=1,
                                 value=r.people_covered if r else 0, key=f"{k}_people")
        summary_text = st.text_area(_("Public summary"), value=r.public_summary if r else "",
                                    key=f"{k}_summary_text")
        status = st.selectbox(_("Status"), list(rvocab.STATUSES),
                              index=list(rvocab.STATUSES).index(r.status) if r else 1,
                              format_func=lambda s: _(rvocab.STATUSES[s]), key=f"{k}_status")
        change = st.text_input(_("What changed and why"), max_chars=400, key=f"{k}_change") if r else ""
        sent = st.form_submit_button(_("Save request"), type="primary")
    if not sent:
        return None
    return {
        "reference": reference, "department": department, "received_date": received,
        "response_date": answered, "requesting_agency": agency, "agency_type": agency_type,
        "legal_process": process, "outcome": outcome, "residents_notified": notified,
        "data_categories": categories, "people_covered": people, "public_summary": summary_text,
        "status": status,
    }, change


def indicator_form(current: Any, departments: dict[str, str]) -> tuple[dict[str, Any], str] | None:
    """``current`` is an ``IndicatorSummary`` (or None for a new indicator)."""
    i = current
    k = f"i{i.id}v{i.version}" if i is not None else "inew"
    with st.form(f"indicator_form_{k}"):
        st.subheader(_("Edit the definition") if i else _("New indicator"), anchor=False)
        slug = st.text_input(_("Address name (slug)"), value=i.slug if i else "", max_chars=120,
                             key=f"{k}_slug", disabled=i is not None,
                             help=_("Lower-case letters, digits and hyphens; files and links use it."))
        name = st.text_input(_("Name"), value=i.name if i else "", max_chars=200, key=f"{k}_name")
        c1, c2, c3 = st.columns(3)
        unit = c1.selectbox(_("Unit"), list(UNITS), format_func=lambda u: _(UNITS[u]), key=f"{k}_unit",
                            index=_index(list(UNITS), i.unit if i else None), placeholder=_("Choose…"))
        rate_per = c2.number_input(_("Rate per (for a rate)"), min_value=0, step=100,
                                   value=(i.rate_per or 0) if i else 1000, key=f"{k}_rate_per")
        department = c3.selectbox(_("Department"), list(departments), format_func=departments.get,
                                  index=_index(list(departments), i.department_code if i else None),
                                  key=f"{k}_department", placeholder=_("Choose…"))
        description = st.text_area(_("Definition"), value=i.description if i else "", key=f"{k}_description")
        source = st.text_input(_("Source"), value=i.source if i else "", max_chars=300, key=f"{k}_source")
        caveats = st.text_area(_("Caveats"), value=i.caveats if i else "", key=f"{k}_caveats")
        d1, d2 = st.columns(2)
        frequency = d1.text_input(_("Updated"), value=i.update_frequency if i else "Quarterly",
                                  max_chars=40, key=f"{k}_frequency")
        published = d2.checkbox(_("Published"), value=i.is_published if i else False, key=f"{k}_published")
        change = st.text_input(_("What changed and why"), max_chars=400, key=f"{k}_change") if i else ""
        sent = st.form_submit_button(_("Save indicator"), type="primary")
    if not sent:
        return None
    return {
        "slug": slug if i is None else i.slug, "name": name, "unit": unit,
        "rate_per": rate_per or None, "department": department, "description": description,
        "source": source, "caveats": caveats, "update_frequency": frequency, "is_published": published,
    }, change


def department_form(current: dict[str, Any] | None) -> tuple[dict[str, Any], str] | None:
    """``current`` is the department's export row (``portal.inventory.records``)."""
    d = current
    k = f"dep{d['id']}v{d['version']}" if d else "depnew"
    with st.form(f"department_form_{k}"):
        st.subheader(_("Edit the department") if d else _("New department"), anchor=False)
        c1, c2 = st.columns([1, 3])
        code = c1.text_input(_("Code"), value=d["code"] if d else "", max_chars=16, key=f"{k}_code",
                             disabled=d is not None,
                             help=_("How files name the department, e.g. SHF. It cannot change "
                                  "once made."))
        name = c2.text_input(_("Name"), value=d["name"] if d else "", max_chars=200, key=f"{k}_name")
        description = st.text_area(_("What the department does"), value=d["description"] if d else "",
                                   max_chars=5_000, key=f"{k}_description")
        email = st.text_input(_("Privacy contact (e-mail)"), value=(d["contact_email"] or "") if d else "",
                              max_chars=320, key=f"{k}_email",
                              help=_("Published in the data catalog as the department's contact."))
        change = st.text_input(_("What changed and why"), max_chars=400, key=f"{k}_change") if d else ""
        sent = st.form_submit_button(_("Save department"), type="primary")
    if not sent:
        return None
    return {"code": d["code"] if d else code, "name": name, "description": description,
            "contact_email": email}, change


def dataset_form(current: dict[str, Any] | None,
                 departments: dict[str, str]) -> tuple[dict[str, Any], str] | None:
    """``current`` is the dataset's export row; ``departments`` maps codes to names."""
    from portal.inventory.records import ACCESS_LEVELS

    d = current
    k = f"ds{d['id']}v{d['version']}" if d else "dsnew"
    with st.form(f"dataset_form_{k}"):
        st.subheader(_("Edit the dataset") if d else _("New dataset"), anchor=False)
        identifier = st.text_input(
            _("Identifier"), value=d["identifier"] if d else "", max_chars=120, key=f"{k}_identifier",
            disabled=d is not None,
            help=_("The dataset's public identifier in the catalog (data.json), e.g. "
                 "alder-pol-incidents. It cannot change once made."))
        title = st.text_input(_("Title"), value=d["title"] if d else "", max_chars=300, key=f"{k}_title")
        c1, c2 = st.columns(2)
        stewards = {code: f"{name} ({code})" for code, name in departments.items()}
        department = c1.selectbox(_("Steward department"), list(stewards), format_func=stewards.get,
                                  index=_index(list(departments), d["department"] if d else None),
                                  key=f"{k}_department", placeholder=_("Choose…"))
        with c2:
            classification = _classification(d["classification"] if d else None,
                                             f"{k}_classification")
        description = st.text_area(_("Description (public, in the catalog)"),
                                   value=d["description"] if d else "", max_chars=20_000,
                                   key=f"{k}_description")
        categories = st.multiselect(_("Sensitive categories it holds"), list(SENSITIVE_CATEGORIES),
                                    default=d["sensitive_categories"] if d else [],
                                    format_func=lambda c: _(SENSITIVE_CATEGORIES[c]), key=f"{k}_categories")
        keywords = st.text_input(_("Catalog keywords (separated by semicolons)"),
                                 value="; ".join(d["keywords"]) if d else "", key=f"{k}_keywords")
        a1, a2, a3 = st.columns(3)
        with a1:
            access = _select(_("Access level"), ACCESS_LEVELS, d["access_level"] if d else "non-public",
                             f"{k}_access")
        days = a2.number_input(_("Retention policy (days)"), min_value=0, max_value=36_500, step=1,
                               value=d["retention_policy_days"] if d else None, key=f"{k}_days")
        modified = a3.date_input(_("Data last changed"), value=d["modified"] if d else None,
                                 key=f"{k}_modified", format="YYYY-MM-DD")
        change = st.text_input(_("What changed and why"), max_chars=400, key=f"{k}_change") if d else ""
        sent = st.form_submit_button(_("Save dataset"), type="primary")
    if not sent:
        return None
    return {"identifier": d["identifier"] if d else identifier, "title": title,
            "department": department, "classification": classification,
            "description": description, "sensitive_categories": categories,
            "keywords": keywords, "access_level": access, "retention_policy_days": days,
            "modified": modified}, change
