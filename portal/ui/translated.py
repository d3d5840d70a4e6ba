"""What staff wrote, in the visitor's language where staff have given one (portal/translations/).

A page passes the English it is about to show; it gets back the text to show for each field,
and which fields are still only in English, so it can say so beside them rather than leave a
Spanish reader to wonder why a paragraph is in English.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from portal.auth.roles import Actor
from portal.i18n import SOURCE_LANGUAGE, _, language
from portal.translations.service import Localized, localize, published
from portal.ui.context import db

__all__ = ["Localized", "english_only_note", "localized", "localized_records"]


def localized_records(kind: str, english: Mapping[int, Mapping[str, str]],
                      actor: Actor) -> dict[int, Localized]:
    """Each record's fields (``{record_id: {field: English}}``) as the visitor reads them."""
    lang = language()
    found: dict[int, dict[str, str]] = {}
    if lang != SOURCE_LANGUAGE:
        with db() as session:
            found = published(session=session, actor=actor, kind=kind, english=english,
                              language=lang)
    return localize(english, found, lang)


def localized(kind: str, record_id: int, english: Mapping[str, str], actor: Actor) -> Localized:
    return localized_records(kind, {record_id: english}, actor)[record_id]


def english_only_note(content: Localized, field: str) -> None:
    """Beside a field still only in English: say so, in the visitor's language."""
    if field in content.in_english:
        st.caption(_("This part has no Spanish version yet; it is shown in English."))
