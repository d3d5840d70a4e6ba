"""Staff draft, publish, schedule comment periods for, and retire surveillance notices."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pandas as pd
import streamlit as st

from portal.notices.geo import locations_from_geojson
from portal.notices.importer import import_notices, read_rows
from portal.notices.service import (
    close_comment_period,
    create_technology,
    department_choices,
    get_notice,
    list_technologies,
    publish,
    save_draft,
    set_comment_period,
    set_status,
)
from portal.notices.vocab import CATEGORIES, STATUSES, TEXT_FIELDS, TRANSITIONS
from portal.settings import get_settings
from portal.timefmt import local
from portal.ui.context import current_actor, db
from portal.ui.messages import reported

actor = current_actor()
zone = ZoneInfo(get_settings().timezone)
st.title("Manage notices")
st.write(
    "Changes are made to a draft, which residents never see. Publishing the draft makes it "
    "the current notice; earlier versions stay published exactly as they were."
)

changed = False
NEW = "__new__"
DONE = "manage_notices_done"


def done(message: str, select: str | None = None) -> bool:
    """Remember what happened for the next run: the page reruns so every list is fresh."""
    st.session_state[DONE] = message
    if select:
        st.session_state["manage_notices_next"] = select
    return True


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
    labels = {NEW: "New technology…"} | {
        r.slug: f"{r.name}" + ("" if r.is_published else " (never published)")
        + (" — draft in progress" if r.has_draft else "")
        for r in sorted(rows, key=lambda r: r.name.lower())
    }
    slug = st.selectbox("Technology", list(labels), format_func=labels.get, index=1 if rows else 0,
                        key="manage_notices_slug")

    if slug == NEW:
        with st.form("create", clear_on_submit=False):
            st.subheader("New technology")
            name = st.text_input("Name", max_chars=200)
            new_slug = st.text_input("Short name for the address (letters, digits, hyphens)", max_chars=120)
            category = st.selectbox("Category", list(CATEGORIES), format_func=CATEGORIES.get)
            department = st.selectbox("Department", list(departments), format_func=departments.get)
            status = st.selectbox("Status", list(STATUSES), format_func=STATUSES.get)
            description = st.text_area(TEXT_FIELDS["description"])
            if st.form_submit_button("Create draft"):
                with reported(), db() as session:
                    create_technology(session=session, actor=actor, slug=new_slug, name=name,
                                      category=category, department_id=department, status=status,
                                      content={"description": description})
                    changed = done("Draft created. Fill in the notice below, then publish it.",
                                   select=new_slug.strip().lower())
    else:
        tech = next(r for r in rows if r.slug == slug)
        with db() as session:
            page = get_notice(session=session, actor=actor, slug=slug, include_draft=True)
        draft = page.versions[-1] if page.versions[-1].published_at is None else None
        current = draft or page.versions[-1]
        st.write(
            f"Status: {STATUSES[tech.status]} · "
            + (f"draft of version {draft.version} in progress" if draft
               else f"version {current.version} published, no draft")
        )

        with st.form("draft"):
            st.subheader("Notice content" + (" (draft)" if draft else " (starts a new draft)"))
            content = {name: st.text_area(label, value=getattr(current, name) or "",
                                          height=180 if name == "use_policy" else 90)
                       for name, label in TEXT_FIELDS.items()}
            col1, col2 = st.columns(2)
            content["fiscal_acquisition_cost"] = col1.number_input(
                "Acquisition cost (USD)", min_value=0.0, value=current.fiscal_acquisition_cost)
            content["fiscal_ongoing_cost"] = col2.number_input(
                "Ongoing yearly cost (USD)", min_value=0.0, value=current.fiscal_ongoing_cost)
            content["approved_on"] = st.date_input("Approved on", value=current.approved_on)
            st.markdown("**Locations** — one row per point; add areas as GeoJSON below.")
            points = st.data_editor(
                pd.DataFrame(
                    [{"label": loc.label, "latitude": loc.latitude, "longitude": loc.longitude}
                     for loc in page.locations if not loc.geometry],
                    columns=["label", "latitude", "longitude"],
                ).astype({"label": "string", "latitude": "float", "longitude": "float"}),
                num_rows="dynamic", hide_index=True, key=f"points-{slug}",
            )
            geojson = st.text_area("Areas (a GeoJSON FeatureCollection; leave empty to keep the current areas)")
            if st.form_submit_button("Save draft"):
                locations = [
                    {"label": r["label"], "latitude": r["latitude"], "longitude": r["longitude"]}
                    for r in points.to_dict("records") if any(pd.notna(v) and v != "" for v in r.values())
                ]
                areas = [{"label": loc.label, "geometry": loc.geometry}
                         for loc in page.locations if loc.geometry]
                if geojson.strip():
                    found = locations_from_geojson(geojson)
                    areas = found if isinstance(found, list) else [{"label": "Areas", "geometry": found}]
                with reported(), db() as session:
                    save_draft(session=session, actor=actor, technology_id=tech.id,
                               content=content, locations=locations + areas)
                    changed = done("Draft saved.")

        if draft:
            if st.button("Publish the draft", type="primary"):
                with reported(), db() as session:
                    published = publish(session=session, actor=actor, technology_id=tech.id)
                    changed = done(f"Version {published.version} is published.")

        st.subheader("Comment period")
        with st.form("period"):
            opens_local = local(tech.opens_at) if tech.opens_at else None
            closes_local = local(tech.closes_at) if tech.closes_at else None
            today = datetime.now(zone).date()
            col1, col2 = st.columns(2)
            open_day = col1.date_input("Opens on", value=opens_local.date() if opens_local else today)
            close_day = col2.date_input("Closes at the end of",
                                        value=closes_local.date() if closes_local else today + timedelta(days=30))
            if st.form_submit_button("Set the comment period"):
                with reported(), db() as session:
                    set_comment_period(
                        session=session, actor=actor, technology_id=tech.id,
                        opens_at=datetime.combine(open_day, time(0, 0), tzinfo=zone),
                        closes_at=datetime.combine(close_day, time(23, 59), tzinfo=zone),
                    )
                    changed = done("Comment period set.")
        if tech.comment_state in ("open", "upcoming"):
            if st.button("Close the comment period now"):
                with reported(), db() as session:
                    close_comment_period(session=session, actor=actor, technology_id=tech.id)
                    changed = done("Comment period closed.")

        st.subheader("Status")
        following = sorted(TRANSITIONS[tech.status])
        if following:
            with st.form("status"):
                new_status = st.selectbox("Change the status to", following, format_func=STATUSES.get)
                if st.form_submit_button("Change status"):
                    with reported(), db() as session:
                        set_status(session=session, actor=actor, technology_id=tech.id, status=new_status)
                        changed = done(f"Status is now {STATUSES[new_status]}.")
        else:
            st.write(f"{STATUSES[tech.status]} is final.")

st.header("Import notices")
st.write(
    "A CSV or JSON file, one notice per row: slug, name, category, department (code or name), "
    "status, any content fields, and locations as `Label (latitude, longitude); …`, a JSON "
    "list or GeoJSON. Every row is checked first; if any row is wrong, nothing is imported."
)
with st.form("import"):
    upload = st.file_uploader("Notices file", type=["csv", "json"])
    publish_all = st.checkbox("Publish every imported notice")
    if st.form_submit_button("Import"):
        if upload is None:
            st.error("Choose a file first.")
        else:
            with reported(), db() as session:
                result = import_notices(session=session, actor=actor,
                                        rows=read_rows(upload.getvalue(), upload.name),
                                        publish_all=publish_all)
                changed = done(f"Imported {len(result.created)} new and {len(result.updated)} "
                               f"updated notices; {len(result.published)} published.")

if changed:
    st.rerun()
