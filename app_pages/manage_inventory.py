"""Staff: add, edit and retire sharing practices and information requests, one by one or by file."""

import streamlit as st

from portal.auth.permissions import allowed
from portal.errors import PermissionDenied
from portal.i18n import _
from portal.inventory import fields as practice_fields
from portal.inventory.downloads import inventory_file
from portal.inventory.service import (
    create_practice,
    get_practice,
    import_practices,
    list_departments,
    retire_practice,
    update_practice,
)
from portal.requests import service as requests
from portal.requests import vocab as rvocab
from portal.ui import cached
from portal.ui.context import current_actor, db
from portal.ui.forms import practice_form, request_form
from portal.ui.importing import export_when_clicked, import_section
from portal.ui.messages import reported, show_error
from portal.ui.text import inert

actor = current_actor()
st.title(_("Manage the inventory"))
if not allowed(actor, "inventory.create_practice"):
    # The services refuse every write anyway; this says so before showing any form.
    show_error(PermissionDenied("inventory.create_practice", {r.value for r in actor.roles}))
    st.stop()
st.write(_("Every save makes a new version; earlier versions stay readable in the practice's "
           "history, with who changed what and when."))

tab_practice, tab_import, tab_request, tab_request_import = st.tabs(
    [_("Sharing practices"), _("Import practices"), _("Information requests"), _("Import requests")])

with tab_practice:
    rows = cached.practices().rows
    datasets = cached.datasets()
    labels = {r["id"]: f"#{r['id']} {r['title']} ({r['department']})" for r in rows}
    chosen = st.selectbox(_("Practice"), [0, *labels],
                          format_func=lambda i: labels.get(i) or _("New practice"),
                          key="practice_choice")
    current = None
    if chosen:
        with reported(), db() as session:
            current = get_practice(session=session, actor=actor, practice_id=chosen)
    submitted = practice_form(current, datasets)
    if submitted is not None:
        values, summary = submitted
        saved = None
        with reported(), db() as session:
            if current is None:
                saved = create_practice(session=session, actor=actor, values=values)
            else:
                saved = update_practice(session=session, actor=actor, practice_id=current.practice.id,
                                        values=values, expected_version=current.practice.version,
                                        summary=summary)
        if saved is not None:
            cached.clear()
            st.success(_("Saved {title} as version {version}.").format(
                title=inert(saved.title), version=saved.version))
    if current is not None and current.practice.status != "retired":
        with st.form("retire_practice"):
            st.subheader(_("Retire this practice"), anchor=False)
            reason = st.text_input(_("Why is it retired?"), max_chars=400)
            retire = st.form_submit_button(_("Retire practice"))
        if retire:
            done = None
            with reported(), db() as session:
                done = retire_practice(session=session, actor=actor, practice_id=current.practice.id,
                                       reason=reason, expected_version=current.practice.version)
            if done is not None:
                cached.clear()
                st.success(_("Retired {title} (version {version}).").format(
                    title=inert(done.title), version=done.version))

with tab_import:
    import_section(kind="inventory", noun=_("practices"), columns=practice_fields.COLUMNS,
                   required=practice_fields.REQUIRED, run=import_practices, actor=actor,
                   on_done=cached.clear, ignored=practice_fields.EXTRA_COLUMNS,
                   current=lambda: inventory_file(cached.practices().rows, "csv"))

with tab_request:
    listed = []
    with reported(), db() as session:
        listed = requests.list_requests(session=session, actor=actor)
    names = {r.id: f"{r.reference} · {r.received_date.isoformat()} · "
                   f"{_(rvocab.STATUSES[r.status]).split(' (')[0]}" for r in listed}
    picked = st.selectbox(_("Request"), [0, *names],
                          format_func=lambda i: names.get(i) or _("New request"),
                          key="request_choice")
    current_request = None
    if picked:
        with reported(), db() as session:
            current_request = requests.get_request(session=session, actor=actor, request_id=picked)
    with db() as session:
        codes = list_departments(session=session, actor=actor)
    sent = request_form(current_request, codes) if codes else None
    if sent is not None:
        values, summary = sent
        saved_request = None
        with reported(), db() as session:
            if current_request is None:
                saved_request = requests.create_request(session=session, actor=actor, values=values)
            else:
                saved_request = requests.update_request(
                    session=session, actor=actor, request_id=current_request[0].id, values=values,
                    expected_version=current_request[0].version, summary=summary)
        if saved_request is not None:
            cached.clear()
            st.success(_("Saved {title} as version {version}.").format(
                title=inert(saved_request.reference), version=saved_request.version))
    if current_request is not None and current_request[0].status != "withdrawn":
        with st.form("withdraw_request"):
            st.subheader(_("Withdraw this request"), anchor=False)
            why = st.text_input(_("Why is it withdrawn?"), max_chars=400, key="withdraw_reason")
            withdraw = st.form_submit_button(_("Withdraw request"))
        if withdraw:
            gone = None
            with reported(), db() as session:
                gone = requests.withdraw_request(session=session, actor=actor,
                                                 request_id=current_request[0].id, reason=why,
                                                 expected_version=current_request[0].version)
            if gone is not None:
                cached.clear()
                st.success(_("Withdrew {reference}.").format(reference=inert(gone.reference)))

with tab_request_import:
    import_section(kind="requests", noun=_("requests"), columns=requests.COLUMNS,
                   required=requests.REQUIRED, run=requests.import_requests, actor=actor,
                   on_done=cached.clear, ignored=requests.EXTRA_COLUMNS,
                   current=export_when_clicked(requests.export_requests, actor))
