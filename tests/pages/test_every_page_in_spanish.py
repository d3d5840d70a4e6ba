"""No page in Spanish shows a text of the portal's own in English (issue 16).

The catalog knows each text the portal says and its Spanish. Every page (and the detail views
that draw more) is opened with ``?lang=es`` over the demo county; a line shown that is exactly
one of those texts in English was shown without being translated where it is drawn: a label
kept in a table of choices and shown as it is, say. This found the notice's comparison of
versions naming its fields in English, and a survey question's kind shown by its code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from portal.i18n_catalog import read
from tests.apptest import page_of
from tests.pages.every_page import CASES, case_id, demo_county, run_every_page

#: Shown in English on purpose, each for its reason.
ENGLISH_ON_PURPOSE = {
    # Staff's words in the demo county that have no Spanish version: the data-sharing survey's
    # choices (the demo gives Spanish to one survey only, and the page says the rest is in
    # English) and an indicator's update frequency as staff typed it.
    "English", "Other", "Immigration or citizenship status", "SSN or ITIN", "Quarterly",
}


def _english_texts() -> dict[str, str]:
    """The catalog's English texts with a different Spanish, ignoring ones with fields (shown
    filled in), contexts and codes (one lower-case word: a column or an area's name)."""
    found = {}
    for _key, (message, _path) in read("es").items():
        if message.context:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for english, spanish in zip(ids, strings, strict=False):
            if (spanish and spanish != english and "{" not in english
                    and not (english.islower() and " " not in english)):
                found[english] = spanish
    return found


@pytest.fixture(scope="module")
def english_left(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> dict:
    """For each case, the lines of the Spanish page that are a catalog text in English."""
    english = _english_texts()
    found = {}
    with demo_county(tmp_path_factory.mktemp("spanish"), sqlite_template):
        for case, at in run_every_page({"lang": "es"}):
            page = page_of(at)
            labels = [getattr(widget, "label", "") for kind in (
                "button", "selectbox", "multiselect", "text_input", "text_area", "radio",
                "checkbox", "toggle", "number_input", "date_input") for widget in at.get(kind)]
            lines = {line.strip(" -*#>·:") for text in [*(m.shown for m in page.markdown),
                                                        *page.plain, *page.charts, *labels]
                     for line in str(text).split("\n")}
            found[case_id(case)] = sorted(line for line in lines
                                          if line in english and line not in ENGLISH_ON_PURPOSE)
    return found


def test_the_check_reads_the_pages(english_left: dict) -> None:
    assert len(english_left) == len(CASES)
    assert len(_english_texts()) > 500


@pytest.mark.parametrize("case", [case_id(c) for c in CASES])
def test_no_text_of_the_portal_is_left_in_english(english_left: dict, case: str) -> None:
    assert english_left[case] == []
