"""A figure's text from ``portal.disclosure.shown`` in the reader's language.

``shown`` writes English for the exports and the API ("fewer than 11", "hidden", "no data",
"1,234"); a page shows the same words, and numbers, as the reader's language writes them.
"""

from __future__ import annotations

import re

from portal.i18n import SOURCE_LANGUAGE, N_, _, language, number

HIDDEN, NO_DATA, FEWER_THAN = N_("hidden"), N_("no data"), N_("fewer than {k}")
_FEWER = re.compile(r"fewer than (\d+)")
_NUMBER = re.compile(r"-?\d{1,3}(,\d{3})*(\.\d+)?")


def shown_text(text: str) -> str:
    """``text`` as ``shown`` wrote it, in the language in force."""
    if language() == SOURCE_LANGUAGE or not isinstance(text, str):
        return text
    if text in (HIDDEN, NO_DATA):
        return _(text)
    if match := _FEWER.fullmatch(text):
        return _(FEWER_THAN).format(k=number(int(match.group(1))))
    if _NUMBER.fullmatch(text):
        whole, _dot, fraction = text.replace(",", "").partition(".")
        return number(float(f"{whole}.{fraction}"), len(fraction)) if fraction else number(int(whole))
    return text
