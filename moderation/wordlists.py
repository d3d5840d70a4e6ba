"""Loading the maintained word lists in ``data/screening/``.

The lists are plain text so that moderators and translators can review and
change them without touching code; see ``data/screening/README.md``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

#: Where the lists live: ``data/screening`` at the repository root.
DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "screening"


@cache
def load_sections(name: str) -> dict[str, tuple[str, ...]]:
    """Read ``DATA_DIR / name`` as ``{section: entries}``.

    Blank lines and ``#`` comments are ignored; ``[section]`` lines start a
    section. Entries keep their order and case.
    """
    path = DATA_DIR / name
    if not path.is_file():
        raise FileNotFoundError(
            f"screening word list {path} is missing: moderation/ reads its lists "
            "from data/screening/ at the repository root"
        )
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1].strip(), [])
            continue
        if current is None:
            raise ValueError(f"{path}: entry {line!r} before any [section]")
        current.append(line)
    return {key: tuple(values) for key, values in sections.items()}
