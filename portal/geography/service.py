"""Districts for maps and for placing locations; public like the boundaries themselves.

Boundaries change when a county redistricts, but comments, indicator values and
deployments keep pointing at their districts by id. So an import *upserts by
code*: it adds new codes, updates the ones whose name, population or boundary
changed, and never deletes a district the file leaves out. Every boundary it
writes is also kept as a ``RecordVersion`` snapshot, so figures published
under an older boundary can still be read against the shape they were made for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from portal.audit.models import RecordVersion
from portal.audit.service import as_json_value, record_event, record_version
from portal.auth.permissions import service
from portal.auth.roles import SYSTEM, Actor
from portal.errors import FieldError, ValidationFailed
from portal.geography.geojson import DistrictIn, districts_geojson
from portal.geography.models import District
from portal.i18n import _

RECORD_TYPE = "district"
_SHOWN_CODES = 10  # how many codes a summary names before "and N more"


@dataclass(frozen=True)
class DistrictImport:
    """What an import did, code by code: what the CLI prints and a page would show."""

    source: str
    added: tuple[str, ...]
    updated: tuple[str, ...]
    unchanged: tuple[str, ...]
    kept: tuple[str, ...]  # in the portal but not in the file: left as they were

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated)

    def summary(self) -> str:
        total = len(self.added) + len(self.updated) + len(self.unchanged)
        line = (f"Imported {total} districts from {self.source}: {len(self.added)} added, "
                f"{len(self.updated)} updated, {len(self.unchanged)} unchanged")
        if self.kept:
            shown = ", ".join(self.kept[:_SHOWN_CODES])
            more = len(self.kept) - _SHOWN_CODES
            line += (f"; {len(self.kept)} kept, not in the file ({shown}"
                     + (f" and {more} more" if more > 0 else "") + ")")
        return line + "."


def _state(d: District | DistrictIn) -> dict[str, Any]:
    """The compared and snapshotted part of a district, in the form a JSON column returns."""
    return as_json_value({"code": d.code, "name": d.name, "population": d.population,
                          "geometry": d.geometry})


def _check(districts: Sequence[DistrictIn]) -> None:
    """Refuse the whole batch before anything is written (``read_districts`` checks the rest)."""
    if not districts:
        raise ValidationFailed([FieldError("file", _("has no districts to import"))])
    seen: dict[str, int] = {}
    errors = []
    for row, d in enumerate(districts, start=1):
        if d.code in seen:
            errors.append(FieldError("code", _(
                "{code} is also the code of feature {feature}").format(
                    code=repr(d.code), feature=seen[d.code]), row))
        seen.setdefault(d.code, row)
    if errors:
        raise ValidationFailed(errors)


def _snapshot(session: Session, actor: Actor, row: District, before: dict[str, Any] | None,
              source: str) -> None:
    """Store the new boundary as a version; a district loaded before versions gets its old one first."""
    latest = session.exec(select(sa.func.max(RecordVersion.version)).where(
        RecordVersion.record_type == RECORD_TYPE, RecordVersion.record_id == row.id)).one()
    if latest is None and before is not None:
        record_version(session, actor=SYSTEM, record_type=RECORD_TYPE, record_id=row.id,  # type: ignore[arg-type]
                       version=1, data=before, summary="State before the portal kept versions")
        latest = 1
    record_version(session, actor=actor, record_type=RECORD_TYPE, record_id=row.id,  # type: ignore[arg-type]
                   version=(latest or 0) + 1, data=_state(row), summary=f"Imported from {source}")


@service("geography.list_districts")
def list_districts(*, session: Session, actor: Actor) -> list[District]:
    return list(session.exec(select(District).order_by(District.code)).all())


@service("geography.export_districts")
def export_districts(*, session: Session, actor: Actor) -> bytes:
    """The boundaries as RFC 7946 GeoJSON, in the form ``import_districts`` reads back unchanged."""
    return districts_geojson(session.exec(select(District).order_by(District.code)).all())


@service("geography.import_districts")
def import_districts(*, session: Session, actor: Actor, districts: Sequence[DistrictIn],
                     source: str) -> DistrictImport:
    """Upsert checked districts by code, all or none; districts not in the file are kept.

    Nothing is written for an unchanged district, and an import that changes nothing
    records no audit event (like ``portal demo`` run twice): re-importing an export
    leaves the database as it was.
    """
    _check(districts)
    existing = {d.code: d for d in session.exec(select(District)).all()}
    added, updated, unchanged = [], [], []
    for incoming in districts:
        row = existing.get(incoming.code)
        if row is None:
            row = District(code=incoming.code, name=incoming.name, population=incoming.population,
                           geometry=as_json_value(incoming.geometry))
            session.add(row)
            session.flush()
            _snapshot(session, actor, row, None, source)
            added.append(incoming.code)
            continue
        before = _state(row)
        if before == _state(incoming):
            unchanged.append(incoming.code)
            continue
        row.name, row.population = incoming.name, incoming.population
        row.geometry = as_json_value(incoming.geometry)
        session.add(row)
        session.flush()
        _snapshot(session, actor, row, before, source)
        updated.append(incoming.code)
    in_file = {d.code for d in districts}
    result = DistrictImport(source, tuple(added), tuple(updated), tuple(unchanged),
                            tuple(sorted(code for code in existing if code not in in_file)))
    if result.changed:
        record_event(session, actor=actor, action="geography.import_districts",
                     entity_type=RECORD_TYPE, detail={
                         "source": source, "added": len(added), "updated": len(updated),
                         "unchanged": len(unchanged), "kept_not_in_file": len(result.kept),
                         "added_codes": list(added), "updated_codes": list(updated)})
    return result
