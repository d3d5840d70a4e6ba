"""The staff notice editor's forms: the draft, the comment period and the status.

Each returns True when it changed something, so the page reruns with fresh lists.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pandas as pd
import streamlit as st

from portal.auth.roles import Actor
from portal.notices.editing import close_comment_period, save_draft, set_comment_period, set_status
from portal.notices.geo import locations_from_geojson
from portal.notices.service import NoticePage, TechnologySummary
from portal.notices.vocab import STATUSES, TEXT_FIELDS, TRANSITIONS
from portal.settings import get_settings
from portal.timefmt import local
from portal.ui.context import db
from portal.ui.messages import reported

if TYPE_CHECKING:
    from portal.notices.models import NoticeVersion

DONE = "manage_notices_done"


def done(message: str, select: str | None = None) -> bool:
    """Remember what happened for the next run: the page reruns so every list is fresh."""
    st.session_state[DONE] = message
    if select:
        st.session_state["manage_notices_next"] = select
    return True


def draft_form(actor: Actor, tech: TechnologySummary, page: NoticePage, current: NoticeVersion,
               draft: NoticeVersion | None) -> bool:
    """The notice's content and locations, saved to the draft (which residents never see)."""
    changed = False
    slug = tech.slug
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
    return changed


def period_and_status_forms(actor: Actor, tech: TechnologySummary) -> bool:
    """The comment period (whole local days) and the lifecycle status."""
    changed = False
    zone = ZoneInfo(get_settings().timezone)
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
    return changed
