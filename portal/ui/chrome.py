"""What surrounds every page: the demo warning, the account menu and staff sign-in."""

from __future__ import annotations

import streamlit as st

from portal.auth.roles import ROLE_LABELS, Actor, Role
from portal.settings import get_settings
from portal.ui.context import sign_in_expired
from portal.ui.signin import sign_in_buttons
from portal.ui.text import inert

DEMO_BANNER = (
    "**Demo sign-in is on: no real authentication is in place.** Anyone using this site can "
    "pick any role. Never enable it where real residents' data is stored."
)
NO_ROLE = (
    "You are signed in, but no portal role has been given to you, so you are treated as a "
    "resident: you see what the public sees. If you work for the county, ask an administrator "
    "to grant you a role."
)
EXPIRED = "Your sign-in has expired, so you are browsing as a resident. Sign in again to continue."


def render_chrome(actor: Actor) -> None:
    settings = get_settings()
    if settings.demo_signin:
        st.warning(DEMO_BANNER, icon=":material/warning:")
    if actor.authenticated and not actor.roles:
        st.info(NO_ROLE, icon=":material/person:")
    expired = sign_in_expired()
    if expired:
        st.warning(EXPIRED, icon=":material/schedule:")
    with st.sidebar:
        account_menu(actor, expired=expired)


def account_menu(actor: Actor, *, expired: bool = False) -> None:
    """Who is signed in, with which roles, and the way out (or in)."""
    container = st.container(border=True, key="account")
    with container:
        if actor.is_signed_in:
            name = inert(actor.display_name or actor.subject)
            st.caption(f"Signed in as **{name}**")
            if actor.subject != actor.display_name and not actor.is_demo:
                st.caption(inert(actor.subject))
            roles = ", ".join(ROLE_LABELS[r] for r in sorted(actor.roles)) or ROLE_LABELS[Role.RESIDENT]
            st.caption(f"Roles: {roles}")
            if actor.is_demo:
                if st.button("Sign out", key="demo_sign_out", icon=":material/logout:"):
                    st.session_state.pop("demo_role", None)
                    st.rerun()
            elif st.button("Sign out", key="sign_out", icon=":material/logout:"):
                st.logout()
        else:
            st.caption("You are browsing as a resident. No account is needed to read or to comment.")
            if expired and st.button("Sign out", key="sign_out_expired", icon=":material/logout:"):
                st.logout()
            sign_in_buttons("sign_in")
