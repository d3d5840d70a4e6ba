"""Local demo sign-in: pick a role to try the portal. Refuses to work unless enabled."""

import streamlit as st

from portal.auth.roles import ROLE_LABELS, Role
from portal.settings import get_settings

st.title("Demo sign-in")
if not get_settings().demo_signin:
    st.error("Demo sign-in is switched off. Set PORTAL_DEMO_SIGNIN=1 to try roles locally.")
    st.stop()

st.write(
    "This lets you try the portal as each kind of user on your own machine. It checks "
    "nobody's identity: never enable it on a public server."
)
current = st.session_state.get("demo_role", Role.RESIDENT.value)
choices = [r.value for r in Role]
role = st.radio(
    "Act as", choices, index=choices.index(current), format_func=lambda r: ROLE_LABELS[Role(r)]
)
if st.button("Use this role", type="primary"):
    if role == Role.RESIDENT.value:
        st.session_state.pop("demo_role", None)
    else:
        st.session_state["demo_role"] = role
    st.rerun()
