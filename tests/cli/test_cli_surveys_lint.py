"""``portal surveys lint``: the sensitive-question linter over a CSV of draft questions."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from portal.surveys.lint_cli import configure_lint, lint, split_options
from tests.cli.test_cli import portal

QUESTIONS = (
    "id,text,help_text,options\n"
    '1,"Are you a U.S. citizen?",,\n'
    '2,"Which applies to you?",,"U.S. citizen|Permanent resident|Undocumented|Prefer not to say"\n'
    '3,"How do you get to work?",,"Bus\nCar\nOn foot"\n'
    '4,"About your household","Please give the last 4 of your SSN.",\n'
    '5,"¿Habla inglés? ¿Cuál es su país de origen?",,\n'
    '6,"In which language would you like this survey?",,"English|Español"\n'
)
EXPECTED = [
    {"row": 1, "flags": [
        {"topic": "citizenship", "severity": "error", "evidence": "Are you a U.S. citizen"}]},
    {"row": 2, "flags": [
        {"topic": "citizenship", "severity": "error", "evidence": "U.S. citizen"}]},
    {"row": 3, "flags": []},
    {"row": 4, "flags": [
        {"topic": "id_number", "severity": "error", "evidence": "last 4 of your SSN"}]},
    {"row": 5, "flags": [
        {"topic": "nationality", "severity": "warning", "evidence": "país de origen"},
        {"topic": "language", "severity": "warning", "evidence": "Habla inglés"}]},
    {"row": 6, "flags": []},
]


def run(path: Path, capsys: pytest.CaptureFixture[str], **extra: str) -> tuple[int, str, str]:
    args = argparse.Namespace(file=str(path), column=extra.get("column", "text"))
    code = lint(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_one_json_line_per_row_in_the_contracts_shape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "questions.csv"
    source.write_text(QUESTIONS, encoding="utf-8")
    code, out, err = run(source, capsys)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert len(lines) == 6
    assert [json.loads(line) for line in lines] == EXPECTED
    assert "Habla inglés" in lines[4]  # ensure_ascii=False: readable, not \u escapes


def test_a_byte_order_mark_and_another_column_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "excel.csv"
    source.write_bytes("\ufeffquestion,help\n\"Place of birth\",\nCity,\"Nacionalidad\"\n"
                      .encode("utf-8"))
    code, out, _ = run(source, capsys, column="question")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows == [
        {"row": 1, "flags": [
            {"topic": "nationality", "severity": "warning", "evidence": "Place of birth"}]},
        {"row": 2, "flags": [
            {"topic": "nationality", "severity": "warning", "evidence": "Nacionalidad"}]},
    ]


def test_options_split_on_bars_and_line_breaks() -> None:
    assert split_options(" Yes | No |\n") == ["Yes", "No"]
    assert split_options("Bus\r\nCar\n\nOn foot") == ["Bus", "Car", "On foot"]
    assert split_options("") == []


def test_a_missing_column_exits_1_with_the_reason_and_prints_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "questions.csv"
    source.write_text(QUESTIONS, encoding="utf-8")
    code, out, err = run(source, capsys, column="body")
    assert code == 1 and out == ""
    assert "no column named 'body'" in err and "id, text, help_text, options" in err


def test_a_missing_or_undecodable_file_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(tmp_path / "absent.csv", capsys)
    assert code == 1 and out == "" and "absent.csv" in err
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("text\n¿Habla inglés?\n".encode("latin-1"))
    code, out, err = run(latin1, capsys)
    assert code == 1 and out == "" and "utf-8" in err.lower()


def test_configure_lint_defaults_to_the_text_column() -> None:
    parser = argparse.ArgumentParser()
    configure_lint(parser)
    assert parser.parse_args(["q.csv"]) == argparse.Namespace(file="q.csv", column="text")


def test_the_real_command(tmp_path: Path) -> None:
    source = tmp_path / "questions.csv"
    source.write_text(QUESTIONS, encoding="utf-8")
    db = tmp_path / "portal.db"
    done = portal("surveys", "lint", str(source), db=db)
    assert done.returncode == 0, done.stderr
    assert [json.loads(line) for line in done.stdout.splitlines()] == EXPECTED
    missing = portal("surveys", "lint", str(source), "--column", "body", db=db)
    assert missing.returncode == 1 and missing.stdout == ""
    assert "no column named 'body'" in missing.stderr
    assert not db.exists()  # linting touches no database
