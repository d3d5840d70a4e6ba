"""Entry point: the site's chrome around the page the address names (DESIGN.md §3)."""

import streamlit as st

from portal.i18n import _, enter_page_language, leave_page_language
from portal.settings import PROJECT_ROOT, get_settings
from portal.ui.chrome import render_chrome, render_footer
from portal.ui.context import current_actor
from portal.ui.messages import reported
from portal.ui.navigation import site_navigation
from portal.ui.signin import refuse_unsafe_configuration

settings = get_settings()
# ``?lang=`` in the address, else the visit's earlier choice, else the county's default; held
# for this run only (given back below however the run ends: st.stop and st.rerun raise).
language = enter_page_language()
try:
    st.set_page_config(
        page_title=_("{county} Data Transparency Portal").format(county=settings.county_name),
        # A file of our own: a Material icon here is fetched from a third-party font server.
        page_icon=str(PROJECT_ROOT / "static" / "favicon.png"),
        layout="wide",
    )

    # Placeholder secrets would let anyone forge a staff session: draw nothing.
    refuse_unsafe_configuration()
    # The screening models are loaded when the server starts (web_app.py), not in this run.
    actor = current_actor()
    navigation = site_navigation(actor)
    render_chrome(actor)
    try:
        # A database out of reach mid-page (stopped, restarting) is a message, not a stack trace.
        with reported():
            navigation.run()
    finally:
        # Also after a page stops early (st.stop): every page has the footer's links.
        render_footer(actor)
finally:
    leave_page_language(language)
