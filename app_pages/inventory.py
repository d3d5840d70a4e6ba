"""The sharing inventory: every practice, filtered and searched; one practice by its own URL."""

from collections import Counter

import streamlit as st

from portal.errors import NotFound
from portal.glossary import help_for
from portal.i18n import N_, _, number
from portal.inventory import vocab
from portal.inventory.downloads import inventory_file
from portal.inventory.service import get_practice
from portal.ui import cached
from portal.ui import inventory as view
from portal.ui.comments import comment_section
from portal.ui.context import current_actor, db
from portal.ui.messages import reported
from portal.ui.text import inert

actor = current_actor()
wanted = st.query_params.get("practice")

if wanted is not None:
    if st.button(_("← Back to the inventory"), type="tertiary"):
        del st.query_params["practice"]
        st.rerun()
    detail = None
    with reported(), db() as session:
        try:
            detail = get_practice(session=session, actor=actor, practice_id=int(wanted))
        except (ValueError, NotFound):
            st.error(_("There is no sharing practice {wanted}. It may have been mistyped.").format(
                wanted=inert(repr(wanted))))
    if detail is not None:
        view.detail(detail, actor)
        # Residents comment on a practice where they read it, as on a notice or an indicator.
        comment_section("practice", detail.practice.id)
    st.stop()

st.title(_("Sharing inventory"))
st.write(_(
    "Every practice by which a county department shares data about residents with someone "
    "else: other agencies, vendors, researchers or the public, formally or informally. Open a "
    "practice for the full record, its history and what the automatic checks found."
))

inventory = cached.practices()
rows = inventory.rows
chosen = view.filters(rows)
positions = chosen.apply(rows)
shown = [rows[i] for i in positions]

# Two to a row: four side by side cut the longer Spanish labels short ("Con hallazgos de cumplimi…").
c1, c2 = st.columns(2)
c3, c4 = st.columns(2)
c1.metric(_("Practices shown"), number(len(shown)),
          help=_("of {n} in the inventory").format(n=number(len(rows))))
c2.metric(_("Involving sensitive data"), number(sum(1 for r in shown if r['sensitive_categories'])),
          help=help_for("sensitive_information"))
c3.metric(_("Shared informally"), number(sum(1 for r in shown if r['mechanism'] == 'informal')),
          help=help_for("informal_sharing"))
c4.metric(_("With compliance findings"), number(sum(1 for r in shown if r['findings'])),
          help=help_for("compliance_finding"))

if not shown:
    st.info(_("No practice matches these filters."))
else:
    # A row picked stays picked in the table's state: coming back (the Back button, the
    # browser's Back, the menu) would reopen the same practice. Each opening retires the
    # table's key, so the list always comes back with nothing selected.
    generation = st.session_state.setdefault("inventory_table_generation", 0)
    selection = st.dataframe(
        view.shown_frame(inventory.frame.iloc[positions]), hide_index=True, width="stretch", height=420,
        column_config=view.table_config(), on_select="rerun", selection_mode="single-row",
        key=f"inventory_table_{generation}",
    )
    st.markdown(_("Select a row, or use its Details link, to open the practice."))
    picked = selection.selection.rows if selection is not None else []
    if picked:
        st.session_state["inventory_table_generation"] = generation + 1
        st.query_params["practice"] = str(shown[picked[0]]["id"])
        st.rerun()

    left, right = st.columns(2)
    with left:
        st.header(_("By recipient type"), anchor=False)
        view.bar_chart(Counter(r["recipient_type"] for r in shown), vocab.RECIPIENT_TYPES,
                       N_("Recipient type"), "chart_recipient")
    with right:
        st.header(_("By sensitive category"), anchor=False)
        view.bar_chart(Counter(c for r in shown for c in r["sensitive_categories"]),
                       vocab.SENSITIVE_CATEGORIES, N_("Sensitive category"), "chart_sensitive")

st.header(_("Download"), anchor=False)
st.write(_("The practices shown above, as a spreadsheet (CSV) or as data (JSON), and the "
           "county's catalog of datasets in the federal DCAT-US format."))
d1, d2, d3 = st.columns(3)
d1.download_button(_("Inventory (CSV)"), lambda: inventory_file(shown, "csv"),
                   file_name="sharing-inventory.csv", mime="text/csv", on_click="ignore")
d2.download_button(_("Inventory (JSON)"), lambda: inventory_file(shown, "json"),
                   file_name="sharing-inventory.json", mime="application/json", on_click="ignore")
d3.download_button(_("Dataset catalog (data.json)"), cached.catalog_json(),
                   file_name="data.json", mime="application/json", on_click="ignore")
