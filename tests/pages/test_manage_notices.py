"""Staff manage notices; everyone else is refused by the service, with a message."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from portal.auth.roles import Role
from portal.notices.models import NoticeVersion, SurveillanceTechnology
from tests import factories
from tests.apptest import plain, run_script, texts


@pytest.mark.parametrize("role", [None, Role.MODERATOR, Role.COMMISSIONER], ids=str)
def test_others_are_refused(session: Session, role: Role | None) -> None:
    factories.technology(session)
    session.commit()
    at = run_script("app_pages/manage_notices.py", role)
    assert not at.exception
    assert any("may not do this: notices.list" in e.value for e in at.error)
    assert not at.text_area and not at.button


def test_staff_create_a_draft_then_publish_it(session: Session) -> None:
    dep = factories.department(session, name="Police Department")
    session.commit()
    at = run_script("app_pages/manage_notices.py", Role.STAFF)
    assert not at.exception
    assert at.selectbox[0].value == "__new__"
    next(t for t in at.text_input if t.label == "Name").set_value("Drones")
    next(t for t in at.text_input if t.label.startswith("Short name")).set_value("drones")
    next(t for t in at.text_area if t.label == "What it is").set_value("Small aircraft.")
    next(b for b in at.button if b.label == "Create draft").click().run()
    assert not at.exception
    assert "Draft created" in texts(at)
    tech = session.exec(select(SurveillanceTechnology)).one()
    assert (tech.slug, tech.is_published, tech.department_id) == ("drones", False, dep.id)

    next(t for t in at.text_area if t.label == "Purpose").set_value("Search and rescue.")
    next(t for t in at.text_area if t.label == "What data it collects").set_value("Video.")
    next(b for b in at.button if b.label == "Save draft").click().run()
    assert "Draft saved." in texts(at)
    next(b for b in at.button if b.label == "Publish the draft").click().run()
    assert not at.exception
    assert "Version 1 is published." in texts(at)
    session.expire_all()
    version = session.exec(select(NoticeVersion)).one()
    assert version.published_at is not None and version.purpose == "Search and rescue."


def test_publishing_an_incomplete_draft_shows_why(session: Session) -> None:
    from portal.auth.roles import Actor
    from portal.notices.editing import save_draft

    tech = factories.technology(session)  # version 1 has a description only
    save_draft(session=session, actor=Actor("s@x.example", frozenset({Role.STAFF})),
               technology_id=tech.id, content={"vendor": "Acme"})
    session.commit()
    at = run_script("app_pages/manage_notices.py", Role.STAFF)
    assert "draft of version 2 in progress" in texts(at)
    next(b for b in at.button if b.label == "Publish the draft").click().run()
    assert any("purpose: needed before publishing" in plain(e.value) for e in at.error)


def test_comment_period_closing_before_it_opens_is_refused(session: Session) -> None:
    from datetime import date

    factories.technology(session)
    session.commit()
    at = run_script("app_pages/manage_notices.py", Role.ADMIN)
    next(d for d in at.date_input if d.label == "Opens on").set_value(date(2030, 5, 10))
    next(d for d in at.date_input if d.label == "Closes at the end of").set_value(date(2030, 5, 1))
    next(b for b in at.button if b.label == "Set the comment period").click().run()
    assert any("must follow the opening date" in e.value for e in at.error)
    assert session.exec(select(SurveillanceTechnology.comment_opens_at)).one() is None


def test_status_change_offers_only_allowed_next_statuses(session: Session) -> None:
    factories.technology(session, status="approved")
    session.commit()
    at = run_script("app_pages/manage_notices.py", Role.STAFF)
    box = next(s for s in at.selectbox if s.label == "Change the status to")
    assert box.options == ["In use", "Retired"]
    box.set_value("retired")
    next(b for b in at.button if b.label == "Change status").click().run()
    assert "Status is now Retired." in texts(at)
    session.expire_all()
    assert session.exec(select(SurveillanceTechnology.status)).one() == "retired"


def test_staff_rename_a_technology_and_change_its_category_and_department(session: Session) -> None:
    from portal.audit.models import AuditEvent

    factories.department(session, name="Police Department")
    parks = factories.department(session, name="Parks and Recreation")
    tech = factories.technology(session, slug="cams", name="Cameras")
    session.commit()
    at = run_script("app_pages/manage_notices.py", Role.STAFF)
    assert not at.exception
    form_name = next(t for t in at.text_input if t.label == "Name")
    assert form_name.value == "Cameras"
    form_name.set_value("Park cameras [see](http://evil.example)")
    next(s for s in at.selectbox if s.label == "Category").set_value("drone")
    next(s for s in at.selectbox if s.label == "Department").set_value(parks.id)
    next(b for b in at.button if b.label == "Save name, category and department").click().run()
    assert not at.exception
    message = next(s.value for s in at.success if "Saved" in s.value)
    # The name is shown as typed, never as a link.
    assert plain(message) == "Saved: Park cameras [see](http://evil.example), Drones, Parks and Recreation."
    assert "[see](" not in message
    session.expire_all()
    row = session.get(SurveillanceTechnology, tech.id)
    assert (row.slug, row.name, row.category, row.department_id) == (
        "cams", "Park cameras [see](http://evil.example)", "drone", parks.id)
    assert session.exec(select(AuditEvent.action).order_by(AuditEvent.id.desc())).first() == \
        "notices.set_identity"

    next(b for b in at.button if b.label == "Save name, category and department").click().run()
    assert any("Nothing changed" in e.value for e in at.error)


def _export(session: Session) -> list[dict[str, str]]:
    import csv
    import io

    from portal.auth.roles import Actor
    from portal.notices.importer import export_notices

    data = export_notices(session=session, actor=Actor("s@x.example", frozenset({Role.STAFF})))
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_an_upload_shows_what_changes_field_by_field_before_the_import(session: Session) -> None:
    import csv
    import io

    factories.department(session, code="POL", name="Police Department")
    tech = factories.technology(session, slug="cams", name="Cameras")
    factories.technology(session, slug="drones", name="Drones")
    session.commit()
    rows = _export(session)
    rows[0]["retention"] = "30 days."
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)

    at = run_script("app_pages/manage_notices.py", Role.STAFF)
    uploader = at.file_uploader[0]
    assert {".csv", ".xlsx", ".json"} <= set(uploader.allowed_type)
    uploader.set_value(("notices.csv", out.getvalue().encode(), "text/csv")).run()
    assert not at.exception
    assert "0 notices to add, 1 to update, 1 unchanged." in texts(at)
    changed = at.dataframe[-1].value
    assert changed.to_dict("records") == [{"Row": 2, "Id": tech.id, "Name": "Cameras",
                                           "Fields that change": "How long data is kept"}]
    # Each changed field in full, as it is now and as the file has it.
    shown = next(e for e in at.expander if e.label == f"Row 2: Cameras (id {tech.id})")
    assert [t.value for t in shown.text] == ["—", "30 days."]
    session.expire_all()
    assert len(session.exec(select(NoticeVersion).where(NoticeVersion.technology_id == tech.id)).all()) == 1

    next(b for b in at.button if b.label == "Import: add 0, update 1").click().run()
    assert not at.exception
    assert "Imported 0 new and 1 updated notices from notices.csv; 0 published." in plain(texts(at))
    session.expire_all()
    versions = session.exec(select(NoticeVersion).where(NoticeVersion.technology_id == tech.id)
                            .order_by(NoticeVersion.version)).all()
    assert [(v.version, v.published_at is None, v.retention) for v in versions] == [
        (1, False, ""), (2, True, "30 days.")]


def test_an_upload_with_a_hostile_row_lists_its_problems_as_text(session: Session) -> None:
    import io

    from openpyxl import Workbook

    factories.department(session, code="POL", name="Police Department")
    factories.technology(session, slug="cams", name="Cameras")
    session.commit()
    rows = _export(session)
    rows[0]["category"] = "[click me](http://evil.example)"
    book = Workbook()
    book.active.append(list(rows[0]))
    book.active.append(list(rows[0].values()))
    data = io.BytesIO()
    book.save(data)

    at = run_script("app_pages/manage_notices.py", Role.STAFF)
    at.file_uploader[0].set_value(("**bold** [x](http://e.example).xlsx", data.getvalue(),
                                   "application/octet-stream")).run()
    assert not at.exception
    error = next(e.value for e in at.error if "Nothing was imported" in e.value)
    assert plain(error) == "Nothing was imported: 1 problem(s) in **bold** [x](http://e.example).xlsx."
    assert "**bold**" not in error and "[x](" not in error
    problems = at.dataframe[-1].value.to_dict("records")
    assert problems == [{"Row": 2, "Column": "category",
                         "Problem": "unknown category '[click me](http://evil.example)'"}]
    assert not any(b.label.startswith("Import:") for b in at.button)
    session.expire_all()
    assert session.exec(select(SurveillanceTechnology.category)).one() == "camera"


def test_the_notice_editor_in_spanish_refuses_a_backwards_period(session: Session) -> None:
    from datetime import date

    from portal.i18n import using_language

    factories.technology(session)
    session.commit()
    at = run_script("app_pages/manage_notices.py", Role.ADMIN, query={"lang": "es"})
    assert not at.exception
    shown = texts(at)
    assert "Gestionar avisos" in shown and "Período de comentarios" in shown
    assert "Manage notices" not in shown and "Comment period" not in shown
    assert "Guardar el borrador" in [b.label for b in at.button]
    with using_language("es"):
        next(d for d in at.date_input if d.label == "Se abre el").set_value(date(2030, 5, 10))
        next(d for d in at.date_input if d.label == "Se cierra al final del").set_value(date(2030, 5, 1))
        next(b for b in at.button if b.label == "Fijar el período de comentarios").click().run()
    assert any("la fecha de cierre debe ser posterior a la de apertura" in e.value for e in at.error)
    assert session.exec(select(SurveillanceTechnology.comment_opens_at)).one() is None
