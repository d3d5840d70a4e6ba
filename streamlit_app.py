"""Entry point: builds the navigation from the signed-in person's roles (DESIGN.md §3)."""

import streamlit as st

from portal.registry import navigation_for
from portal.settings import PROJECT_ROOT, get_settings
from portal.ui.chrome import render_chrome
from portal.ui.context import current_actor
from portal.ui.signin import refuse_unsafe_configuration
from portal.ui.warmup import warm_up_screening

settings = get_settings()
st.set_page_config(
    page_title=f"{settings.county_name} Data Transparency Portal",
    # A file of our own: a Material icon here is fetched from a third-party font server.
    page_icon=str(PROJECT_ROOT / "static" / "favicon.png"),
    layout="wide",
)

# Placeholder secrets would let anyone forge a staff session: draw nothing.
refuse_unsafe_configuration()
warm_up_screening()
actor = current_actor()
sections = navigation_for(actor)
# One flat list: Streamlit's sectioned sidebar puts section headings directly
# inside its <ul>, which screen readers announce wrongly (axe "list", serious).
navigation = st.navigation(
    [
        st.Page(
            str(page.path),
            title=page.title,
            icon=page.icon,
            url_path=page.url_path,
            default=page.url_path == "home",
        )
        for pages in sections.values()
        for page in pages
    ],
    # Every page a role may open stays listed: past ten pages Streamlit would fold the
    # rest (an administrator's own work) behind "View N more".
    expanded=True,
)
render_chrome(actor)
navigation.run()
