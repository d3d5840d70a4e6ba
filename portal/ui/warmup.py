"""Loading the screening models once per server process, in the background.

The first ``moderation.screen`` call loads Presidio and the language model
(measured here: about 2–7 s); started when the app first runs, it is ready
before a resident has finished typing a comment.
"""

from __future__ import annotations

import threading

import streamlit as st


@st.cache_resource(show_spinner=False)
def warm_up_screening() -> threading.Thread:
    import moderation

    thread = threading.Thread(target=moderation.warm_up, name="screening-warm-up", daemon=True)
    thread.start()
    return thread
