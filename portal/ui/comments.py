"""The resident comment form and the published comments, as one component any page can drop in.

``comment_section(target_type, target_id)`` shows what has been published
about a record, newest first and a page at a time ("Show more comments"), and a form to
add to it. The form screens the draft before
anything is stored: if it holds personal data, the resident sees what was
found and what will be published, and may edit or confirm.
"""

from __future__ import annotations

import secrets
from typing import Any

import streamlit as st

from portal.auth.roles import Actor
from portal.engagement import policy
from portal.engagement.comments import (
    PAGE_SIZE,
    PublicComment,
    comment_status,
    new_receipt_code,
    preview_comment,
    published_comment_page,
    submit_comment,
)
from portal.engagement.vocab import POSITIONS
from portal.geography.service import list_districts
from portal.i18n import _, ngettext, number
from portal.timefmt import county_zone, format_date
from portal.ui.context import current_actor, db
from portal.ui.messages import reported
from portal.ui.text import inert, labels_shown

_NO_CHOICE = ""


def _session_token() -> str:
    """A random token for this browser session: it feeds the abuse limit, hashed, never stored."""
    return st.session_state.setdefault("comment_session_token", secrets.token_urlsafe(16))


def _network() -> str | None:
    try:
        return st.context.ip_address
    except Exception:  # noqa: BLE001 - not available outside a real browser session
        return None


def _show_more(key: str) -> None:
    st.session_state[key] = st.session_state.get(key, 1) + 1


def show_published(target_type: str, target_id: int | None, actor: Actor) -> None:
    """The newest :data:`PAGE_SIZE` published comments, and a button that adds the next page
    each time it is pressed (the pages read so far are kept for this browser session)."""
    key = f"published_{target_type}_{target_id or 0}_pages"
    pages = st.session_state.get(key, 1)
    comments: list[PublicComment] = []
    total, after = 0, None
    with db() as session:
        # Each page starts after the last comment shown (keyset): never one twice, none missed.
        for _page in range(pages):
            page = published_comment_page(session=session, actor=actor, target_type=target_type,
                                          target_id=target_id, after=after)
            comments += page.comments
            total, after = page.total, page.next
            if after is None:
                break
    st.subheader(_("Published comments ({total})").format(total=number(total)), anchor=False)
    if not comments:
        st.caption(_("No comment has been published here yet."))
    elif after is not None:
        st.caption(_("Newest first: {shown} of {total} shown.").format(
            shown=number(len(comments)), total=number(total)))
    zone = county_zone()  # once for the list, not once for every date
    for c in comments:
        with st.container(border=True):
            where = f" · {inert(c.district)}" if c.district else ""
            stance = f" · {_(POSITIONS[c.position])}" if c.position in POSITIONS else ""
            st.caption(f"{format_date(c.published_at, zone)}{where}{stance}")
            st.markdown(inert(labels_shown(c.text)))
            if c.official_response:
                st.info(
                    _("**Official response** ({when}): {response}").format(
                        when=format_date(c.official_response_at, zone),
                        response=inert(c.official_response)),
                    icon=":material/account_balance:",
                )
    if after is not None:
        hidden = max(total - len(comments), 1)
        # A real button, its label saying what it does and how many are left.
        st.button(ngettext("Show {n} more comment ({hidden} not yet shown)",
                           "Show {n} more comments ({hidden} not yet shown)",
                           min(PAGE_SIZE, hidden)).format(n=number(min(PAGE_SIZE, hidden)),
                                                          hidden=number(hidden)),
                  key=f"{key}_more", on_click=_show_more, args=(key,),
                  icon=":material/expand_more:")


def _sent_before(key: str, text: str) -> str:
    """What identifies "the same comment again" in this browser session: target and text."""
    return f"{key}\n{' '.join(text.split())}"


def _send(key: str, actor: Actor, target_type: str, target_id: int | None, draft: dict[str, Any],
          confirmed: bool) -> None:
    """Store the comment once: the same text sent again in this session (a second press, a
    dropped connection) answers with the first receipt. Then draw an empty form."""
    sent: dict[str, str] = st.session_state.setdefault("comments_sent", {})
    again = _sent_before(key, draft.get("text") or "")
    if again in sent:
        st.session_state[f"{key}_receipt"] = sent[again]
        st.session_state[f"{key}_repeat"] = True
        st.session_state.pop(f"{key}_draft", None)
        return
    done = False
    # Fixed before the first attempt, for this form: a second press after a dropped
    # connection carries the same code, and the service stores the comment once.
    generation = st.session_state.get(f"{key}_generation", 0)
    code = st.session_state.setdefault(f"{key}_{generation}_receipt_code", new_receipt_code())
    with reported(), db() as session:
        receipt = submit_comment(
            session=session, actor=actor, target_type=target_type, target_id=target_id,
            personal_data_confirmed=confirmed, session_token=_session_token(),
            network=_network(), receipt_code=code, **draft,
        )
        sent[again] = receipt.code
        st.session_state[f"{key}_receipt"] = receipt.code
        st.session_state.pop(f"{key}_draft", None)
        done = True
    if done:
        # A new form (new widget keys) on the next run: the sent text does not linger.
        st.session_state[f"{key}_generation"] = st.session_state.get(f"{key}_generation", 0) + 1
        st.rerun()


def _keep_what_fits(key: str, text_key: str) -> None:
    """On "Check and send", before the page runs: cut an over-long comment to the limit, in
    the box itself, and remember how long it was, so the form says so and sends nothing.

    The box has no ``max_chars``: with one, a browser drops a longer paste whole and says
    nothing. The service refuses over-long text too; this keeps the resident's words.
    """
    st.session_state.pop(f"{key}_too_long", None)
    text = st.session_state.get(text_key) or ""
    if len(text) > policy.MAX_TEXT_CHARS:
        st.session_state[text_key] = text[: policy.MAX_TEXT_CHARS]
        st.session_state[f"{key}_too_long"] = len(text)
        st.session_state.pop(f"{key}_draft", None)  # a screened earlier draft is not this text


def comment_form(target_type: str, target_id: int | None, actor: Actor) -> None:
    key = f"comment_{target_type}_{target_id or 0}"
    generation = st.session_state.get(f"{key}_generation", 0)
    text_key = f"{key}_{generation}_text"
    limit = policy.MAX_TEXT_CHARS
    st.subheader(_("Add your comment"), anchor=False)
    st.write(_(
        "Only the comment is required. Comments are limited to {limit} "
        "characters. Every comment is read by a moderator before it is published; personal "
        "data is removed first. Nothing about your device or network is kept."
    ).format(limit=number(limit)))
    # With the database out of reach the form is still drawn, so what was typed is kept.
    districts: dict[int, str] = {}
    with reported(), db() as session:
        districts = {d.id: d.name for d in list_districts(session=session, actor=actor)}
    too_long = st.session_state.get(f"{key}_too_long")
    with st.form(f"{key}_{generation}"):
        if too_long:
            st.warning(
                _("Your comment was {length} characters; comments can be up to {limit}. "
                  "The first {limit} are kept below: shorten it and send again.").format(
                    length=number(too_long), limit=number(limit)),
                icon=":material/content_cut:",
            )
        text = st.text_area(_("Your comment (required)"), key=text_key, height=150,
                            help=_("Up to {limit} characters.").format(limit=number(limit)))
        position = st.selectbox(
            _("Your position (optional)"), [_NO_CHOICE, *POSITIONS],
            format_func=lambda p: _(POSITIONS[p]) if p in POSITIONS else _("No position given"),
        )
        district = st.selectbox(
            _("Your district (optional)"), [None, *districts],
            format_func=lambda d: _("Not given") if d is None else districts[d],
        )
        name = st.text_input(_("Your name (optional, never published)"),
                             max_chars=policy.MAX_NAME_CHARS)
        email = st.text_input(
            _("Your e-mail (optional, never published; only if you want staff to be able to "
              "reply)"),
            max_chars=policy.MAX_EMAIL_CHARS,
        )
        # A field only bots fill in: drawn (so a bot filling every input finds it) but hidden
        # from people and from screen readers (display: none takes it out of the page's
        # accessibility tree too).
        with st.container(key=f"{key}_trap"):
            website = st.text_input(_("Leave this field empty"), key=f"{key}_website",
                                    autocomplete="off")  # not translated: an HTML value
        st.html(f"<style>.st-key-{key}_trap {{display: none !important}}</style>")
        sent = st.form_submit_button(_("Check and send"), type="primary", on_click=_keep_what_fits,
                                     args=(key, text_key))
    if sent:
        draft = {"text": text, "position": position or None, "district_id": district,
                 "name": name, "email": email, "website": website}
        st.session_state.pop(f"{key}_receipt", None)
        st.session_state.pop(f"{key}_repeat", None)
    if sent and not too_long:
        with reported():
            with db() as session:
                preview = preview_comment(session=session, actor=actor, text=text)
            if preview.has_personal_data:
                st.session_state[f"{key}_draft"] = {**draft, "_preview": preview}
            else:
                _send(key, actor, target_type, target_id, draft, confirmed=False)

    pending = st.session_state.get(f"{key}_draft")
    if pending is not None:
        preview = pending["_preview"]
        slot = st.empty()
        box = slot.container(border=True)
        found = ", ".join(f"{p.description}" + (f" ({p.count})" if p.count > 1 else "")
                          for p in preview.personal_data)
        box.warning(
            _("Your comment contains personal data: {found}. It will be removed before "
              "publication. This is what would be published:").format(found=found),
            icon=":material/privacy_tip:",
        )
        box.markdown(inert(labels_shown(preview.redacted)))
        confirm, edit = box.columns(2)
        if confirm.button(_("Send it with these removed"), key=f"{key}_confirm", type="primary"):
            draft = {k: v for k, v in pending.items() if not k.startswith("_")}
            _send(key, actor, target_type, target_id, draft, confirmed=True)
            if f"{key}_draft" not in st.session_state:
                slot.empty()
        elif edit.button(_("Edit my comment"), key=f"{key}_edit"):
            st.session_state.pop(f"{key}_draft", None)
            slot.empty()
            st.info(_("Your comment has not been sent. Edit it above and choose “Check and send”."))

    code = st.session_state.get(f"{key}_receipt")
    if code and st.session_state.get(f"{key}_repeat"):
        st.info(_("You already sent this comment; it was stored once. Its receipt code is "
                  "**{code}**.").format(code=code),
                icon=":material/check_circle:")
    elif code:
        st.success(
            _("Thank you. Your comment was received and is **awaiting moderation**. Keep this "
              "receipt code to check its status later without giving your name: **{code}**"
              ).format(code=code),
            icon=":material/check_circle:",
        )


def comment_section(target_type: str, target_id: int | None = None, *, accepting: bool = True) -> None:
    """Published comments on a record, then the form (unless the record takes no comments now)."""
    actor = current_actor()
    with reported():
        show_published(target_type, target_id, actor)
    if accepting:
        comment_form(target_type, target_id, actor)


def receipt_lookup() -> None:
    """Look up a comment by its receipt code: state, public reason, published text."""
    actor = current_actor()
    st.subheader(_("Check a comment you sent"), anchor=False)
    with st.form("receipt_lookup"):
        code = st.text_input(_("Receipt code"), placeholder="ABCD-EFGH-JKMN", max_chars=32)  # not translated: a code's shape
        look = st.form_submit_button(_("Check status"))
    if look:
        with reported(), db() as session:
            status = comment_status(session=session, actor=actor, receipt_code=code)
            st.markdown(_("Comment **{code}**, sent {when}: **{state}**.").format(
                code=inert(status.receipt_code), when=format_date(status.submitted_at),
                state=_(status.state_label)))
            if status.referred_at:
                st.markdown(_("A moderator referred it to the Privacy Commission on {when}.").format(
                    when=format_date(status.referred_at)))
            if status.commission_decision:
                st.markdown(_("The commission's decision, {when}: **{decision}**.").format(
                    when=format_date(status.commission_decided_at),
                    decision=_(status.commission_decision)))
            if status.public_reason:
                # A reason from the policy shows in the reader's language; other words as written.
                st.markdown(_("Reason it was not published: {reason}").format(
                    reason=inert(_(status.public_reason))))
            if status.published_text is not None:
                st.markdown(_("Published as:"))
                st.markdown(inert(status.published_text))
