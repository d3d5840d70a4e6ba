"""The public moderation policy and what it led to, month by month."""

import pandas as pd
import streamlit as st

from portal.engagement.policy import POLICY_SUMMARY, REJECTION_REASONS
from portal.i18n import _
from portal.settings import get_settings
from portal.ui import cached
from portal.ui.messages import reported

st.title(_("Moderation policy"))
st.write(_(POLICY_SUMMARY))
st.header(_("Reasons a comment is not published"), anchor=False)
st.dataframe(
    pd.DataFrame([{_("Reason"): _(r.public_text), _("What it means"): _(r.explanation)}
                  for r in REJECTION_REASONS.values()]),
    hide_index=True, width="stretch",
)
st.header(_("Your data"), anchor=False)
st.write(_(
    "The text you wrote before redaction, and your name and e-mail if you gave them, are "
    "encrypted and seen only by moderators. They are deleted {days} days after you send the "
    "comment; the published, redacted text stays. Every moderation decision is written to the "
    "audit log the Privacy Commission reads."
).format(days=get_settings().retention_days))
st.header(_("Moderation statistics"), anchor=False)
with reported():
    months = cached.moderation_months()  # the same figures for every visitor
    if not months:
        st.info(_("No comment has been received yet."))
    else:
        reasons = sorted({r for m in months for r in m.reasons})
        frame = pd.DataFrame([
            {_("Month"): m.month, _("Received"): m.received, _("Published"): m.published,
             _("Not published"): m.not_published, _("Awaiting a decision"): m.awaiting,
             _("Decided by the commission"): m.by_commission,
             **{_("Not published: {reason}").format(reason=_(r)): m.reasons.get(r, 0)
                for r in reasons}}
            for m in months
        ])
        st.caption(_("Comments by the month they were received. Moderators may refer a "
                     "comment to the Privacy Commission; \"Decided by the commission\" counts "
                     "those it published or did not publish."))
        st.dataframe(frame, hide_index=True, width="stretch")
