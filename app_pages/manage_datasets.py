"""Staff: the county's departments and datasets, one by one or by spreadsheet."""

import streamlit as st

from portal.auth.permissions import allowed
from portal.errors import PermissionDenied
from portal.i18n import N_, _
from portal.inventory import records
from portal.ui import cached
from portal.ui.changes import version_history
from portal.ui.context import current_actor, db
from portal.ui.forms import dataset_form, department_form
from portal.ui.importing import export_when_clicked, import_section
from portal.ui.messages import reported, show_error
from portal.ui.text import inert

actor = current_actor()
st.title(_("Departments and datasets"))
if not allowed(actor, "inventory.create_dataset"):
    # The services refuse every write anyway; this says so before showing any form.
    show_error(PermissionDenied("inventory.create_dataset", {r.value for r in actor.roles}))
    st.stop()
st.write(_("Every sharing practice belongs to a dataset, and every dataset to the department "
           "that keeps it. The datasets are published in the public catalog (data.json). Every "
           "save makes a new version, kept with who changed what and when."))

tab_datasets, tab_departments, tab_files = st.tabs([_("Datasets"), _("Departments"), _("Import")])
_DONE = "manage_datasets_done"
#: What a save says, by the kind of record saved.
_SAVED = {"dataset": N_("Saved dataset {name} as version {version}."),
          "department": N_("Saved department {name} as version {version}.")}
#: The import tab's kinds, as its headings and sentences name them.
_NOUNS = {"datasets": N_("datasets"), "departments": N_("departments")}


def _saved(kind: str, saved: dict | None, key: str, choice: str) -> None:
    """After a save the page runs again, so every list is fresh (a new department is at once a
    dataset's steward to choose), with the saved record open and the message kept for that run."""
    if saved is not None:
        cached.clear()
        message = _(_SAVED[kind]).format(name=inert(str(saved[key])), version=saved["version"])
        st.session_state[_DONE] = (kind, message)
        st.session_state[f"{choice}_next"] = saved["id"]
        st.rerun()


def _done(kind: str, choice: str) -> None:
    """The last save's message, in its own tab; the record saved is the one chosen."""
    if f"{choice}_next" in st.session_state:
        st.session_state[choice] = st.session_state.pop(f"{choice}_next")
    done = st.session_state.get(_DONE)
    if done is not None and done[0] == kind:
        del st.session_state[_DONE]
        st.success(done[1])


with tab_datasets:
    _done("dataset", "dataset_choice")
    dataset_rows = []
    departments: dict[str, str] = {}
    with reported(), db() as session:
        dataset_rows = records.list_dataset_records(session=session, actor=actor)
        departments = {d["code"]: d["name"]
                       for d in records.list_department_records(session=session, actor=actor)}
    dataset_names = {r["id"]: f"{r['title']} ({r['identifier']})" for r in dataset_rows}
    chosen = st.selectbox(_("Dataset"), [0, *dataset_names],
                          format_func=lambda i: dataset_names.get(i) or _("New dataset"),
                          key="dataset_choice")
    detail = None
    if chosen:
        with reported(), db() as session:
            detail = records.get_dataset(session=session, actor=actor, dataset_id=chosen)
    submitted = dataset_form(detail.values if detail else None, departments)
    if submitted is not None:
        values, summary = submitted
        saved = None
        with reported(), db() as session:
            if detail is None:
                saved = records.create_dataset(session=session, actor=actor, values=values)
            else:
                saved = records.update_dataset(
                    session=session, actor=actor, dataset_id=chosen, values=values,
                    expected_version=detail.values["version"], summary=summary)
        _saved("dataset", saved, "identifier", "dataset_choice")
    if detail is not None:
        st.subheader(_("Change history"), anchor=False)
        version_history(detail.history, _("This dataset has not been changed in the portal."))

with tab_departments:
    _done("department", "department_choice")
    department_rows = []
    with reported(), db() as session:
        department_rows = records.list_department_records(session=session, actor=actor)
    department_names = {r["id"]: f"{r['name']} ({r['code']})" for r in department_rows}
    chosen_department = st.selectbox(_("Department"), [0, *department_names],
                                     format_func=lambda i: department_names.get(i)
                                     or _("New department"),
                                     key="department_choice")
    current = None
    if chosen_department:
        with reported(), db() as session:
            current = records.get_department(session=session, actor=actor,
                                             department_id=chosen_department)
    submitted = department_form(current.values if current else None)
    if submitted is not None:
        values, summary = submitted
        saved = None
        with reported(), db() as session:
            if current is None:
                saved = records.create_department(session=session, actor=actor, values=values)
            else:
                saved = records.update_department(
                    session=session, actor=actor, department_id=chosen_department, values=values,
                    expected_version=current.values["version"], summary=summary)
        _saved("department", saved, "code", "department_choice")
    if current is not None:
        st.subheader(_("Change history"), anchor=False)
        version_history(current.history, _("This department has not been changed in the portal."))

with tab_files:
    for kind, run, export in ((records.DATASETS, records.import_datasets, records.export_datasets),
                              (records.DEPARTMENTS, records.import_departments,
                               records.export_departments)):
        noun = _(_NOUNS.get(kind.noun, kind.noun))
        st.subheader(_("Import {noun}").format(noun=noun), anchor=False)
        import_section(kind=kind.noun, noun=noun, columns=kind.columns,
                       required=kind.required, run=run, actor=actor, on_done=cached.clear,
                       ignored=kind.extra_columns, current=export_when_clicked(export, actor))
