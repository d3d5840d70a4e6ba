"""Loading the screening models once per server process, in the background, when it starts.

The first ``moderation.screen`` call loads Presidio and the language model (about 2–7 s).
Begun in the first visitor's page run, that load competed with the page for the
interpreter and doubled its wait (issue 18: 2.15 s against 0.98 s). ``web_app.py`` begins
it instead when the server starts (:func:`warm_up_at_start`, its lifespan), before anyone
is served, so it is done before the first resident has typed a comment.
AppTest and ``streamlit run streamlit_app.py`` start no server of ours: there the models
load on the first screening, as in any script.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

_lock = threading.Lock()
_thread: threading.Thread | None = None


def start_screening_warm_up() -> threading.Thread:
    """Begin loading the screening models on a background thread, once per process; later
    calls return the same thread."""
    global _thread
    with _lock:
        if _thread is None:
            import moderation

            _thread = threading.Thread(target=moderation.warm_up, name="screening-warm-up",
                                       daemon=True)
            _thread.start()
        return _thread


@asynccontextmanager
async def warm_up_at_start(app: Any) -> AsyncIterator[None]:
    """The server's lifespan (``st.App(lifespan=...)``): the warm-up begins as it starts."""
    start_screening_warm_up()
    yield
