"""Comments waiting for a moderator, most-flagged and longest-waiting first, and the decisions."""

import pandas as pd
import streamlit as st

from moderation.textview import reveal_bidi
from portal.base import utcnow
from portal.engagement.decisions import (
    LOG_COLUMNS,
    EarlierDecision,
    decide,
    decide_campaign,
    decision_count,
    earlier_decisions,
    mark_campaign,
    moderation_log,
)
from portal.engagement.policy import REJECTION_REASONS
from portal.engagement.queue import moderation_queue, suggested_campaigns, waiting_count
from portal.engagement.vocab import COMMENT_STATES, MODERATION_ACTIONS, TARGET_TYPES
from portal.exports import to_csv
from portal.timefmt import county_zone, format_date, format_datetime
from portal.ui.context import current_actor, db
from portal.ui.messages import reported
from portal.ui.text import inert, strip_invisible
from portal.wording import plural

actor = current_actor()
st.title("Moderation queue")
st.write(
    "Every comment is read by a person before it is published. The queue shows the text "
    "residents wrote, which only moderators may see; it is removed after the retention period."
)

STATE_FILTERS = {"open": ("pending", "escalated"), "pending": ("pending",), "escalated": ("escalated",)}
ZONE = county_zone()
FLAG_FILTERS = {"": "Any", "pii": "Personal data", "profanity": "Profanity", "spam": "Spam",
                "bidi": "Hidden direction controls"}


def waited(hours: float) -> str:
    return f"{hours / 24:.1f} days" if hours >= 48 else f"{hours:.0f} hours"


def earlier_text(decision: EarlierDecision) -> str:
    return (f"{MODERATION_ACTIONS.get(decision.action, decision.action)}, "
            f"{format_date(decision.decided_at, ZONE)}")


def log_csv() -> bytes:
    """The whole moderation log as CSV, built when the download is clicked, not on every
    run: it grows with every decision (90,000 at county scale). Streamlit runs it on its
    own thread, outside this script run, so it is handed the actor this run checked."""
    with db() as session:
        return to_csv(moderation_log(session=session, actor=actor), LOG_COLUMNS)


with reported():
    left, middle, right = st.columns(3)
    state_filter = left.selectbox(
        "Show", list(STATE_FILTERS),
        format_func={"open": "Pending and referred", "pending": "Pending",
                     "escalated": "Referred to the commission"}.get,
    )
    flag_filter = middle.selectbox("Flag", list(FLAG_FILTERS), format_func=FLAG_FILTERS.get)
    target_filter = right.selectbox("About", ["", *TARGET_TYPES],
                                    format_func=lambda t: TARGET_TYPES.get(t, "Anything"))
    filters = {"states": STATE_FILTERS[state_filter], "flag_kind": flag_filter or None,
               "target_type": target_filter or None}
    with db() as session:
        queue = moderation_queue(session=session, actor=actor, **filters)
        # Counted, not the list's length: the list stops at its limit (500).
        waiting = waiting_count(session=session, actor=actor, **filters) if queue else 0
        # Decisions already made on the comments listed (a referral, a return), no others.
        earlier = earlier_decisions(session=session, actor=actor, comment_ids=[c.id for c in queue])
    now = utcnow()
    if not queue:
        st.success("Nothing is waiting for a decision.")
    else:
        st.metric("Waiting", f"{waiting:,}")
        if waiting > len(queue):
            st.caption(f"The {len(queue):,} most urgent and longest waiting are listed; the "
                       "rest follow as these are decided.")
        frame = pd.DataFrame([
            {
                "Comment": c.id,
                "Received": format_datetime(c.submitted_at, ZONE),
                "Waiting": waited((now - c.submitted_at).total_seconds() / 3600),
                "State": COMMENT_STATES.get(c.state, c.state),
                "About": c.about,
                "Flags": ", ".join(sorted({f.get("kind", "?") for f in c.flags})) or "none",
                "Campaign": c.campaign_key or "",
                "Earlier decisions": "; ".join(earlier_text(d) for d in earlier.get(c.id, [])),
                "Text": reveal_bidi(c.raw_text or c.redacted_text)[:500],
            }
            for c in queue
        ])
        st.dataframe(frame, hide_index=True, width="stretch")

        st.header("Decide a comment", anchor=False)
        by_id = {c.id: c for c in queue}
        chosen = st.selectbox(
            "Comment", list(by_id),
            format_func=lambda i: f"#{i} · {by_id[i].about} · "
                                  f"{reveal_bidi(by_id[i].raw_text or by_id[i].redacted_text)[:70]}",
        )
        comment = by_id[chosen]
        # The version this moderator read: a decision on anything newer is refused.
        seen = st.session_state.setdefault(f"seen_version_{comment.id}", comment.lock_version)
        # Bidi controls written out by name, not applied: the public pages drop them, so a
        # moderator must read the text in the order it was typed (the ``bidi`` flag says so).
        st.caption("What the resident wrote (moderators only)")
        st.text(reveal_bidi(comment.raw_text) if comment.raw_text
                else "(raw text purged after the retention period)")
        for decision in earlier.get(comment.id, []):
            st.caption(inert(f"Earlier: {earlier_text(decision)} by {decision.moderator}"
                             + (f" — {decision.reason}" if decision.reason else "")))
        for flag in comment.flags:
            spans = ", ".join(f"{a}–{b}" for a, b in flag.get("spans", []))
            st.caption(inert(f"{flag.get('kind')} (score {flag.get('score')}) at {spans} {flag.get('detail') or ''}"))
        with st.form(f"decide_{comment.id}"):
            action = st.radio(
                "Decision", ["publish", "publish_redacted", "reject", "escalate"],
                format_func=MODERATION_ACTIONS.get,
            )
            # Without invisible and direction characters: what the public pages would show.
            redacted = st.text_area("Text to publish (edit the redaction if needed)",
                                    value=strip_invisible(comment.redacted_text), height=150)
            reason = st.selectbox("Reason from the moderation policy (when not publishing)",
                                  ["", *REJECTION_REASONS],
                                  format_func=lambda r: REJECTION_REASONS[r].public_text if r else "—")
            note = st.text_input("Note for the moderation log (required to edit, refer, or for some reasons)",
                                 max_chars=500)
            go = st.form_submit_button("Record decision", type="primary")
        if go:
            with reported():
                try:
                    with db() as session:
                        decide(
                            session=session, actor=actor, comment_id=comment.id, lock_version=seen,
                            action=action, reason_code=reason or None, note=note,
                            redacted_text=redacted if action == "publish_redacted" else None,
                        )
                    st.success(f"Comment #{comment.id}: {MODERATION_ACTIONS[action].lower()} — recorded.")
                finally:
                    st.session_state.pop(f"seen_version_{comment.id}", None)

        st.header("Campaigns", anchor=False)
        suggestions = suggested_campaigns(queue)
        for group, ids in suggestions.items():
            with st.container(border=True):
                st.markdown(f"Possible copy-paste campaign: **{len(ids)} comments** (#{', #'.join(map(str, ids))})")
                st.text(reveal_bidi(by_id[ids[0]].raw_text or by_id[ids[0]].redacted_text)[:300])
                if st.button("Mark as one campaign", key=f"mark_{group}_{ids[0]}"):
                    with reported(), db() as session:
                        key = mark_campaign(session=session, actor=actor, comment_ids=ids)
                        st.success(f"Marked as {key}. Reload the queue to decide it as a whole.")
        campaigns = sorted({c.campaign_key for c in queue if c.campaign_key})
        if campaigns:
            with st.form("campaign_decision"):
                key = st.selectbox("Campaign", campaigns,
                                   format_func=lambda k: f"{k} ({sum(c.campaign_key == k for c in queue)} comments)")
                bulk = st.radio("Decision for all its comments", ["publish", "reject", "escalate"],
                                format_func=MODERATION_ACTIONS.get)
                bulk_reason = st.selectbox("Reason (when not publishing)", ["", *REJECTION_REASONS],
                                           format_func=lambda r: REJECTION_REASONS[r].public_text if r else "—")
                bulk_note = st.text_input("Note", max_chars=500)
                bulk_go = st.form_submit_button("Decide the whole campaign")
            if bulk_go:
                with reported(), db() as session:
                    n = decide_campaign(session=session, actor=actor, campaign_key=key, action=bulk,
                                        reason_code=bulk_reason or None, note=bulk_note)
                    st.success(f"{n} comments decided.")
        elif not suggestions:
            st.caption("No copy-paste campaign among the queued comments.")

    st.header("Moderation log", anchor=False)
    with db() as session:
        decisions = decision_count(session=session, actor=actor)
    st.download_button(
        f"Download the moderation log (CSV, {plural(decisions, 'decision')})",
        log_csv, file_name="moderation-log.csv", mime="text/csv", on_click="ignore",
    )
