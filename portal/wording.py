"""Small pieces of English that pages, packets and commands share."""

from __future__ import annotations


def plural(n: object, one: str, many: str | None = None) -> str:
    """``"1 entry"``, ``"3 entries"``: a count with the noun that agrees with it.

    Integers get thousands separators; anything else is shown as given."""
    word = one if n == 1 else (many or one + "s")
    shown = f"{n:,}" if isinstance(n, int) and not isinstance(n, bool) else str(n)
    return f"{shown} {word}"


def first_words(text: str, limit: int = 60) -> str:
    """The opening of ``text`` on one line, cut at a word and marked "…" when cut."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit + 1].rsplit(" ", 1)[0] if " " in flat[:limit + 1] else flat[:limit]
    return cut.rstrip(" ,;:.-–—") + "…"
