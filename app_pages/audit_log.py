"""The audit log, and a check that nobody has altered it."""

from datetime import timedelta

import pandas as pd
import streamlit as st

from portal.audit.queries import PAGE, list_events, verify, verify_recent
from portal.base import utcnow
from portal.exports import to_csv
from portal.i18n import N_, _, ngettext, number
from portal.registry import areas
from portal.timefmt import county_zone, day_start, format_datetime, local
from portal.ui.context import current_actor, db
from portal.ui.messages import reported

#: The file's columns (English, for scripts) and the table's headings (translated when shown).
COLUMNS = (N_("Entry"), N_("When"), N_("Who"), N_("Role"), N_("Action"), N_("Record"),
           N_("Fingerprint"))

actor = current_actor()
st.title(_("Audit log"))
st.write(_(
    "Every moderation decision and every change to a published record is written here. Each "
    "entry carries a fingerprint of the one before it, so a changed or deleted entry breaks "
    "the chain and the check below names where."
))


def entries(n: int) -> str:
    return ngettext("{n} entry", "{n} entries", n).format(n=number(n))


def broken(entry: int | None, reason: str) -> None:
    st.error(_("The chain is broken at entry {entry}: it {reason}. Entries from there on "
               "cannot be trusted.").format(entry=entry, reason=reason))


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
        st.error(_("The newest signed checkpoint (number {id}, signed {when}) {reason}. It "
                   "vouches for nothing: check every entry below.").format(
                     id=signed.id, when=format_datetime(signed.signed_at, zone),
                     reason=recent.reason))
    elif not recent.ok:
        broken(recent.first_broken_id, recent.reason)
    elif signed is None:
        st.success(_("The chain of {entries} is intact: every entry was checked, as no "
                     "checkpoint has been signed yet.").format(entries=entries(recent.events)))
    else:
        since = (_("No entry was written since the newest signed checkpoint") if not recent.checked
                 else _("The {entries} written since the newest signed checkpoint are "
                        "intact").format(entries=entries(recent.checked)))
        st.success(_(
            "{since}, and the checkpoint holds: its signature, with this portal's key {key}, "
            "vouches for the {entries} up to entry {entry}.").format(
                since=since, key=signed.key_id, entries=entries(recent.vouched),
                entry=signed.event_id))
        st.caption(_(
            "Checked from checkpoint number {id}, signed {when}: its entry still has the "
            "fingerprint it signed and the log still holds the {n} entries it counted. An entry "
            "before it changed in place is found by checking every entry.").format(
                id=signed.id, when=format_datetime(signed.signed_at, zone),
                n=number(recent.vouched)))
    full = st.session_state.get("audit_full_check")
    st.button(_("Check every entry"), key="audit_check_all", on_click=check_everything,
              help=_("Re-read and re-hash the whole chain from its first entry. It takes longer "
                     "as the log grows (`portal audit verify` does the same)."))
    if full is not None:
        report, when = full
        if report.ok:
            st.success(_("Every entry checked at {when}: the chain of {entries} is "
                         "intact.").format(when=format_datetime(when, zone),
                                           entries=entries(report.events)))
        else:
            broken(report.first_broken_id, report.reason)

    st.header(_("Find entries"), anchor=False)
    day_from, day_until = st.columns(2)
    start = day_from.date_input(_("From"), value=None, key="audit_from", format="MM/DD/YYYY",
                                help=_("The first day to show, in the county's time."))
    end = day_until.date_input(_("Until"), value=None, key="audit_until", format="MM/DD/YYYY",
                               help=_("The last day to show, in the county's time (included)."))
    who_col, kind_col = st.columns(2)
    who = who_col.text_input(_("Who"), key="audit_who",
                             placeholder=_("An e-mail address, or part of it"))
    kind = kind_col.selectbox(
        _("Kind"), sorted(a.name for a in areas()), index=None, key="audit_kind",
        placeholder=_("Any kind"), accept_new_options=True,
        help=_("An area of the portal (the first word of the Action column), or type a whole "
               "action such as engagement.publish."))

    if start is not None and end is not None and start > end:
        st.warning(_("The “From” day is after the “Until” day: choose a range that runs forward."))
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
        for _page in range(st.session_state["audit_pages"]):
            page = list_events(session=session, actor=actor, limit=PAGE + 1, before=before,
                               **filters)
            more = len(page) > PAGE
            events += page[:PAGE]
            if not more:
                break
            before = page[PAGE - 1].id
    filtered = any(v for v in (start, end, who, kind))
    if not events:
        st.info(_("No entry matches these filters.") if filtered else _("The log has no entries yet."))
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
        st.caption(_("The newest {n} matching entries are shown, newest first; older ones "
                     "follow with “Load more”. Times are the county's.").format(
                       n=number(len(events))))
    else:
        st.caption(_("{entries}, newest first; times are the county's.").format(
            entries=entries(len(events))))
    st.dataframe(
        pd.DataFrame([{**r, "When": format_datetime(r["When"], zone)} for r in rows])
        .rename(columns={column: _(column) for column in COLUMNS}),
        hide_index=True, width="stretch",
    )
    st.download_button(
        _("Download these entries (CSV)"),
        # ISO 8601 in the county's time, with its offset: sorts, and names one instant.
        to_csv([{**r, "When": r["When"].isoformat()} for r in rows], COLUMNS),
        file_name="audit-log.csv",
        mime="text/csv",
        on_click="ignore",
    )
    if more:
        st.button(_("Load {n} more").format(n=number(PAGE)), key="audit_more",
                  on_click=lambda: st.session_state.update(
                      audit_pages=st.session_state["audit_pages"] + 1))
