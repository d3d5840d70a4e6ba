"""The import screen shared by every kind: template, upload, preview with per-row errors, import."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
import streamlit as st

from portal.auth.roles import Actor
from portal.errors import PortalError, ValidationFailed
from portal.exports import to_csv
from portal.i18n import _, number
from portal.roundtrip import ImportPlan
from portal.tabular import Table, check_columns, read_table, template_xlsx
from portal.ui.changes import show_changes
from portal.ui.context import db
from portal.ui.messages import show_error
from portal.ui.text import inert

ImportFn = Callable[..., "int | ImportPlan"]


def errors_table(error: ValidationFailed) -> pd.DataFrame:
    """A refused file's problems, one row each: its row, its column and what is wrong."""
    return pd.DataFrame([{_("Row"): e.row if e.row is not None else "—", _("Column"): e.field,
                          _("Problem"): e.message} for e in error.errors])


def export_when_clicked(export: Callable[..., bytes], actor: Actor) -> Callable[[], bytes]:
    """``export(session=, actor=)``'s file, built when its download is clicked. Streamlit runs
    it on its own thread, outside the script run, so it is handed the actor this run checked."""
    def build() -> bytes:
        with db() as session:
            return export(session=session, actor=actor)
    return build


def import_section(*, kind: str, noun: str, columns: Mapping[str, tuple[str, str]],
                   required: tuple[str, ...], run: ImportFn, actor: Actor,
                   on_done: Callable[[], None],
                   preview_columns: tuple[str, ...] = ("title", "reference", "dataset", "recipient",
                                                       "received_date"),
                   ignored: tuple[str, ...] = (),
                   current: Callable[[], bytes] | None = None) -> None:
    """``run(session=, actor=, rows=, source=, dry_run=)`` is the area's import service.

    ``current`` builds the kind's export as CSV, offered for editing: a file that imports
    back. It runs when the download is clicked, not on every run (5,000 practices at county
    scale); ``export_when_clicked`` makes one from an export service.
    """
    names = list(columns)
    st.write(_("Add many {noun} at once from a CSV or Excel (.xlsx) file whose first row names "
               "the columns. Every row is checked first; if any row has a problem, nothing is "
               "imported and each problem is listed with its row number.").format(noun=noun))
    if current is not None:
        st.write(_("To change {noun} already here, download them all, edit the file in a "
                   "spreadsheet and upload it: rows with an id update that record, rows without "
                   "one are added, and you see every change before anything is saved.").format(
                     noun=noun))
        st.download_button(_("All {noun} now (CSV, to edit)").format(noun=noun), current, file_name=f"{kind}.csv",
                           mime="text/csv", key=f"{kind}_current_csv", on_click="ignore")
    t1, t2 = st.columns(2)
    t1.download_button(_("Template (CSV)"), to_csv([], names), file_name=f"{kind}-template.csv",
                       mime="text/csv", key=f"{kind}_template_csv", on_click="ignore")
    t2.download_button(_("Template (Excel)"), template_xlsx(names, [columns[c][1] for c in names]),
                       file_name=f"{kind}-template.xlsx", key=f"{kind}_template_xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       on_click="ignore")
    with st.expander(_("What each column holds")):
        st.dataframe(pd.DataFrame([{_("Column"): c, _("Required"): _("yes") if c in required else "",
                                    _("What to enter"): columns[c][1]} for c in names]),
                     hide_index=True, width="stretch")
    upload = st.file_uploader(_("File of {noun}").format(noun=noun), type=["csv", "xlsx"], key=f"{kind}_upload")
    if upload is None:
        return
    try:
        table = read_table(upload.getvalue(), upload.name)
        problems = check_columns(table, required, [*names, *ignored])
        if problems:
            raise ValidationFailed(problems)
        with db() as session:
            valid = run(session=session, actor=actor, rows=table.rows, source=upload.name,
                        dry_run=True)
    except ValidationFailed as error:
        st.error(_("Nothing was imported: {n} problem(s) in {file}.").format(
            n=len(error.errors), file=inert(upload.name)))
        st.dataframe(errors_table(error), hide_index=True, width="stretch")
        return
    except PortalError as error:
        show_error(error)
        return
    if isinstance(valid, ImportPlan):
        _confirm_plan(valid, kind=kind, noun=noun, run=run, actor=actor, on_done=on_done,
                      table=table, source=upload.name)
        return
    st.success(_("All {n} rows of {file} are valid.").format(n=number(valid),
                                                             file=inert(upload.name)))
    preview = pd.DataFrame([{_("Row"): n, **{k: v for k, v in row.items() if k in preview_columns}}
                            for n, row in table.rows[:200]])
    st.dataframe(preview, hide_index=True, width="stretch")
    if st.button(_("Import {n} {noun}").format(n=number(valid), noun=noun), type="primary",
                 key=f"{kind}_confirm"):
        done = None
        try:
            with db() as session:
                done = run(session=session, actor=actor, rows=table.rows, source=upload.name)
        except PortalError as error:
            show_error(error)
        if done is not None:
            on_done()
            st.success(_("Imported {n} {noun} from {file}.").format(
                n=number(done), noun=noun, file=inert(upload.name)))


#: Updated records whose changes are drawn in full; beyond it the summary table says the rest.
SHOWN_IN_FULL = 100


def show_plan(plan: ImportPlan, *, added_note: str = "", updated_note: str = "") -> None:
    """What a file adds, and for each record it updates, every changed field: a table to scan,
    then each record's changes word by word (long texts are unreadable side by side in a table)."""
    if plan.added:
        st.markdown(_("**{n} to add**").format(n=number(len(plan.added))) + added_note)
        st.dataframe(pd.DataFrame([{_("Row"): p.row, _("Name"): p.name} for p in plan.added]),
                     hide_index=True, width="stretch")
    if not plan.updated:
        return
    st.markdown(_("**{n} to update**").format(n=number(len(plan.updated))) + updated_note)
    st.dataframe(pd.DataFrame([{_("Row"): p.row, _("Id"): p.record_id, _("Name"): p.name,
                                _("Fields that change"): ", ".join(c.label for c in p.changes)}
                               for p in plan.updated]), hide_index=True, width="stretch")
    for planned in plan.updated[:SHOWN_IN_FULL]:
        with st.expander(_("Row {row}: {name} (id {id})").format(
                row=planned.row, name=inert(planned.name), id=planned.record_id)):
            show_changes(planned.changes, _("Now"), _("In the file"))
    if len(plan.updated) > SHOWN_IN_FULL:
        st.caption(_("The first {shown} are shown in full; the table lists all {n}.").format(
            shown=SHOWN_IN_FULL, n=number(len(plan.updated))))


def _confirm_plan(plan: ImportPlan, *, kind: str, noun: str, run: ImportFn, actor: Actor,
                  on_done: Callable[[], None], table: Table, source: str) -> None:
    """What the file would change, shown before anything is written; nothing to confirm
    when it changes nothing (the same export imported again)."""
    if not plan.writes:
        st.info(_("{file} changes nothing: its {n} {noun} are already as the file says.").format(
            file=inert(source), n=number(len(plan.unchanged)), noun=noun))
        return
    st.success(_("Every row of {file} is valid. {summary}").format(file=inert(source),
                                                                   summary=plan.summary()))
    show_plan(plan)
    if st.button(_("Import: add {added}, update {updated}").format(
            added=number(len(plan.added)), updated=number(len(plan.updated))), type="primary",
                 key=f"{kind}_confirm"):
        done = None
        try:
            with db() as session:
                done = run(session=session, actor=actor, rows=table.rows, source=source)
        except PortalError as error:
            show_error(error)
        if done is not None:
            on_done()
            st.success(inert(done.done(source)))
