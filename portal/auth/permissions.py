"""The authorization matrix: which roles may call which service.

Every service function is declared with ``@service("area.verb")``; the
decorator refuses to register a name that has no row here, and checks the
actor's roles before the function body runs. Pages hide what a role cannot
use, but this table is the control.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from portal.auth.roles import Actor, Role
from portal.errors import PermissionDenied

EVERYONE = frozenset(Role)
STAFF = frozenset({Role.STAFF, Role.ADMIN})
MODERATORS = frozenset({Role.MODERATOR, Role.ADMIN})
OVERSIGHT = frozenset({Role.COMMISSIONER, Role.ADMIN})
ADMINS = frozenset({Role.ADMIN})
# Those who act on compliance findings: the departments and the commission.
STAFF_AND_OVERSIGHT = STAFF | OVERSIGHT

PERMISSIONS: dict[str, frozenset[Role]] = {
    # public reads
    "home.summary": EVERYONE,
    "oversight.list_meetings": EVERYONE,
    "oversight.get_meeting": EVERYONE,
    "notices.list": EVERYONE,
    "notices.get": EVERYONE,
    "notices.diff": EVERYONE,
    "notices.deployments": EVERYONE,
    "notices.feed_atom": EVERYONE,
    "notices.feed_ics": EVERYONE,
    "geography.list_districts": EVERYONE,
    "inventory.list_practices": EVERYONE,
    "inventory.inventory_version": EVERYONE,
    "inventory.get_practice": EVERYONE,
    "inventory.list_datasets": EVERYONE,
    "inventory.list_departments": EVERYONE,
    "inventory.export_inventory": EVERYONE,
    "inventory.export_catalog": EVERYONE,
    "requests.statistics": EVERYONE,
    "engagement.preview_comment": EVERYONE,
    "engagement.submit_comment": EVERYONE,
    "engagement.comment_status": EVERYONE,
    "engagement.published_comments": EVERYONE,
    "engagement.monthly_statistics": EVERYONE,
    # staff writes
    "oversight.create_meeting": STAFF,
    "oversight.add_agenda_item": STAFF,
    "notices.create": STAFF,
    "notices.department_choices": STAFF,
    "notices.save_draft": STAFF,
    "notices.publish": STAFF,
    "notices.set_comment_period": STAFF,
    "notices.close_comment_period": STAFF,
    "notices.set_status": STAFF,
    "notices.import": STAFF,
    "inventory.create_practice": STAFF,
    "inventory.update_practice": STAFF,
    "inventory.retire_practice": STAFF,
    "inventory.import_practices": STAFF,
    "requests.list_requests": STAFF,
    "requests.get_request": STAFF,
    "requests.create_request": STAFF,
    "requests.update_request": STAFF,
    "requests.withdraw_request": STAFF,
    "requests.import_requests": STAFF,
    "engagement.respond": STAFF,
    "engagement.awaiting_response": STAFF,
    # compliance
    "inventory.compliance_findings": STAFF_AND_OVERSIGHT,
    "inventory.compliance_trend": STAFF_AND_OVERSIGHT,
    # moderation
    "engagement.moderation_queue": MODERATORS,
    "engagement.decide": MODERATORS,
    "engagement.mark_campaign": MODERATORS,
    "engagement.decide_campaign": MODERATORS,
    "engagement.moderation_log": MODERATORS | OVERSIGHT,
    # oversight
    "audit.list_events": OVERSIGHT,
    "audit.verify_chain": OVERSIGHT,
    # administration
    "auth.list_grants": ADMINS,
    "auth.grant_role": ADMINS,
    "auth.revoke_role": ADMINS,
    "demo.load": ADMINS,
    "engagement.retention_purge": ADMINS,
    "engagement.rotate_keys": ADMINS,
}

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
