"""Staff: indicator definitions (versioned) and their values, one form or one file at a time."""

import streamlit as st

from portal.auth.permissions import allowed
from portal.errors import PermissionDenied
from portal.i18n import _, number
from portal.indicators.definitions import (
    create_definition,
    definition_history,
    import_definitions,
    update_definition,
)
from portal.indicators.service import list_indicators
from portal.indicators.values import import_values, preview_values
from portal.indicators.vocab import (
    DEFINITION_COLUMNS,
    DEFINITION_REQUIRED,
    VALUE_COLUMNS,
    VALUE_IGNORED,
    VALUE_REQUIRED,
)
from portal.inventory.service import list_departments
from portal.ui.context import current_actor, db
from portal.ui.forms import indicator_form
from portal.ui.importing import import_section
from portal.ui.messages import reported, show_error
from portal.ui.text import inert

actor = current_actor()
st.title(_("Manage indicators"))
if not allowed(actor, "indicators.import_values"):
    # The services refuse every write anyway; this says so before showing any form.
    show_error(PermissionDenied("indicators.import_values", {r.value for r in actor.roles}))
    st.stop()
st.write(_("Definitions are versioned: every save keeps the one before it, with who changed "
           "what. Values are imported from a file, all rows or none; the public pages suppress "
           "small numbers on their own."))


def run_values(*, session, actor, rows, source, dry_run=False) -> int:  # type: ignore[no-untyped-def]
    """The shared import screen counts rows; values report what they add and change."""
    if dry_run:
        plan = preview_values(session=session, actor=actor, rows=rows)
        st.caption(_("This file adds {added} values, changes {changed} and leaves {unchanged} "
                     "as they are, for: {indicators}.").format(
                       added=number(len(plan.added)), changed=number(len(plan.updated)),
                       unchanged=number(plan.unchanged), indicators=inert(", ".join(plan.indicators))))
        return len(rows)
    return import_values(session=session, actor=actor, rows=rows, source=source).changes


tab_values, tab_definition, tab_definitions_file = st.tabs(
    [_("Import values"), _("Definitions"), _("Import definitions")])

with tab_values:
    import_section(kind="indicators", noun=_("indicator values"), columns=VALUE_COLUMNS,
                   required=VALUE_REQUIRED, run=run_values, actor=actor, on_done=st.cache_resource.clear,
                   preview_columns=tuple(VALUE_COLUMNS), ignored=VALUE_IGNORED)

with tab_definition:
    with reported(), db() as session:
        catalog = list_indicators(session=session, actor=actor)
        departments = list_departments(session=session, actor=actor)
    by_id = {i.id: i for i in catalog}
    chosen = st.selectbox(_("Indicator"), [0, *by_id], key="indicator_choice",
                          format_func=lambda i: by_id[i].name if i else _("New indicator"))
    current = by_id.get(chosen)
    sent = indicator_form(current, departments)
    if sent is not None:
        values, summary = sent
        saved = None
        with reported(), db() as session:
            if current is None:
                saved = create_definition(session=session, actor=actor, values=values)
            else:
                saved = update_definition(session=session, actor=actor, indicator_id=current.id,
                                          values=values, expected_version=current.version,
                                          summary=summary)
            if saved is not None:
                st.cache_resource.clear()
                st.success(_("Saved {title} as version {version}.").format(
                    title=inert(saved.name), version=saved.version))
    if current is not None:
        with st.expander(_("History of this definition")), reported(), db() as session:
            for entry in definition_history(session=session, actor=actor, indicator_id=current.id):
                st.markdown(_("**Version {version}** · {who} · {summary}").format(
                    version=entry.version, who=inert(entry.changed_by), summary=inert(entry.summary)))
                for change in entry.changes:
                    st.caption(f"{inert(change.label)}: {inert(change.before)} → {inert(change.after)}")

with tab_definitions_file:
    import_section(kind="indicator-definitions", noun=_("indicator definitions"),
                   columns=DEFINITION_COLUMNS, required=DEFINITION_REQUIRED, run=import_definitions,
                   actor=actor, on_done=st.cache_resource.clear, preview_columns=("slug", "name", "unit"))
