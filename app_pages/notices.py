"""Surveillance technologies the county proposes or uses; open comment periods first."""

import pandas as pd
import streamlit as st

from portal.auth.roles import RESIDENT
from portal.base import utcnow
from portal.i18n import _, language, number, using_language
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
from portal.ui.translated import localized_records

actor = current_actor()
st.title(_("Surveillance technologies"))
st.write(_(
    "Every surveillance technology the county proposes or uses has a public notice: what it "
    "does, what data it collects, who can see it, what it costs and how it may affect civil "
    "rights. While a notice is open for public comment, you can tell the county what you think."
))

with db() as session:
    rows = list_technologies(session=session, actor=actor)
now = utcnow()
zone = county_zone()
# Each technology's name in the visitor's language where staff have given one.
named = {rid: words["name"] for rid, words in localized_records(
    "notice", {r.id: {"name": r.name} for r in rows}, actor).items()}

open_rows = [r for r in rows if r.comment_state == "open"]
SOONEST = 10
st.header(_("Open for public comment"))
if open_rows:
    linked_items("open-for-comment", "notice", actor, [
        LinkedItem(inert(named[r.id]), _("Comments close {when}").format(
                       when=format_datetime(r.closes_at, zone)),
                   {"technology": r.slug})
        for r in open_rows[:SOONEST]
    ], icon=":material/campaign:")
    if len(open_rows) > SOONEST:
        st.write(_("These close soonest; {n} more are open. Tick “Only notices open for "
                   "comment” below to see them all.").format(n=number(len(open_rows) - SOONEST)))
else:
    st.write(_("No notice is open for comment right now."))

st.header(_("All technologies"))
search = st.text_input(_("Search by name, department or vendor"), max_chars=200)
col1, col2, col3 = st.columns(3)
# Streamlit's own "Choose options" would stay in English.
statuses = col1.multiselect(_("Status"), list(STATUSES), format_func=lambda s: _(STATUSES[s]),
                            placeholder=_("Choose options"))
categories = col2.multiselect(_("Category"), list(CATEGORIES), format_func=lambda c: _(CATEGORIES[c]),
                              placeholder=_("Choose options"))
departments = col3.multiselect(_("Department"), sorted({r.department for r in rows}),
                               placeholder=_("Choose options"))
only_open = st.checkbox(_("Only notices open for comment"))

needle = search.strip().lower()
shown = [
    r for r in rows
    if (not statuses or r.status in statuses)
    and (not categories or r.category in categories)
    and (not departments or r.department in departments)
    and (not only_open or r.comment_state == "open")
    and (not needle or needle in f"{r.name} {named[r.id]} {r.department} {r.slug}".lower())
]
st.write(_("{shown} of {total} technologies").format(shown=number(len(shown)), total=number(len(rows))))
if shown:
    st.dataframe(
        pd.DataFrame([
            {
                _("Technology"): named[r.id],
                _("Notice"): f"/notice?technology={r.slug}",
                # Next to the name, so a phone shows it without scrolling the table sideways.
                _("Comment period"): period_cell(r.comment_state, r.opens_at, r.closes_at, zone),
                _("Status"): _(STATUSES.get(r.status, r.status)),
                _("Category"): _(CATEGORIES.get(r.category, r.category)),
                _("Department"): r.department,
                _("Version"): r.latest_version,
                _("Last updated"): format_date(r.last_published_at, zone),
            }
            for r in shown
        ]),
        hide_index=True,
        width="stretch",
        column_config={_("Notice"): st.column_config.LinkColumn(
            _("Notice"), display_text=_("Read the notice"))},
    )
else:
    st.info(_("No technology matches these filters."))

st.header(_("Follow changes"))
st.write(_(
    "Download the feed of new and updated notices for a feed reader, or the calendar of "
    "comment deadlines for your calendar program."
))
base = site_url()
page_language = language()  # the files are made when clicked, after this run


def _atom() -> bytes:
    with db() as session:
        return notices_atom(session=session, actor=RESIDENT, base_url=base, language=page_language)


def _ics() -> bytes:
    with db() as session:
        return comment_deadlines_ics(session=session, actor=RESIDENT, base_url=base,
                                     language=page_language)


def _meetings_ics() -> bytes:
    with db() as session, using_language(page_language):
        return meetings_ics(session=session, actor=RESIDENT, base_url=base)


col1, col2, col3 = st.columns(3)
col1.download_button(_("Notices feed (Atom)"), _atom, file_name="notices.atom",
                     mime="application/atom+xml", icon=":material/rss_feed:", on_click="ignore")
col2.download_button(_("Comment deadlines (iCalendar)"), _ics, file_name="comment-deadlines.ics",
                     mime="text/calendar", icon=":material/event:", on_click="ignore")
col3.download_button(_("Commission meetings (iCalendar)"), _meetings_ics,
                     file_name="commission-meetings.ics", mime="text/calendar",
                     icon=":material/groups:", on_click="ignore")
subscribe_links()
api_links("notices", _("Every notice with all its published versions"))
