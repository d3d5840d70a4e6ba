from sqlmodel import Session, select

from portal.audit.models import AuditEvent
from portal.auth.models import UserRole
from portal.auth.roles import Role
from portal.i18n import using_language
from tests.apptest import plain, run_script, texts


def test_admin_grants_a_role(session: Session) -> None:
    at = run_script("app_pages/admin_roles.py", Role.ADMIN)
    assert not at.exception
    at.text_input[0].set_value("Maria.Lopez@alder-county.example")
    at.selectbox[0].set_value("moderator")
    next(b for b in at.button if b.label == "Grant").click()
    at.run()
    assert not at.exception
    grants = session.exec(select(UserRole)).all()
    assert [(g.subject, g.role) for g in grants] == [("maria.lopez@alder-county.example", "moderator")]
    assert session.exec(select(AuditEvent).where(AuditEvent.action == "auth.grant_role")).one()
    assert "maria.lopez@alder-county.example" in list(at.dataframe[0].value["Person"])


def test_granted_role_takes_effect_on_next_action(session: Session) -> None:
    session.add(UserRole(subject="pat@alder-county.example", role="commissioner", granted_by="admin"))
    session.commit()
    at = run_script("app_pages/audit_log.py", None)
    at.user = {"is_logged_in": True, "email": "pat@alder-county.example", "roles": []}
    at.run()
    assert not at.error


def test_non_admins_are_refused(session: Session) -> None:
    for role in (None, Role.STAFF, Role.MODERATOR, Role.COMMISSIONER):
        at = run_script("app_pages/admin_roles.py", role)
        assert not at.exception
        assert not at.dataframe
        assert any("may not do this" in e.value for e in at.error)


def test_roles_in_spanish_and_an_empty_grant_refused(session: Session) -> None:
    at = run_script("app_pages/admin_roles.py", Role.ADMIN, query={"lang": "es"})
    assert not at.exception
    shown = texts(at)
    assert "Asignar una función" in shown and "Aún no se ha asignado ninguna función aquí." in shown
    assert "Grant a role" not in shown and "No role has been granted" not in shown
    assert at.text_input[0].label == "Correo electrónico o identificador"
    with using_language("es"):
        next(b for b in at.button if b.label == "Asignar").click().run()
    assert any("identificador: indique el correo electrónico" in plain(e.value) for e in at.error)
    assert session.exec(select(UserRole)).all() == []
