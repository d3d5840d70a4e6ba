"""Pushing the hostile corpus (tests/hostile.py) through a page's form, and what must follow.

Every string of the corpus that a browser can send goes into some field of every form (a
browser sends UTF-8, so lone surrogates never arrive; ``Hostile.encodable``). A form has
fewer fields than the corpus has strings, so each field takes several at once, one a line,
over a couple of saves (``rounds``). What comes back is checked the same way
everywhere: no exception; the value stored as typed (surrounding whitespace trimmed) or
refused with a message; wherever it is shown again, inert (``tests.apptest.Page``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from tests import hostile
from tests.apptest import page_of, plain

#: What a form can be sent and must keep: everything but lone surrogates, which a browser's
#: UTF-8 cannot carry, and null characters, which no field keeps (:data:`NULLS`).
TEXTS: tuple[hostile.Hostile, ...] = tuple(s for s in hostile.strings()
                                           if s.encodable and "\x00" not in s.value)
#: Strings holding U+0000: PostgreSQL cannot store it, so every field refuses it with a
#: message naming the field, on SQLite too.
NULLS: tuple[str, ...] = tuple(s.value for s in hostile.strings() if "\x00" in s.value)
assert NULLS, "the corpus has no null character"
#: Over the comment limit by one character.
OVER_LIMIT = "Publish the audit. " * 263 + "abcd"  # 5,001 characters
assert len(OVER_LIMIT) == 5_001


def rounds(fields: Sequence[str], limits: Mapping[str, int | None] | None = None, *,
           saves: int = 2, texts: Sequence[hostile.Hostile] = TEXTS,
           every: bool = True) -> list[dict[str, str]]:
    """The corpus dealt out over ``fields`` in ``saves`` saves: what each field is given in
    each save, every string of the corpus in some field once.

    A field takes several strings, one a line, so each starts a line (where Markdown
    headings, lists and quotes begin) and the first starts the field. A field with a limit
    (``limits``, its ``max_chars``: a browser types no more) takes only what fits; a string
    longer than every field's limit is left out (the corpus's 20,000-character line goes only
    to a field without a limit, or with one as large); with ``every``, any other that finds
    no room fails the test, which then needs more saves.
    """
    limits = {f: n for f, n in (limits or {}).items() if n}
    widest = max(limits.get(f, 10**9) for f in fields)
    bins: list[tuple[int, str, list[str]]] = [(n, f, []) for n in range(saves) for f in fields]
    for i, text in enumerate(texts):
        for k in range(len(bins)):  # the next bin with room, from where the last one left off
            _, field, taken = bins[(i + k) % len(bins)]
            if len("\n".join([*taken, text.value])) <= limits.get(field, 10**9):
                taken.append(text.value)
                break
        else:
            assert not every or len(text.value) > widest, f"no room for {text.name}: save more"
    out: list[dict[str, str]] = [{} for _ in range(saves)]
    for n, field, taken in bins:
        if taken:
            out[n][field] = "\n".join(taken)
    return [one for one in out if one]


def fits(limit: int | None = None, texts: Sequence[hostile.Hostile] = TEXTS) -> str:
    """As much of the corpus as one field of ``limit`` characters takes, one string a line."""
    return rounds(["field"], {"field": limit}, saves=1, texts=texts, every=False)[0]["field"]


def figures(session: Session, slug: str) -> list[str]:
    """Figures for the indicator ``slug`` in two districts with hostile names, so that its
    page draws its charts (and takes comments); the districts' names."""
    from portal.auth.roles import SYSTEM
    from portal.indicators.values import import_values
    from tests import factories

    names = [hostile.named("markdown-autolink"), hostile.named("svg-onload-breakout")]
    for code, name in zip(("D1", "D2"), names, strict=True):
        factories.district(session, code, name=name)
    table = {("D1", "all", "all"): (120, 400), ("D2", "all", "all"): (60, 204),
             ("all", "all", "all"): (180, 604)}
    import_values(session=session, actor=SYSTEM, rows=factories.value_rows(slug, table))
    return names


def stored(value: str) -> str:
    """What a form keeps of ``value``: all of it, surrounding whitespace trimmed."""
    return value.strip()


def assert_inert(at: AppTest, values: Sequence[str], *, shown: bool = True) -> None:
    """Each of ``values`` is on the page (when ``shown``) and nowhere as live markup."""
    assert not at.exception, [e.value for e in at.exception]
    page = page_of(at)
    for value in values:
        live = page.live_markup(value)
        assert live == [], live
        if shown:
            assert page.shows(value), f"{value[:80]!r} is not shown"


def assert_refused_null(at: AppTest, label: str = "") -> None:
    """The save was refused with a message that says a null character is the matter (and
    names ``label``, the field that held it)."""
    assert not at.exception, [e.value for e in at.exception]
    said = [plain(e.value) for e in at.error]
    assert any(label in e and "null character" in e for e in said), said


def by_label(widgets, label: str):  # type: ignore[no-untyped-def]
    return next(w for w in widgets if w.label == label)


def fill(at: AppTest, one: dict[str, str]) -> None:
    """Type each value into the text field (input or area) with that label."""
    for label, value in one.items():
        widget = next((w for w in [*at.text_input, *at.text_area] if w.label == label), None)
        assert widget is not None, f"no text field {label!r}"
        widget.set_value(value)


def save(at: AppTest, button: str, saved: str = "Saved") -> None:
    """Press ``button``; the page says ``saved`` in a success message, and shows no exception."""
    by_label(at.button, button).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(saved in s.value for s in at.success), [e.value for e in at.error]
