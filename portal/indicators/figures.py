"""From a numerator and denominator to what a page shows: the value and its 95 % interval.

Intervals are shown only where the data allow one: a Wilson score interval for a
percent (it stays inside 0–100 % for small groups, unlike the normal one) and an
exact Poisson (Garwood) interval for a rate. A count of everyone is a count, not
an estimate, and gets none.
"""

from __future__ import annotations

import math

from scipy.stats import chi2

from portal.i18n import _, number

Z95 = 1.959963984540054


def value_of(unit: str, rate_per: int | None, numerator: float | None,
             denominator: float | None) -> float | None:
    if numerator is None:
        return None
    if unit == "count":
        return numerator
    if not denominator:
        return None
    if unit == "percent":
        return 100.0 * numerator / denominator
    return numerator / denominator * (rate_per or 1)


def interval(unit: str, rate_per: int | None, numerator: float | None,
             denominator: float | None) -> tuple[float, float] | None:
    """The 95 % interval of the value, or None when none applies."""
    if numerator is None or not denominator or unit == "count":
        return None
    if unit == "percent":
        n, p = denominator, numerator / denominator
        centre = (p + Z95**2 / (2 * n)) / (1 + Z95**2 / n)
        half = Z95 * math.sqrt(p * (1 - p) / n + Z95**2 / (4 * n * n)) / (1 + Z95**2 / n)
        return 100.0 * max(0.0, centre - half), 100.0 * min(1.0, centre + half)
    scale = (rate_per or 1) / denominator
    low = chi2.ppf(0.025, 2 * numerator) / 2 if numerator > 0 else 0.0
    high = chi2.ppf(0.975, 2 * (numerator + 1)) / 2
    return float(low) * scale, float(high) * scale


def unit_label(unit: str, rate_per: int | None) -> str:
    """The unit as an axis or a column names it, in the language in force."""
    if unit == "percent":
        return _("percent")
    if unit == "rate":
        return _("per {n}").format(n=number(rate_per or 1))
    return _("people")
