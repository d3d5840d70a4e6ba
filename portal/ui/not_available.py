"""The portal's own answer to an address a person cannot open, always with a way on."""

from __future__ import annotations

import streamlit as st

from portal.i18n import _
from portal.manifest import PageSpec
from portal.ui.context import current_actor
from portal.ui.links import link_to
from portal.ui.signin import sign_in_buttons, sign_in_providers
from portal.ui.text import inert

# Where most people are headed; each is linked only if the person may open it.
WAYS_ON = ("home", "inventory", "notices", "have-your-say", "meetings")


def show_not_available(address: str, spec: PageSpec | None) -> None:
    """Say plainly why, then where to go: never a dead end, never a stack trace."""
    actor = current_actor()
    st.title(_("This page is not available"))
    if spec is None:
        st.write(_(
            "There is no page at the address /{address}. It may be mistyped, or the page may "
            "have moved."
        ).format(address=inert(address)))
    elif not actor.is_signed_in:
        st.write(_(
            "“{page}” is part of the work of county staff or the Privacy Commission, so it "
            "opens only for people signed in with the right role. Everything the county "
            "publishes is open to everyone without an account."
        ).format(page=inert(_(spec.title))))
        if sign_in_providers():
            st.write(_("If you work for the county, sign in:"))
            sign_in_buttons("not_available_sign_in")
    else:
        st.write(_(
            "“{page}” is not part of the roles you are signed in with. If your work needs it, "
            "ask an administrator to grant you the role."
        ).format(page=inert(_(spec.title))))
    st.subheader(_("Where to go from here"))
    for url_path in WAYS_ON:
        link_to(url_path, actor)
