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
from portal.i18n import N_, _, ngettext, number
from portal.timefmt import county_zone, format_date, format_datetime
from portal.ui.context import current_actor, db
from portal.ui.messages import reported
from portal.ui.text import inert, strip_invisible

actor = current_actor()
st.title(_("Moderation queue"))
st.write(_(
    "Every comment is read by a person before it is published. The queue shows the text "
    "residents wrote, which only moderators may see; it is removed after the retention period."
))

STATE_FILTERS = {"open": ("pending", "escalated"), "pending": ("pending",), "escalated": ("escalated",)}
STATE_LABELS = {"open": N_("Pending and referred"), "pending": N_("Pending"),
                "escalated": N_("Referred to the commission")}
ZONE = county_zone()
#: The decisions on one comment, and on a whole campaign (MODERATION_ACTIONS names them).
DECISIONS = ("publish", "publish_redacted", "reject", "escalate")
CAMPAIGN_DECISIONS = ("publish", "reject", "escalate")
FLAG_FILTERS = {"": N_("Any"), "pii": N_("Personal data"), "profanity": N_("Profanity"),
                "spam": N_("Spam"), "bidi": N_("Hidden direction controls")}
#: The decision form's widgets. Every widget on this page keeps one key for the whole session:
#: Streamlit keeps the metadata of every widget id a session has drawn until the session ends,
#: and a widget's metadata holds its ``format_func``, a function of this script holding all
#: the run's names (the 500 comments listed, their raw text, the table). An id that changed
#: with the queue (the picker's options) or with the comment (one form per comment) kept one
#: whole run alive per decision: about 2 MiB each at county scale (issue 18).
FORM_KEYS = {"decide_action": DECISIONS[0], "decide_reason": "", "decide_note": ""}


def waited(hours: float) -> str:
    if hours >= 48:
        return _("{days} days").format(days=number(hours / 24, 1))
    return _("{hours} hours").format(hours=number(hours, 0))


def earlier_text(decision: EarlierDecision) -> str:
    return (f"{_(MODERATION_ACTIONS.get(decision.action, decision.action))}, "
            f"{format_date(decision.decided_at, ZONE)}")


def still_offered(key: str, options: list[object]) -> None:
    """A keyed picker's choice that its options no longer hold (a decided comment, a
    campaign decided as a whole) falls back to the first option."""
    if key in st.session_state and st.session_state[key] not in options:
        st.session_state[key] = options[0]


def log_csv() -> bytes:
    """The whole moderation log as CSV, built when the download is clicked, not on every
    run: it grows with every decision (90,000 at county scale). Streamlit runs it on its
    own thread, outside this script run, so it is handed the actor this run checked."""
    with db() as session:
        return to_csv(moderation_log(session=session, actor=actor), LOG_COLUMNS)


with reported():
    left, middle, right = st.columns(3)
    state_filter = left.selectbox(
        _("Show"), list(STATE_FILTERS),
        format_func=lambda s: _(STATE_LABELS[s]),
    )
    flag_filter = middle.selectbox(_("Flag"), list(FLAG_FILTERS),
                                  format_func=lambda f: _(FLAG_FILTERS[f]))
    target_filter = right.selectbox(_("About"), ["", *TARGET_TYPES],
                                    format_func=lambda t: _(TARGET_TYPES[t]) if t else _("Anything"))
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
        st.success(_("Nothing is waiting for a decision."))
    else:
        st.metric(_("Waiting"), number(waiting))
        if waiting > len(queue):
            st.caption(_("The {n} most urgent and longest waiting are listed; the rest follow "
                         "as these are decided.").format(n=number(len(queue))))
        frame = pd.DataFrame([
            {
                _("Comment"): c.id,
                _("Received"): format_datetime(c.submitted_at, ZONE),
                _("Waiting"): waited((now - c.submitted_at).total_seconds() / 3600),
                _("State"): _(COMMENT_STATES.get(c.state, c.state)),
                _("About"): c.about,
                _("Flags"): ", ".join(sorted({f.get("kind", "?") for f in c.flags})) or _("none"),
                _("Campaign"): c.campaign_key or "",
                _("Earlier decisions"): "; ".join(earlier_text(d) for d in earlier.get(c.id, [])),
                _("Text"): reveal_bidi(c.raw_text or c.redacted_text)[:500],
            }
            for c in queue
        ])
        st.dataframe(frame, hide_index=True, width="stretch")

        st.header(_("Decide a comment"), anchor=False)
        by_id = {c.id: c for c in queue}
        still_offered("queue_comment", list(by_id))
        chosen = st.selectbox(
            _("Comment"), list(by_id), key="queue_comment",
            format_func=lambda i: f"#{i} · {by_id[i].about} · "
                                  f"{reveal_bidi(by_id[i].raw_text or by_id[i].redacted_text)[:70]}",
        )
        comment = by_id[chosen]
        # The version this moderator read: a decision on anything newer is refused.
        seen_for, seen = st.session_state.get("decide_seen", (None, None))
        if seen_for != comment.id:
            seen = comment.lock_version
            st.session_state["decide_seen"] = (comment.id, seen)
        # Another comment (or the form not drawn in the last run): its form starts afresh,
        # with this comment's text to publish.
        if st.session_state.get("decide_comment") != comment.id or "decide_text" not in st.session_state:
            st.session_state.update(FORM_KEYS, decide_comment=comment.id,
                                    decide_text=strip_invisible(comment.redacted_text))
        # Bidi controls written out by name, not applied: the public pages drop them, so a
        # moderator must read the text in the order it was typed (the ``bidi`` flag says so).
        st.caption(_("What the resident wrote (moderators only)"))
        st.text(reveal_bidi(comment.raw_text) if comment.raw_text
                else _("(raw text purged after the retention period)"))
        for decision in earlier.get(comment.id, []):
            st.caption(inert(_("Earlier: {decision} by {moderator}").format(
                decision=earlier_text(decision), moderator=decision.moderator)
                             + (f" — {decision.reason}" if decision.reason else "")))
        for flag in comment.flags:
            spans = ", ".join(f"{a}–{b}" for a, b in flag.get("spans", []))
            st.caption(inert(_("{kind} (score {score}) at {spans} {detail}").format(
                kind=flag.get("kind"), score=flag.get("score"), spans=spans,
                detail=flag.get("detail") or "")))
        with st.form("decide"):
            action = st.radio(
                _("Decision"), DECISIONS, key="decide_action",
                format_func=lambda a: _(MODERATION_ACTIONS[a]),
            )
            # Without invisible and direction characters: what the public pages would show.
            redacted = st.text_area(_("Text to publish (edit the redaction if needed)"),
                                    key="decide_text", height=150)
            reason = st.selectbox(_("Reason from the moderation policy (when not publishing)"),
                                  ["", *REJECTION_REASONS], key="decide_reason",
                                  format_func=lambda r: _(REJECTION_REASONS[r].public_text) if r else "—")
            note = st.text_input(_("Note for the moderation log (required to edit, refer, or for "
                                   "some reasons)"),
                                 max_chars=500, key="decide_note")
            go = st.form_submit_button(_("Record decision"), type="primary")
        if go:
            with reported():
                try:
                    with db() as session:
                        decide(
                            session=session, actor=actor, comment_id=comment.id, lock_version=seen,
                            action=action, reason_code=reason or None, note=note,
                            redacted_text=redacted if action == "publish_redacted" else None,
                        )
                    st.success(_("Comment #{id}: {decision} — recorded.").format(
                        id=comment.id, decision=_(MODERATION_ACTIONS[action]).lower()))
                finally:
                    st.session_state.pop("decide_seen", None)

        st.header(_("Campaigns"), anchor=False)
        suggestions = suggested_campaigns(queue)
        for group, ids in suggestions.items():
            with st.container(border=True):
                st.markdown(_("Possible copy-paste campaign: **{n} comments** ({ids})").format(
                    n=number(len(ids)), ids="#" + ", #".join(map(str, ids))))
                st.text(reveal_bidi(by_id[ids[0]].raw_text or by_id[ids[0]].redacted_text)[:300])
                if st.button(_("Mark as one campaign"), key=f"mark_{group}_{ids[0]}"):
                    with reported(), db() as session:
                        key = mark_campaign(session=session, actor=actor, comment_ids=ids)
                        st.success(_("Marked as {key}. Reload the queue to decide it as a whole.").format(key=key))
        campaigns = sorted({c.campaign_key for c in queue if c.campaign_key})
        if campaigns:
            with st.form("campaign_decision"):
                still_offered("campaign_choice", campaigns)
                key = st.selectbox(_("Campaign"), campaigns, key="campaign_choice",
                                   format_func=lambda k: _("{key} ({n} comments)").format(
                                       key=k, n=sum(c.campaign_key == k for c in queue)))
                bulk = st.radio(_("Decision for all its comments"), CAMPAIGN_DECISIONS,
                                format_func=lambda a: _(MODERATION_ACTIONS[a]))
                bulk_reason = st.selectbox(_("Reason (when not publishing)"), ["", *REJECTION_REASONS],
                                           format_func=lambda r: _(REJECTION_REASONS[r].public_text) if r else "—")
                bulk_note = st.text_input(_("Note"), max_chars=500)
                bulk_go = st.form_submit_button(_("Decide the whole campaign"))
            if bulk_go:
                with reported(), db() as session:
                    n = decide_campaign(session=session, actor=actor, campaign_key=key, action=bulk,
                                        reason_code=bulk_reason or None, note=bulk_note)
                    st.success(_("{n} comments decided.").format(n=n))
        elif not suggestions:
            st.caption(_("No copy-paste campaign among the queued comments."))

    st.header(_("Moderation log"), anchor=False)
    with db() as session:
        decisions = decision_count(session=session, actor=actor)
    st.download_button(
        _("Download the moderation log (CSV, {decisions})").format(decisions=ngettext(
            "{n} decision", "{n} decisions", decisions).format(n=number(decisions))),
        log_csv, file_name="moderation-log.csv", mime="text/csv", on_click="ignore",
        key="moderation_log",  # its label counts the decisions: the key keeps its id
    )
