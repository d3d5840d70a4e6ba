"""Staff draft, publish, schedule comment periods for, and retire surveillance notices."""


import streamlit as st

from portal.i18n import _
from portal.notices.editing import (
    create_technology,
    department_choices,
    publish,
)
from portal.notices.importer import export_notices
from portal.notices.service import get_notice, list_technologies
from portal.notices.vocab import CATEGORIES, STATUSES, TEXT_FIELDS
from portal.ui.context import current_actor, db
from portal.ui.messages import reported
from portal.ui.notice_editor import (
    DONE,
    done,
    draft_form,
    identity_form,
    import_form,
    period_and_status_forms,
)

actor = current_actor()
st.title(_("Manage notices"))
st.write(_(
    "Changes are made to a draft, which residents never see. Publishing the draft makes it "
    "the current notice; earlier versions stay published exactly as they were."
))

changed = False
NEW = "__new__"


if DONE in st.session_state:
    st.success(st.session_state.pop(DONE))
if "manage_notices_next" in st.session_state:
    st.session_state["manage_notices_slug"] = st.session_state.pop("manage_notices_next")
rows = None
with reported(), db() as session:
    # The service refuses anyone but staff: a resident who reaches this page sees why.
    rows = list_technologies(session=session, actor=actor, include_unpublished=True)
    departments = department_choices(session=session, actor=actor)
if rows is None:
    st.stop()

with reported():
    labels = {NEW: _("New technology…")} | {
        r.slug: r.name + ("" if r.is_published else _(" (never published)"))
        + (_(" — draft in progress") if r.has_draft else "")
        for r in sorted(rows, key=lambda r: r.name.lower())
    }
    slug = st.selectbox(_("Technology"), list(labels), format_func=labels.get, index=1 if rows else 0,
                        key="manage_notices_slug")

    if slug == NEW:
        with st.form("create", clear_on_submit=False):
            st.subheader(_("New technology"))
            name = st.text_input(_("Name"), max_chars=200)
            new_slug = st.text_input(_("Short name for the address (letters, digits, hyphens)"),
                                     max_chars=120)
            category = st.selectbox(_("Category"), list(CATEGORIES),
                                    format_func=lambda c: _(CATEGORIES[c]))
            department = st.selectbox(_("Department"), list(departments), format_func=departments.get)
            status = st.selectbox(_("Status"), list(STATUSES), format_func=lambda s: _(STATUSES[s]))
            description = st.text_area(_(TEXT_FIELDS["description"]))
            if st.form_submit_button(_("Create draft")):
                with reported(), db() as session:
                    create_technology(session=session, actor=actor, slug=new_slug, name=name,
                                      category=category, department_id=department, status=status,
                                      content={"description": description})
                    changed = done(_("Draft created. Fill in the notice below, then publish it."),
                                   select=new_slug.strip().lower())
    else:
        tech = next(r for r in rows if r.slug == slug)
        with db() as session:
            page = get_notice(session=session, actor=actor, slug=slug, include_draft=True)
        draft = page.versions[-1] if page.versions[-1].published_at is None else None
        current = draft or page.versions[-1]
        st.write(
            _("Status: {status} · ").format(status=_(STATUSES[tech.status]))
            + (_("draft of version {version} in progress").format(version=draft.version) if draft
               else _("version {version} published, no draft").format(version=current.version))
        )

        changed = identity_form(actor, page, departments) or changed
        changed = draft_form(actor, tech, page, current, draft) or changed
        if draft:
            if st.button(_("Publish the draft"), type="primary"):
                with reported(), db() as session:
                    published = publish(session=session, actor=actor, technology_id=tech.id)
                    changed = done(_("Version {version} is published.").format(
                        version=published.version))

        changed = period_and_status_forms(actor, tech) or changed

st.header(_("Import notices"))
st.write(_(
    "A CSV, Excel (.xlsx) or JSON file, one notice per row, such as the export below: slug, "
    "name, category, department (code or name), status, any content fields, and locations as "
    "`Label (latitude, longitude); …`, a JSON list or GeoJSON. A row whose slug is already "
    "here changes that notice; other rows add one. You see what the file adds and changes, "
    "field by field, before anything is saved, and if any row is wrong nothing is imported."
))
with reported(), db() as session:
    st.download_button(_("All notices now (CSV, to edit)"),
                       export_notices(session=session, actor=actor, fmt="csv"),
                       file_name="notices.csv", mime="text/csv", on_click="ignore")
changed = import_form(actor) or changed

if changed:
    st.rerun()
