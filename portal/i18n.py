"""The interface in the resident's language: English, or Spanish from gettext catalogs.

Texts are marked in the code with ``_()`` (shown now), ``N_()`` (a constant defined at
import time, translated where it is shown: ``_(CONSTANT)``) and ``ngettext()``; a word that
means two things takes a context: ``pgettext("survey status", "Open")``, ``NP_()``. The Spanish
catalog is ``portal/locale/es/LC_MESSAGES/*.po`` in the repository; it is compiled in
memory the first time a process needs it (no ``.mo`` file is committed or has to be built),
so a new entry takes effect on the next start. ``python -m portal.i18n update`` adds the
texts the code marks and the catalog lacks; ``tests/unit/test_translations.py`` fails while
one is missing, empty or fuzzy, or while a shown text in a translated module is not marked.

The language is the resident's choice on every page (``?lang=es`` in the address, so a
shared link opens in the same language), else the one chosen earlier in the visit, else the
county's ``PORTAL_DEFAULT_LANGUAGE``. Outside a page (the command line, a packet built for a
given language) it is English unless a caller chooses one with ``using_language``.
"""

from __future__ import annotations

import gettext
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token
from datetime import date, datetime
from functools import lru_cache
from io import BytesIO
from pathlib import Path

LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}
#: The language the code's own texts are written in: it needs no catalog.
SOURCE_LANGUAGE = "en"
QUERY_KEY = "lang"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "portal"
#: Where the language chosen in this visit is kept between the pages of one session.
_SESSION_KEY = "portal_language"

_chosen: ContextVar[str | None] = ContextVar("portal_language", default=None)


def N_(text: str) -> str:  # noqa: N802 - gettext's own name for "mark, translate later"
    """Mark ``text`` for the catalog without translating it now (a module's constant, read
    before anyone has chosen a language); show it with ``_(text)``."""
    return text


def NP_(context: str, text: str) -> str:  # noqa: N802 - as N_, for a text that needs a context
    """Mark ``text`` for the catalog with ``context`` without translating it now; show it with
    ``pgettext(context, text)``."""
    return text


def _(text: str) -> str:
    """``text`` in the language in force."""
    return translations(language()).gettext(text)


def pgettext(context: str, text: str) -> str:
    """``text`` as meant in ``context``, where one English word needs two translations:
    "Open" as a survey's state ("Abierta") and as a link ("Abrir"), "none" of an agreement
    ("ninguno") and of information ("ninguna")."""
    return translations(language()).pgettext(context, text)


def ngettext(one: str, many: str, n: int) -> str:
    """``one`` or ``many`` as the language in force agrees with ``n``."""
    return translations(language()).ngettext(one, many, n)


def catalog_files(lang: str) -> list[Path]:
    """The catalog's ``.po`` files for ``lang``: one per part, read together as one."""
    return sorted((LOCALE_DIR / lang / "LC_MESSAGES").glob("*.po"))


@lru_cache(maxsize=None)
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalog for ``lang``, built once per process from its ``.po`` files.

    An entry that is empty or fuzzy is left out, so its English shows rather than nothing
    or a guess."""
    if lang == SOURCE_LANGUAGE or lang not in LANGUAGES:
        return gettext.NullTranslations()
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import Translations

    # The first file's header (its plural rule above all) speaks for the whole catalog.
    catalog: Catalog | None = None
    for path in catalog_files(lang):
        with path.open("rb") as handle:
            part = read_po(handle, locale=lang, domain=DOMAIN)
        if catalog is None:
            catalog = Catalog(locale=lang, domain=DOMAIN)
            catalog.mime_headers = part.mime_headers
        for message in part:
            if not message.id or message.fuzzy:
                continue
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if all(strings):
                catalog[message.id] = message
    if catalog is None:
        return gettext.NullTranslations()
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(fp=compiled, domain=DOMAIN)


def _in_a_page() -> bool:
    if "streamlit" not in sys.modules:
        return False
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    return get_script_run_ctx(suppress_warning=True) is not None


def _valid(lang: object) -> str | None:
    return lang if isinstance(lang, str) and lang in LANGUAGES else None


_default_of: tuple[object, str] | None = None


def default_language() -> str:
    """The county's default, read once per settings object (not once per text shown)."""
    global _default_of
    from portal.settings import get_settings

    settings = get_settings()
    known = _default_of
    if known is not None and known[0] is settings:
        return known[1]
    lang = _valid(settings.default_language) or SOURCE_LANGUAGE
    _default_of = (settings, lang)
    return lang


def _asked_by_the_page() -> str:
    """The address's ``?lang=``, else the visit's earlier choice, else the county's default."""
    import streamlit as st

    return (_valid(st.query_params.get(QUERY_KEY)) or _valid(st.session_state.get(_SESSION_KEY))
            or default_language())


def language() -> str:
    """The language in force: chosen by the caller, else the page's, else English."""
    chosen = _chosen.get()
    if chosen is not None:
        return chosen
    if not _in_a_page():
        return SOURCE_LANGUAGE
    # A page run on its own (AppTest, a bench) rather than through streamlit_app.py, which
    # holds the language for each run: held here the same way for the rest of the run's
    # thread (each run has its own), or every text shown would read the address, the visit
    # and the settings again (about 70 µs a text: 1.1 s of a run drawing 7,000 findings).
    lang = _asked_by_the_page()
    _chosen.set(lang)
    return lang


def choose_page_language() -> str:
    """At the start of a page's run: the language the address asks for, kept for the visit.

    A page reached through the menu or a link keeps ``?lang=`` in its address, so the
    address in the bar can always be shared as it is."""
    import streamlit as st

    lang = _asked_by_the_page()
    st.session_state[_SESSION_KEY] = lang
    if lang != default_language() and st.query_params.get(QUERY_KEY) != lang:
        st.query_params[QUERY_KEY] = lang
    return lang


def enter_page_language() -> Token[str | None]:
    """Choose the page's language (``choose_page_language``) and hold it for the rest of the
    run, so each text shown costs a lookup rather than a read of the address. The entry script
    gives the token back to ``leave_page_language`` when its run ends, however it ends."""
    return _chosen.set(choose_page_language())


def leave_page_language(token: Token[str | None]) -> None:
    _chosen.reset(token)


def language_query() -> dict[str, str]:
    """What a link to another page adds to its address to stay in this language."""
    lang = language()
    return {} if lang == default_language() else {QUERY_KEY: lang}


@contextmanager
def using_language(lang: str) -> Iterator[None]:
    """Texts, dates and numbers in ``lang`` inside the block (a packet, a feed, a test)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; known: {', '.join(LANGUAGES)}")
    token = _chosen.set(lang)
    try:
        yield
    finally:
        _chosen.reset(token)


def number(value: int | float, digits: int | None = None) -> str:
    """``value`` as the language writes numbers: 12,345.6 in English, 12.345,6 in Spanish."""
    lang = language()
    if lang == SOURCE_LANGUAGE:
        return f"{value:,.{digits}f}" if digits is not None else f"{value:,}"
    from babel.numbers import format_decimal

    pattern = None if digits is None else "#,##0." + "0" * digits if digits else "#,##0"
    return format_decimal(value, format=pattern, locale=lang)


def month_day_year(value: date | datetime) -> str:
    """A date as a sentence writes it: "December 2, 2026", "2 de diciembre de 2026"."""
    lang = language()
    if lang == SOURCE_LANGUAGE:
        return f"{value.strftime('%B')} {value.day}, {value.year}"
    from babel.dates import format_date

    return format_date(value, format="long", locale=lang)


def weekday_date_time(value: datetime) -> str:
    """An instant with its weekday and clock time, in the zone ``value`` carries."""
    lang = language()
    zone = value.strftime("%Z")
    if lang == SOURCE_LANGUAGE:
        hour = value.strftime("%I:%M %p").lstrip("0")
        return f"{value.strftime('%A, %B')} {value.day}, {value.year}, {hour} {zone}"
    from babel.dates import format_date, format_time

    day = format_date(value, format="full", locale=lang)
    return f"{day}, {format_time(value, format='HH:mm', locale=lang)} {zone}"


_FIELD = re.compile(r"(?<!\{)\{([^{}]*)\}(?!\})")


def placeholders(text: str) -> set[str]:
    """The ``{name}`` fields of a text that ``str.format`` fills: a translation must keep
    exactly the same ones, or the page fails when it shows it."""
    return set(_FIELD.findall(text))
