"""Keeping the Spanish catalog in step with the texts the code marks (portal/i18n.py).

``python -m portal.i18n_catalog update`` extracts every marked text with Babel, adds the
ones the catalog lacks to ``portal.po`` with an empty translation (which the translation
test reports until someone writes it) and drops entries no code uses any more.
``python -m portal.i18n_catalog check`` prints what the test checks.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from portal.i18n import (
    DOMAIN,
    LANGUAGES,
    LOCALE_DIR,
    SOURCE_LANGUAGE,
    catalog_files,
    placeholders,
)
from portal.settings import PROJECT_ROOT

#: Where marked texts live: the pages, the domain code and the entry script.
SOURCES = ("app_pages", "portal", "moderation", "streamlit_app.py")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2),
            "NP_": ((1, "c"), 2)}


@dataclass(frozen=True)
class Marked:
    """A text the code marks: its id(s) (a plural's two forms), where it is first used, and
    the context that tells it from the same English meaning something else."""

    ids: tuple[str, ...]
    place: str
    context: str | None = None


def extract() -> dict[str, Marked]:
    """Every marked text in the code, keyed by its (singular) id and context (``_key``)."""
    from babel.messages.extract import extract_from_file

    found: dict[str, Marked] = {}
    for source in SOURCES:
        root = PROJECT_ROOT / source
        files = [root] if root.is_file() else sorted(root.rglob("*.py"))
        for path in files:
            relative = path.relative_to(PROJECT_ROOT).as_posix()
            for line, message, _comments, context in extract_from_file(
                "python", str(path), keywords=KEYWORDS, strip_comment_tags=True,
            ):
                ids = message if isinstance(message, tuple) else (message,)
                key = _key(message, context)
                if ids and ids[0] and key not in found:
                    found[key] = Marked(tuple(ids), f"{relative}:{line}", context)
    return found


def read(lang: str):  # type: ignore[no-untyped-def]
    """Every entry of ``lang``'s catalog files, with the file it is in."""
    from babel.messages.pofile import read_po

    entries = {}
    for path in catalog_files(lang):
        with path.open("rb") as handle:
            for message in read_po(handle, locale=lang, domain=DOMAIN):
                if message.id:
                    entries[_key(message.id, message.context)] = (message, path)
    return entries


#: Streamlit's elements (and the portal's own) whose arguments a person reads.
SHOWN_CALLS = frozenset({
    "title", "header", "subheader", "markdown", "write", "caption", "text", "button",
    "download_button", "link_button", "page_link", "form_submit_button", "text_input",
    "text_area", "number_input", "date_input", "time_input", "selectbox", "multiselect",
    "radio", "checkbox", "toggle", "slider", "select_slider", "file_uploader",
    "segmented_control", "pills", "metric", "info", "warning", "error", "success", "expander",
    "tabs", "popover", "toast", "spinner", "status", "dialog", "Page", "link_to", "api_links",
    "LinkedItem", "HomeFigure",
    "TextColumn", "NumberColumn", "DateColumn", "DatetimeColumn", "LinkColumn",
    "CheckboxColumn", "SelectboxColumn", "ListColumn", "ProgressColumn", "Column",
})
#: Arguments of those that are not read as words.
NOT_SHOWN_ARGUMENTS = frozenset({
    "key", "icon", "type", "format", "anchor", "url_path", "mime", "file_name", "on_click",
    "on_change", "width", "height", "language", "unsafe_allow_html", "border", "page",
    "query_params", "data", "args", "kwargs", "value", "options", "index", "step",
    "visibility", "label_visibility", "vertical_alignment", "gap", "layout", "delta_color",
})
#: Leading arguments that name something rather than say it: a page's address, a script.
NAMING_ARGUMENTS = {"link_to": 2, "page_link": 1, "Page": 1, "api_links": 1, "HomeFigure": 1}
_WORDS = re.compile(r"[^\W\d_]{2,}")


def _literal_words(node: ast.AST) -> Iterator[tuple[int, str]]:
    """The text of string literals in ``node`` that hold a word, outside any ``_()``."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in KEYWORDS:
        return
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if _WORDS.search(node.value):
            yield node.lineno, node.value
        return
    if isinstance(node, ast.JoinedStr):
        for part in node.values:
            if isinstance(part, ast.Constant) and isinstance(part.value, str) and _WORDS.search(part.value):
                yield node.lineno, "".join(p.value for p in node.values if isinstance(p, ast.Constant))
                return
        return
    if isinstance(node, (ast.List, ast.Tuple)):
        for item in node.elts:
            yield from _literal_words(item)
    elif isinstance(node, ast.BinOp):
        yield from _literal_words(node.left)
        yield from _literal_words(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _literal_words(node.body)
        yield from _literal_words(node.orelse)


def unmarked(path: Path) -> list[tuple[int, str]]:
    """Texts a person reads in ``path`` that are not marked for translation: the words given
    to a shown element (``st.title("…")``), and module constants of prose (``INTRO = "…"``)
    that are not wrapped in ``N_()``. A line ending in ``# not translated: <reason>`` is
    left out (a code, a name of the law, a format)."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    found: list[tuple[int, str]] = []
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else (
                node.func.id if isinstance(node.func, ast.Name) else "")
            if name not in SHOWN_CALLS:
                continue
            arguments = [*node.args[NAMING_ARGUMENTS.get(name, 0):],
                         *(k.value for k in node.keywords
                                       if k.arg not in NOT_SHOWN_ARGUMENTS)]
            for argument in arguments:
                found.extend(_literal_words(argument))
    for node in tree.body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name) and node.targets[0].id.isupper()):
            value = node.value
            if (isinstance(value, ast.Constant) and isinstance(value.value, str)
                    and " " in value.value.strip() and _WORDS.search(value.value)
                    and not value.value.lstrip().startswith(("<", "[", "{", ".", "@", "#"))):
                found.append((node.lineno, value.value))
    return sorted({(line, text) for line, text in found
                   if "# not translated:" not in lines[line - 1]})


def _key(message_id: str | tuple[str, ...], context: str | None = None) -> str:
    """A text's key: its singular, after its context and gettext's separator if it has one."""
    singular = message_id[0] if isinstance(message_id, tuple) else message_id
    return f"{context}\x04{singular}" if context else singular


def problems(lang: str) -> list[str]:
    """What keeps ``lang`` from showing every marked text translated, one line each."""
    marked = extract()
    entries = read(lang)
    found: list[str] = []
    for key, mark in marked.items():
        ids, at = mark.ids, mark.place
        if key not in entries:
            found.append(f"{at}: not in the {lang} catalog: {key!r}")
            continue
        message, path = entries[key]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            found.append(f"{path.name}: no translation yet ({at}): {key!r}")
        elif message.fuzzy:
            found.append(f"{path.name}: fuzzy, to check ({at}): {key!r}")
        elif len(ids) == 2 and not isinstance(message.id, tuple):
            found.append(f"{path.name}: needs plural forms ({at}): {key!r}")
        else:
            wanted = set().union(*(placeholders(i) for i in ids))
            for text in strings:
                if placeholders(text) != wanted:
                    found.append(f"{path.name}: fields {sorted(placeholders(text))} instead of "
                                 f"{sorted(wanted)} ({at}): {key!r}")
                    break
    return found


def update(lang: str) -> int:
    """Add the marked texts ``lang`` lacks to its ``portal.po``, drop the ones no code marks
    from every file; return how many were dropped."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    marked = extract()
    main_file = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    main_file.parent.mkdir(parents=True, exist_ok=True)
    files = catalog_files(lang)
    if main_file not in files:
        files.append(main_file)
    catalogs = {}
    for path in files:
        if path.exists():
            with path.open("rb") as handle:
                catalogs[path] = read_po(handle, locale=lang, domain=DOMAIN)
        else:
            catalogs[path] = Catalog(locale=lang, domain=DOMAIN)
    known = {_key(m.id, m.context) for catalog in catalogs.values() for m in catalog if m.id}
    dropped = 0
    for path, catalog in catalogs.items():
        for message in list(catalog):
            if message.id and _key(message.id, message.context) not in marked:
                catalog.delete(message.id, context=message.context)
                dropped += 1
        if path == main_file:
            for key, mark in marked.items():
                ids = mark.ids
                if key not in known:
                    catalog.add(ids if len(ids) == 2 else ids[0], ("", "") if len(ids) == 2 else "",
                                context=mark.context)
        catalog.obsolete.clear()
        with path.open("wb") as handle:
            write_po(handle, catalog, width=100, sort_output=False, no_location=True)
    return dropped


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    verb = args[0] if args else "check"
    others = [lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE]
    if verb == "update":
        for lang in others:
            before = set(read(lang))
            dropped = update(lang)
            after = set(read(lang))
            print(f"{lang}: {len(after - before)} texts added (to translate), {dropped} dropped")
    failures = [line for lang in others for line in problems(lang)]
    for line in failures:
        print(line)
    print(f"{len(extract())} marked texts; {len(failures)} problems")
    return 1 if failures and verb == "check" else 0


if __name__ == "__main__":
    raise SystemExit(main())
