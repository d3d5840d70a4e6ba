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


# --- written in pieces: the same bytes as the whole file (issue 18) ---------------------------

TRICKY = [
    {"a": "=1+1", "b": None, "c": 3, "d": ["x", "y"], "e": datetime(2026, 1, 2, tzinfo=UTC)},
    {"a": "line\nbreak, \"quoted\"", "b": "\u2028 separator \x85 and \x1c", "c": -0.5, "d": [],
     "e": "lone \ud800 surrogate"},
    {"a": "", "b": "tab\tstart", "c": 0, "d": ["é", "漢字"], "e": "😀 and \ud83d\ude00"},
    {"a": "@SUM(A1)", "b": "+", "c": 10**12, "d": None, "e": "-"},
    {"a": "plain", "b": "\r", "c": 1.25, "d": ["=x"], "e": None},
]


def _whole_csv(rows: list[dict[str, object]], columns: list[str]) -> bytes:
    """``to_csv`` as it was before it was written in pieces: one string, encoded once."""
    from portal.exports import _plain, safe_cell

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(valid_text(c)) for c in columns])
    for row in rows:
        writer.writerow([safe_cell(_plain(row.get(c))) for c in columns])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def test_csv_in_pieces_is_byte_identical_to_the_whole_file() -> None:
    from portal.exports import iter_csv

    columns = ["a", "b", "c", "d", "e", "missing"]
    rows = [{k: (valid_text(v) if isinstance(v, str) else v) for k, v in r.items()} for r in TRICKY]
    for size in (1, 2, 3, 5, 1000):
        pieces = list(iter_csv(rows, columns, chunk_rows=size))
        assert b"".join(pieces) == _whole_csv(rows, columns)
        assert len(pieces) == len(rows) // size + 1
    assert b"".join(iter_csv([], columns)) == _whole_csv([], columns)
    assert to_csv(rows, columns) == _whole_csv(rows, columns)


def test_json_in_pieces_is_byte_identical_to_the_whole_file() -> None:
    from portal.exports import iter_json_list

    assert b"".join(iter_json_list(TRICKY)) == to_json(TRICKY)
    assert b"".join(iter_json_list(iter(TRICKY[:1]))) == to_json(TRICKY[:1])
    assert b"".join(iter_json_list([])) == to_json([]) == b"[]"
    assert len(list(iter_json_list(TRICKY))) == len(TRICKY) + 1


@given(st.lists(st.dictionaries(st.text(max_size=5), st.one_of(
    st.none(), st.integers(), st.floats(allow_nan=False), st.text(),
    st.lists(st.text(max_size=3), max_size=3)), max_size=4), max_size=6))
def test_any_rows_in_pieces_are_the_whole_file(rows: list[dict[str, object]]) -> None:
    from portal.exports import iter_csv, iter_json_list

    assert b"".join(iter_json_list(rows)) == to_json(rows)
    columns = sorted({k for r in rows for k in r} - {""}) or ["x"]
    assert b"".join(iter_csv(rows, columns, chunk_rows=2)) == _whole_csv(rows, columns)
