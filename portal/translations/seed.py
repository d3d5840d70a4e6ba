"""The demo county's Spanish versions: its notices open for comment and one survey."""

from __future__ import annotations

from sqlmodel import select

from portal.demo.seeding import Checker, Seed, SeedContext
from portal.errors import FieldError, ValidationFailed
from portal.manifest import resolve
from portal.registry import translatable_kinds
from portal.translations.models import ContentTranslation

#: Which seed's record ids each kind's natural keys (slugs) are found under.
RECORDS = {"notice": "notice", "survey": "survey"}


def check(c: Checker) -> None:
    for n, t in enumerate(c.data["translations"], start=1):
        w = "translations."
        c.vocab(t["kind"], RECORDS, w + "kind", n)
        if t["kind"] in RECORDS and RECORDS[t["kind"]] in c.known:
            c.vocab(t["record"], c.known[RECORDS[t["kind"]]], w + "record", n)
        c.require(bool(str(t.get("spanish", "")).strip()), w + "spanish", n, "is empty")


def load(ctx: SeedContext) -> None:
    """Each translation is of the English the demo's record holds now; a demo file whose
    English has drifted from the record's is refused, not loaded as a stale translation."""
    kinds = translatable_kinds()
    have = set(ctx.s.exec(select(ContentTranslation.kind, ContentTranslation.record_id,
                                 ContentTranslation.field)).all())
    rows, errors = [], []
    english: dict[tuple[str, int], dict[str, str]] = {}
    for n, t in enumerate(ctx.d["translations"], start=1):
        record_id = ctx.ids[RECORDS[t["kind"]]][t["record"]]
        if (t["kind"], record_id) not in english:
            found = resolve(kinds[t["kind"]].english)(ctx.s, [record_id])
            english[(t["kind"], record_id)] = {f: text for f, _label, text in found[record_id].fields}
        current = english[(t["kind"], record_id)].get(t["field"])
        if current is None or current.strip() != t["english"].strip():
            errors.append(FieldError("translations.english", f"{t['kind']} {t['record']} "
                                     f"{t['field']}: not the record's English now", n))
            continue
        if (t["kind"], record_id, t["field"]) not in have:
            rows.append(ContentTranslation(kind=t["kind"], record_id=record_id, field=t["field"],
                                           language="es", source=current, text=t["spanish"].strip(),
                                           updated_at=ctx.now, updated_by="system"))
    if errors:
        raise ValidationFailed(errors)
    ctx.add(rows)


SEED = Seed(files={"translations": "translations_es.json"}, check=check, load=load,
            tables=(ContentTranslation,), uses=("notice", "survey"))
