import pytest
from sqlmodel import Session, select

from portal.audit.models import AuditEvent
from portal.auth.grants import grant_role, revoke_role, roles_granted_to
from portal.auth.roles import Actor, Role
from portal.errors import NotFound, ValidationFailed

ADMIN = Actor(subject="admin@x.example", roles=frozenset({Role.ADMIN}))


def test_grant_is_idempotent_and_audited(session: Session) -> None:
    grant_role(session=session, actor=ADMIN, subject=" Pat@X.example ", role="moderator")
    grant_role(session=session, actor=ADMIN, subject="pat@x.example", role="moderator")
    session.commit()
    assert roles_granted_to(session, ["PAT@x.example"]) == {Role.MODERATOR}
    assert len(session.exec(select(AuditEvent).where(AuditEvent.action == "auth.grant_role")).all()) == 1


def test_revoke_removes_the_role(session: Session) -> None:
    grant_role(session=session, actor=ADMIN, subject="pat@x.example", role="staff")
    revoke_role(session=session, actor=ADMIN, subject="pat@x.example", role="staff")
    session.commit()
    assert roles_granted_to(session, ["pat@x.example"]) == frozenset()
    with pytest.raises(NotFound):
        revoke_role(session=session, actor=ADMIN, subject="pat@x.example", role="staff")


def test_unknown_role_and_blank_subject_are_refused(session: Session) -> None:
    with pytest.raises(ValidationFailed) as caught:
        grant_role(session=session, actor=ADMIN, subject="", role="superuser")
    assert {e.field for e in caught.value.errors} == {"subject", "role"}
