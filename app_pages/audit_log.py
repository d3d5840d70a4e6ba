"""The audit log, and a check that nobody has altered it."""

import pandas as pd
import streamlit as st

from portal.audit.queries import list_events, verify
from portal.timefmt import format_datetime
from portal.ui.context import current_actor, db
from portal.ui.messages import reported
from portal.wording import plural

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
        events = list_events(session=session, actor=actor, limit=500)
    if report.ok:
        st.success(f"The chain of {plural(report.events, 'entry', 'entries')} is intact.")
    else:
        st.error(
            f"The chain is broken at entry {report.first_broken_id}: it {report.reason}. "
            "Entries from there on cannot be trusted."
        )
    if events:
        frame = pd.DataFrame(
            [
                {
                    "Entry": e.id,
                    "When": format_datetime(e.occurred_at),
                    "Who": e.actor,
                    "Role": e.actor_roles,
                    "Action": e.action,
                    "Record": f"{e.entity_type} {e.entity_id or ''}".strip(),
                    "Fingerprint": e.hash[:12],
                }
                for e in events
            ]
        )
        st.dataframe(frame, hide_index=True, width="stretch")
        st.download_button(
            "Download the log (CSV)",
            frame.to_csv(index=False).encode(),
            file_name="audit-log.csv",
            mime="text/csv",
        )
