"""Showing text people typed as text, never as markup.

Streamlit renders Markdown (links, images, LaTeX, colour directives) in
``st.markdown``, ``st.write`` and labels; anything that came from a person
goes through ``inert`` first, or is shown with ``st.text`` or a dataframe.
"""

from __future__ import annotations

import re
from html import escape

from moderation.textview import BIDI_CONTROLS
from moderation.types import REDACTION_LABELS
from portal.i18n import SOURCE_LANGUAGE, _, language

# ``&`` too: "&lt;b&gt;" typed is shown as typed, not decoded into "<b>" by the Markdown
# renderer; and ``/``: Streamlit turns ":material/name:" into an icon, escaped colons or not.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:=&/])")
# GFM makes a link of a web or e-mail address in text after the escapes are read, so no
# backslash stops it; an invisible word joiner after "http", "www" or "@" does.
_AUTOLINK = re.compile(r"(?i)https?(?=:)|www(?=\.)|@")
WORD_JOINER = "\u2060"
# Zero-width characters and every direction control screening flags (one list,
# moderation/textview.py) can disguise what text says.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060-\u2064\ufeff" + "".join(BIDI_CONTROLS) + "]")


def strip_invisible(text: str) -> str:
    return _INVISIBLE.sub("", text)


def inert(text: str | None) -> str:
    """Escape ``text`` so Markdown shows it literally, on one logical paragraph: no emphasis,
    link, image, HTML, heading, list, LaTeX, colour, icon or address made into a link."""
    if not text:
        return ""
    text = _AUTOLINK.sub(lambda m: m.group() + WORD_JOINER, strip_invisible(text))
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def chart_text(text: str) -> str:
    """``text`` for a Plotly chart's title, ticks or hover text, which Plotly reads as HTML
    (``<b>``, ``<a href>``): escaped, it shows as typed. Quotes stay: Plotly turns ``&lt;``,
    ``&gt;`` and ``&amp;`` back into characters, but shows ``&quot;`` as it is."""
    return escape(str(text), quote=False)


def labels_shown(text: str) -> str:
    """Published text with the labels redaction left ("[phone removed]") in the reader's
    language. The stored text keeps them in English, as files and the packet do; they are
    the portal's words, not the resident's, so they are the only part translated."""
    if "removed]" not in text or language() == SOURCE_LANGUAGE:
        return text
    for label in REDACTION_LABELS.values():
        text = text.replace(label, _(label))
    return text
