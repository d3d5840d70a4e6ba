"""Indicator tables as pages and exports protect them: every dimension of a period at once.

The race and the age breakdowns of a district share its total, so the reference attack
(scipy's HiGHS, as R's sdcTable ``attack()``) is run on the linked table with every line
a reader can add up, on random tables with small groups, zeros and people who declined
to answer.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from portal.disclosure import Figure, Line, Status, two_way_lines
from portal.indicators.tables import Key, _pattern, additivity_problems, canonical
from tests.unit.test_disclosure import PROPERTY_SETTINGS, assert_protected

CELL = st.tuples(st.integers(0, 30), st.integers(0, 40)).map(lambda t: (t[0], t[0] + t[1]))


@st.composite
def linked_tables(draw: st.DrawFn) -> tuple[dict[Key, Figure], int]:
    districts = [f"D{i}" for i in range(1, draw(st.integers(2, 4)) + 1)]
    dimensions = {"age": [f"a{j}" for j in range(draw(st.integers(2, 3)))],
                  "race": [f"r{j}" for j in range(draw(st.integers(2, 3)))]}
    figures: dict[Key, tuple[int, int]] = {}
    for d in districts:
        sums = []
        for dimension, groups in dimensions.items():
            cells = draw(st.lists(CELL, min_size=len(groups), max_size=len(groups)))
            for g, cell in zip(groups, cells, strict=True):
                figures[(d, dimension, g)] = cell
            sums.append((sum(c for c, _ in cells), sum(s for _, s in cells)))
        declined = draw(CELL) if draw(st.booleans()) else (0, 0)
        figures[(d, "all", "all")] = (max(c for c, _ in sums) + declined[0],
                                      max(s for _, s in sums) + declined[1])
    for key in [k for k in figures if k[0] != "all"]:
        county = ("all", key[1], key[2])
        c, s = figures.get(county, (0, 0))
        figures[county] = (c + figures[key][0], s + figures[key][1])
    cells = {key: Figure(*figures[key]) for key in canonical(figures)}
    return cells, draw(st.integers(3, 11))


@PROPERTY_SETTINGS
@given(linked_tables())
def test_linked_tables_are_protected_against_the_reference_attack(
    table: tuple[dict[Key, Figure], int],
) -> None:
    cells, k = table
    assert additivity_problems(cells) == []
    statuses = _pattern(cells, k)
    assert list(statuses) == canonical(cells)
    for key, figure in cells.items():
        if 0 < figure.count < k or 0 < figure.group_size < k:  # type: ignore[operator]
            assert statuses[key] is Status.SUPPRESSED_PRIMARY, key
    # The reader's lines, written here independently of the module: each dimension is a
    # district × group table with its margins, and the dimensions share the district totals.
    districts = sorted({d for d, _, _ in cells} - {"all"})
    lines = []
    for dimension in ("age", "race"):
        groups = sorted({g for _, dim, g in cells if dim == dimension})
        for line in two_way_lines(districts, groups):
            key = lambda rc: (rc[0], "all", "all") if rc[1] == "all" else (rc[0], dimension, rc[1])  # noqa: E731
            lines.append(Line(key(line.total), tuple(key(m) for m in line.members)))
    assert_protected(cells, lines, statuses)


def test_the_pattern_does_not_depend_on_the_order_figures_arrive_in() -> None:
    cells = {("D1", "all", "all"): Figure(40, 100), ("D1", "age", "a"): Figure(3, 8),
             ("D1", "age", "b"): Figure(37, 92), ("D2", "all", "all"): Figure(50, 90),
             ("D2", "age", "a"): Figure(20, 30), ("D2", "age", "b"): Figure(30, 60),
             ("all", "all", "all"): Figure(90, 190), ("all", "age", "a"): Figure(23, 38),
             ("all", "age", "b"): Figure(67, 152)}
    forward = _pattern(cells, 11)
    backward = _pattern(dict(reversed(list(cells.items()))), 11)
    assert forward == backward
    assert sum(s.suppressed for s in forward.values()) >= 4  # the small cell, and its cover


def test_members_above_their_total_are_named() -> None:
    cells = {("D1", "all", "all"): Figure(10, 40), ("D1", "age", "a"): Figure(12, 30)}
    assert additivity_problems(cells) == [
        "the age groups of district D1 add up to 12 people counted, more than their total of 10"]
