"""Showing text people typed as text, never as markup.

Streamlit renders Markdown (links, images, LaTeX, colour directives) in
``st.markdown``, ``st.write`` and labels; anything that came from a person
goes through ``inert`` first, or is shown with ``st.text`` or a dataframe.
"""

from __future__ import annotations

import re

from moderation.textview import BIDI_CONTROLS

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:=])")
# Zero-width characters and every direction control screening flags (one list,
# moderation/textview.py) can disguise what text says.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060-\u2064\ufeff" + "".join(BIDI_CONTROLS) + "]")


def strip_invisible(text: str) -> str:
    return _INVISIBLE.sub("", text)


def inert(text: str | None) -> str:
    """Escape ``text`` so Markdown shows it literally, on one logical paragraph."""
    if not text:
        return ""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", strip_invisible(text))
