"""Staff give a record's text in Spanish, field by field; residents read it where it holds.

A translation is kept with the English it translates (``source``). It is shown while the
record's English is still that text, and reported as outdated once the English changes, so
a resident never reads Spanish for words the county has since rewritten, and a field that
did not change keeps its Spanish from one version of a notice to the next.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from portal.audit.history import Change
from portal.audit.service import record_event
from portal.auth.permissions import service
from portal.auth.roles import Actor
from portal.base import utcnow
from portal.errors import FieldError, NotFound, ValidationFailed
from portal.i18n import LANGUAGES, SOURCE_LANGUAGE, _, number
from portal.manifest import TranslatableRecord, resolve
from portal.registry import translatable_kinds
from portal.roundtrip import ImportPlan, PlannedRow
from portal.textsafety import unstorable
from portal.translations.models import ContentTranslation

#: Longer than any notice section the demo county or an ordinance needs, short of a book.
MAX_CHARACTERS = 50_000
EXPORT_COLUMNS = ("kind", "record_id", "record", "field", "field_label", "status", "english",
                  "translation")
REQUIRED_COLUMNS = ("kind", "record_id", "field", "english", "translation")
TRANSLATED, OUTDATED, MISSING = "translated", "outdated", "missing"


@dataclass(frozen=True)
class FieldTranslation:
    field: str
    label: str
    english: str
    text: str  # the translation kept, "" when there is none
    status: str  # TRANSLATED, OUTDATED (kept, but its English has changed since) or MISSING
    translated_from: str  # the English the kept translation was made from


@dataclass(frozen=True)
class RecordTranslations:
    kind: str
    record_id: int
    title: str
    fields: tuple[FieldTranslation, ...]

    def count(self, status: str) -> int:
        return sum(1 for f in self.fields if f.status == status)


def _other_language(language: str) -> str:
    if language == SOURCE_LANGUAGE or language not in LANGUAGES:
        raise ValidationFailed([FieldError("language", _(
            "translations are made into {languages}, not {language}").format(
                languages=", ".join(k for k in LANGUAGES if k != SOURCE_LANGUAGE),
                language=repr(language)))])
    return language


def _english(session: Session, kind: str, ids: Collection[int] | None) -> dict[int, TranslatableRecord]:
    kinds = translatable_kinds()
    if kind not in kinds:
        raise ValidationFailed([FieldError("kind", _("unknown kind {kind}; known: {known}").format(
            kind=repr(kind), known=", ".join(sorted(kinds))))])
    return resolve(kinds[kind].english)(session, ids)  # type: ignore[no-any-return]


def _kept(session: Session, kind: str, ids: Collection[int] | None,
          language: str) -> dict[tuple[int, str], ContentTranslation]:
    query = select(ContentTranslation).where(ContentTranslation.kind == kind,
                                             ContentTranslation.language == language)
    if ids is not None:
        query = query.where(ContentTranslation.record_id.in_(list(ids)))  # type: ignore[attr-defined]
    return {(row.record_id, row.field): row for row in session.exec(query).all()}


def _states(kind: str, records: Mapping[int, TranslatableRecord],
            kept: Mapping[tuple[int, str], ContentTranslation]) -> list[RecordTranslations]:
    out = []
    for record_id, record in records.items():
        fields = []
        for name, label, english in record.fields:
            row = kept.get((record_id, name))
            status = MISSING if row is None else TRANSLATED if row.source == english else OUTDATED
            fields.append(FieldTranslation(name, label, english, row.text if row else "", status,
                                           row.source if row else ""))
        out.append(RecordTranslations(kind, record_id, record.title, tuple(fields)))
    return out


@service("translations.list")
def list_records(*, session: Session, actor: Actor, kind: str,
                 language: str = "es") -> list[RecordTranslations]:
    """Every record of ``kind`` with each field's translation and whether it still holds."""
    language = _other_language(language)
    return _states(kind, _english(session, kind, None), _kept(session, kind, None, language))


@service("translations.get")
def record_translations(*, session: Session, actor: Actor, kind: str, record_id: int,
                        language: str = "es") -> RecordTranslations:
    language = _other_language(language)
    records = _english(session, kind, [record_id])
    if record_id not in records:
        raise NotFound(_("no {kind} {id} to translate").format(kind=kind, id=record_id))
    return _states(kind, records, _kept(session, kind, [record_id], language))[0]


def _checked_text(text: Any, where: str, row: int | None = None) -> tuple[str, list[FieldError]]:
    value = "" if text is None else str(text)
    value = value.replace("\r\n", "\n").strip()
    reason = unstorable(value)
    if reason:
        return value, [FieldError(where, reason, row)]
    if len(value) > MAX_CHARACTERS:
        return value, [FieldError(where, _("is {n} characters long; at most {most}").format(
            n=number(len(value)), most=number(MAX_CHARACTERS)), row)]
    return value, []


def _write(session: Session, actor: Actor, kind: str, record_id: int, name: str, english: str,
           text: str, language: str, kept: ContentTranslation | None) -> str | None:
    """Keep, replace or remove one field's translation; what was done, or None."""
    if not text:
        if kept is None:
            return None
        session.delete(kept)
        return "removed"
    if kept is not None and kept.text == text and kept.source == english:
        return None
    if kept is None:
        kept = ContentTranslation(kind=kind, record_id=record_id, field=name, language=language,
                                  source=english, text=text)
    kept.source, kept.text = english, text
    kept.updated_at, kept.updated_by = utcnow(), actor.subject
    session.add(kept)
    return "saved"


@service("translations.save")
def save_translations(*, session: Session, actor: Actor, kind: str, record_id: int,
                      texts: Mapping[str, str], language: str = "es") -> list[str]:
    """Save the fields given (an empty text removes that field's translation) as translations
    of the record's English as it stands now; returns the fields changed."""
    language = _other_language(language)
    current = record_translations(session=session, actor=actor, kind=kind, record_id=record_id,
                                  language=language)
    fields = {f.field: f for f in current.fields}
    errors: list[FieldError] = []
    cleaned: dict[str, str] = {}
    for name, text in texts.items():
        if name not in fields:
            errors.append(FieldError(name, _("is not a field of this {kind} to translate").format(
                kind=kind)))
            continue
        cleaned[name], problems = _checked_text(text, fields[name].label)
        errors += problems
    if errors:
        raise ValidationFailed(errors)
    kept = _kept(session, kind, [record_id], language)
    changed = {name: done for name, text in cleaned.items()
               if (done := _write(session, actor, kind, record_id, name, fields[name].english,
                                  text, language, kept.get((record_id, name))))}
    if changed:
        session.flush()
        record_event(session, actor=actor, action="translations.save", entity_type=kind,
                     entity_id=record_id, detail={"language": language, "fields": changed})
    return sorted(changed)


@dataclass(frozen=True)
class Localized:
    """A record's fields as a reader in one language reads them."""

    texts: Mapping[str, str]
    #: Fields that have English to show and no translation into the language in force.
    in_english: frozenset[str]

    def __getitem__(self, field: str) -> str:
        return self.texts[field]


def localize(english: Mapping[int, Mapping[str, str]], found: Mapping[int, Mapping[str, str]],
             language: str) -> dict[int, Localized]:
    """Each record's fields (``{record_id: {field: English}}``) in ``language``: the
    translation ``published`` found for a field, else its English, with the fields left in
    English named (none in English itself). Pages and feeds alike read records through it."""
    if language == SOURCE_LANGUAGE:
        return {rid: Localized(dict(fields), frozenset()) for rid, fields in english.items()}
    out = {}
    for rid, fields in english.items():
        translated = found.get(rid, {})
        out[rid] = Localized({f: translated.get(f, e) for f, e in fields.items()},
                             frozenset(f for f, e in fields.items() if e and f not in translated))
    return out


@service("translations.published")
def published(*, session: Session, actor: Actor, kind: str, english: Mapping[int, Mapping[str, str]],
          language: str) -> dict[int, dict[str, str]]:
    """The translations residents may read of the records a page shows, with the English it
    shows (``{record_id: {field: English}}``): only those made from that very English."""
    if language == SOURCE_LANGUAGE or language not in LANGUAGES or not english:
        return {}
    out: dict[int, dict[str, str]] = {}
    for (record_id, name), row in _kept(session, kind, list(english), language).items():
        if english.get(record_id, {}).get(name) == row.source:
            out.setdefault(record_id, {})[name] = row.text
    return out


@service("translations.export")
def export_translations(*, session: Session, actor: Actor, fmt: str = "csv",
                        language: str = "es") -> bytes:
    """Every translatable field of every record, its English and its translation, for a
    translator's spreadsheet; the file imports back (``portal import translations``)."""
    from portal.exports import to_csv, to_json

    rows = []
    for kind in translatable_kinds():
        for record in list_records(session=session, actor=actor, kind=kind, language=language):
            for f in record.fields:
                rows.append({"kind": kind, "record_id": record.record_id, "record": record.title,
                             "field": f.field, "field_label": f.label, "status": f.status,
                             "english": f.english, "translation": f.text})
    return to_json(rows) if fmt == "json" else to_csv(rows, EXPORT_COLUMNS)


@service("translations.import")
def import_translations(*, session: Session, actor: Actor, rows: list[tuple[int, Mapping[str, Any]]],
                        source: str = "", dry_run: bool = False,
                        language: str = "es") -> ImportPlan:
    """All rows or none. A row translates the English in its ``english`` column, which must
    still be the record's English: a file exported before the English changed is refused
    for those rows rather than attach Spanish to words the county has since rewritten. An
    empty translation leaves the field as it is."""
    from portal.exports import original_cell

    language = _other_language(language)
    errors: list[FieldError] = []
    wanted: dict[str, set[int]] = {}
    parsed = []
    for n, row in rows:
        kind = str(row.get("kind") or "").strip()
        try:
            record_id = int(str(row.get("record_id") or "").strip())
        except ValueError:
            errors.append(FieldError("record_id", _("{value} is not a record's id").format(
                value=repr(row.get("record_id"))), n))
            continue
        parsed.append((n, kind, record_id, str(row.get("field") or "").strip(),
                       original_cell(row.get("english")), original_cell(row.get("translation"))))
        wanted.setdefault(kind, set()).add(record_id)
    kinds = translatable_kinds()
    records: dict[str, dict[int, TranslatableRecord]] = {}
    kept: dict[str, dict[tuple[int, str], ContentTranslation]] = {}
    for kind, ids in wanted.items():
        if kind in kinds:
            records[kind] = _english(session, kind, ids)
            kept[kind] = _kept(session, kind, ids, language)
    added: list[PlannedRow] = []
    updated: list[PlannedRow] = []
    unchanged: list[PlannedRow] = []
    writes = []
    for n, kind, record_id, name, english, text in parsed:
        if kind not in kinds:
            errors.append(FieldError("kind", _("unknown kind {kind}; known: {known}").format(
                kind=repr(kind), known=", ".join(sorted(kinds))), n))
            continue
        record = records[kind].get(record_id)
        if record is None:
            errors.append(FieldError("record_id", _("no {kind} {id} to translate").format(
                kind=kind, id=record_id), n))
            continue
        fields = {f[0]: f for f in record.fields}
        if name not in fields:
            errors.append(FieldError("field", _("{field} is not a field of {kind} {id} to translate").format(
                field=repr(name), kind=kind, id=record_id), n))
            continue
        _field, label, current = fields[name]
        english_text = "" if english is None else str(english).replace("\r\n", "\n").strip()
        if english_text != current.strip():
            errors.append(FieldError("english", _(
                "{record} · {label}: the English has changed since this file was made; export the "
                "file again").format(record=record.title, label=label), n))
            continue
        value, problems = _checked_text(text, "translation", n)
        errors += problems
        was = kept[kind].get((record_id, name))
        planned_name = f"{record.title} · {label}"
        if not value or (was is not None and was.text == value and was.source == current):
            unchanged.append(PlannedRow(n, planned_name, record_id))
            continue
        change = Change(name, label, was.text if was else "", value)
        (updated if was else added).append(PlannedRow(n, planned_name, record_id, changes=(change,)))
        writes.append((kind, record_id, name, current, value, was))
    if errors:
        raise ValidationFailed(sorted(errors, key=lambda e: e.row or 0))
    plan = ImportPlan("translations", "translation", tuple(added), tuple(updated), tuple(unchanged))
    if dry_run or not writes:
        return plan
    for kind, record_id, name, current, value, was in writes:
        _write(session, actor, kind, record_id, name, current, value, language, was)
    session.flush()
    record_event(session, actor=actor, action="translations.import", entity_type="translation",
                 detail={"source": source, "language": language, "added": len(added),
                         "updated": len(updated), "unchanged": len(unchanged)})
    return plan
