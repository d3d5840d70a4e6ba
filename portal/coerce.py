"""Turning form values and spreadsheet cells into typed values, with reasons when they won't.

Forms hand over Python values, CSV files strings, XLSX files whatever the cell
held (dates, floats, booleans); one set of coercers accepts them all, so a
form and an import of the same record are judged by the same rules.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from portal.errors import FieldError
from portal.i18n import _
from portal.i18n import number as shown_number
from portal.textsafety import unstorable

_SPLIT = re.compile(r"\s*[;\n]\s*")
#: An address name (indicators, surveys): lower-case letters, digits and hyphens.
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,119}$")
TRUE = {"yes", "y", "true", "1", "x"}
FALSE = {"no", "n", "false", "0", ""}


def _either(vocab: Mapping[str, str]) -> str:
    """The choices as people read them ("Federal agency, State agency or Vendor"); files may
    give either these words or the codes."""
    words = [f"“{_(label)}”" for label in vocab.values()]
    if len(words) == 1:
        return words[0]
    return _("{choices} or {last}").format(choices=", ".join(words[:-1]), last=words[-1])


class Collector:
    """Gathers every problem of one record instead of stopping at the first."""

    def __init__(self, raw: Mapping[str, Any], row: int | None = None,
                 labels: Mapping[str, str] | None = None) -> None:
        self.raw = raw
        self.row = row
        self.labels = labels or {}
        self.errors: list[FieldError] = []
        self._refused: set[str] = set()

    def fail(self, field: str, message: str) -> None:
        label = self.labels.get(field)
        self.errors.append(FieldError(field, message, self.row, _(label) if label else None))

    def _value(self, field: str) -> Any:
        value = self.raw.get(field)
        if isinstance(value, str):
            reason = unstorable(value)
            if reason:  # refused once, for what it is; not also as missing or as a bad choice
                if field not in self._refused:
                    self._refused.add(field)
                    self.fail(field, reason)
                return None
            value = value.strip()
            return value or None
        return value

    def _missing(self, field: str, message: str) -> None:
        if field not in self._refused:
            self.fail(field, message)

    def text(self, field: str, *, required: bool = False, max_length: int | None = None) -> str | None:
        value = self._value(field)
        if value is None:
            if required:
                self._missing(field, _("required"))
            return None
        text = str(value)
        if max_length is not None and len(text) > max_length:
            self.fail(field, _("at most {limit} characters (this has {n})").format(
                limit=max_length, n=len(text)))
        return text

    def choice(self, field: str, vocab: Mapping[str, str], *, required: bool = True,
               default: str | None = None) -> str | None:
        value = self._value(field)
        if value is None:
            if required and default is None:
                self._missing(field, _("required: choose {choices}").format(choices=_either(vocab)))
            return default
        text = str(value)
        by_label = {label.lower(): key for key, label in vocab.items()}
        key = text if text in vocab else by_label.get(text.lower(), text.lower().replace(" ", "_"))
        if key not in vocab:
            self.fail(field, _("{value} is not one of the choices: {choices}").format(
                value=repr(text), choices=_either(vocab)))
            return None
        return key

    def items(self, field: str) -> list[str]:
        value = self._value(field)
        if value is None:
            return []
        if isinstance(value, (list, tuple, set)):
            return [str(v).strip() for v in value if str(v).strip()]
        return [part for part in _SPLIT.split(str(value)) if part]

    def choices(self, field: str, vocab: Mapping[str, str]) -> list[str]:
        by_label = {label.lower(): key for key, label in vocab.items()}
        keys = []
        for item in self.items(field):
            key = item if item in vocab else by_label.get(item.lower())
            if key is None:
                self.fail(field, _("{value} is not one of: {choices}").format(
                    value=repr(item), choices=", ".join(vocab)))
            elif key not in keys:
                keys.append(key)
        return keys

    def day(self, field: str, *, required: bool = False) -> date | None:
        value = self._value(field)
        if value is None:
            if required:
                self._missing(field, _("required (a date, YYYY-MM-DD)"))
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value)[:10])
        except ValueError:
            self.fail(field, _("{value} is not a date (write YYYY-MM-DD)").format(value=repr(value)))
            return None

    def count(self, field: str, *, required: bool = False, maximum: int = 10**9) -> int | None:
        value = self._value(field)
        if value is None:
            if required:
                self._missing(field, _("required (a whole number)"))
            return None
        if isinstance(value, bool):
            self.fail(field, _("a whole number, not yes/no"))
            return None
        try:
            number = float(value) if not isinstance(value, int) else value
            whole = number == int(number)
        except (TypeError, ValueError, OverflowError):  # OverflowError: "inf", "1e400"
            whole = False
        if not whole:
            self.fail(field, _("{value} is not a whole number").format(value=repr(value)))
            return None
        if not 0 <= number <= maximum:
            self.fail(field, _("must be between 0 and {maximum}").format(maximum=shown_number(maximum)))
            return None
        return int(number)

    def flag(self, field: str) -> bool:
        value = self._value(field)
        if isinstance(value, bool):
            return value
        text = "" if value is None else str(value).strip().lower()
        if text in TRUE:
            return True
        if text in FALSE:
            return False
        self.fail(field, _("{value}: write yes or no").format(value=repr(value)))
        return False
