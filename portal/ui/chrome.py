"""What surrounds every page: the demo warning and the account box."""

from __future__ import annotations

import streamlit as st

from portal.auth.roles import ROLE_LABELS, Actor
from portal.settings import get_settings

DEMO_BANNER = (
    "**Demo sign-in is on: no real authentication is in place.** Anyone using this site can "
    "pick any role. Never enable it where real residents' data is stored."
)


def render_chrome(actor: Actor) -> None:
    settings = get_settings()
    if settings.demo_signin:
        st.warning(DEMO_BANNER, icon=":material/warning:")
    with st.sidebar:
        if actor.is_signed_in:
            roles = ", ".join(ROLE_LABELS[r] for r in sorted(actor.roles))
            st.caption(f"Signed in as **{actor.display_name or actor.subject}** · {roles}")
            if actor.is_demo:
                if st.button("Sign out", key="demo_sign_out"):
                    st.session_state.pop("demo_role", None)
                    st.rerun()
            elif st.button("Sign out", key="sign_out"):
                st.logout()
        else:
            st.caption(
                "You are browsing as a resident. No account is needed to read or to comment."
            )
