"""Links between registered pages."""

from __future__ import annotations

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from portal.auth.roles import Actor
from portal.registry import page_for


def link_to(url_path: str, actor: Actor, label: str | None = None) -> None:
    """Link to a registered page if ``actor`` may open it.

    Inside the app ``st.page_link`` keeps the session; a page run on its own
    (tests, ``streamlit run pages/x.py``) has no navigation, so it gets a plain link.
    """
    page = page_for(url_path)
    if not page.visible_to(actor):
        return
    try:
        st.page_link(page.script, label=label or page.title, icon=page.icon)
    except StreamlitPageNotFoundError:
        st.markdown(f"[{label or page.title}](/{page.url_path})")
