"""The public moderation policy and what it led to, month by month."""

import pandas as pd
import streamlit as st

from portal.engagement.decisions import monthly_statistics
from portal.engagement.policy import POLICY_SUMMARY, REJECTION_REASONS
from portal.settings import get_settings
from portal.ui.context import current_actor, db
from portal.ui.messages import reported

actor = current_actor()
st.title("Moderation policy")
st.write(POLICY_SUMMARY)
st.header("Reasons a comment is not published", anchor=False)
st.dataframe(
    pd.DataFrame([{"Reason": r.public_text, "What it means": r.explanation} for r in REJECTION_REASONS.values()]),
    hide_index=True, width="stretch",
)
st.header("Your data", anchor=False)
st.write(
    "The text you wrote before redaction, and your name and e-mail if you gave them, are "
    "encrypted and seen only by moderators. They are deleted "
    f"{get_settings().retention_days} days after you send the comment; the published, redacted "
    "text stays. Every moderation decision is written to the audit log the Privacy Commission reads."
)
st.header("Moderation statistics", anchor=False)
with reported():
    with db() as session:
        months = monthly_statistics(session=session, actor=actor)
    if not months:
        st.info("No comment has been received yet.")
    else:
        reasons = sorted({r for m in months for r in m.reasons})
        frame = pd.DataFrame([
            {"Month": m.month, "Received": m.received, "Published": m.published,
             "Not published": m.not_published, "Awaiting a decision": m.awaiting,
             "Decided by the commission": m.by_commission,
             **{f"Not published: {r}": m.reasons.get(r, 0) for r in reasons}}
            for m in months
        ])
        st.caption("Comments by the month they were received. Moderators may refer a comment "
                   "to the Privacy Commission; \"Decided by the commission\" counts those it "
                   "published or did not publish.")
        st.dataframe(frame, hide_index=True, width="stretch")
