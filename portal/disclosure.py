"""Small-number suppression for every figure about people (DESIGN.md §2.6).

The portal shows and exports counts of people — indicator tables by district and group with
their totals, the request log's people counts by period, survey results, meeting packets —
and every one of them goes through this module, with the threshold *k* that the caller reads
from the settings (``PORTAL_SUPPRESSION_K``, default 11: the CDC/CMS rule).

The rule, for one figure (a count of people and, where a rate or share is built on it, the
size of the group it is counted in):

- a count between 1 and *k*−1 is suppressed (*primary*);
- a figure whose group has between 1 and *k*−1 people is suppressed (*primary*) even when
  its count is 0, because "none of the 4 Pacific Islander applicants were approved" says
  something about each of the 4. An empty group (0 people) has nobody to protect: a zero
  count in it is a true zero;
- zero is shown as zero (``true_zero``), and a figure with no data is ``missing``;
  suppressed, zero and missing look different on every page and export;
- *complementary* suppression: with the totals a table publishes, no suppressed figure can be
  worked out. The audit is the one R's sdcTable calls ``attack()``: for each suppressed cell,
  minimise and maximise its value by linear programming subject to every published value,
  the table's additive lines and non-negativity; the feasible range must be at least 1 wide.
  It is run on the counts and, separately, on the group sizes, because pages show the
  denominator next to a rate.

How a table is described: cells (any hashable key, in a canonical order that the caller
chooses and keeps) and :class:`Line` objects, each saying "these members add up to that
total". :func:`two_way_lines` and :func:`one_way_lines` build the usual ones.

Line semantics (decided separately for counts and for group sizes):

- Real data are not always additive: an "all" total includes applicants who declined to give
  their race, so the members add up to less. A line whose present members add up to its total
  (within 1e-6) is an equality; one whose members add up to less is ``sum(members) <= total``
  (an unknown non-negative remainder); one whose members add up to *more* is not an additive
  line at all and is refused (:class:`DisclosureError`), since no sound audit can be run on it.
- A missing cell (no figure, a key absent from ``cells``, or a group size not given) is
  unknown to the reader: a non-negative variable of the attack like a suppressed cell, but
  never a cell to protect and never a complement. A line whose total is present decides its
  exactness on the members that are present: when they already add up, the line is an
  equality and its missing members share no more than what the suppressed ones leave (zero
  when nothing in it is suppressed) — the reader may assume as much, so the audit does. A line
  whose total is missing is only ``sum(members) <= total``, the one relation that is sure to
  hold on the real values (an equality could contradict another line and make the audit
  infeasible). And, conservatively, a missing cell never counts as the second unknown that
  protects a lone suppressed cell in its line: the cheap rule below still adds a complement,
  so no protection rests on a value that nobody has (and that a reader might learn elsewhere).
  If no values for the missing cells can satisfy every line (the data contradict themselves),
  :func:`protect` refuses the table with :class:`DisclosureError`.
- A missing figure shows nothing at all, not even its group size.

The algorithm: primary suppression; then, until nothing is exposed, (a) the cheap rule — no
line may have exactly one suppressed cell; the complement is the line's smallest non-zero
published member (ties: smaller group, then the order of ``cells``), and the total only when
no member can serve — and (b) the LP attack on the suppressed cells. A cell the attack finds
exposed gets the cheapest set of complements that lets it move by at least 1 — found by an
LP over changes to the table (one per direction) that prices each published cell by its
count, so small cells go first — and the loop runs again, so new complements are protected
in turn. Zeros are not used as complements
while any non-zero figure can do; only when every figure that could protect a suppressed cell
is zero (a small group inside a line whose total is 0 has its count pinned to 0 and its size
pinned by its zero-count neighbours) does a zero get suppressed, because the audit — privacy
— comes first. Hiding more cells only widens ranges, so a cell once proven safe stays safe;
every round either hides a cell or leaves each exposed cell proven safe by its cover, so the
loop ends. Feasible points found by earlier LPs are kept: a cell that some pair of
feasible points already places 1 apart needs no LP of its own, which is what keeps a
9 × 8 table with margins to a few milliseconds.

What the reader knows beyond the lines: a primary cell is shown as "fewer than k", so its
count (or group size) is known to lie between 1 and k-1, and the attack bounds it so (from
k = 3; with k = 2 the label is the value). Without this, two "fewer than 11" beside a
published total of 20 would pass the audit while each must be 10. A cell the label already
narrows to less than MIN_WIDTH needs only what the label leaves. Complementary cells ("hidden")
are bounded by 0 only. Where the labels alone pin a cell (a row whose total and members are all
"fewer than k", so each member is 1), no complement can help: that table is then protected as
the plain attack asks, with every bound from 0 to infinity.

Everything runs in the order of ``cells`` (never of a set or a hash), and HiGHS is
deterministic, so the same cells, lines and *k* give the same statuses on every run.

Not modelled, as in sdcTable's attack: relations between the two kinds of figure (a count is
at most its group size for shares, not for rates), and other tables the reader may hold —
callers protect linked tables (a race and an age breakdown sharing their district totals)
by passing all their lines to one :func:`protect` call.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Hashable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Final, TypeVar

import numpy as np
from scipy.optimize import linprog

from portal.errors import PortalError
from portal.i18n import N_, SOURCE_LANGUAGE, _, language, number

K = TypeVar("K", bound=Hashable)

DEFAULT_K: Final = 11
#: Members within this of their total make an exact line (values are counts of people).
TOLERANCE: Final = 1e-6
#: A suppressed value must be able to move at least this much (the attack's criterion).
MIN_WIDTH: Final = 1.0
# Slack for floating-point LP solutions when comparing a range with MIN_WIDTH.
_EPS: Final = 1e-6
# A published cell an LP moves by more than this has to be suppressed.
_MOVED: Final = 1e-7


class DisclosureError(PortalError, ValueError):
    """The figures cannot be audited or protected as given (say, members add up to more
    than their total); showing them anyway could disclose, so the caller must not."""


class Status(StrEnum):
    PUBLISHED = "published"
    SUPPRESSED_PRIMARY = "suppressed_primary"
    SUPPRESSED_COMPLEMENTARY = "suppressed_complementary"
    TRUE_ZERO = "true_zero"
    MISSING = "missing"

    @property
    def suppressed(self) -> bool:
        """Both kinds look the same to a reader: no figure at all."""
        return self in (Status.SUPPRESSED_PRIMARY, Status.SUPPRESSED_COMPLEMENTARY)


@dataclass(frozen=True)
class Figure:
    """One figure about people as the data have it, before any suppression."""

    count: float | None  # people counted (numerator); None (or NaN) when there are no data
    group_size: int | None = None  # people in the group (denominator); None when none applies


@dataclass(frozen=True)
class Line:
    """An additive relation a reader can use: members add up to total."""

    total: Hashable
    members: tuple[Hashable, ...]

    def __post_init__(self) -> None:
        # A malformed line would make the audit prove the wrong thing; refuse it early.
        if not self.members:
            raise ValueError("a line needs at least one member")
        if len(set(self.members)) != len(self.members):
            raise ValueError(f"line {self.total!r} lists a member twice")
        if self.total in self.members:
            raise ValueError(f"line {self.total!r} lists its total among its members")


def _number(value: float | None) -> float | None:
    """None and NaN both mean "no data" (pandas hands NaN for a blank cell)."""
    if value is None:
        return None
    value = float(value)
    if math.isnan(value):
        return None
    return value


def primary_status(figure: Figure, k: int) -> Status:
    """The figure's status by the small-number rule alone, before any complement."""
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise ValueError(f"the suppression threshold k must be an integer of at least 1, not {k!r}")
    count = _number(figure.count)
    group = _number(figure.group_size)
    if count is not None and count < 0:
        raise ValueError(f"a count of people cannot be negative: {figure.count!r}")
    if group is not None and group < 0:
        raise ValueError(f"a group size cannot be negative: {figure.group_size!r}")
    if count is None:
        return Status.MISSING
    if 0 < count < k or (group is not None and 0 < group < k):
        return Status.SUPPRESSED_PRIMARY
    if count == 0:
        return Status.TRUE_ZERO
    return Status.PUBLISHED


def shown(value: float | None, status: Status, k: int, *, digits: int = 0) -> str:
    """The text a page or export shows for one figure: suppressed, zero and missing differ.

    A primary cell says what it hides ("fewer than 11"); a complementary cell, whose
    value may be large, says only that it is hidden, never a bound that would be false.
    """
    if status is Status.SUPPRESSED_PRIMARY:
        return f"fewer than {k}"
    if status is Status.SUPPRESSED_COMPLEMENTARY:
        return "hidden"
    if status is Status.MISSING or value is None:
        return "no data"
    if status is Status.TRUE_ZERO:
        return "0"
    return f"{value:,.{digits}f}"


SUPPRESSION_NOTE = N_(
    "Counts of fewer than {k} people are not shown, so that no one can be singled out. Where "
    "such a count could be worked out from the totals, another count is hidden as well "
    "(\"hidden\"). Zero means nobody; \"no data\" means the figure was not reported."
)


def one_way_lines(members: Sequence[str], total: str = "all") -> list[Line]:
    """The one line of a breakdown with its total (request counts by outcome, say)."""
    return [Line(total, tuple(m for m in members if m != total))]


def two_way_lines(rows: Sequence[str], cols: Sequence[str], total: str = "all") -> list[Line]:
    """Every line a reader can add up in a table with row and column totals.

    Keys are ``(row, col)``; ``total`` names the total row and column (it may be listed in
    ``rows`` and ``cols`` or not). The grand total ``(total, total)`` is both the sum of the
    row totals and the sum of the column totals, so both lines are given.
    """
    rs = [r for r in rows if r != total]
    cs = [c for c in cols if c != total]
    if not rs or not cs:
        raise ValueError("a two-way table needs at least one row and one column besides the totals")
    lines = [Line((r, total), tuple((r, c) for c in cs)) for r in rs]
    lines += [Line((total, c), tuple((r, c) for r in rs)) for c in cs]
    lines.append(Line((total, total), tuple((total, c) for c in cs)))
    lines.append(Line((total, total), tuple((r, total) for r in rs)))
    return lines


# ---------------------------------------------------------------------------------------------
# The reader's view of one kind of figure: values, lines as a matrix, exactness.


class _View:
    """Counts or group sizes of one table, as the attack sees them.

    ``a`` has one row per line: +1 for members, −1 for the total, so a line reads
    ``a @ x == 0`` (exact) or ``a @ x <= 0`` (members may fall short of the total).
    """

    def __init__(self, values: np.ndarray, a: np.ndarray, exact: np.ndarray) -> None:
        self.values = values  # NaN where the reader has no value and neither do we
        self.known = ~np.isnan(values)
        self.a = a
        self.exact = exact
        # What the reader knows of a hidden value without any line: "fewer than k" says a
        # primary count is between 1 and k-1 (see ``_reader_bounds``); anything else is >= 0.
        self.lo = np.zeros(len(values))
        self.hi = np.full(len(values), np.inf)

    def need(self, cell: int) -> float:
        """How far the lines must let ``cell`` move: MIN_WIDTH, or less when its label
        already narrows it more (with k = 2, "fewer than 2" is 1 whatever the lines say)."""
        return float(min(MIN_WIDTH, self.hi[cell] - self.lo[cell]))


def _index(
    keys: Sequence[Hashable], lines: Sequence[Line]
) -> tuple[list[Hashable], dict[Hashable, int]]:
    """Cells first in the caller's order, then keys only the lines name (they are missing)."""
    order = list(keys)
    where = {key: i for i, key in enumerate(order)}
    for line in lines:
        for key in (line.total, *line.members):
            if key not in where:
                where[key] = len(order)
                order.append(key)
    return order, where


def _matrix(lines: Sequence[Line], where: Mapping[Hashable, int], n: int) -> np.ndarray:
    a = np.zeros((len(lines), n))
    for row, line in enumerate(lines):
        a[row, where[line.total]] = -1.0
        for member in line.members:
            a[row, where[member]] = 1.0
    return a


def _exactness(a: np.ndarray, values: np.ndarray, lines: Sequence[Line], what: str) -> np.ndarray:
    """Which lines are equalities, decided from the present values (see the module docstring)."""
    exact = np.zeros(len(lines), dtype=bool)
    for row, line in enumerate(lines):
        total_at = int(np.flatnonzero(a[row] < 0)[0])
        total = values[total_at]
        if np.isnan(total):
            continue  # an unknown total: only members <= total is sure
        members = a[row] > 0
        present = members & ~np.isnan(values)
        gap = float(values[present].sum()) - float(total)
        if gap > TOLERANCE:
            raise DisclosureError(
                _("the {what} of the members of line {line} add up to more than its total "
                  "({sum} > {total}): not an additive line").format(
                    what=_(what), line=repr(line.total), sum=f"{float(values[present].sum()):g}",
                    total=f"{float(total):g}")
            )
        exact[row] = gap >= -TOLERANCE
    return exact


def _view(
    values: Mapping[Hashable, float | None],
    order: Sequence[Hashable],
    where: Mapping[Hashable, int],
    lines: Sequence[Line],
    what: str,
    exact: Mapping[Line, bool] | None = None,
) -> _View:
    v = np.full(len(order), np.nan)
    for key, value in values.items():
        if key in where:
            number = _number(value)
            if number is not None:
                if number < 0:
                    raise ValueError(f"{what} cannot be negative: {key!r} is {value!r}")
                v[where[key]] = number
    a = _matrix(lines, where, len(order))
    derived = _exactness(a, v, lines, what)
    if exact:
        derived = np.array(
            [exact.get(line, bool(d)) for line, d in zip(lines, derived, strict=True)]
        )
    return _View(v, a, derived)


# ---------------------------------------------------------------------------------------------
# Linear programs.


class _Attack:
    """The attacker's LP for one view and one set of unknown cells (suppressed or missing)."""

    def __init__(self, view: _View, unknown: np.ndarray) -> None:
        self.view = view
        self.cols = np.flatnonzero(unknown)
        self.at = {int(c): j for j, c in enumerate(self.cols)}
        a = view.a
        published = ~unknown
        rhs = -(a[:, published] @ view.values[published])
        sub = a[:, self.cols]
        used = np.any(sub != 0, axis=1)
        eq = used & view.exact
        ub = used & ~view.exact
        self.a_eq = sub[eq] if eq.any() else None
        self.b_eq = rhs[eq] if eq.any() else None
        self.a_ub = sub[ub] if ub.any() else None
        self.b_ub = rhs[ub] if ub.any() else None
        self.bounds = np.column_stack([view.lo[self.cols], view.hi[self.cols]])

    def extreme(self, cell: int, maximise: bool) -> tuple[float, np.ndarray | None]:
        """The cell's largest or smallest value, and the feasible point that attains it."""
        c = np.zeros(len(self.cols))
        c[self.at[cell]] = -1.0 if maximise else 1.0
        res = linprog(
            c,
            A_ub=self.a_ub,
            b_ub=self.b_ub,
            A_eq=self.a_eq,
            b_eq=self.b_eq,
            bounds=self.bounds,
            method="highs",
        )
        if res.status == 3:  # unbounded: only a maximum can be
            return math.inf, None
        if res.status != 0:
            raise DisclosureError(
                _("the published figures contradict the table's lines, so the attack cannot be "
                  "run ({reason})").format(reason=res.message)
            )
        point = self.view.values.copy()
        point[self.cols] = res.x
        return float(res.x[self.at[cell]]), point

    def feasible(self) -> bool:
        res = linprog(
            np.zeros(len(self.cols)),
            A_ub=self.a_ub,
            b_ub=self.b_ub,
            A_eq=self.a_eq,
            b_eq=self.b_eq,
            bounds=self.bounds,
            method="highs",
        )
        return bool(res.status == 0)


def _check_true_values(view: _View, what: str) -> None:
    """The audit is only sound if the real table is one of the tables the lines allow."""
    unknown = ~view.known
    if not unknown.any():
        residual = view.a @ view.values  # exactness was derived so that this holds
        ok = np.all(residual <= TOLERANCE * 10) and np.all(
            np.abs(residual[view.exact]) <= TOLERANCE * 10
        )
    else:
        ok = _Attack(view, unknown).feasible()
    if not ok:
        raise DisclosureError(
            _("the {what} are inconsistent with the table's lines (a missing cell would have to "
              "be negative, or a line contradicts another): the table cannot be audited").format(
                what=_(what))
        )


def _attack_ranges(
    view: _View, unknown: np.ndarray, targets: Sequence[int]
) -> dict[int, tuple[float, float]]:
    lp = _Attack(view, unknown)
    out: dict[int, tuple[float, float]] = {}
    for cell in targets:
        low, _ = lp.extreme(cell, maximise=False)
        high, _ = lp.extreme(cell, maximise=True)
        out[cell] = (low, high)
    return out


def _exposed_cells(
    view: _View, unknown: np.ndarray, targets: Sequence[int], points: list[np.ndarray]
) -> list[int]:
    """The targets whose feasible range is narrower than MIN_WIDTH.

    Every point in ``points`` is feasible for a subset of ``unknown`` (so for ``unknown``
    too), and so are the true values; a target two of them place MIN_WIDTH apart is safe
    without an LP of its own. Each LP's optimum joins ``points`` for the next target.
    """
    if not targets:
        return []
    idx = np.asarray(targets)
    low = view.values[idx].copy()
    high = low.copy()
    for point in points:
        np.fmin(low, point[idx], out=low)
        np.fmax(high, point[idx], out=high)
    lp: _Attack | None = None
    exposed: list[int] = []
    for j, cell in enumerate(targets):
        if high[j] - low[j] >= view.need(cell) - _EPS:
            continue
        lp = lp or _Attack(view, unknown)
        for maximise in (True, False):
            _, point = lp.extreme(cell, maximise)
            if point is None:
                high[j] = math.inf
            else:
                points.append(point)
                np.fmin(low, point[idx], out=low)
                np.fmax(high, point[idx], out=high)
            if high[j] - low[j] >= view.need(cell) - _EPS:
                break
        else:
            exposed.append(cell)
    return exposed


def _cheapest_cover(
    view: _View, unknown: np.ndarray, cell: int, price: np.ndarray, allowed: np.ndarray
) -> tuple[list[int], np.ndarray] | None:
    """The cheapest published cells to suppress so that ``cell`` can move by MIN_WIDTH.

    An LP over changes to the true table: suppressed and missing cells change for free,
    ``allowed`` published cells at ``price`` per unit (up, or down to zero), the rest not at
    all; the lines and non-negativity must keep holding and ``cell`` must move by MIN_WIDTH
    up or down. The cells that move are the complements, and the moved table is a feasible
    point that proves ``cell`` safe once they are hidden.
    """
    v = view.values
    hidden = np.flatnonzero(unknown & view.known)  # change d, bounded below by -value
    missing = np.flatnonzero(~view.known)  # absolute value, unknown to everyone
    movable = np.flatnonzero(allowed & ~unknown & view.known)  # up p and down q, priced
    a = view.a
    known = view.known
    rhs = -(a[:, known] @ v[known])  # lines in terms of changes (missing cells absolute)
    blocks = [a[:, hidden], a[:, missing], a[:, movable], -a[:, movable]]
    full = np.hstack(blocks)
    cost = np.concatenate([np.zeros(len(hidden) + len(missing)), price[movable], price[movable]])
    lower = np.concatenate([view.lo[hidden] - v[hidden], np.zeros(len(missing) + 2 * len(movable))])
    upper = np.concatenate([view.hi[hidden] - v[hidden],
                            np.full(len(missing) + len(movable), np.inf), v[movable]])
    used = np.any(full != 0, axis=1)
    eq = used & view.exact
    ub = used & ~view.exact
    at = int(np.flatnonzero(hidden == cell)[0])
    best: tuple[float, np.ndarray] | None = None
    need = view.need(cell)
    directions = ([True] if view.hi[cell] - v[cell] >= need - _EPS else []) + (
        [False] if v[cell] - view.lo[cell] >= need - _EPS else [])
    for up in directions:
        lo, hi = lower.copy(), upper.copy()
        if up:
            lo[at] = need
        else:
            hi[at] = -need
        res = linprog(
            cost,
            A_ub=full[ub] if ub.any() else None,
            b_ub=rhs[ub] if ub.any() else None,
            A_eq=full[eq] if eq.any() else None,
            b_eq=rhs[eq] if eq.any() else None,
            bounds=np.column_stack([lo, hi]),
            method="highs",
        )
        if res.status == 0 and (best is None or res.fun < best[0] - 1e-9):
            best = (float(res.fun), res.x)
    if best is None:
        return None
    x = best[1]
    nh, nm, nv = len(hidden), len(missing), len(movable)
    moved = x[nh + nm : nh + nm + nv] - x[nh + nm + nv :]
    chosen = [int(i) for i, delta in zip(movable, moved, strict=True) if abs(delta) > _MOVED]
    point = v.copy()
    point[hidden] = v[hidden] + x[:nh]
    point[missing] = x[nh : nh + nm]
    point[movable] = v[movable] + moved
    return chosen, point


# ---------------------------------------------------------------------------------------------
# Protection.


class _Table:
    """A table's cells and lines, indexed once, with both views checked against the data."""

    def __init__(self, cells: Mapping[Hashable, Figure], lines: Sequence[Line]) -> None:
        self.lines = list(lines)
        self.order, self.where = _index(list(cells), self.lines)
        n = len(self.order)
        self.n_cells = len(cells)
        counts: dict[Hashable, float | None] = {}
        groups: dict[Hashable, float | None] = {}
        for key, figure in cells.items():
            count = _number(figure.count)
            counts[key] = count
            # A missing figure shows nothing, not even its group size.
            groups[key] = None if count is None else _number(figure.group_size)
        self.views = [_view(counts, self.order, self.where, self.lines, N_("counts"))]
        if any(g is not None for g in groups.values()):
            self.views.append(_view(groups, self.order, self.where, self.lines, N_("group sizes")))
        for view, what in zip(self.views, (N_("counts"), N_("group sizes")), strict=False):
            _check_true_values(view, what)
        self.count = self.views[0].values
        group = np.full(n, np.inf)
        if len(self.views) > 1:
            known = self.views[1].known
            group[known] = self.views[1].values[known]
        self.group = group
        # Each line's cells, total first, for the cheap rule.
        self.line_cells = [
            [self.where[line.total]] + [self.where[m] for m in line.members] for line in self.lines
        ]


def _reader_bounds(table: _Table, statuses: Sequence[Status], k: int) -> None:
    """What a primary cell's label tells the reader, as bounds for the attack.

    A page shows a primary cell as "fewer than k": a count between 1 and k-1 is known to be
    in that range (not zero: zero is shown as zero), and so is a group size between 1 and
    k-1. Without these bounds the attack would miss, say, two "fewer than 11" cells beside a
    published total of 20 (each must be 10), or three beside a remainder of 3 (each is 1).
    Complementary cells say only "hidden": any value from 0 up. With k = 2 the label is the
    value itself ("fewer than 2" is 1), so no line can hide it and the bounds would only make
    every table unprotectable: they apply from k = 3.
    """
    if k < 3:
        return
    for i, status in enumerate(statuses):
        if status is not Status.SUPPRESSED_PRIMARY:
            continue
        for view in table.views:
            value = view.values[i]
            if not np.isnan(value) and 1 <= value <= k - 1:
                view.lo[i], view.hi[i] = 1.0, float(k - 1)


def _forget_labels(view: _View) -> bool:
    """Drop what the labels tell (back to 0 to infinity); whether there was anything to drop.

    Cells proven safe and feasible points found with the labels stay valid without them."""
    if not (view.lo.any() or np.isfinite(view.hi).any()):
        return False
    view.lo[:] = 0.0
    view.hi[:] = np.inf
    return True


def _preference(table: _Table, i: int) -> tuple[float, float, int]:
    """Smallest count first (lose as little as possible), then smaller group, then cell order."""
    return (float(table.count[i]), float(table.group[i]), i)


def protect(
    cells: Mapping[K, Figure], lines: Sequence[Line], k: int = DEFAULT_K
) -> dict[K, Status]:
    """Each cell's status, with complementary suppression so that the LP attack recovers no
    suppressed count or group size to within MIN_WIDTH from what stays published.

    ``cells`` must be in a canonical order (the caller's, kept from run to run): ties between
    equally good complements go to the earlier cell, and that is what makes the result the
    same on every run. Keys that lines name but ``cells`` does not are missing.
    """
    statuses = [primary_status(figure, k) for figure in cells.values()]
    table = _Table(cells, lines)
    _reader_bounds(table, statuses, k)
    n = len(table.order)
    hidden = np.zeros(n, dtype=bool)
    hidden[: table.n_cells] = [s.suppressed for s in statuses]
    if not hidden.any():
        return dict(zip(cells, statuses, strict=True))
    published = np.zeros(n, dtype=bool)
    published[: table.n_cells] = [s in (Status.PUBLISHED, Status.TRUE_ZERO) for s in statuses]
    nonzero = published & (np.nan_to_num(table.count, nan=0.0) > 0)

    # Price of suppressing a published cell, per unit it moves: its count, plus a tie-breaker
    # below one person in the order of _preference, so the cover LP's optimum is unique.
    ranked = sorted(np.flatnonzero(published), key=lambda i: _preference(table, int(i)))
    price = np.zeros(n)
    for rank, i in enumerate(ranked):
        price[i] = table.count[i] + 0.5 * (rank + 1) / (len(ranked) + 1)

    # Zeros cost more than every non-zero cell together, so a last-resort cover uses as few
    # of them as it can.
    zero_price = float(price.sum()) + 1.0

    def hide(i: int) -> None:
        hidden[i] = True
        published[i] = False
        nonzero[i] = False
        statuses[i] = Status.SUPPRESSED_COMPLEMENTARY

    safe = [np.zeros(n, dtype=bool) for _ in table.views]
    points: list[list[np.ndarray]] = [[] for _ in table.views]
    # Each round hides a cell, or leaves every exposed cell proven safe by a cover's point.
    for _round in range(n + 2):
        _cheap_rule(table, hidden, nonzero, hide)
        found: list[tuple[int, int]] = []  # (cell, view)
        for v, view in enumerate(table.views):
            unknown = hidden | ~view.known
            targets = [int(i) for i in np.flatnonzero(hidden & view.known & ~safe[v])]
            exposed = set(_exposed_cells(view, unknown, targets, points[v]))
            for i in targets:
                if i not in exposed:
                    safe[v][i] = True
            found += [(i, v) for i in sorted(exposed)]
        if not found:
            return dict(zip(cells, statuses, strict=True))
        for cell, v in sorted(found):
            view = table.views[v]
            if _spread(points[v], cell, view.values[cell]) >= view.need(cell) - _EPS:
                continue  # an earlier cover in this round already moves it
            unknown = hidden | ~view.known
            cover = _cheapest_cover(view, unknown, cell, price, nonzero)
            if cover is None:
                # Last resort: only zeros can protect this cell (see the module docstring).
                cover = _cheapest_cover(
                    view, unknown, cell, price + zero_price * ~nonzero, published
                )
            if cover is None and _forget_labels(view):
                # The labels alone pin it (a total and its members all "fewer than k"): no
                # complement can help, so protect it as the plain attack (0 to infinity) asks.
                cover = _cheapest_cover(view, unknown, cell, price, nonzero) or _cheapest_cover(
                    view, unknown, cell, price + zero_price * ~nonzero, published)
            if cover is None:
                raise DisclosureError(
                    _("cell {cell} cannot be protected with these lines").format(
                        cell=repr(table.order[cell]))
                )
            chosen, point = cover
            # The moved table is feasible once ``chosen`` is hidden: it proves ``cell`` safe
            # from now on. (``chosen`` is empty when an earlier cover in this round, made for
            # the other kind of figure, already freed the cell.)
            points[v].append(point)
            for i in chosen:
                hide(i)
    raise AssertionError("complementary suppression did not converge")


def _spread(points: Sequence[np.ndarray], cell: int, value: float) -> float:
    """How far apart the true value and the known feasible points place ``cell``."""
    if not points:
        return 0.0
    seen = [p[cell] for p in points] + [value]
    return float(max(seen) - min(seen))


def _cheap_rule(
    table: _Table, hidden: np.ndarray, nonzero: np.ndarray, hide: Callable[[int], None]
) -> None:
    """No line may have exactly one suppressed cell: it would be its total minus the rest.

    Applied to every line, exact or not and whatever is missing in it (see the module
    docstring). A line with nothing non-zero left to suppress is left to the LP.
    """
    changed = True
    while changed:
        changed = False
        for cells in table.line_cells:
            if sum(1 for i in cells if hidden[i]) != 1:
                continue
            members = [i for i in cells[1:] if nonzero[i]]
            pool = members or ([cells[0]] if nonzero[cells[0]] else [])
            if pool:
                hide(min(pool, key=lambda i: _preference(table, i)))
                changed = True


# ---------------------------------------------------------------------------------------------
# The audit, for pages, exports and tests.


def attack(
    values: Mapping[K, float],
    lines: Sequence[Line],
    hidden: Collection[K],
    exact: Mapping[Line, bool] | None = None,
) -> dict[K, tuple[float, float]]:
    """Each hidden cell's smallest and largest value given everything else (sdcTable's attack).

    ``values`` holds the true value of every cell with data, hidden ones included (their
    values decide which lines are exact unless ``exact`` says so); a key it lacks, or maps to
    None or NaN, is unknown to the reader. The maximum is ``inf`` when nothing bounds it.
    """
    keys = list(values)
    order, where = _index(keys, lines)
    for key in hidden:
        if key not in where:
            where[key] = len(order)
            order.append(key)
    view = _view(values, order, where, lines, N_("values"), exact)
    unknown = ~view.known
    targets = sorted(where[key] for key in hidden)
    unknown[targets] = True
    ranges = _attack_ranges(view, unknown, targets)
    return {order[i]: ranges[i] for i in targets}


def exposed(
    cells: Mapping[K, Figure], lines: Sequence[Line], statuses: Mapping[K, Status],
    k: int | None = None,
) -> list[K]:
    """The suppressed cells whose count or group size the attack pins to less than
    MIN_WIDTH — empty for anything :func:`protect` returns. For audits and tests.

    With ``k``, the attacker also knows that a primary cell ("fewer than k") lies between
    1 and k-1, as a reader of the page does."""
    table = _Table(cells, lines)
    if k is not None:
        _reader_bounds(table, [statuses.get(key, Status.PUBLISHED) for key in cells], k)
    n = len(table.order)
    hidden = np.zeros(n, dtype=bool)
    for key, status in statuses.items():
        if status.suppressed:
            hidden[table.where[key]] = True
    bad: set[int] = set()
    for view in table.views:
        targets = [int(i) for i in np.flatnonzero(hidden & view.known)]
        bad.update(_exposed_cells(view, hidden | ~view.known, targets, []))
    return [table.order[i] for i in sorted(bad)]


#: The words ``shown`` writes, marked so a page can show them in the reader's language.
HIDDEN, NO_DATA, FEWER_THAN = N_("hidden"), N_("no data"), N_("fewer than {k}")
_FEWER = re.compile(r"fewer than (\d+)")
_NUMBER = re.compile(r"-?\d{1,3}(,\d{3})*(\.\d+)?")


def shown_text(text: str) -> str:
    """A figure as ``shown`` wrote it ("fewer than 11", "hidden", "no data", "1,234": English,
    for the exports and the API), in the language in force: a page's words and numbers."""
    if language() == SOURCE_LANGUAGE or not isinstance(text, str):
        return text
    if text in (HIDDEN, NO_DATA):
        return _(text)
    if match := _FEWER.fullmatch(text):
        return _(FEWER_THAN).format(k=number(int(match.group(1))))
    if _NUMBER.fullmatch(text):
        whole, _dot, fraction = text.replace(",", "").partition(".")
        return number(float(f"{whole}.{fraction}"), len(fraction)) if fraction else number(int(whole))
    return text
