"""``portal summarize``: the summarizer over a CSV, through the real command."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.cli.test_cli import portal
from tests.moderation.test_summarize import CAMERAS, LIBRARY


def write_csv(path: Path, rows: list[dict[str, str]], *, bom: bool = False) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(("\ufeff" if bom else "") + out.getvalue(), encoding="utf-8")


def test_summarize_prints_themes_with_exact_quotes(tmp_path: Path) -> None:
    texts = CAMERAS[:6] + LIBRARY[:6]
    positions = ["support", "oppose", "", "neutral"] * 3
    rows = [{"id": f"r{n}", "comment": t, "stance": p}
            for n, (t, p) in enumerate(zip(texts, positions, strict=True))]
    path = tmp_path / "comments.csv"
    write_csv(path, rows, bom=True)
    done = portal("summarize", str(path), "--column", "comment", "--position-column", "stance",
                  db=tmp_path / "portal.db")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == {"count", "positions", "themes", "campaigns", "unthemed"}
    assert data["count"] == 12
    assert data["positions"] == {"support": 3, "neutral": 3, "oppose": 3, "unstated": 3}
    assert data["themes"] and data["campaigns"] == []
    text_of = {row["id"]: row["comment"] for row in rows}
    members = []
    for theme in data["themes"]:
        assert set(theme) == {"id", "label", "keywords", "size", "members", "quotes", "positions"}
        assert theme["size"] == len(theme["members"])
        members += theme["members"]
        for quote in theme["quotes"]:
            assert set(quote) == {"id", "text", "start", "end"}
            assert text_of[quote["id"]][quote["start"]:quote["end"]] == quote["text"]
    assert sorted(members) == sorted(text_of)


def test_summarize_numbers_rows_without_an_id_column(tmp_path: Path) -> None:
    path = tmp_path / "comments.csv"
    write_csv(path, [{"text": t} for t in LIBRARY[:3]])
    done = portal("summarize", str(path), db=tmp_path / "portal.db")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert sorted(m for t in data["themes"] for m in t["members"]) == [1, 2, 3]


def test_summarize_rejects_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "comments.csv"
    write_csv(path, [{"body": "hello"}])
    done = portal("summarize", str(path), db=tmp_path / "portal.db")
    assert done.returncode == 1
    assert "no column named 'text'" in done.stderr and done.stdout == ""
    missing = portal("summarize", str(tmp_path / "nope.csv"), db=tmp_path / "portal.db")
    assert missing.returncode == 1 and missing.stdout == ""
    latin = tmp_path / "latin.csv"
    latin.write_bytes("text\nca\xf1a\n".encode("latin-1"))
    bad = portal("summarize", str(latin), db=tmp_path / "portal.db")
    assert bad.returncode == 1 and bad.stdout == ""
