from sqlmodel import Session, func, select

from portal.audit.models import AuditEvent, RecordVersion
from portal.auth.roles import Role
from portal.i18n import using_language
from portal.inventory.models import Dataset, Department
from tests import factories
from tests.apptest import plain, run_script, texts

PAGE = "app_pages/manage_datasets.py"


def by_label(widgets, label):
    return next(w for w in widgets if w.label == label)


def test_staff_create_a_department_then_a_dataset_then_edit_it(session: Session) -> None:
    at = run_script(PAGE, Role.STAFF)
    assert not at.exception
    by_label(at.text_input, "Code").set_value("wtr")
    by_label(at.text_input, "Name").set_value("Water Bureau")
    by_label(at.text_input, "Privacy contact (e-mail)").set_value("privacy@water.example")
    by_label(at.button, "Save department").click().run()
    assert not at.exception
    assert any("Saved department WTR as version 1" in s.value for s in at.success), \
        [e.value for e in at.error]
    department = session.exec(select(Department)).one()
    assert (department.code, department.updated_by) == ("WTR", "staff@alder-county.example")

    at = run_script(PAGE, Role.STAFF)
    by_label(at.text_input, "Identifier").set_value("alder-wtr-meter-reads")
    by_label(at.text_input, "Title").set_value("Smart meter readings")
    by_label(at.selectbox, "Steward department").set_value("WTR")
    by_label(at.selectbox, "Classification").set_value("confidential")
    by_label(at.multiselect, "Sensitive categories it holds").set_value(["precise_location"])
    by_label(at.text_input, "Catalog keywords (separated by semicolons)").set_value("water; meters")
    by_label(at.button, "Save dataset").click().run()
    assert not at.exception
    assert any("as version 1" in s.value for s in at.success), [e.value for e in at.error]
    dataset = session.exec(select(Dataset)).one()
    session.refresh(dataset)
    assert dataset.keywords == ["water", "meters"]
    assert dataset.sensitive_categories == ["precise_location"]
    assert dataset.access_level == "non-public"

    at = run_script(PAGE, Role.STAFF)
    by_label(at.selectbox, "Dataset").set_value(dataset.id).run()
    assert by_label(at.text_input, "Identifier").disabled
    by_label(at.selectbox, "Access level").set_value("public")
    by_label(at.text_input, "What changed and why").set_value("Published on the open-data site")
    by_label(at.button, "Save dataset").click().run()
    assert any("as version 2" in s.value for s in at.success), [e.value for e in at.error]
    session.expire_all()
    assert session.get(Dataset, dataset.id).access_level == "public"
    assert session.exec(select(func.count()).select_from(RecordVersion)
                        .where(RecordVersion.record_type == "dataset")).one() == 2
    actions = session.exec(select(AuditEvent.action)).all()
    assert actions.count("inventory.update_dataset") == 1
    # The history names what changed, in the form's words.
    at = run_script(PAGE, Role.STAFF)
    by_label(at.selectbox, "Dataset").set_value(dataset.id).run()
    assert any(e.label.startswith("Version 2") for e in at.expander)
    assert "Access level" in [plain(m.value).strip("*") for m in at.markdown]
    assert "Published on the open-data site" in [t.value for t in at.text]


def test_a_bad_dataset_is_refused_with_reasons_and_nothing_saved(session: Session) -> None:
    factories.department(session, code="WTR", name="Water")
    session.commit()
    at = run_script(PAGE, Role.STAFF)
    by_label(at.text_input, "Identifier").set_value("Not An Identifier!")
    by_label(at.button, "Save dataset").click().run()
    assert not at.exception
    message = plain(at.error[0].value)
    assert "Identifier" in message and "lower-case letters" in message
    assert "Title: required" in message
    assert session.exec(select(func.count()).select_from(Dataset)).one() == 0


def test_residents_and_moderators_get_no_forms(session: Session) -> None:
    for role in (Role.RESIDENT, Role.MODERATOR):
        at = run_script(PAGE, role)
        assert not at.exception
        assert not at.button and not at.text_input
        assert at.error


def test_the_files_tab_offers_both_exports(session: Session) -> None:
    factories.dataset(session, identifier="ds-files")
    session.commit()
    at = run_script(PAGE, Role.STAFF)
    labels = [b.label for b in at.get("download_button")]
    assert "All departments now (CSV, to edit)" in labels
    assert "All datasets now (CSV, to edit)" in labels
    # Built when clicked, not on every run of the page (issue 18): nothing is built yet.
    for button in at.get("download_button"):
        if "now (CSV, to edit)" in button.label:
            assert button.proto.url == "" and button.proto.deferred_file_id


def test_datasets_in_spanish_and_a_bad_one_refused(session: Session) -> None:
    factories.department(session, code="WTR", name="Water")
    session.commit()
    at = run_script(PAGE, Role.STAFF, query={"lang": "es"})
    assert not at.exception
    shown = texts(at)
    assert "Departamentos y datos" in shown and "Nuevo conjunto de datos" in shown
    assert "Departments and datasets" not in shown and "New dataset" not in shown
    assert [t.label for t in at.tabs] == ["Conjuntos de datos", "Departamentos", "Importar"]
    with using_language("es"):
        by_label(at.text_input, "Identificador").set_value("Not An Identifier!")
        by_label(at.button, "Guardar el conjunto de datos").click().run()
    message = plain(at.error[0].value)
    assert "Identificador: 'Not An Identifier!': letras minúsculas" in message
    assert "Título: obligatorio" in message
    assert session.exec(select(func.count()).select_from(Dataset)).one() == 0
