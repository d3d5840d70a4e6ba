"""Staff sign-in through Streamlit's ``st.login``, as the app and its chrome see it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from portal.auth.config import Provider, auth_problems, providers
from portal.i18n import _
from portal.settings import get_settings


def auth_section() -> Mapping[str, Any] | None:
    """``[auth]`` from the secrets Streamlit loaded, or None when there is none.

    Read through ``st.secrets`` at call time, so ``AppTest.secrets`` reaches it too.
    """
    try:
        auth = st.secrets.get("auth")
    except FileNotFoundError:  # no secrets file at all
        return None
    return auth if isinstance(auth, Mapping) and auth else None


def sign_in_providers() -> list[Provider]:
    auth = auth_section()
    return providers(auth) if auth else []


def refuse_unsafe_configuration() -> None:
    """Stop the app before any page is drawn while the sign-in configuration is unsafe.

    ``portal serve`` checks the same before starting; this catches ``streamlit run``
    started by hand and secrets edited while the server runs. The refusal is itself
    the only page of the navigation, so no other page can be reached past this check.
    """
    problems = auth_problems(auth_section(), get_settings())
    if not problems:
        return

    def refused() -> None:
        st.title(_("Not available"))
        lines = "\n".join(f"- {p}" for p in problems)
        st.error(
            _("**The portal is not configured safely and will not start.** An operator must fix "
              ".streamlit/secrets.toml or the environment:\n\n{lines}").format(lines=lines),
            icon=":material/lock:",
        )

    st.navigation([st.Page(refused, title=_("Not available"), url_path="unavailable", default=True)],
                  position="hidden").run()
    st.stop()


def sign_in_buttons(key: str) -> None:
    """One button per configured provider; none when sign-in is not configured."""
    for provider in sign_in_providers():
        if st.button(provider.label, key=f"{key}_{provider.name or 'default'}", icon=":material/login:"):
            # st.login sends the browser to the provider; the script stops here.
            if provider.name is None:
                st.login()
            else:
                st.login(provider.name)
