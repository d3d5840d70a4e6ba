"""Comments waiting for a moderator, oldest first, with what screening found."""

import pandas as pd
import streamlit as st

from portal.base import utcnow
from portal.engagement.queue import moderation_queue
from portal.engagement.vocab import COMMENT_STATES, TARGET_TYPES
from portal.ui.context import current_actor, db
from portal.ui.messages import reported

actor = current_actor()
st.title("Moderation queue")
st.write(
    "Every comment is read by a person before it is published. The queue shows the text "
    "residents wrote, which only moderators may see; it is removed after the retention period."
)

with reported():
    with db() as session:
        queue = moderation_queue(session=session, actor=actor)
    now = utcnow()
    if not queue:
        st.success("Nothing is waiting for a decision.")
    else:
        st.metric("Waiting", len(queue))
        frame = pd.DataFrame(
            [
                {
                    "Received": c.submitted_at,
                    "Waiting (days)": (now - c.submitted_at).days,
                    "State": COMMENT_STATES.get(c.state, c.state),
                    "About": TARGET_TYPES.get(c.target_type, c.target_type),
                    "Flags": ", ".join(sorted({f.get("kind", "?") for f in c.flags})) or "none",
                    "Text": (c.raw_text or c.redacted_text)[:500],
                }
                for c in queue
            ]
        )
        st.dataframe(frame, hide_index=True, width="stretch")
