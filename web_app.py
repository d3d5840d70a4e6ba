"""What ``portal serve`` runs: the Streamlit app, and on the same port the portal's stable
addresses (``/data.json``, the feeds, the audit checkpoints; docs/api.md), the demo
sign-in's cookie and the response headers every answer carries (``st.App``, DESIGN.md §4a).
AppTest and ``streamlit run streamlit_app.py`` still run the app alone.

The screening models begin loading as the server starts (its lifespan), not during the first
visitor's page (``portal.ui.warmup``)."""

import streamlit as st
from starlette.middleware import Middleware
from starlette.routing import Route

from portal.settings import PROJECT_ROOT
from portal.ui.warmup import warm_up_at_start
from portal.web import addresses, demo
from portal.web.headers import SecurityHeaders

app = st.App(
    str(PROJECT_ROOT / "streamlit_app.py"),
    routes=[
        *addresses.routes(),
        Route(demo.SIGN_IN, demo.sign_in),
        Route(demo.SIGN_OUT, demo.sign_out),
    ],
    middleware=[Middleware(SecurityHeaders)],
    lifespan=warm_up_at_start,
)
