"""Showing text people typed as text, never as markup.

Streamlit renders Markdown (links, images, LaTeX, colour directives) in
``st.markdown``, ``st.write`` and labels; anything that came from a person
goes through ``inert`` first, or is shown with ``st.text`` or a dataframe.
"""

from __future__ import annotations

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:=])")
# Zero-width and bidirectional-override characters can disguise what text says.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def strip_invisible(text: str) -> str:
    return _INVISIBLE.sub("", text)


def inert(text: str | None) -> str:
    """Escape ``text`` so Markdown shows it literally, on one logical paragraph."""
    if not text:
        return ""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", strip_invisible(text))
