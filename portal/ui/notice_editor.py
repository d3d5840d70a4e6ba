"""The staff notice editor's forms: name, category and department, the draft, the comment
period, the status, and the import of a file of notices.

Each returns True when it changed something, so the page reruns with fresh lists.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pandas as pd
import streamlit as st

from portal.auth.roles import Actor
from portal.errors import FieldError, PortalError, ValidationFailed
from portal.i18n import _, number
from portal.notices.editing import (
    close_comment_period,
    save_draft,
    set_comment_period,
    set_identity,
    set_status,
)
from portal.notices.geo import locations_from_geojson
from portal.notices.importer import import_notices, read_rows, to_publish
from portal.notices.service import NoticePage, TechnologySummary
from portal.notices.vocab import CATEGORIES, STATUSES, TEXT_FIELDS, TRANSITIONS
from portal.settings import get_settings
from portal.timefmt import local
from portal.ui.context import db
from portal.ui.importing import errors_table, show_plan
from portal.ui.messages import reported, show_error
from portal.ui.text import inert

if TYPE_CHECKING:
    from portal.notices.models import NoticeVersion

DONE = "manage_notices_done"


def done(message: str, select: str | None = None) -> bool:
    """Remember what happened for the next run: the page reruns so every list is fresh."""
    st.session_state[DONE] = message
    if select:
        st.session_state["manage_notices_next"] = select
    return True


def identity_form(actor: Actor, page: NoticePage, departments: dict[int, str]) -> bool:
    """Rename the technology or move it to another category or department; its address stays."""
    changed = False
    tech = page.technology
    with st.form("identity"):
        st.subheader(_("Name, category and department"))
        st.caption(_("The notice's address keeps its short name, {slug}, so links to it keep "
                     "working. A published technology's earlier name stays in its "
                     "history.").format(slug=inert(tech.slug)))
        name = st.text_input(_("Name"), value=tech.name, max_chars=200, key=f"name-{tech.slug}")
        categories = list(CATEGORIES)
        category = st.selectbox(_("Category"), categories, format_func=lambda c: _(CATEGORIES[c]),
                                index=categories.index(tech.category)
                                if tech.category in categories else 0, key=f"category-{tech.slug}")
        ids = list(departments)
        department = st.selectbox(_("Department"), ids, format_func=departments.get,
                                  index=ids.index(tech.department_id)
                                  if tech.department_id in ids else 0,
                                  key=f"department-{tech.slug}")
        if st.form_submit_button(_("Save name, category and department")):
            with reported(), db() as session:
                saved = set_identity(session=session, actor=actor, technology_id=tech.id,  # type: ignore[arg-type]
                                     name=name, category=category, department_id=department)
                changed = done(_("Saved: {name}, {category}, {department}.").format(
                    name=inert(saved.name), category=_(CATEGORIES[saved.category]),
                    department=inert(departments.get(saved.department_id, ""))))
    return changed


def draft_form(actor: Actor, tech: TechnologySummary, page: NoticePage, current: NoticeVersion,
               draft: NoticeVersion | None) -> bool:
    """The notice's content and locations, saved to the draft (which residents never see)."""
    changed = False
    slug = tech.slug
    with st.form("draft"):
        st.subheader(_("Notice content (draft)") if draft
                     else _("Notice content (starts a new draft)"))
        content = {name: st.text_area(_(label), value=getattr(current, name) or "",
                                      height=180 if name == "use_policy" else 90)
                   for name, label in TEXT_FIELDS.items()}
        col1, col2 = st.columns(2)
        content["fiscal_acquisition_cost"] = col1.number_input(
            _("Acquisition cost (USD)"), min_value=0.0, value=current.fiscal_acquisition_cost)
        content["fiscal_ongoing_cost"] = col2.number_input(
            _("Ongoing yearly cost (USD)"), min_value=0.0, value=current.fiscal_ongoing_cost)
        content["approved_on"] = st.date_input(_("Approved on"), value=current.approved_on)
        st.markdown(_("**Locations** — one row per point; add areas as GeoJSON below."))
        points = st.data_editor(
            pd.DataFrame(
                [{"label": loc.label, "latitude": loc.latitude, "longitude": loc.longitude}
                 for loc in page.locations if not loc.geometry],
                columns=["label", "latitude", "longitude"],
            ).astype({"label": "string", "latitude": "float", "longitude": "float"}),
            num_rows="dynamic", hide_index=True, key=f"points-{slug}",
        )
        geojson = st.text_area(_("Areas (a GeoJSON FeatureCollection; leave empty to keep the "
                                 "current areas)"))
        if st.form_submit_button(_("Save draft")):
            locations = [
                {"label": r["label"], "latitude": r["latitude"], "longitude": r["longitude"]}
                for r in points.to_dict("records") if any(pd.notna(v) and v != "" for v in r.values())
            ]
            areas = [{"label": loc.label, "geometry": loc.geometry}
                     for loc in page.locations if loc.geometry]
            with reported(), db() as session:
                if geojson.strip():
                    found = locations_from_geojson(geojson)
                    if isinstance(found, str):  # the reason the text is not areas, as it is
                        raise ValidationFailed([FieldError("areas", found, label=_("Areas"))])
                    areas = found
                save_draft(session=session, actor=actor, technology_id=tech.id,
                           content=content, locations=locations + areas)
                changed = done(_("Draft saved."))
    return changed


def period_and_status_forms(actor: Actor, tech: TechnologySummary) -> bool:
    """The comment period (whole local days) and the lifecycle status."""
    changed = False
    zone = ZoneInfo(get_settings().timezone)
    st.subheader(_("Comment period"))
    with st.form("period"):
        opens_local = local(tech.opens_at) if tech.opens_at else None
        closes_local = local(tech.closes_at) if tech.closes_at else None
        today = datetime.now(zone).date()
        col1, col2 = st.columns(2)
        open_day = col1.date_input(_("Opens on"), value=opens_local.date() if opens_local else today)
        close_day = col2.date_input(_("Closes at the end of"),
                                    value=closes_local.date() if closes_local else today + timedelta(days=30))
        if st.form_submit_button(_("Set the comment period")):
            with reported(), db() as session:
                set_comment_period(
                    session=session, actor=actor, technology_id=tech.id,
                    opens_at=datetime.combine(open_day, time(0, 0), tzinfo=zone),
                    closes_at=datetime.combine(close_day, time(23, 59), tzinfo=zone),
                )
                changed = done(_("Comment period set."))
    if tech.comment_state in ("open", "upcoming"):
        if st.button(_("Close the comment period now")):
            with reported(), db() as session:
                close_comment_period(session=session, actor=actor, technology_id=tech.id)
                changed = done(_("Comment period closed."))

    st.subheader(_("Status"))
    following = sorted(TRANSITIONS[tech.status])
    if following:
        with st.form("status"):
            new_status = st.selectbox(_("Change the status to"), following,
                                      format_func=lambda s: _(STATUSES[s]))
            if st.form_submit_button(_("Change status")):
                with reported(), db() as session:
                    set_status(session=session, actor=actor, technology_id=tech.id, status=new_status)
                    changed = done(_("Status is now {status}.").format(
                        status=_(STATUSES[new_status])))
    else:
        st.write(_("{status} is final.").format(status=_(STATUSES[tech.status])))
    return changed


UPLOAD = "manage_notices_upload"


def import_form(actor: Actor) -> bool:
    """A file of notices (CSV, XLSX or JSON, such as the export): what it would add and change,
    field by field, then a button that writes exactly that."""
    key = f"{UPLOAD}-{st.session_state.get(UPLOAD, 0)}"  # a new key empties the uploader
    upload = st.file_uploader(_("Notices file"), type=["csv", "xlsx", "json"], key=key)
    publish_all = st.checkbox(_("Publish each notice the file adds or whose content it changes"),
                              key="manage_notices_publish_all")
    if upload is None:
        return False
    source = upload.name
    try:
        rows = read_rows(upload.getvalue(), source)
        with db() as session:
            plan = import_notices(session=session, actor=actor, rows=rows, source=source,
                                  publish_all=publish_all, dry_run=True)
    except ValidationFailed as error:
        st.error(_("Nothing was imported: {n} problem(s) in {file}.").format(
            n=len(error.errors), file=inert(source)))
        st.dataframe(errors_table(error), hide_index=True, width="stretch")
        return False
    except PortalError as error:
        show_error(error)
        return False
    if not plan.writes:
        st.info(_("{file} changes nothing: its {n} {noun} are already as the file says.").format(
            file=inert(source), n=number(len(plan.unchanged)), noun=_("notices")))
        return False
    published = to_publish(plan)
    st.success(_("Every row of {file} is valid. {summary}").format(file=inert(source),
                                                                   summary=plan.summary())
               + (_(" {n} to publish.").format(n=number(len(published))) if publish_all else ""))
    show_plan(plan, added_note=_(" (each as a draft, then published)") if publish_all
              else _(" (each as a draft)"),
              updated_note=_(" (content goes to the draft; name, category, department and status "
                             "change at once)"))
    if not st.button(_("Import: add {added}, update {updated}").format(
            added=number(len(plan.added)), updated=number(len(plan.updated))),
                     type="primary", key="manage_notices_import"):
        return False
    imported = None
    with reported(), db() as session:
        imported = import_notices(session=session, actor=actor, rows=rows, source=source,
                                  publish_all=publish_all)
    if imported is None:
        return False
    st.session_state[UPLOAD] = st.session_state.get(UPLOAD, 0) + 1
    return done(_("Imported {added} new and {updated} updated notices from {file}; {published} "
                  "published.").format(added=len(imported.added), updated=len(imported.updated),
                                       file=inert(source), published=len(to_publish(imported))))
