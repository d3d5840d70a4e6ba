"""Importing an export back: what a file would change, worked out before anything is written.

A county keeps its records in spreadsheets: it exports a kind, edits a few rows,
and imports the file again. Each row of such a file is matched to a record by its
``id``; a row without one is a new record. A row is compared with the record by
cleaning both the file's row and the record's own export row with the same
cleaner, so a value written differently but meaning the same (``yes``/``True``,
a date typed by a spreadsheet) is not a change. Columns the file leaves out keep
the record's value; columns the export adds for readers (department names,
versions, counts) are recognised and ignored.

The plan lists each row as added, updated (with a field-by-field diff in words)
or unchanged; pages and the CLI show it before the import writes anything, and
the import writes only added and updated rows, so importing the same file twice
changes nothing the second time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from portal.audit.history import Change, diff
from portal.audit.service import as_json_value
from portal.errors import FieldError
from portal.i18n import _
from portal.i18n import number as shown_number

#: Clean one raw row: typed values and every problem found (``row`` numbers the problems).
Cleaner = Callable[[Mapping[str, Any], int | None], tuple[dict[str, Any], list[FieldError]]]

ID = "id"
VERSION = "version"


@dataclass(frozen=True)
class PlannedRow:
    row: int
    name: str
    record_id: int | None = None
    values: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    changes: tuple[Change, ...] = ()


@dataclass(frozen=True)
class ImportPlan:
    """What importing a file does, row by row. ``noun`` is plural: "practices"."""

    noun: str
    singular: str = ""
    added: tuple[PlannedRow, ...] = ()
    updated: tuple[PlannedRow, ...] = ()
    unchanged: tuple[PlannedRow, ...] = ()

    def _count(self, n: int) -> str:
        # The kinds' names are translated where the import screen names them (portal/ui).
        return f"{shown_number(n)} {_(self.singular if n == 1 and self.singular else self.noun)}"

    @property
    def writes(self) -> int:
        return len(self.added) + len(self.updated)

    def summary(self) -> str:
        return _("{added} to add, {updated} to update, {unchanged} unchanged.").format(
            added=self._count(len(self.added)), updated=shown_number(len(self.updated)),
            unchanged=shown_number(len(self.unchanged)))

    def done(self, source: str) -> str:
        where = _(" from {source}").format(source=source) if source else ""
        return _("Imported {count}{where}: {added} added, {updated} updated, {unchanged} "
                 "unchanged.").format(count=self._count(self.writes), where=where,
                                      added=shown_number(len(self.added)),
                                      updated=shown_number(len(self.updated)),
                                      unchanged=shown_number(len(self.unchanged)))

    def lines(self) -> list[str]:
        """The plan as text, for the command line: one line per added or updated row and
        one per changed field."""
        out = [self.summary()]
        for planned in self.added:
            out.append(f"  add     row {planned.row}: {planned.name}")
        for planned in self.updated:
            out.append(f"  update  row {planned.row}: {planned.name} (id {planned.record_id})")
            for change in planned.changes:
                out.append(f"          {change.label}: {change.before} → {change.after}")
        return out


def parse_id(value: Any, row: int, noun: str, known: Mapping[int, Any]) -> tuple[int | None, list[FieldError]]:
    """The record a row names, None for a new one; an id the portal does not hold is refused
    (rows are never added under an id the file chose)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, []
    try:
        number = float(value) if not isinstance(value, int) else value
        if isinstance(value, bool) or number != int(number):
            raise ValueError
        record_id = int(number)
    except (TypeError, ValueError, OverflowError):  # OverflowError: "inf", "1e400"
        return None, [FieldError(ID, _(
            "{value} is not a record number; leave it empty to add a new record").format(
                value=repr(value)), row)]
    if record_id not in known:
        return None, [FieldError(ID, _(
            "no {kind} with id {id} (leave it empty to add a new record)").format(
                kind=_(noun), id=record_id), row)]
    return record_id, []


def plan_import(
    rows: Iterable[tuple[int, Mapping[str, Any]]],
    *,
    noun: str,
    singular: str,
    columns: Iterable[str],
    current: Mapping[int, Mapping[str, Any]],
    versions: Mapping[int, int],
    clean: Cleaner,
    labels: Mapping[str, str],
    vocabularies: Mapping[str, Mapping[str, str]] | None = None,
    name_of: Callable[[Mapping[str, Any]], str],
) -> tuple[ImportPlan, list[FieldError]]:
    """Match, clean and compare every row.

    ``current`` holds each record's export row by id (the same row ``portal export``
    writes), ``versions`` each record's version, ``columns`` the columns an import
    reads. A row that names a ``version`` older than the record's and would change it
    is refused: someone saved the record after the file was exported.
    """
    readable = set(columns)
    added: list[PlannedRow] = []
    updated: list[PlannedRow] = []
    unchanged: list[PlannedRow] = []
    errors: list[FieldError] = []
    seen: dict[int, int] = {}
    any_row = False
    for number, raw in rows:
        any_row = True
        record_id, problems = parse_id(raw.get(ID), number, singular, current)
        if problems:
            errors.extend(problems)
            continue
        given = {k: v for k, v in raw.items() if k in readable}
        if record_id is None:
            values, problems = clean(given, number)
            errors.extend(problems)
            if not problems:
                added.append(PlannedRow(number, name_of(values), None, values))
            continue
        if record_id in seen:
            errors.append(FieldError(ID, _("repeats row {row} (same id)").format(
                row=seen[record_id]), number))
            continue
        seen[record_id] = number
        base = current[record_id]
        values, problems = clean({**{k: v for k, v in base.items() if k in readable}, **given},
                                 number)
        if problems:
            errors.extend(problems)
            continue
        before, _unused = clean({k: v for k, v in base.items() if k in readable}, None)
        changes = tuple(diff(as_json_value(before), as_json_value(values), labels, vocabularies))
        planned = PlannedRow(number, name_of(values), record_id, values, changes)
        if not changes:
            unchanged.append(planned)
            continue
        stated = raw.get(VERSION)
        if stated not in (None, "") and str(stated).strip() not in ("", str(versions[record_id])):
            errors.append(FieldError(
                VERSION, _("{name} was saved in the portal (now version {now}) after this file "
                           "was exported (version {stated}); export again and make the change "
                           "there").format(name=name_of(values), now=versions[record_id],
                                           stated=stated), number))
            continue
        updated.append(planned)
    if not any_row:
        errors.append(FieldError("file", _("no rows to import")))
    return ImportPlan(noun, singular, tuple(added), tuple(updated), tuple(unchanged)), errors


def duplicates(plan: ImportPlan, key: Callable[[Mapping[str, Any]], Any],
               existing: Mapping[Any, int], column: str, what: str) -> list[FieldError]:
    """Rows that would give two records the same natural key (a reference, a code, a dataset and
    title): against records the file does not change and against each other."""
    errors: list[FieldError] = []
    claimed: dict[Any, int] = {}
    moving = {p.record_id for p in plan.updated}
    for planned in (*plan.added, *plan.updated, *plan.unchanged):
        k = key(planned.values)
        owner = existing.get(k)
        if owner is not None and owner != planned.record_id and owner not in moving:
            errors.append(FieldError(column, _(
                "record {owner} already has this {what}; to change it, give its id ({owner}) "
                "in the id column").format(owner=owner, what=what), planned.row))
        elif k in claimed:
            errors.append(FieldError(column, _("repeats row {row} (same {what})").format(
                row=claimed[k], what=what), planned.row))
        claimed.setdefault(k, planned.row)
    return sorted(errors, key=lambda e: e.row or 0)
