"""What staff wrote, in the visitor's language where staff have given one (portal/translations/).

A page passes the English it is about to show; it gets back the text to show for each field,
and which fields are still only in English, so it can say so beside them rather than leave a
Spanish reader to wonder why a paragraph is in English.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import streamlit as st

from portal.auth.roles import Actor
from portal.i18n import SOURCE_LANGUAGE, _, language
from portal.translations.service import published
from portal.ui.context import db


@dataclass(frozen=True)
class Localized:
    texts: Mapping[str, str]
    #: Fields that have English to show and no translation into the language in force.
    in_english: frozenset[str]

    def __getitem__(self, field: str) -> str:
        return self.texts[field]


def localized_records(kind: str, english: Mapping[int, Mapping[str, str]],
                      actor: Actor) -> dict[int, Localized]:
    """Each record's fields (``{record_id: {field: English}}``) as the visitor reads them."""
    lang = language()
    if lang == SOURCE_LANGUAGE:
        return {rid: Localized(dict(fields), frozenset()) for rid, fields in english.items()}
    with db() as session:
        found = published(session=session, actor=actor, kind=kind, english=english, language=lang)
    out = {}
    for rid, fields in english.items():
        spanish = found.get(rid, {})
        out[rid] = Localized({f: spanish.get(f, e) for f, e in fields.items()},
                             frozenset(f for f, e in fields.items() if e and f not in spanish))
    return out


def localized(kind: str, record_id: int, english: Mapping[str, str], actor: Actor) -> Localized:
    return localized_records(kind, {record_id: english}, actor)[record_id]


def english_only_note(content: Localized, field: str) -> None:
    """Beside a field still only in English: say so, in the visitor's language."""
    if field in content.in_english:
        st.caption(_("This part has no Spanish version yet; it is shown in English."))
