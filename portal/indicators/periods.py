"""Reporting periods as files write them: a year, a quarter or a month."""

from __future__ import annotations

import re
from datetime import date

from portal.i18n import N_

_FORMS = (
    (re.compile(r"^(\d{4})-Q([1-4])$"), lambda y, q: date(y, (q - 1) * 3 + 1, 1)),
    (re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$"), lambda y, m: date(y, m, 1)),
    (re.compile(r"^(\d{4})$"), lambda y: date(y, 1, 1)),
)

HELP = N_("a year (2025), a quarter (2025-Q3) or a month (2025-07)")


def period_start(period: str) -> date | None:
    """The first day of ``period``, or None when it is not one of the accepted forms."""
    text = period.strip().upper()
    for pattern, start in _FORMS:
        match = pattern.match(text)
        if match:
            year = int(match.group(1))
            if not 1900 <= year <= 2200:
                return None
            return start(*(int(g) for g in match.groups()))
    return None


def normalised(period: str) -> str:
    return period.strip().upper()
