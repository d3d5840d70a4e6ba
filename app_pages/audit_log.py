"""The audit log, and a check that nobody has altered it."""

from datetime import timedelta

import pandas as pd
import streamlit as st

from portal.audit.queries import PAGE, list_events, verify, verify_recent
from portal.base import utcnow
from portal.exports import to_csv
from portal.registry import areas
from portal.timefmt import county_zone, day_start, format_datetime, local
from portal.ui.context import current_actor, db
from portal.ui.messages import reported
from portal.wording import plural

COLUMNS = ("Entry", "When", "Who", "Role", "Action", "Record", "Fingerprint")

actor = current_actor()
st.title("Audit log")
st.write(
    "Every moderation decision and every change to a published record is written here. Each "
    "entry carries a fingerprint of the one before it, so a changed or deleted entry breaks "
    "the chain and the check below names where."
)


def broken(entry: int | None, reason: str) -> None:
    st.error(f"The chain is broken at entry {entry}: it {reason}. "
             "Entries from there on cannot be trusted.")


def check_everything() -> None:
    """The whole chain, on request: it reads every entry, so it is not run on every view."""
    with reported(), db() as session:
        st.session_state["audit_full_check"] = (verify(session=session, actor=actor), utcnow())


with reported():
    # Each view checks from the newest signed checkpoint (portal/audit/checkpoints.py): its
    # signature vouches for the entries up to it, and only the entries after it are re-hashed.
    with db() as session:
        recent = verify_recent(session=session, actor=actor)
    zone = county_zone()
    signed = recent.checkpoint
    if recent.bad_signature and signed is not None:
        st.error(f"The newest signed checkpoint (number {signed.id}, signed "
                 f"{format_datetime(signed.signed_at, zone)}) {recent.reason}. It vouches for "
                 "nothing: check every entry below.")
    elif not recent.ok:
        broken(recent.first_broken_id, recent.reason)
    elif signed is None:
        st.success(f"The chain of {plural(recent.events, 'entry', 'entries')} is intact: every "
                   "entry was checked, as no checkpoint has been signed yet.")
    else:
        since = ("No entry was written since the newest signed checkpoint" if not recent.checked
                 else f"The {plural(recent.checked, 'entry', 'entries')} written since the "
                      "newest signed checkpoint are intact")
        st.success(
            f"{since}, and the checkpoint holds: its signature, with this portal's key "
            f"{signed.key_id}, vouches for the {plural(recent.vouched, 'entry', 'entries')} up "
            f"to entry {signed.event_id}.")
        st.caption(
            f"Checked from checkpoint number {signed.id}, signed "
            f"{format_datetime(signed.signed_at, zone)}: its entry still has the fingerprint it "
            f"signed and the log still holds the {recent.vouched:,} entries it counted. An entry "
            "before it changed in place is found by checking every entry.")
    full = st.session_state.get("audit_full_check")
    st.button("Check every entry", key="audit_check_all", on_click=check_everything,
              help="Re-read and re-hash the whole chain from its first entry. It takes longer "
                   "as the log grows (`portal audit verify` does the same).")
    if full is not None:
        report, when = full
        if report.ok:
            st.success(f"Every entry checked at {format_datetime(when, zone)}: the chain of "
                       f"{plural(report.events, 'entry', 'entries')} is intact.")
        else:
            broken(report.first_broken_id, report.reason)

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
    filters = {
        "kind": kind, "by": who,
        "since": None if start is None else day_start(start, zone),
        "until": None if end is None else day_start(end + timedelta(days=1), zone),
    }
    # "Load more" adds a page; new filters start again from the newest page.
    if st.session_state.get("audit_filters") != repr(filters):
        st.session_state["audit_filters"] = repr(filters)
        st.session_state["audit_pages"] = 1
    events, more, before = [], False, None
    with db() as session:
        # Keyset pages, each after the last entry of the one before (list_events).
        for _ in range(st.session_state["audit_pages"]):
            page = list_events(session=session, actor=actor, limit=PAGE + 1, before=before,
                               **filters)
            more = len(page) > PAGE
            events += page[:PAGE]
            if not more:
                break
            before = page[PAGE - 1].id
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
    if more:
        st.caption(f"The newest {len(events):,} matching entries are shown, newest first; "
                   "older ones follow with “Load more”. Times are the county's.")
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
    if more:
        st.button(f"Load {PAGE} more", key="audit_more",
                  on_click=lambda: st.session_state.update(
                      audit_pages=st.session_state["audit_pages"] + 1))
