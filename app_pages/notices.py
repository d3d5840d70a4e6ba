"""Surveillance technologies the county proposes or uses; open comment periods first."""

import pandas as pd
import streamlit as st

from portal.auth.roles import RESIDENT
from portal.base import utcnow
from portal.notices.feeds import comment_deadlines_ics, notices_atom
from portal.notices.present import period_cell
from portal.notices.service import list_technologies
from portal.notices.vocab import CATEGORIES, STATUSES
from portal.oversight.service import meetings_ics
from portal.timefmt import county_zone, format_date, format_datetime
from portal.ui.context import current_actor, db, site_url
from portal.ui.links import api_links, subscribe_links
from portal.ui.lists import LinkedItem, linked_items
from portal.ui.text import inert

actor = current_actor()
st.title("Surveillance technologies")
st.write(
    "Every surveillance technology the county proposes or uses has a public notice: what it "
    "does, what data it collects, who can see it, what it costs and how it may affect civil "
    "rights. While a notice is open for public comment, you can tell the county what you think."
)

with db() as session:
    rows = list_technologies(session=session, actor=actor)
now = utcnow()
zone = county_zone()

open_rows = [r for r in rows if r.comment_state == "open"]
SOONEST = 10
st.header("Open for public comment")
if open_rows:
    linked_items("open-for-comment", "notice", actor, [
        LinkedItem(inert(r.name), f"Comments close {format_datetime(r.closes_at, zone)}",
                   {"technology": r.slug})
        for r in open_rows[:SOONEST]
    ], icon=":material/campaign:")
    if len(open_rows) > SOONEST:
        st.write(f"These close soonest; {len(open_rows) - SOONEST:,} more are open. Tick "
                 "“Only notices open for comment” below to see them all.")
else:
    st.write("No notice is open for comment right now.")

st.header("All technologies")
search = st.text_input("Search by name, department or vendor", max_chars=200)
col1, col2, col3 = st.columns(3)
statuses = col1.multiselect("Status", list(STATUSES), format_func=STATUSES.get)
categories = col2.multiselect("Category", list(CATEGORIES), format_func=CATEGORIES.get)
departments = col3.multiselect("Department", sorted({r.department for r in rows}))
only_open = st.checkbox("Only notices open for comment")

needle = search.strip().lower()
shown = [
    r for r in rows
    if (not statuses or r.status in statuses)
    and (not categories or r.category in categories)
    and (not departments or r.department in departments)
    and (not only_open or r.comment_state == "open")
    and (not needle or needle in f"{r.name} {r.department} {r.slug}".lower())
]
st.write(f"{len(shown):,} of {len(rows):,} technologies")
if shown:
    st.dataframe(
        pd.DataFrame([
            {
                "Technology": r.name,
                "Notice": f"/notice?technology={r.slug}",
                # Next to the name, so a phone shows it without scrolling the table sideways.
                "Comment period": period_cell(r.comment_state, r.opens_at, r.closes_at, zone),
                "Status": STATUSES.get(r.status, r.status),
                "Category": CATEGORIES.get(r.category, r.category),
                "Department": r.department,
                "Version": r.latest_version,
                "Last updated": format_date(r.last_published_at, zone),
            }
            for r in shown
        ]),
        hide_index=True,
        width="stretch",
        column_config={"Notice": st.column_config.LinkColumn("Notice", display_text="Read the notice")},
    )
else:
    st.info("No technology matches these filters.")

st.header("Follow changes")
st.write(
    "Download the feed of new and updated notices for a feed reader, or the calendar of "
    "comment deadlines for your calendar program."
)
base = site_url()


def _atom() -> bytes:
    with db() as session:
        return notices_atom(session=session, actor=RESIDENT, base_url=base)


def _ics() -> bytes:
    with db() as session:
        return comment_deadlines_ics(session=session, actor=RESIDENT, base_url=base)


def _meetings_ics() -> bytes:
    with db() as session:
        return meetings_ics(session=session, actor=RESIDENT, base_url=base)


col1, col2, col3 = st.columns(3)
col1.download_button("Notices feed (Atom)", _atom, file_name="notices.atom",
                     mime="application/atom+xml", icon=":material/rss_feed:")
col2.download_button("Comment deadlines (iCalendar)", _ics, file_name="comment-deadlines.ics",
                     mime="text/calendar", icon=":material/event:")
col3.download_button("Commission meetings (iCalendar)", _meetings_ics,
                     file_name="commission-meetings.ics", mime="text/calendar",
                     icon=":material/groups:")
subscribe_links()
api_links("notices", "Every notice with all its published versions")
