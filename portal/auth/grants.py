"""Role grants by an administrator, each one audited."""

from __future__ import annotations

from sqlmodel import Session, select

from portal.audit.service import record_event
from portal.auth.models import UserRole
from portal.auth.permissions import service
from portal.auth.roles import Actor, Role
from portal.errors import FieldError, NotFound, ValidationFailed
from portal.i18n import _
from portal.textsafety import unstorable_fields

GRANTABLE = tuple(r for r in Role if r is not Role.RESIDENT)


def _normalise_subject(subject: str) -> str:
    return subject.strip().lower()


def roles_granted_to(session: Session, subjects: list[str]) -> frozenset[Role]:
    """Roles granted in the table to any of a person's identifiers (e-mail, subject).

    Not a service: it is how the acting user is built, before there is an actor.
    """
    keys = [_normalise_subject(s) for s in subjects if s]
    if not keys:
        return frozenset()
    rows = session.exec(select(UserRole.role).where(UserRole.subject.in_(keys))).all()
    return frozenset(Role(r) for r in rows if r in Role._value2member_map_)


@service("auth.list_grants")
def list_grants(*, session: Session, actor: Actor) -> list[UserRole]:
    return list(session.exec(select(UserRole).order_by(UserRole.subject, UserRole.role)).all())


@service("auth.grant_role")
def grant_role(*, session: Session, actor: Actor, subject: str, role: str) -> UserRole:
    key = _normalise_subject(subject)
    errors: list[FieldError] = unstorable_fields({"subject": key})
    if not key or len(key) > 320:
        errors.append(FieldError("subject", _("give the person's e-mail address or subject (up to "
                                              "320 characters)"), label=_("subject")))
    if role not in {r.value for r in GRANTABLE}:
        errors.append(FieldError("role", _("choose one of {roles}").format(
            roles=", ".join(r.value for r in GRANTABLE)), label=_("role")))
    if errors:
        raise ValidationFailed(errors)
    existing = session.exec(select(UserRole).where(UserRole.subject == key, UserRole.role == role)).first()
    if existing is not None:
        return existing
    grant = UserRole(subject=key, role=role, granted_by=actor.subject)
    session.add(grant)
    session.flush()
    record_event(session, actor=actor, action="auth.grant_role", entity_type="user_role",
                 entity_id=grant.id, detail={"subject": key, "role": role})
    return grant


@service("auth.revoke_role")
def revoke_role(*, session: Session, actor: Actor, subject: str, role: str) -> None:
    key = _normalise_subject(subject)
    grant = session.exec(select(UserRole).where(UserRole.subject == key, UserRole.role == role)).first()
    if grant is None:
        raise NotFound(_("{subject} has no granted role {role}.").format(subject=key, role=role))
    session.delete(grant)
    session.flush()
    record_event(session, actor=actor, action="auth.revoke_role", entity_type="user_role",
                 entity_id=grant.id, detail={"subject": key, "role": role})
