"""Marks that tell a chart's series apart without colour (WCAG 2.1, 1.4.1 Use of Color).

A reader who cannot tell the severities' reds and ambers apart, or who prints the page in grey,
still needs to know which bar or line is which: each series also gets its own hatching, dash
or marker shape, taken in order from the sequences here, so every chart uses the same ones.
"""

from __future__ import annotations

#: Hatchings for stacked or grouped bars; the first is solid, the rest stay legible when small.
PATTERNS = ("", "/", ".", "x", "\\", "+", "-", "|")
#: Line dashes and marker shapes for lines over time: each series differs in both.
DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "cross", "star")


def pattern(index: int) -> str:
    return PATTERNS[index % len(PATTERNS)]


def line_marks(index: int) -> dict[str, dict[str, str]]:
    """The ``line`` and ``marker`` keyword arguments of the ``index``-th line of a chart."""
    return {"line": {"dash": DASHES[index % len(DASHES)]},
            "marker": {"symbol": SYMBOLS[index % len(SYMBOLS)]}}
