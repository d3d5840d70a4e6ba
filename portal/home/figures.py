"""A figure an area shows on the home page (declared in its manifest as ``home_figures``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HomeFigure:
    key: str  # "area.name": stable, for tests and scripts
    label: str
    value: int
    help: str | None = None
