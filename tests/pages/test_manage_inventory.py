import pytest
from sqlmodel import Session, func, select

from portal.audit.models import RecordVersion
from portal.auth.roles import Role
from portal.i18n import using_language
from portal.inventory.models import SharingPractice
from portal.requests.models import InformationRequest
from tests import factories
from tests.apptest import plain, run_script, texts


def by_label(widgets, label):
    return next(w for w in widgets if w.label == label)


def test_staff_create_then_edit_a_practice(session: Session) -> None:
    factories.dataset(session, identifier="ds-form", title="Clinic visits")
    session.commit()
    at = run_script("app_pages/manage_inventory.py", Role.STAFF)
    assert not at.exception
    by_label(at.selectbox, "Dataset").set_value("ds-form")
    by_label(at.text_input, "Title").set_value("Weekly counts to the State")
    by_label(at.text_input, "Recipient").set_value("State Health Authority")
    by_label(at.selectbox, "Recipient type").set_value("state_agency")
    by_label(at.selectbox, "How it is shared").set_value("law")
    by_label(at.selectbox, "How often").set_value("weekly")
    by_label(at.selectbox, "Kind of legal basis").set_value("statute")
    by_label(at.text_area, "Purpose").set_value("Disease surveillance")
    by_label(at.button, "Save practice").click().run()
    assert not at.exception
    assert any("as version 1" in s.value for s in at.success), [e.value for e in at.error]
    practice = session.exec(select(SharingPractice)).one()
    assert practice.updated_by == "staff@alder-county.example"

    at = run_script("app_pages/manage_inventory.py", Role.STAFF)
    by_label(at.selectbox, "Practice").set_value(practice.id).run()
    by_label(at.text_input, "Recipient").set_value("State Public Health Division")
    by_label(at.text_input, "What changed and why").set_value("Agency renamed")
    by_label(at.button, "Save practice").click().run()
    assert any("as version 2" in s.value for s in at.success), [e.value for e in at.error]
    assert session.exec(select(func.count()).select_from(RecordVersion)).one() == 2


def test_missing_fields_get_clear_messages(session: Session) -> None:
    factories.dataset(session, identifier="ds-form")
    session.commit()
    at = run_script("app_pages/manage_inventory.py", Role.STAFF)
    by_label(at.button, "Save practice").click().run()
    message = plain(at.error[0].value)
    # The form's own labels and the vocabulary's words, not column names and codes.
    assert "recipient_type" not in message and "federal_agency" not in message
    assert "Recipient type: required: choose “Federal agency”" in message
    for field in ("Dataset: required", "Title: required", "Purpose: required"):
        assert field in message
    assert session.exec(select(func.count()).select_from(SharingPractice)).one() == 0


def test_staff_retire_a_practice(session: Session) -> None:
    practice = factories.practice(session, title="Old feed")
    session.commit()
    at = run_script("app_pages/manage_inventory.py", Role.STAFF)
    by_label(at.selectbox, "Practice").set_value(practice.id).run()
    by_label(at.text_input, "Why is it retired?").set_value("Contract ended")
    by_label(at.button, "Retire practice").click().run()
    assert any("Retired Old feed" in s.value for s in at.success)
    session.expire_all()
    assert session.get(SharingPractice, practice.id).status == "retired"


def test_staff_record_a_request(session: Session) -> None:
    factories.department(session, code="SHF", name="Sheriff")
    session.commit()
    at = run_script("app_pages/manage_inventory.py", Role.STAFF)
    by_label(at.text_input, "Reference").set_value("IR-2026-9")
    by_label(at.selectbox, "Department").set_value("SHF")
    by_label(at.date_input, "Received").set_value("2026-10-01")
    by_label(at.text_input, "Requesting agency").set_value("ICE ERO")
    by_label(at.selectbox, "Agency type").set_value("federal_immigration")
    by_label(at.selectbox, "Legal process").set_value("informal_request")
    by_label(at.selectbox, "Outcome").set_value("refused")
    by_label(at.selectbox, "Were the people concerned told?").set_value("notified")
    by_label(at.number_input, "People covered").set_value(1)
    by_label(at.button, "Save request").click().run()
    assert any("Saved IR\\-2026\\-9" in s.value for s in at.success), [e.value for e in at.error]
    assert session.exec(select(InformationRequest.reference)).all() == ["IR-2026-9"]


@pytest.mark.parametrize("role", [None, Role.MODERATOR, Role.COMMISSIONER], ids=["resident", "moderator", "commissioner"])
def test_other_roles_are_refused(session: Session, role: Role | None) -> None:
    factories.practice(session)
    session.commit()
    at = run_script("app_pages/manage_inventory.py", role)
    assert not at.exception
    assert any("may not do this" in e.value for e in at.error)
    assert not any(b.label == "Save practice" for b in at.button)


def test_a_value_quoted_in_a_message_cannot_format_the_message() -> None:
    """A message quoting a hostile value (from a form or an imported file) is shown as text:
    no link, image or emphasis made from it."""
    from streamlit.testing.v1 import AppTest

    def show() -> None:
        from portal.errors import FieldError, ValidationFailed
        from portal.ui.messages import show_error

        show_error(ValidationFailed([FieldError(
            "category", "unknown category '[win](https://evil.example) ![x](https://evil.example/x.png) **now**'")]))

    at = AppTest.from_function(show, default_timeout=30)
    at.run()
    shown = at.error[0].value
    # (An invisible word joiner after "https" keeps the address from becoming a link.)
    assert "\\[win\\]\\(https\u2060\\:" in shown
    assert "\\*\\*now\\*\\*" in shown and "\\!\\[x\\]" in shown
    assert plain(shown).endswith("'[win](https://evil.example) ![x](https://evil.example/x.png) **now**'")


def test_the_whole_inventory_and_request_files_are_built_only_when_clicked(session: Session) -> None:
    """At county scale (5,000 practices) building them on every run cost seconds (issue 18)."""
    factories.practice(session)
    session.commit()
    at = run_script("app_pages/manage_inventory.py", Role.STAFF)
    assert not at.exception
    offered = {b.label: b for b in at.get("download_button") if "now (CSV, to edit)" in b.label}
    assert set(offered) == {"All practices now (CSV, to edit)", "All requests now (CSV, to edit)"}
    for button in offered.values():
        assert button.proto.url == "" and button.proto.deferred_file_id


def test_the_inventory_editor_in_spanish(session: Session) -> None:
    factories.dataset(session, identifier="ds-form")
    session.commit()
    at = run_script("app_pages/manage_inventory.py", Role.STAFF, query={"lang": "es"})
    assert not at.exception
    shown = texts(at)
    assert "Gestionar el inventario" in shown and "Nueva práctica" in shown
    assert "Manage the inventory" not in shown and "New practice" not in shown
    assert [t.label for t in at.tabs] == ["Prácticas de intercambio", "Importar prácticas",
                                          "Solicitudes de información", "Importar solicitudes"]
    with using_language("es"):
        by_label(at.button, "Guardar la práctica").click().run()
    message = plain(at.error[0].value)
    assert message.startswith("Corrija lo siguiente")
    assert "Título: obligatorio" in message and "Destinatario: obligatorio" in message
    assert "required" not in message
    assert session.exec(select(func.count()).select_from(SharingPractice)).one() == 0
