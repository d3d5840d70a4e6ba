"""Local demo sign-in: pick a role to try the portal. Refuses to work unless enabled."""

from urllib.parse import quote

import streamlit as st

from portal.auth.roles import ROLE_LABELS, Role
from portal.i18n import _
from portal.settings import get_settings
from portal.ui.context import current_actor
from portal.ui.links import in_this_language, same_tab_links
from portal.web.demo import SIGN_IN

st.title(_("Demo sign-in"))
if not get_settings().demo_signin:
    st.error(_("Demo sign-in is switched off. Set PORTAL_DEMO_SIGNIN=1 to try roles locally."))
    st.stop()

st.write(_(
    "This lets you try the portal as each kind of user on your own machine. It checks "
    "nobody's identity: never enable it on a public server. The role you pick is kept in "
    "this browser until you sign out, so a reload or a link keeps it."
))
actor = current_actor()
current = next(iter(actor.roles), Role.RESIDENT) if actor.is_demo else Role.RESIDENT
st.subheader(_("Act as"))
# Back to this page in the language it is read in (a new session starts after the redirect).
back = in_this_language("/demo-sign-in")
same_tab_links([
    (f"{SIGN_IN}?role={role.value}&next=" + quote(back, safe="/"),
     _("{role} (current)").format(role=_(ROLE_LABELS[role])) if role is current
     else _(ROLE_LABELS[role]))
    for role in Role
])
