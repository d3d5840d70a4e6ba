import csv
import io
import json
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from portal.exports import to_csv, to_json, valid_text


def _read(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_formula_cells_are_neutralised() -> None:
    rows = [{"a": "=HYPERLINK(\"http://x\")", "b": "+1", "c": "-2", "d": "@SUM(A1)", "e": "plain"}]
    out = _read(to_csv(rows, ["a", "b", "c", "d", "e"]))
    assert out[1] == ["'=HYPERLINK(\"http://x\")", "'+1", "'-2", "'@SUM(A1)", "plain"]


def test_numbers_lists_and_dates_are_written_plainly() -> None:
    when = datetime(2026, 1, 2, 3, 4, tzinfo=UTC)
    out = _read(to_csv([{"n": -5, "l": ["health", "minors"], "t": when}], ["n", "l", "t"]))
    assert out[1] == ["-5", "health; minors", "2026-01-02T03:04:00+00:00"]


def test_json_keeps_values_exactly() -> None:
    assert json.loads(to_json({"v": "=1+1", "when": datetime(2026, 1, 1, tzinfo=UTC)})) == {
        "v": "=1+1", "when": "2026-01-01T00:00:00+00:00"}


@given(st.text(alphabet=st.characters(blacklist_characters="\x00")))
def test_no_cell_ever_starts_a_formula(text: str) -> None:
    (cell,) = _read(to_csv([{"x": text}], ["x"]))[1]
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert cell in (valid_text(text), "'" + valid_text(text))


def test_lone_surrogates_do_not_break_a_download() -> None:
    out = _read(to_csv([{"x": "a\ud800b"}], ["x"]))
    assert out[1] == ["a\ufffdb"]
    assert json.loads(to_json({"x": "a\udfffb"})) == {"x": "a\ufffdb"}
