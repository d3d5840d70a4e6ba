"""Staff-written content in Spanish: saved per field, shown only while its English holds."""

from __future__ import annotations

import pytest
from sqlmodel import Session, func, select

from portal.audit.models import AuditEvent
from portal.auth.roles import RESIDENT, Actor, Role
from portal.errors import PermissionDenied, ValidationFailed
from portal.notices.models import NoticeVersion
from portal.translations.models import ContentTranslation
from portal.translations.service import (
    OUTDATED,
    TRANSLATED,
    export_translations,
    import_translations,
    list_records,
    record_translations,
    save_translations,
    published,
)
from tests import factories

STAFF = Actor(subject="clerk@x.example", roles=frozenset({Role.STAFF}))


def events(session: Session, action: str) -> int:
    return session.exec(select(func.count()).select_from(AuditEvent)
                        .where(AuditEvent.action == action)).one()


def test_a_saved_translation_shows_while_its_english_holds(session: Session) -> None:
    tech = factories.technology(session, name="Police drones")
    record = record_translations(session=session, actor=STAFF, kind="notice", record_id=tech.id)
    assert [f.field for f in record.fields] == ["name", "description"]
    changed = save_translations(session=session, actor=STAFF, kind="notice", record_id=tech.id,
                                texts={"name": "Drones policiales", "description": "Una cámara."})
    assert changed == ["description", "name"]
    assert events(session, "translations.save") == 1
    english = {tech.id: {"name": "Police drones", "description": "A camera."}}
    assert published(session=session, actor=RESIDENT, kind="notice", english=english, language="es") == {
        tech.id: {"name": "Drones policiales", "description": "Una cámara."}}
    # English readers are given nothing to swap in.
    assert published(session=session, actor=RESIDENT, kind="notice", english=english, language="en") == {}

    # A new version rewrites the description: its Spanish no longer shows, the name's does.
    session.add(NoticeVersion(technology_id=tech.id, version=2, published_at=tech.updated_at,
                              description="A camera on a pole."))
    session.flush()
    english = {tech.id: {"name": "Police drones", "description": "A camera on a pole."}}
    assert published(session=session, actor=RESIDENT, kind="notice", english=english,
                 language="es") == {tech.id: {"name": "Drones policiales"}}
    states = {f.field: f for f in record_translations(session=session, actor=STAFF, kind="notice",
                                                       record_id=tech.id).fields}
    assert states["name"].status == TRANSLATED
    assert states["description"].status == OUTDATED
    assert states["description"].translated_from == "A camera."


def test_saving_the_same_text_writes_nothing_and_an_empty_one_removes_it(session: Session) -> None:
    tech = factories.technology(session)
    save_translations(session=session, actor=STAFF, kind="notice", record_id=tech.id,
                      texts={"description": "Una cámara."})
    assert save_translations(session=session, actor=STAFF, kind="notice", record_id=tech.id,
                             texts={"description": " Una cámara. "}) == []
    assert events(session, "translations.save") == 1
    assert save_translations(session=session, actor=STAFF, kind="notice", record_id=tech.id,
                             texts={"description": ""}) == ["description"]
    assert session.exec(select(func.count()).select_from(ContentTranslation)).one() == 0


@pytest.mark.parametrize("texts, where", [
    ({"budget": "x"}, "budget"),
    ({"description": "nul\x00"}, "What it is"),
    ({"description": "x" * 50_001}, "What it is"),
])
def test_bad_input_is_refused_and_nothing_is_written(session: Session, texts: dict[str, str],
                                                     where: str) -> None:
    tech = factories.technology(session)
    with pytest.raises(ValidationFailed) as refused:
        save_translations(session=session, actor=STAFF, kind="notice", record_id=tech.id, texts=texts)
    assert refused.value.errors[0].field == where
    assert session.exec(select(func.count()).select_from(ContentTranslation)).one() == 0


def test_residents_and_moderators_cannot_translate(session: Session) -> None:
    tech = factories.technology(session)
    moderator = Actor(subject="m@x.example", roles=frozenset({Role.MODERATOR}))
    for actor in (RESIDENT, moderator):
        with pytest.raises(PermissionDenied):
            save_translations(session=session, actor=actor, kind="notice", record_id=tech.id,
                              texts={"description": "Una cámara."})
        with pytest.raises(PermissionDenied):
            export_translations(session=session, actor=actor)


def test_english_is_not_a_language_to_translate_into(session: Session) -> None:
    with pytest.raises(ValidationFailed):
        list_records(session=session, actor=STAFF, kind="notice", language="en")
    with pytest.raises(ValidationFailed):
        list_records(session=session, actor=STAFF, kind="budget")


def test_the_export_imports_back_and_a_changed_english_is_refused(session: Session) -> None:
    from portal.tabular import read_table

    tech = factories.technology(session, name="Gunshot detection")
    practice = factories.practice(session, title="Jail bookings to ICE", purpose="Detainers.")
    data = export_translations(session=session, actor=STAFF)
    table = read_table(data, "translations.csv")
    rows = [(n, dict(row)) for n, row in table.rows]
    assert {row["kind"] for _, row in rows} >= {"notice", "practice"}
    for _, row in rows:
        if row["kind"] == "notice" and row["record_id"] == str(tech.id) and row["field"] == "name":
            row["translation"] = "Detección de disparos"
        if row["kind"] == "practice" and row["record_id"] == str(practice.id) and row["field"] == "purpose":
            row["translation"] = "=Órdenes de detención."  # a formula-looking cell is text
    plan = import_translations(session=session, actor=STAFF, rows=rows, dry_run=True)
    assert len(plan.added) == 2 and not plan.updated
    assert session.exec(select(func.count()).select_from(ContentTranslation)).one() == 0
    plan = import_translations(session=session, actor=STAFF, rows=rows, source="t.csv")
    assert events(session, "translations.import") == 1
    english = {practice.id: {"purpose": "Detainers."}}
    assert published(session=session, actor=RESIDENT, kind="practice", english=english,
                 language="es") == {practice.id: {"purpose": "=Órdenes de detención."}}
    # The same file again changes nothing.
    again = import_translations(session=session, actor=STAFF, rows=rows)
    assert again.writes == 0 and events(session, "translations.import") == 1

    # The practice's purpose is rewritten after the file was made: its row is refused, and
    # nothing of the file is written.
    practice.purpose = "Immigration detainers."
    session.add(practice)
    session.flush()
    for _, row in rows:
        if row["kind"] == "notice" and row["record_id"] == str(tech.id) and row["field"] == "name":
            row["translation"] = "Detector de disparos"
    with pytest.raises(ValidationFailed) as refused:
        import_translations(session=session, actor=STAFF, rows=rows)
    assert any(e.field == "english" and "export the file again" in e.message
               for e in refused.value.errors)
    name = session.exec(select(ContentTranslation.text).where(ContentTranslation.field == "name")).one()
    assert name == "Detección de disparos"


def test_import_rows_naming_unknown_records_are_refused_with_their_rows(session: Session) -> None:
    tech = factories.technology(session)
    rows = [(2, {"kind": "budget", "record_id": "1", "field": "x", "english": "", "translation": "y"}),
            (3, {"kind": "notice", "record_id": "abc", "field": "name", "english": "", "translation": "y"}),
            (4, {"kind": "notice", "record_id": str(tech.id + 999), "field": "name", "english": "",
                 "translation": "y"}),
            (5, {"kind": "notice", "record_id": str(tech.id), "field": "colour", "english": "",
                 "translation": "y"})]
    with pytest.raises(ValidationFailed) as refused:
        import_translations(session=session, actor=STAFF, rows=rows)
    assert [e.row for e in refused.value.errors] == [2, 3, 4, 5]
