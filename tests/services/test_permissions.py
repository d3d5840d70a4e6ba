"""Services refuse what a role may not do — at least one action per role — and the
matrix covers every registered service."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import Session

from portal.audit.queries import list_events
from portal.auth.grants import grant_role, list_grants
from portal.auth.permissions import PERMISSIONS, SERVICES, allowed
from portal.auth.roles import RESIDENT, Actor, Role
from portal.base import utcnow
from portal.engagement.queue import moderation_queue
from portal.errors import PermissionDenied
from portal.home.service import home_summary
from portal.oversight.service import create_meeting

import portal.services  # noqa: F401  (registers every service)


def actor(role: Role) -> Actor:
    if role is Role.RESIDENT:
        return RESIDENT
    return Actor(subject=f"{role.value}@x.example", roles=frozenset({role}))


def test_resident_cannot_schedule_a_meeting(session: Session) -> None:
    with pytest.raises(PermissionDenied):
        create_meeting(session=session, actor=RESIDENT, title="x", scheduled_at=utcnow())


def test_staff_cannot_read_the_moderation_queue(session: Session) -> None:
    with pytest.raises(PermissionDenied):
        moderation_queue(session=session, actor=actor(Role.STAFF))


def test_moderator_cannot_read_the_audit_log(session: Session) -> None:
    with pytest.raises(PermissionDenied):
        list_events(session=session, actor=actor(Role.MODERATOR))


def test_commissioner_cannot_grant_roles(session: Session) -> None:
    with pytest.raises(PermissionDenied):
        grant_role(session=session, actor=actor(Role.COMMISSIONER), subject="a@x", role="admin")


def test_admin_may_do_all_of_these(session: Session) -> None:
    admin = actor(Role.ADMIN)
    create_meeting(session=session, actor=admin, title="x", scheduled_at=utcnow() + timedelta(days=1))
    moderation_queue(session=session, actor=admin)
    list_events(session=session, actor=admin)
    grant_role(session=session, actor=admin, subject="a@x.example", role="staff")
    assert [g.subject for g in list_grants(session=session, actor=admin)] == ["a@x.example"]


def test_everyone_reads_the_home_summary(session: Session) -> None:
    for role in Role:
        home_summary(session=session, actor=actor(role))


def test_refusal_leaves_nothing_written(session: Session) -> None:
    from sqlmodel import select

    from portal.oversight.models import Meeting

    with pytest.raises(PermissionDenied):
        create_meeting(session=session, actor=actor(Role.MODERATOR), title="x", scheduled_at=utcnow())
    assert session.exec(select(Meeting)).all() == []


def test_every_permission_row_has_a_service_and_back() -> None:
    assert set(SERVICES) == set(PERMISSIONS)


@pytest.mark.parametrize("action", sorted(PERMISSIONS))
def test_admin_is_allowed_everything_and_residents_only_public_reads(action: str) -> None:
    assert allowed(actor(Role.ADMIN), action)
    public = PERMISSIONS[action] >= frozenset(Role)
    assert allowed(RESIDENT, action) is public
