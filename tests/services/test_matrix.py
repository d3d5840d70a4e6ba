"""The authorization matrix, walked: every registered service with every role, on each database.

The table in ``portal/auth/permissions.py`` is the control, so this test reads
nothing else: for each service and role it calls the real wrapper with a stub
body behind it. An allowed call must reach the body with the session and actor
it was given; a refused call must raise ``PermissionDenied`` without touching
the session at all. New services are picked up as they are registered.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import Session

import portal
import portal.services  # registers every service
from portal.auth.permissions import PERMISSIONS, SERVICES, service
from portal.auth.roles import RESIDENT, Actor, Role
from portal.errors import PermissionDenied

# A person signed in through the provider whose claim and grants give no role.
NO_ROLE = "signed-in-no-role"
WHO = [r.value for r in Role] + [NO_ROLE]


def actor_for(who: str) -> Actor:
    if who == Role.RESIDENT.value:
        return RESIDENT
    if who == NO_ROLE:
        return Actor(subject="someone@x.example", authenticated=True)
    return Actor(subject=f"{who}@x.example", roles=frozenset({Role(who)}), authenticated=True)


def table_allows(action: str, who: str) -> bool:
    """Straight from the table: everyone is at least a resident."""
    roles = PERMISSIONS[action]
    if Role.RESIDENT in roles:
        return True
    return who not in (Role.RESIDENT.value, NO_ROLE) and Role(who) in roles


class Untouchable:
    """Stands in for the session in refused calls: any use at all is a failure."""

    def __init__(self) -> None:
        self.used: list[str] = []

    def __getattr__(self, name: str) -> Any:
        self.used.append(name)
        raise AssertionError(f"the session was used ({name}) before the permission check")

    def __bool__(self) -> bool:
        self.used.append("__bool__")
        return True


@pytest.mark.parametrize("action", sorted(SERVICES))
def test_every_role_is_allowed_or_refused_exactly_as_the_table_says(
    action: str, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    wrapper = SERVICES[action]
    reached: list[tuple[Any, Actor]] = []

    def stub(*args: Any, session: Any, actor: Actor, **kwargs: Any) -> str:
        # The real session arrives intact: one round trip on this backend.
        assert session.connection().execute(sa.text("SELECT 1")).scalar_one() == 1
        reached.append((session, actor))
        return "body ran"

    monkeypatch.setattr(wrapper, "__wrapped__", stub)
    outcome: dict[str, bool] = {}
    for who in WHO:
        actor = actor_for(who)
        reached.clear()
        if table_allows(action, who):
            assert wrapper(session=session, actor=actor) == "body ran", (action, who)
            assert reached == [(session, actor)]
            outcome[who] = True
        else:
            untouchable = Untouchable()
            with pytest.raises(PermissionDenied) as refused:
                wrapper(session=untouchable, actor=actor)
            assert refused.value.action == action
            assert untouchable.used == [] and reached == [], (action, who)
            outcome[who] = False
    # The table's own answer, and the administrator may always act.
    assert outcome[Role.ADMIN.value], f"{action}: the administrator is refused"
    assert outcome[NO_ROLE] == outcome[Role.RESIDENT.value]


def test_the_matrix_covers_every_row_and_every_service() -> None:
    assert set(SERVICES) == set(PERMISSIONS)
    for action, wrapper in SERVICES.items():
        assert wrapper.action == action  # type: ignore[attr-defined]


def _portal_modules() -> list[Any]:
    modules = []
    for info in pkgutil.walk_packages(portal.__path__, prefix="portal."):
        # Alembic's env.py runs migrations on import; __main__ runs the CLI.
        if info.name.startswith("portal.migrations") or info.name.endswith("__main__"):
            continue
        modules.append(importlib.import_module(info.name))
    return modules


def test_every_function_shaped_like_a_service_is_registered() -> None:
    """A function taking ``*, session, actor`` is a service: without ``@service`` it
    would run unchecked, and the table would not know about it."""
    unregistered = []
    for module in _portal_modules():
        for name, fn in vars(module).items():
            if not inspect.isfunction(fn) or fn.__module__ != module.__name__ or name.startswith("_"):
                continue
            params = inspect.signature(fn).parameters
            keyword_only = {n for n, p in params.items() if p.kind is p.KEYWORD_ONLY}
            if {"session", "actor"} <= keyword_only and getattr(fn, "action", None) is None:
                unregistered.append(f"{module.__name__}.{name}")
            elif getattr(fn, "action", None) is not None:
                assert SERVICES[fn.action] is fn
    assert unregistered == []


def test_a_service_without_a_row_cannot_be_declared() -> None:
    with pytest.raises(KeyError, match="no row in PERMISSIONS"):
        service("nowhere.unlisted")


def test_a_name_cannot_be_declared_twice() -> None:
    action = next(iter(sorted(SERVICES)))

    def impostor(*, session: Session, actor: Actor) -> None:
        return None

    with pytest.raises(KeyError, match="declared twice"):
        service(action)(impostor)
    assert SERVICES[action].__wrapped__ is not impostor  # type: ignore[attr-defined]


def test_a_call_without_an_actor_keyword_is_refused(session: Session) -> None:
    wrapper = SERVICES[next(iter(sorted(SERVICES)))]
    with pytest.raises(TypeError, match="actor="):
        wrapper(session=session)
