"""The hostile-input corpus (issue 14): strings and files every door of the portal is tried with.

``tests/data/hostile/strings.json`` holds named strings (markup and script injection,
Markdown and Streamlit directives, formula cells, bidi and zero-width characters,
homoglyphs, null bytes, lone surrogates, CRLF inside a cell, long lines);
``tests/data/hostile/`` also holds small malformed files. What is large is made here, at
test time, in a directory the test owns: a 1 MB field, a CSV of any size, an XLSX zip bomb,
JSON nested 10,000 deep. Nothing big is committed.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent / "data" / "hostile"

#: What a CSV or XLSX cell a spreadsheet would run as a formula starts with (DESIGN.md §5).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Hostile:
    name: str
    kind: str
    value: str

    @property
    def encodable(self) -> bool:
        """Whether UTF-8 (and so a CSV file or a database) can hold it: no lone surrogates."""
        try:
            self.value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True


@cache
def strings() -> tuple[Hostile, ...]:
    document = json.loads((HERE / "strings.json").read_text(encoding="utf-8"))
    return tuple(Hostile(s["name"], s["kind"], s["value"]) for s in document["strings"])


def named(name: str) -> str:
    return next(s.value for s in strings() if s.name == name)


def values(*, encodable: bool | None = None, kinds: tuple[str, ...] = ()) -> list[str]:
    return [s.value for s in strings()
            if (encodable is None or s.encodable == encodable) and (not kinds or s.kind in kinds)]


def file(name: str) -> bytes:
    """One of the small malformed files kept in the corpus."""
    return (HERE / name).read_bytes()


def megabyte_field(char: str = "é") -> str:
    """A 1 MB text field (a million characters), made when asked for."""
    return char * 1_000_000


def big_csv(path: Path, megabytes: int, header: str = "title") -> Path:
    """A CSV of ``megabytes`` MiB with a header and short rows, written in chunks."""
    line = b"x" * 1023 + b"\n"
    chunk = line * 1024  # 1 MiB
    with path.open("wb") as handle:
        handle.write(header.encode() + b"\n")
        for _ in range(megabytes):
            handle.write(chunk)
    return path


def zip_bomb(unpacked_mb: int = 200) -> bytes:
    """An XLSX-shaped zip, small on disk, whose sheet unpacks to ``unpacked_mb`` MiB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            block = b"\0" * (1 << 20)
            for _ in range(unpacked_mb):
                sheet.write(block)
    return buffer.getvalue()


def deep_json(depth: int = 10_000, opener: str = "[", closer: str = "]") -> bytes:
    return (opener * depth + closer * depth).encode()


def deep_object(depth: int = 10_000) -> bytes:
    """``{"a": {"a": ... }}`` ``depth`` levels down."""
    return ('{"a":' * depth + "1" + "}" * depth).encode()


def xlsx(rows: list[list[object]]) -> bytes:
    """A workbook whose first sheet holds ``rows`` (the first is the header)."""
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
