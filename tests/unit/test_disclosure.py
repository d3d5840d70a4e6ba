"""Small-number suppression (portal/disclosure.py, DESIGN.md §2.6).

The primary rule at its boundaries, the traps of complementary suppression, and properties of
random tables. Every protected table is audited twice: by the module's own ``attack`` and by
an independent LP written here against scipy directly (every cell a variable, published ones
pinned by their bounds), so that a bug in ``attack`` cannot hide itself.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from collections.abc import Collection, Hashable, Mapping, Sequence
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from portal.disclosure import (
    DisclosureError,
    Figure,
    Line,
    Status,
    attack,
    exposed,
    one_way_lines,
    primary_status,
    protect,
    two_way_lines,
)

P, C = Status.SUPPRESSED_PRIMARY, Status.SUPPRESSED_COMPLEMENTARY
ROOT = Path(__file__).resolve().parents[2]


# ---------------------------------------------------------------------------------------------
# An independent audit.


def reference_ranges(
    values: Mapping[Hashable, float | None],
    lines: Sequence[Line],
    hidden: Sequence[Hashable],
) -> dict[Hashable, tuple[float, float]]:
    """sdcTable's attack, written plainly: every key a variable; published ones have bounds
    [value, value], hidden and missing ones [0, inf). A line is an equality when the present
    members add up to a present total, otherwise members <= total."""
    keys = list(dict.fromkeys([*values, *(k for ln in lines for k in (ln.total, *ln.members))]))
    col = {key: j for j, key in enumerate(keys)}
    known = {k: float(v) for k, v in values.items() if v is not None and not math.isnan(v)}
    bounds = []
    for key in keys:
        if key in known and key not in hidden:
            bounds.append((known[key], known[key]))
        else:
            bounds.append((0.0, None))
    eq_rows, ub_rows = [], []
    for line in lines:
        row = np.zeros(len(keys))
        row[col[line.total]] = -1.0
        for member in line.members:
            row[col[member]] = 1.0
        present = sum(known[m] for m in line.members if m in known)
        if line.total in known and abs(present - known[line.total]) <= 1e-6:
            eq_rows.append(row)
        else:
            ub_rows.append(row)
    a_eq = np.array(eq_rows) if eq_rows else None
    a_ub = np.array(ub_rows) if ub_rows else None
    b_eq = np.zeros(len(eq_rows)) if eq_rows else None
    b_ub = np.zeros(len(ub_rows)) if ub_rows else None
    out = {}
    for key in hidden:
        ends = []
        for sign in (1.0, -1.0):
            c = np.zeros(len(keys))
            c[col[key]] = sign
            res = linprog(
                c, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs"
            )
            if res.status == 3:
                ends.append(math.inf)
            else:
                assert res.status == 0, res.message
                ends.append(float(res.x[col[key]]))
        out[key] = (ends[0], ends[1])
    return out


def true_table_is_feasible(
    values: Mapping[Hashable, float],
    lines: Sequence[Line],
    present: Collection[Hashable] | None = None,
) -> bool:
    """With every cell pinned to its real value, the attack's constraints hold.

    ``present`` are the cells the portal has data for (all by default): as documented, a line
    is exact when its present members add up to its present total, else members <= total.
    """
    shown = set(values) if present is None else set(present)
    keys = list(values)
    col = {key: j for j, key in enumerate(keys)}
    eq, ub = [], []
    for line in lines:
        row = np.zeros(len(keys))
        row[col[line.total]] = -1.0
        for member in line.members:
            row[col[member]] = 1.0
        partial = sum(values[m] for m in line.members if m in shown)
        exact = line.total in shown and abs(partial - values[line.total]) <= 1e-6
        (eq if exact else ub).append(row)
    res = linprog(
        np.zeros(len(keys)),
        A_ub=np.array(ub) if ub else None,
        b_ub=np.zeros(len(ub)) if ub else None,
        A_eq=np.array(eq) if eq else None,
        b_eq=np.zeros(len(eq)) if eq else None,
        bounds=[(float(values[k]), float(values[k])) for k in keys],
        method="highs",
    )
    return res.status == 0


def audit(
    cells: Mapping[Hashable, Figure], lines: Sequence[Line], statuses: Mapping[Hashable, Status]
) -> dict[str, dict[Hashable, tuple[float, float]]]:
    """The reference attack on the counts and on the group sizes of the suppressed cells."""
    hidden = [key for key, s in statuses.items() if s.suppressed]
    counts = {key: f.count for key, f in cells.items()}
    groups = {key: (f.group_size if f.count is not None else None) for key, f in cells.items()}
    out = {"counts": reference_ranges(counts, lines, hidden)}
    with_group = [key for key in hidden if groups[key] is not None]
    if any(g is not None for g in groups.values()):
        out["group sizes"] = reference_ranges(groups, lines, with_group)
    return out


def assert_protected(
    cells: Mapping[Hashable, Figure], lines: Sequence[Line], statuses: Mapping[Hashable, Status]
) -> None:
    for what, ranges in audit(cells, lines, statuses).items():
        for key, (low, high) in ranges.items():
            assert high - low >= 1 - 1e-6, f"{what} of {key!r} pinned to [{low}, {high}]"
    assert exposed(cells, lines, statuses) == []


def grid(
    rows: Sequence[str],
    cols: Sequence[str],
    body: Sequence[Sequence[tuple[int, int]]],
    declined: Sequence[tuple[int, int]] | None = None,
) -> dict[tuple[str, str], Figure]:
    """A table with margins from its body of (count, group size); ``declined`` adds people
    to each row's "all" only (so that row adds up to less than its total)."""
    extra = declined or [(0, 0)] * len(rows)
    cells: dict[tuple[str, str], Figure] = {}
    row_totals = []
    for r, cells_row, (dc, dg) in zip(rows, body, extra, strict=True):
        for c, (count, group) in zip(cols, cells_row, strict=True):
            cells[(r, c)] = Figure(count, group)
        total = (sum(x for x, _ in cells_row) + dc, sum(g for _, g in cells_row) + dg)
        cells[(r, "all")] = Figure(*total)
        row_totals.append(total)
    for j, c in enumerate(cols):
        cells[("all", c)] = Figure(sum(b[j][0] for b in body), sum(b[j][1] for b in body))
    cells[("all", "all")] = Figure(sum(t[0] for t in row_totals), sum(t[1] for t in row_totals))
    return cells


def hidden_keys(statuses: Mapping[Hashable, Status]) -> set[Hashable]:
    return {key for key, s in statuses.items() if s.suppressed}


# ---------------------------------------------------------------------------------------------
# The primary rule.


@pytest.mark.parametrize(
    "figure,expected",
    [
        (Figure(0), Status.TRUE_ZERO),
        (Figure(1), P),
        (Figure(10), P),  # k - 1
        (Figure(11), Status.PUBLISHED),  # k
        (Figure(10.5), P),  # a weighted count below k
        (Figure(0, 10), P),  # a zero in a group of k - 1 still says something about each
        (Figure(0, 11), Status.TRUE_ZERO),
        (Figure(25, 10), P),  # a rate's numerator can exceed a small group; still small
        (Figure(11, 11), Status.PUBLISHED),
        (Figure(10, 11), P),
        (Figure(0, 0), Status.TRUE_ZERO),  # an empty group: nobody to protect
        (Figure(None), Status.MISSING),
        (Figure(None, 3), Status.MISSING),
        (Figure(float("nan"), 40), Status.MISSING),
    ],
)
def test_primary_rule_at_the_boundaries(figure: Figure, expected: Status) -> None:
    assert primary_status(figure, 11) is expected


def test_k_one_suppresses_nothing() -> None:
    for count in (0, 1, 2, 40):
        for group in (None, 0, 1, 2, 50):
            if group is not None and count > group:
                continue
            assert not primary_status(Figure(count, group), 1).suppressed
    cells = grid(["a", "b"], ["x", "y"], [[(1, 1), (0, 2)], [(2, 3), (1, 1)]])
    statuses = protect(cells, two_way_lines(["a", "b"], ["x", "y"]), k=1)
    assert not hidden_keys(statuses)


@pytest.mark.parametrize("k", [0, -3, 2.5, True, "11"])
def test_bad_threshold_is_refused(k: object) -> None:
    with pytest.raises(ValueError):
        primary_status(Figure(5), k)  # type: ignore[arg-type]


def test_negative_figures_are_refused() -> None:
    with pytest.raises(ValueError):
        primary_status(Figure(-1), 11)
    with pytest.raises(ValueError):
        primary_status(Figure(3, -2), 11)


def test_status_kinds() -> None:
    assert P.suppressed and C.suppressed
    assert not any(s.suppressed for s in (Status.PUBLISHED, Status.TRUE_ZERO, Status.MISSING))
    assert {s.value for s in Status} == {
        "published",
        "suppressed_primary",
        "suppressed_complementary",
        "true_zero",
        "missing",
    }


# ---------------------------------------------------------------------------------------------
# Lines.


def test_two_way_lines() -> None:
    lines = two_way_lines(["a", "b", "all"], ["x", "y", "z"])
    assert len(lines) == 2 + 3 + 2
    assert lines[0] == Line(("a", "all"), (("a", "x"), ("a", "y"), ("a", "z")))
    assert lines[2] == Line(("all", "x"), (("a", "x"), ("b", "x")))
    grand = [line for line in lines if line.total == ("all", "all")]
    assert [line.members for line in grand] == [
        (("all", "x"), ("all", "y"), ("all", "z")),
        (("a", "all"), ("b", "all")),
    ]
    assert one_way_lines(["refused", "fulfilled", "all"]) == [Line("all", ("refused", "fulfilled"))]


def test_malformed_lines_are_refused() -> None:
    with pytest.raises(ValueError):
        Line("all", ())
    with pytest.raises(ValueError):
        Line("all", ("a", "a"))
    with pytest.raises(ValueError):
        Line("all", ("a", "all"))
    with pytest.raises(ValueError):
        two_way_lines(["all"], ["x"])


# ---------------------------------------------------------------------------------------------
# The attack itself.


def test_attack_on_an_exact_and_an_inexact_line() -> None:
    line = Line("all", ("a", "b", "c"))
    exact = {"a": 3, "b": 20, "c": 30, "all": 53}
    assert attack(exact, [line], ["a"])["a"] == pytest.approx((3.0, 3.0), abs=1e-9)
    # 7 people declined to answer: a reader knows only a <= 60 - 20 - 30.
    inexact = {"a": 3, "b": 20, "c": 30, "all": 60}
    assert attack(inexact, [line], ["a"])["a"] == pytest.approx((0.0, 10.0), abs=1e-9)
    assert attack(inexact, [line], ["a"], exact={line: True})["a"] == pytest.approx(
        (10.0, 10.0), abs=1e-9
    )
    low, high = attack(exact, [line], ["a", "all"])["all"]
    assert low == pytest.approx(50.0) and high == math.inf


def test_attack_matches_the_reference_on_a_two_way_table() -> None:
    rows, cols = ["a", "b", "c"], ["x", "y", "z"]
    cells = grid(
        rows,
        cols,
        [
            [(3, 9), (20, 30), (30, 44)],
            [(15, 20), (12, 20), (40, 50)],
            [(25, 30), (50, 61), (14, 15)],
        ],
        declined=[(2, 5), (0, 0), (1, 1)],
    )
    lines = two_way_lines(rows, cols)
    hidden = [("a", "x"), ("a", "y"), ("b", "x"), ("b", "all"), ("all", "z")]
    values = {key: f.count for key, f in cells.items()}
    mine = attack(values, lines, hidden)
    ref = reference_ranges(values, lines, hidden)
    assert mine.keys() == ref.keys()
    for key in hidden:
        assert mine[key] == pytest.approx(ref[key], abs=1e-6)


def test_members_above_their_total_are_refused() -> None:
    with pytest.raises(DisclosureError):
        attack({"a": 5, "b": 9, "all": 12}, one_way_lines(["a", "b"]), ["a"])
    with pytest.raises(DisclosureError):
        protect({"a": Figure(5), "b": Figure(20), "all": Figure(12)}, one_way_lines(["a", "b"]))


# ---------------------------------------------------------------------------------------------
# Complementary suppression: the traps.

ROWS, COLS = ["a", "b", "c"], ["x", "y", "z"]
LINES = two_way_lines(ROWS, COLS)


def test_one_small_cell_gets_its_complements_and_they_are_followed() -> None:
    """(a, x) = 3 alone in its row and column. The row's smallest other member (a, y) = 20
    covers the row and the column's (b, x) = 15 covers the column; (a, y) is now alone in
    column y, so column y's smallest, (b, y) = 12, follows — which also closes row b."""
    cells = grid(
        ROWS,
        COLS,
        [
            [(3, 30), (20, 30), (30, 40)],
            [(15, 20), (12, 20), (40, 50)],
            [(25, 30), (50, 61), (14, 15)],
        ],
    )
    statuses = protect(cells, LINES, k=5)
    assert {key: s for key, s in statuses.items() if s.suppressed} == {
        ("a", "x"): P,
        ("a", "y"): C,
        ("b", "x"): C,
        ("b", "y"): C,
    }
    assert_protected(cells, LINES, statuses)
    # Primary suppression alone would have given (a, x) away.
    naive = {key: primary_status(f, 5) for key, f in cells.items()}
    assert exposed(cells, LINES, naive) == [("a", "x")]


def test_no_line_is_left_with_one_suppressed_cell() -> None:
    cells = grid(
        ROWS,
        COLS,
        [
            [(3, 30), (20, 30), (30, 40)],
            [(15, 20), (12, 20), (40, 50)],
            [(25, 30), (50, 61), (4, 15)],
        ],
    )
    statuses = protect(cells, LINES, k=5)
    hidden = hidden_keys(statuses)
    for line in LINES:
        assert sum(key in hidden for key in (line.total, *line.members)) != 1, line
    assert_protected(cells, LINES, statuses)


def test_zeros_and_ones() -> None:
    """A 1 among zeros: zeros stay shown as zero, the complement comes from a non-zero cell
    — here the row's total (13, with 12 who declined to give their race), since every other
    member is zero — and follows on from there."""
    cells = grid(
        ROWS,
        COLS,
        [
            [(1, 20), (0, 30), (0, 40)],
            [(15, 20), (0, 20), (40, 50)],
            [(25, 30), (50, 61), (14, 15)],
        ],
        declined=[(12, 15), (0, 0), (0, 0)],
    )
    statuses = protect(cells, LINES, k=11)
    assert statuses[("a", "x")] is P
    assert statuses[("a", "all")] is C  # row a has nothing else non-zero
    for key, figure in cells.items():
        if figure.count == 0:
            assert statuses[key] is Status.TRUE_ZERO, key
    assert_protected(cells, LINES, statuses)


def test_a_zero_in_a_small_group_is_suppressed_and_protected() -> None:
    cells = grid(
        ROWS,
        COLS,
        [
            [(0, 4), (20, 30), (30, 40)],
            [(15, 20), (12, 20), (40, 50)],
            [(25, 30), (50, 61), (14, 15)],
        ],
    )
    statuses = protect(cells, LINES, k=11)
    assert statuses[("a", "x")] is P
    assert_protected(cells, LINES, statuses)


def test_a_small_total_is_suppressed_and_its_own_lines_protected() -> None:
    """Row c adds up to 7: its total is primary, so is every non-zero member; the zero in a
    large group stays a zero, and the column of row totals needs a complement of its own."""
    cells = grid(
        ROWS,
        COLS,
        [
            [(30, 40), (20, 30), (30, 40)],
            [(15, 20), (12, 20), (40, 50)],
            [(3, 20), (4, 25), (0, 30)],
        ],
    )
    statuses = protect(cells, LINES, k=11)
    assert statuses[("c", "all")] is P
    assert statuses[("c", "x")] is P and statuses[("c", "y")] is P
    assert statuses[("c", "z")] is Status.TRUE_ZERO
    assert statuses[("b", "all")] is C  # the smallest other row total, 67
    assert_protected(cells, LINES, statuses)


def test_an_inexact_line_members_below_total() -> None:
    """Row a's "all" includes 7 people who declined to give their race. The audit treats the
    row as members <= total, so the real table stays feasible; the lone small cell still gets
    a complement, because protection never rests on the unknown remainder alone."""
    cells = grid(
        ROWS,
        COLS,
        [
            [(3, 30), (20, 30), (30, 40)],
            [(15, 20), (12, 20), (40, 50)],
            [(25, 30), (50, 61), (14, 15)],
        ],
        declined=[(7, 9), (0, 0), (0, 0)],
    )
    values = {key: float(f.count) for key, f in cells.items()}
    assert true_table_is_feasible(values, LINES)
    statuses = protect(cells, LINES, k=5)
    assert statuses[("a", "x")] is P
    assert sum(statuses[("a", c)].suppressed for c in COLS) >= 2
    assert_protected(cells, LINES, statuses)


def test_only_zeros_can_protect_a_small_group_in_a_zero_row() -> None:
    """The last resort. Row a counts nobody: its total 0 pins the small group's count to 0,
    and its zero-count neighbour pins that group's size (43 - 40 = 3). No non-zero figure can
    change either, so zeros are suppressed rather than let the group be worked out."""
    cells = grid(["a", "b"], ["x", "y"], [[(0, 3), (0, 40)], [(12, 30), (25, 50)]])
    lines = two_way_lines(["a", "b"], ["x", "y"])
    statuses = protect(cells, lines, k=11)
    assert statuses[("a", "x")] is P
    zeros = [key for key, s in statuses.items() if s is C and cells[key].count == 0]
    assert zeros
    assert_protected(cells, lines, statuses)


def test_missing_cells_are_unknown_but_never_the_only_protection() -> None:
    line = Line("all", ("a", "b", "m"))
    # The present members already make the total: the missing m shares what a leaves.
    assert attack({"a": 4, "b": 6, "all": 10}, [line], ["a"])["a"] == pytest.approx(
        (0.0, 4.0), abs=1e-9
    )
    # A missing total: only members <= total, nothing bounds a from above.
    assert attack({"a": 4, "b": 6, "m": 2}, [line], ["a"])["a"] == pytest.approx(
        (0.0, math.inf), abs=1e-9
    )
    # protect still gives the lone small cell a complement.
    cells = {"a": Figure(4), "b": Figure(16), "m": Figure(None), "c": Figure(30), "all": Figure(50)}
    statuses = protect(cells, one_way_lines(["a", "b", "m", "c"]), k=11)
    assert statuses == {
        "a": P,
        "b": C,
        "m": Status.MISSING,
        "c": Status.PUBLISHED,
        "all": Status.PUBLISHED,
    }


def test_keys_the_cells_lack_are_missing() -> None:
    cells = {("a", "x"): Figure(4, 20), ("a", "y"): Figure(16, 30), ("a", "all"): Figure(20, 50)}
    lines = [Line(("a", "all"), (("a", "x"), ("a", "y")))] + [
        Line(("all", "x"), (("a", "x"), ("b", "x")))
    ]
    statuses = protect(cells, lines, k=11)
    assert list(statuses) == list(cells)
    assert statuses[("a", "x")] is P and statuses[("a", "y")] is C


def test_a_missing_figure_shows_no_group_size() -> None:
    """A missing figure's group size is unknown to the reader, so it protects like one."""
    cells = {"a": Figure(None, 5), "b": Figure(3, 20), "c": Figure(30, 40), "all": Figure(40, 65)}
    statuses = protect(cells, one_way_lines(["a", "b", "c"]), k=11)
    assert statuses["a"] is Status.MISSING and statuses["b"] is P
    assert statuses["c"] is C  # the cheap rule does not rest on the missing figure
    assert_protected(cells, one_way_lines(["a", "b", "c"]), statuses)


def test_contradictory_missing_cells_are_refused() -> None:
    """Line 1 is exact without m, so m would be 0; line 2 says m is at least 7."""
    lines = [Line("t", ("a", "m")), Line("m", ("b", "c"))]
    cells = {"t": Figure(20), "a": Figure(20), "b": Figure(3), "c": Figure(4)}
    with pytest.raises(DisclosureError):
        protect(cells, lines, k=5)


def test_nothing_small_means_nothing_suppressed() -> None:
    cells = grid(
        ROWS,
        COLS,
        [
            [(30, 40), (20, 30), (30, 40)],
            [(15, 20), (12, 20), (40, 50)],
            [(25, 30), (50, 61), (0, 15)],
        ],
    )
    statuses = protect(cells, LINES, k=11)
    assert not hidden_keys(statuses)
    assert statuses[("c", "z")] is Status.TRUE_ZERO


def test_linked_tables_share_their_totals() -> None:
    """A race and an age breakdown of the same districts, protected in one call."""
    race = grid(["d1", "d2"], ["r1", "r2"], [[(3, 20), (30, 40)], [(25, 30), (40, 50)]])
    age = grid(["d1", "d2"], ["a1", "a2"], [[(20, 30), (13, 30)], [(35, 40), (30, 40)]])
    assert all(race[(d, "all")].count == age[(d, "all")].count for d in ("d1", "d2", "all"))
    cells = {**race, **age}
    lines = two_way_lines(["d1", "d2"], ["r1", "r2"]) + two_way_lines(["d1", "d2"], ["a1", "a2"])
    statuses = protect(cells, lines, k=5)
    assert statuses[("d1", "r1")] is P
    assert_protected(cells, lines, statuses)


_SUBPROCESS = """
import json, sys
from portal.disclosure import Figure, protect, two_way_lines
rows, cols = ["d1", "d2", "d3", "d4"], ["w", "l", "b", "a", "p"]
body = [[(40, 60), (3, 9), (12, 20), (1, 2), (0, 4)], [(22, 30), (15, 18), (2, 9), (30, 44), (8, 8)],
        [(18, 25), (18, 25), (6, 7), (9, 12), (0, 30)], [(70, 99), (12, 30), (12, 30), (4, 4), (2, 3)]]
cells = {}
for r, row in zip(rows, body):
    for c, (n, g) in zip(cols, row):
        cells[(r, c)] = Figure(n, g)
    cells[(r, "all")] = Figure(sum(n for n, _ in row) + 2, sum(g for _, g in row) + 5)
for j, c in enumerate(cols):
    cells[("all", c)] = Figure(sum(b[j][0] for b in body), sum(b[j][1] for b in body))
cells[("all", "all")] = Figure(sum(cells[(r, "all")].count for r in rows),
                               sum(cells[(r, "all")].group_size for r in rows))
out = protect(cells, two_way_lines(rows, cols), k=11)
print(json.dumps([[list(key), str(s)] for key, s in out.items()]))
"""


def test_same_result_in_every_process() -> None:
    """String hashing changes from process to process; the statuses must not."""
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", _SUBPROCESS],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1
    statuses = json.loads(outputs.pop())
    assert any(s == "suppressed_complementary" for _, s in statuses)


# ---------------------------------------------------------------------------------------------
# Properties of random tables.


@st.composite
def random_tables(draw: st.DrawFn) -> tuple[dict[tuple[str, str], Figure], list[Line], int]:
    n_rows = draw(st.integers(2, 6))
    n_cols = draw(st.integers(2, 6))
    rows = [f"r{i}" for i in range(n_rows)]
    cols = [f"c{j}" for j in range(n_cols)]
    cell = st.tuples(st.integers(0, 40), st.integers(0, 60)).map(lambda t: (t[0], t[0] + t[1]))
    body = draw(
        st.lists(st.lists(cell, min_size=n_cols, max_size=n_cols), min_size=n_rows, max_size=n_rows)
    )
    declined = None
    if draw(st.booleans()):  # sometimes an "all" includes people who declined to answer
        rest = st.tuples(st.integers(0, 5), st.integers(0, 10)).map(lambda t: (t[0], t[0] + t[1]))
        declined = draw(st.lists(rest, min_size=n_rows, max_size=n_rows))
    k = draw(st.integers(2, 11))
    return grid(rows, cols, body, declined), two_way_lines(rows, cols), k


def _everything_nonzero_hidden_still_exposes(
    cells: Mapping[Hashable, Figure], lines: Sequence[Line], k: int
) -> bool:
    """Whether suppressing every non-zero figure would still leave a suppressed cell
    exposed: the one case where the module may suppress a zero as a complement."""
    statuses = {
        key: (P if primary_status(f, k).suppressed or (f.count or 0) > 0 else Status.TRUE_ZERO)
        for key, f in cells.items()
    }
    ranges = audit(cells, lines, statuses)
    return any(high - low < 1 - 1e-6 for r in ranges.values() for low, high in r.values())


PROPERTY_SETTINGS = settings(
    deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY_SETTINGS
@given(random_tables())
def test_random_tables_are_protected(table: tuple[dict, list[Line], int]) -> None:
    cells, lines, k = table
    counts = {key: float(f.count) for key, f in cells.items()}
    groups = {key: float(f.group_size) for key, f in cells.items()}
    assert true_table_is_feasible(counts, lines)
    assert true_table_is_feasible(groups, lines)

    statuses = protect(cells, lines, k)
    assert list(statuses) == list(cells)
    assert protect(cells, lines, k) == statuses  # deterministic

    for key, figure in cells.items():
        small = 0 < figure.count < k or 0 < figure.group_size < k
        if small:
            assert statuses[key] is P, key
        else:
            assert statuses[key] in (Status.PUBLISHED, Status.TRUE_ZERO, C), key
            assert (statuses[key] is Status.TRUE_ZERO) == (
                figure.count == 0 and not statuses[key].suppressed
            )
    zero_complements = [key for key, s in statuses.items() if s is C and cells[key].count == 0]
    if zero_complements:
        assert _everything_nonzero_hidden_still_exposes(cells, lines, k), zero_complements

    assert_protected(cells, lines, statuses)
    # And for a reader who also knows what "fewer than k" says (1 to k-1), unless the labels
    # alone give a cell away, whatever else is hidden.
    everything = {key: s if s is P else C for key, s in statuses.items()}
    if not exposed(cells, lines, everything, k):
        assert exposed(cells, lines, statuses, k) == []


@settings(deadline=None, max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(random_tables())
def test_attack_agrees_with_the_reference(table: tuple[dict, list[Line], int]) -> None:
    cells, lines, k = table
    statuses = protect(cells, lines, k)
    hidden = [key for key, s in statuses.items() if s.suppressed][:8]
    for pick in ("count", "group_size"):
        values = {key: float(getattr(f, pick)) for key, f in cells.items()}
        mine = attack(values, lines, hidden)
        ref = reference_ranges(values, lines, hidden)
        for key in hidden:
            assert mine[key] == pytest.approx(ref[key], abs=1e-6), (pick, key)


@settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(random_tables(), st.data())
def test_random_tables_with_missing_cells(
    table: tuple[dict, list[Line], int], data: st.DataObject
) -> None:
    """Cells with no data (the real values exist but the portal lacks them): the real table
    stays feasible under the documented line semantics, nothing is refused, missing cells stay
    missing, and the reference attack (missing cells free) finds nothing exposed."""
    cells, lines, k = table
    keys = list(cells)
    gone = data.draw(st.sets(st.sampled_from(keys), min_size=1, max_size=3))
    present = [key for key in keys if key not in gone]
    for pick in ("count", "group_size"):
        truth = {key: float(getattr(f, pick)) for key, f in cells.items()}
        assert true_table_is_feasible(truth, lines, present)
    partial = {key: (Figure(None) if key in gone else f) for key, f in cells.items()}
    statuses = protect(partial, lines, k)
    assert [key for key, s in statuses.items() if s is Status.MISSING] == [
        key for key in keys if key in gone
    ]
    for key in present:
        if primary_status(cells[key], k).suppressed:
            assert statuses[key] is P
    assert_protected(partial, lines, statuses)



def test_fewer_than_k_is_known_to_be_one_to_k_minus_one() -> None:
    """Two "fewer than 11" beside a published 20 are both 10; three beside a remainder of 3
    are all 1. The old attack (0 to infinity) missed both; the page's label gives them away."""
    cells = {"a": Figure(10), "b": Figure(10), "all": Figure(20)}
    lines = one_way_lines(["a", "b"])
    naive = {"a": P, "b": P, "all": Status.PUBLISHED}
    assert exposed(cells, lines, naive) == []
    assert exposed(cells, lines, naive, 11) == ["a", "b"]
    statuses = protect(cells, lines, 11)
    assert statuses["all"] is C
    assert exposed(cells, lines, statuses, 11) == []

    cells = {"n": Figure(30), "s": Figure(1), "e": Figure(1), "w": Figure(1), "x": Figure(0),
             "all": Figure(33)}
    lines = one_way_lines(["n", "s", "e", "w", "x"])
    statuses = protect(cells, lines, 11)
    assert [key for key, status in statuses.items() if status is P] == ["s", "e", "w"]
    assert exposed(cells, lines, statuses, 11) == []
    assert any(status is C for status in statuses.values())
