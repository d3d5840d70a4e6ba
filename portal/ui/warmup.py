"""Loading the screening models once per server process, in the background, when it starts.

The first ``moderation.screen`` call loads Presidio and the language model (about 2–7 s).
Begun in the first visitor's page run, that load competed with the page for the
interpreter and doubled its wait (issue 18: 2.15 s against 0.98 s). ``web_app.py`` begins
it instead when the server starts (:func:`warm_up_at_start`, its lifespan), before anyone
is served, so it is done before the first resident has typed a comment.
AppTest and ``streamlit run streamlit_app.py`` start no server of ours: there the models
load on the first screening, as in any script.

Before the models, the same thread imports what every page's first run in a process would
otherwise import (pandas, plotly, every area's models and services): at county scale that
was most of each page's cold run (issue 18: the notices page 2.0 s of CPU cold, 0.3 s once
they were imported).
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

_lock = threading.Lock()
_thread: threading.Thread | None = None


def import_page_libraries() -> None:
    """Import what the pages use, so the first visitor's page does not wait for it."""
    import pandas  # noqa: F401
    import plotly.graph_objects  # noqa: F401

    from portal import registry

    registry.import_models()
    registry.import_services()


def _warm_up() -> None:
    import moderation

    import_page_libraries()
    moderation.warm_up()


def start_screening_warm_up() -> threading.Thread:
    """Begin importing the pages' libraries, then loading the screening models, on a
    background thread, once per process; later calls return the same thread."""
    global _thread
    with _lock:
        if _thread is None:
            _thread = threading.Thread(target=_warm_up, name="screening-warm-up", daemon=True)
            _thread.start()
        return _thread


@asynccontextmanager
async def warm_up_at_start(app: Any) -> AsyncIterator[None]:
    """The server's lifespan (``st.App(lifespan=...)``): the warm-up begins as it starts."""
    start_screening_warm_up()
    yield
