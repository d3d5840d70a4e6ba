"""The audit log, and a check that nobody has altered it."""

from datetime import timedelta

import pandas as pd
import streamlit as st

from portal.audit.queries import list_events, verify
from portal.exports import to_csv
from portal.registry import areas
from portal.timefmt import county_zone, day_start, format_datetime, local
from portal.ui.context import current_actor, db
from portal.ui.messages import reported
from portal.wording import plural

LIMIT = 500
COLUMNS = ("Entry", "When", "Who", "Role", "Action", "Record", "Fingerprint")

actor = current_actor()
st.title("Audit log")
st.write(
    "Every moderation decision and every change to a published record is written here. Each "
    "entry carries a fingerprint of the one before it, so a changed or deleted entry breaks "
    "the chain and the check below names where."
)

with reported():
    with db() as session:
        report = verify(session=session, actor=actor)
    if report.ok:
        st.success(f"The chain of {plural(report.events, 'entry', 'entries')} is intact.")
    else:
        st.error(
            f"The chain is broken at entry {report.first_broken_id}: it {report.reason}. "
            "Entries from there on cannot be trusted."
        )

    zone = county_zone()
    st.header("Find entries", anchor=False)
    day_from, day_until = st.columns(2)
    start = day_from.date_input("From", value=None, key="audit_from", format="MM/DD/YYYY",
                                help="The first day to show, in the county's time.")
    end = day_until.date_input("Until", value=None, key="audit_until", format="MM/DD/YYYY",
                               help="The last day to show, in the county's time (included).")
    who_col, kind_col = st.columns(2)
    who = who_col.text_input("Who", key="audit_who", placeholder="An e-mail address, or part of it")
    kind = kind_col.selectbox(
        "Kind", sorted(a.name for a in areas()), index=None, key="audit_kind",
        placeholder="Any kind", accept_new_options=True,
        help="An area of the portal (the first word of the Action column), or type a whole "
             "action such as engagement.publish.")

    if start is not None and end is not None and start > end:
        st.warning("The “From” day is after the “Until” day: choose a range that runs forward.")
        st.stop()
    with db() as session:
        events = list_events(
            session=session, actor=actor, limit=LIMIT, kind=kind, by=who,
            since=None if start is None else day_start(start, zone),
            until=None if end is None else day_start(end + timedelta(days=1), zone),
        )
    filtered = any(v for v in (start, end, who, kind))
    if not events:
        st.info("No entry matches these filters." if filtered else "The log has no entries yet.")
        st.stop()

    rows = [
        {
            "Entry": e.id,
            "When": local(e.occurred_at, zone),
            "Who": e.actor,
            "Role": e.actor_roles,
            "Action": e.action,
            "Record": f"{e.entity_type} {e.entity_id or ''}".strip(),
            "Fingerprint": e.hash[:12],
        }
        for e in events
    ]
    if len(events) == LIMIT:
        st.caption(f"The newest {LIMIT:,} matching entries are shown: choose days to see older ones.")
    else:
        st.caption(f"{plural(len(events), 'entry', 'entries')}, newest first; times are the "
                   "county's.")
    st.dataframe(
        pd.DataFrame([{**r, "When": format_datetime(r["When"], zone)} for r in rows]),
        hide_index=True, width="stretch",
    )
    st.download_button(
        "Download these entries (CSV)",
        # ISO 8601 in the county's time, with its offset: sorts, and names one instant.
        to_csv([{**r, "When": r["When"].isoformat()} for r in rows], COLUMNS),
        file_name="audit-log.csv",
        mime="text/csv",
        on_click="ignore",
    )
