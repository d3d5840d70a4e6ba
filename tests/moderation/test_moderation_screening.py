"""The public API, the CLI's JSON contract, offline operation and purity."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import moderation
from moderation import Flag, ScreeningResult, screen, screen_batch, to_json_row

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "moderation"


def test_screen_combines_every_check() -> None:
    text = (
        "My name is Jane Doe, call me at (415) 555-0132. This is bullshit! "
        "Buy now at http://cheap-pills.biz"
    )
    result = screen(text)
    assert isinstance(result, ScreeningResult)
    assert result.kinds == ["pii:phone", "pii:name", "profanity", "spam"]
    assert result.redacted == (
        "My name is [name removed], call me at [phone removed]. This is bullshit! "
        "Buy now at http://cheap-pills.biz"
    )
    assert result.language == "en"
    assert result.has_pii
    assert result.campaign is None


def test_clean_comment_has_no_flags() -> None:
    result = screen("Please publish the drone flight logs every month.")
    assert result.flags == []
    assert not result.has_pii
    assert result.redacted == "Please publish the drone flight logs every month."


def test_json_row_matches_the_cli_contract() -> None:
    text = "Email jane@example.com"
    row = to_json_row(7, screen(text))
    assert json.loads(json.dumps(row)) == row
    assert row["row"] == 7
    assert row["redacted"] == "Email [email removed]"
    assert row["language"] in {"en", "es", "und"}
    (flag,) = row["flags"]
    assert set(flag) >= {"kind", "score", "spans"}
    assert flag["kind"] == "pii:email"
    assert flag["spans"] == [[6, 22]]
    assert isinstance(flag["score"], float)
    assert "campaign" not in row


def test_json_row_carries_the_campaign_id() -> None:
    letter = (
        "We ask the county to end its data sharing agreement with federal immigration "
        "agencies and to notify every resident whose records were requested."
    )
    results = screen_batch([letter + f" Signed {n}." for n in "ABC"] + ["Unrelated note here."])
    rows = [to_json_row(i, r) for i, r in enumerate(results)]
    assert [r.get("campaign") for r in rows] == [1, 1, 1, None]
    assert rows[0]["flags"][-1]["kind"] == "campaign"
    assert rows[0]["flags"][-1]["detail"] == "campaign 1 (3 comments)"


def test_flag_is_a_small_frozen_value() -> None:
    flag = Flag(kind="spam", score=0.7, spans=[(0, 3)], detail="1 link")
    with pytest.raises(AttributeError):
        flag.score = 1.0  # type: ignore[misc]


def test_screen_rejects_non_strings() -> None:
    with pytest.raises(TypeError):
        screen(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        screen_batch(["ok", None])  # type: ignore[list-item]


def test_a_100k_character_wall_is_screened_and_redacted_whole() -> None:
    filler = "the council should listen to residents " * 1200
    text = (
        "call (415) 555-0132 "
        + filler
        + " or mail jane@example.com "
        + filler
        + " 1420 W Maple Ave"
    )
    assert len(text) > 90_000
    result = screen(text)
    assert result.kinds == ["pii:email", "pii:phone", "pii:address", "spam"]
    assert "repeated words" in (result.flag("spam").detail or "")  # type: ignore[union-attr]
    assert "555-0132" not in result.redacted
    assert "jane@example.com" not in result.redacted
    assert result.redacted.endswith("[address removed]")


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_moderation_imports_no_streamlit_and_no_database() -> None:
    forbidden = {"streamlit", "sqlmodel", "sqlalchemy", "alembic", "psycopg", "portal"}
    files = sorted(PACKAGE.glob("*.py"))
    assert len(files) >= 8
    for path in files:
        assert not (_imported_modules(path) & forbidden), path.name


def _run_isolated(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter whose every network attempt is recorded."""
    guard = (
        "import sys\n"
        "attempts = []\n"
        "def hook(event, args):\n"
        "    if event in ('socket.connect', 'socket.getaddrinfo', 'socket.gethostbyname'):\n"
        "        attempts.append((event, str(args)[:80]))\n"
        "        raise OSError('network disabled by test')\n"
        "sys.addaudithook(hook)\n"
    )
    env = dict(os.environ)
    env["TLDEXTRACT_CACHE"] = str(tmp_path / "tldextract-cache")  # no warm cache to hide behind
    env.pop("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", None)
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-c", guard + code + "\nprint('NETWORK', len(attempts))"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )


def test_tldextract_default_would_go_online(tmp_path: Path) -> None:
    # The control: tldextract as Presidio uses it out of the box does try the
    # network. If this stops failing, the test below proves nothing.
    proc = _run_isolated("import tldextract\ntldextract.extract('jane@example.com')", tmp_path)
    assert "NETWORK 0" not in proc.stdout, proc.stdout + proc.stderr


def test_screening_never_touches_the_network(tmp_path: Path) -> None:
    code = (
        "import moderation\n"
        "r = moderation.screen('mail jane@example.com or see www.example.org, call 415-555-0132')\n"
        "assert r.kinds[:2] == ['pii:email', 'pii:phone'], r.kinds\n"
        "print(r.redacted)\n"
    )
    proc = _run_isolated(code, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "NETWORK 0" in proc.stdout
    assert "mail [email removed]" in proc.stdout
    # No connection error, traceback or warning is printed.
    assert proc.stderr == ""
    assert not (tmp_path / "tldextract-cache").exists()


def test_public_api_is_exported() -> None:
    for name in (
        "screen",
        "screen_batch",
        "redact",
        "detect_pii",
        "to_json_row",
        "Flag",
        "ScreeningResult",
    ):
        assert name in moderation.__all__
        assert getattr(moderation, name).__doc__
