"""The authorization matrix: which roles may call which service.

The rows live in each area's manifest (``portal/<area>/manifest.py``) and are
collected by ``portal/registry.py``; this module enforces them. Every service
function is declared with ``@service("area.verb")``; the decorator refuses to register a name that has no row here, and checks the
actor's roles before the function body runs. Pages hide what a role cannot
use, but this table is the control.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping
from typing import Any, ParamSpec, TypeVar

from portal.auth.roles import Actor, Role
from portal.errors import PermissionDenied


class _PermissionTable(Mapping[str, frozenset[Role]]):
    """The rows every area's manifest declares, read on first use.

    Lazy because service modules are imported by the areas the manifests name:
    collecting the manifests at import time of this module would be a cycle.
    """

    def _rows(self) -> dict[str, frozenset[Role]]:
        from portal.registry import permission_rows

        return permission_rows()

    def __getitem__(self, action: str) -> frozenset[Role]:
        return self._rows()[action]

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows())

    def __len__(self) -> int:
        return len(self._rows())


PERMISSIONS: Mapping[str, frozenset[Role]] = _PermissionTable()

SERVICES: dict[str, Callable[..., Any]] = {}

P = ParamSpec("P")
R = TypeVar("R")


def allowed(actor: Actor, action: str) -> bool:
    roles = PERMISSIONS[action]
    # Everyone is at least a resident, signed in or not.
    effective = actor.roles | {Role.RESIDENT}
    return bool(effective & roles)


def authorize(actor: Actor, action: str) -> None:
    if not allowed(actor, action):
        raise PermissionDenied(action, {r.value for r in actor.roles})


def service(action: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Declare a service function: its permission check opens every call.

    The body is looked up as ``wrapper.__wrapped__`` at call time, so the matrix
    test can put a stub behind the real check and see, for every role, whether
    the call got through.
    """
    if action not in PERMISSIONS:
        raise KeyError(f"service {action!r} has no row in PERMISSIONS")

    def decorate(fn: Callable[P, R]) -> Callable[P, R]:
        existing = SERVICES.get(action)
        if existing is not None and _origin(existing.__wrapped__) != _origin(fn):  # type: ignore[attr-defined]
            raise KeyError(f"service {action!r} is declared twice: {_origin(fn)} and "
                           f"{_origin(existing.__wrapped__)}")  # type: ignore[attr-defined]

        @functools.wraps(fn)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            actor = kwargs.get("actor")
            if not isinstance(actor, Actor):
                raise TypeError(f"{action}: pass actor= as a keyword argument")
            authorize(actor, action)
            return wrapper.__wrapped__(*args, **kwargs)  # type: ignore[attr-defined, no-any-return]

        wrapper.action = action  # type: ignore[attr-defined]
        SERVICES[action] = wrapper
        return wrapper

    return decorate


def _origin(fn: Callable[..., Any]) -> str:
    return f"{fn.__module__}.{fn.__qualname__}"
