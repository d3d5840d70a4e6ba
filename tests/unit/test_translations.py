"""The interface in Spanish (issue 16): every marked text has a checked translation, every
shown text of a translated module is marked, and dates and numbers follow the language."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from portal.i18n import LANGUAGES, _, ngettext, number, placeholders, translations, using_language
from portal.i18n_catalog import extract, problems, unmarked
from portal.settings import PROJECT_ROOT
from portal.timefmt import format_date, format_datetime

#: Modules whose shown texts are not marked yet. Translating one removes it from here; the
#: last test fails while a module listed here has nothing left to mark, so the list only
#: shrinks, and a module not listed (every new one) must be marked from the start.
PENDING: frozenset[str] = frozenset()


def shown_modules() -> list[str]:
    """What draws the interface: the pages, the shared page parts, the entry script, and what
    residents read outside a page in their language (the meeting packet, the notices' feeds)."""
    paths = [*sorted((PROJECT_ROOT / "app_pages").glob("*.py")),
             *sorted((PROJECT_ROOT / "portal" / "ui").glob("*.py")),
             PROJECT_ROOT / "streamlit_app.py",
             *(PROJECT_ROOT / "portal" / "oversight" / f"packet_{part}.py"
               for part in ("view", "pdf", "markdown")),
             PROJECT_ROOT / "portal" / "notices" / "feeds.py"]
    return [path.relative_to(PROJECT_ROOT).as_posix() for path in paths]


def test_every_marked_text_has_a_checked_spanish_translation() -> None:
    """No entry missing, empty or fuzzy, and each keeps the English's {fields}."""
    assert len(extract()) > 50
    assert problems("es") == []


@pytest.mark.parametrize("module", [m for m in shown_modules() if m not in PENDING])
def test_shown_texts_are_marked_for_translation(module: str) -> None:
    found = unmarked(PROJECT_ROOT / module)
    assert found == [], "\n".join(f"{module}:{line}: {text!r}" for line, text in found)


def test_the_list_of_modules_still_to_translate_only_shrinks() -> None:
    modules = set(shown_modules())
    assert PENDING <= modules, PENDING - modules
    done = sorted(m for m in PENDING if not unmarked(PROJECT_ROOT / m))
    assert done == [], f"translated now: take these out of PENDING: {done}"


def test_the_checker_finds_unmarked_texts(tmp_path: Path) -> None:
    """The check above could fail: shown literals, f-strings, lists of tab names and prose
    constants are found; marked ones, keys, icons and addresses are not."""
    module = tmp_path / "page.py"
    module.write_text(
        "import streamlit as st\n"
        "from portal.i18n import N_, _\n"
        "INTRO = 'What the county shares'\n"
        "DONE = N_('Saved for you')\n"
        "st.title('Sharing inventory')\n"
        "st.header(_('Marked heading'))\n"
        "st.button(f'Save {name} now', key='save_button', icon=':material/save:')\n"
        "st.tabs(['Open', _('Closed')])\n"
        "st.caption(_('A {n} here').format(n=1))\n"
        "link_to('inventory', actor)\n"
        "st.write('Dataset code')  # not translated: a code the law gives\n",
        encoding="utf-8",
    )
    assert [line for line, _text in unmarked(module)] == [3, 5, 7, 8]


def test_placeholders_must_survive_translation() -> None:
    assert placeholders("Signed in as **{name}** at {time}") == {"name", "time"}
    assert placeholders("{{literal}} braces") == set()


def test_spanish_texts_dates_and_numbers() -> None:
    when = datetime(2026, 12, 3, 1, 30, tzinfo=UTC)
    assert _("Menu") == "Menu"
    assert format_date(when) == "December 2, 2026"
    assert number(12345) == "12,345"
    with using_language("es"):
        assert _("Menu") == "Menú"
        assert _("Sign out") == "Cerrar sesión"
        assert format_date(when) == "2 de diciembre de 2026"
        assert format_datetime(when).startswith("miércoles, 2 de diciembre de 2026, 17:30")
        assert number(12345) == "12.345"
        assert number(1234.5, 1) == "1.234,5"
        assert number(3, 2) == "3,00"
        # A text the catalog does not hold shows in English rather than not at all.
        assert _("A sentence no catalog holds") == "A sentence no catalog holds"
        assert ngettext("one entry", "{n} entries", 2) == "{n} entries"
    assert _("Menu") == "Menu"
    with pytest.raises(ValueError):
        with using_language("fr"):
            pass


def test_every_language_offered_has_a_catalog() -> None:
    for lang in LANGUAGES:
        if lang != "en":
            assert translations(lang).gettext("Home") != "Home"


def test_one_english_word_with_two_meanings_takes_a_context() -> None:
    """A survey is "Abierta"/"Cerrada", a comment period "Cerrado", a link "Abrir", an
    agreement "ninguno": each marked with its context and extracted with it."""
    from portal.i18n import pgettext
    from portal.surveys.vocab import status_name

    with using_language("es"):
        assert status_name("open") == "Abierta"
        assert status_name("closed") == "Cerrada"
        assert status_name("draft") == "Borrador"
        assert _("Closed") == "Cerrado"
        assert pgettext("link to a record", "Open") == "Abrir"
        assert pgettext("agreement", "none") == "ninguno"
        assert _("none") == "ninguna"
    assert status_name("closed") == "Closed"
    marked = extract()
    assert marked["survey status\x04Open"].context == "survey status"
    assert marked["link to a record\x04Open"].ids == ("Open",)


#: Modules whose refusals only the command line gives, in English like its other output.
COMMAND_LINE_ONLY = {"portal/backup.py": "portal export --all / restore, a command-line tool",
                     "portal/cliutil.py": "input_file: the file a portal import command names",
                     "portal/demo/loader.py": "load_demo: run by portal demo / portal serve --demo",
                     "portal/demo/scale.py": "load_county: run by portal demo --scale county",
                     "portal/translations/seed.py": "the demo county's translations, seeded by load_demo"}
#: Modules whose refusals are not marked yet. The list only shrinks (the test below it fails
#: while a listed module has nothing left to mark); a module not listed, every new one
#: included, must mark its refusals from the start.
REFUSALS_PENDING: frozenset[str] = frozenset()


def _unmarked_refusals(path: Path) -> list[tuple[int, str]]:
    """``FieldError(field, "message")`` whose message is words not passed through ``_()``:
    the reason a form or an upload shows a person (as ``reason`` or an f-string)."""
    import ast

    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id == "FieldError" and len(node.args) >= 2):
            message = node.args[1]
            if isinstance(message, ast.Constant | ast.JoinedStr):
                found.append((node.lineno, ast.unparse(message)[:80]))
    return found


def test_refusals_a_person_reads_are_marked_for_translation() -> None:
    """Forms and uploads show a service's refusals on the page, in its language: each
    ``FieldError`` message in ``portal/`` is marked (or its module is the command line's)."""
    _all_marked_but_pending(_unmarked_refusals, REFUSALS_PENDING, "REFUSALS_PENDING")


def _all_marked_but_pending(find: Callable[[Path], list[tuple[int, str]]],
                            pending: frozenset[str], name: str) -> None:
    """``find`` reports nothing in ``portal/`` outside the command line's modules and the
    ``pending`` ones, and something in each pending one (the list ``name`` only shrinks)."""
    found = {}
    for path in sorted((PROJECT_ROOT / "portal").rglob("*.py")):
        relative = path.relative_to(PROJECT_ROOT).as_posix()
        if relative not in COMMAND_LINE_ONLY and (lines := find(path)):
            found[relative] = lines
    assert {m: lines for m, lines in found.items() if m not in pending} == {}
    done = sorted(pending - set(found))
    assert done == [], f"marked now: take these out of {name}: {done}"


def test_the_refusal_check_could_fail(tmp_path: Path) -> None:
    module = tmp_path / "service.py"
    module.write_text('FieldError("a", "is wrong")\nFieldError("b", f"{x} is wrong")\n'
                      'FieldError("c", _("is wrong"))\nFieldError("d", reason)\n', encoding="utf-8")
    assert [line for line, _text in _unmarked_refusals(module)] == [1, 2]


#: Modules whose errors (a ``PortalError`` made with words of its own) are not marked yet; as
#: REFUSALS_PENDING, the list only shrinks and every new module marks its errors from the start.
PORTAL_ERRORS_PENDING: frozenset[str] = frozenset()
#: Kinds whose first argument names the action refused (a service's code), not the message:
#: ``PermissionDenied`` makes its (marked) message itself in portal/errors.py.
_ACTION_FIRST = {"PermissionDenied"}


def _error_kinds(paths: list[Path]) -> tuple[set[str], set[str]]:
    """``PortalError`` and every class in ``paths`` that derives from it, by name; and those
    of them that take an action first (``PermissionDenied`` and its kinds)."""
    import ast

    bases: dict[str, set[str]] = {}
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases.setdefault(node.name, set()).update(
                    ast.unparse(b).rsplit(".", 1)[-1] for b in node.bases)

    def derived(roots: set[str]) -> set[str]:
        kinds = set(roots)
        while grown := {c for c, b in bases.items() if c not in kinds and b & kinds}:
            kinds |= grown
        return kinds

    return derived({"PortalError"}), derived(_ACTION_FIRST)


def _words(node: object) -> bool:
    """Is ``node`` words in the code (a literal, an f-string, or one joined or chosen from
    such), rather than a text passed through ``_()`` or a variable?"""
    import ast

    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _words(node.left) or _words(node.right)
    if isinstance(node, ast.IfExp):
        return _words(node.body) or _words(node.orelse)
    return False


def _unmarked_errors(path: Path, kinds: set[str], action_first: set[str]) -> list[tuple[int, str]]:
    """``NotFound("No such survey.")``, ``ValidationFailed(message=f"...")``: an error a page
    shows as ``str(error)`` whose message is words not passed through ``_()``."""
    import ast

    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(
            func, ast.Attribute) else None
        if name not in kinds or name in action_first:
            continue
        messages = [k.value for k in node.keywords if k.arg == "message"]
        messages += node.args[1:2] if name == "ValidationFailed" else node.args[:1]
        found += [(node.lineno, ast.unparse(m)[:80]) for m in messages if _words(m)]
    return found


def test_errors_a_person_reads_are_marked_for_translation() -> None:
    """A page shows a service's error (not found, changed by someone else, refused) in its
    language: each ``PortalError`` made in ``portal/`` with words of its own marks them (or its
    module is the command line's)."""
    kinds, action_first = _error_kinds(sorted((PROJECT_ROOT / "portal").rglob("*.py")))
    assert {"NotFound", "Conflict", "ValidationFailed", "CommentPeriodClosed", "SubmissionRefused",
            "RateLimited", "KeyMissing", "CannotDecrypt", "DisclosureError"} <= kinds
    _all_marked_but_pending(lambda path: _unmarked_errors(path, kinds, action_first),
                            PORTAL_ERRORS_PENDING, "PORTAL_ERRORS_PENDING")


def test_the_error_check_could_fail(tmp_path: Path) -> None:
    module = tmp_path / "service.py"
    module.write_text(
        "from portal.errors import PortalError\n"
        "class Gone(NotFound): pass\n"
        "class Refused(PortalError): pass\n"
        'raise NotFound(f"No survey {slug!r}.")\n'
        'raise Gone("It is gone.")\n'
        'raise ValidationFailed(message="Nothing changed.")\n'
        'raise errors.Conflict("at the " + ("end." if last else "start."))\n'
        'raise Refused(_("Marked."))\n'
        'raise NotFound(_("No survey {slug}.").format(slug=repr(slug)))\n'
        "raise ValidationFailed([FieldError('a', _('is wrong'))])\n"
        "raise ValidationFailed(errors)\n"
        'raise PermissionDenied("surveys.create_survey", roles)\n'
        "raise RateLimited(message)\n",
        encoding="utf-8",
    )
    kinds, action_first = _error_kinds([PROJECT_ROOT / "portal" / "errors.py", module])
    assert {"Gone", "Refused"} <= kinds
    assert [line for line, _text in _unmarked_errors(module, kinds, action_first)] == [4, 5, 6, 7]
