"""One registry of areas and their pages (DESIGN.md §3, §8).

``streamlit_app.py`` builds the navigation from it, and a test checks that
every registered page has AppTest coverage. A page lists the roles that may
see it; ``None`` means everyone, residents included.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from portal.auth.roles import Actor, Role
from portal.settings import PROJECT_ROOT, get_settings


@dataclass(frozen=True)
class PageSpec:
    script: str  # relative to the project root
    title: str
    url_path: str
    icon: str
    roles: frozenset[Role] | None = None
    demo_only: bool = False

    @property
    def path(self) -> Path:
        return PROJECT_ROOT / self.script

    def visible_to(self, actor: Actor) -> bool:
        if self.demo_only and not get_settings().demo_signin:
            return False
        return self.roles is None or bool(actor.roles & self.roles)


@dataclass(frozen=True)
class Area:
    name: str
    section: str
    pages: tuple[PageSpec, ...]


_STAFF = frozenset({Role.STAFF, Role.ADMIN})
_MODERATORS = frozenset({Role.MODERATOR, Role.ADMIN})
_OVERSIGHT = frozenset({Role.COMMISSIONER, Role.ADMIN})
_ADMINS = frozenset({Role.ADMIN})
_STAFF_AND_OVERSIGHT = _STAFF | _OVERSIGHT

AREAS: tuple[Area, ...] = (
    Area(
        "home",
        "Portal",
        (PageSpec("app_pages/home.py", "Home", "home", ":material/home:"),),
    ),
    Area(
        "notices",
        "Surveillance technology",
        (
            PageSpec("app_pages/notices.py", "Surveillance technologies", "notices",
                     ":material/videocam:"),
            PageSpec("app_pages/notice.py", "Technology notice", "notice", ":material/description:"),
            PageSpec("app_pages/deployment_map.py", "Map of deployments", "deployment-map",
                     ":material/map:"),
            PageSpec("app_pages/manage_notices.py", "Manage notices", "manage-notices",
                     ":material/edit_note:", roles=_STAFF),
        ),
    ),
    Area(
        "inventory",
        "Data sharing",
        (
            PageSpec("app_pages/inventory.py", "Sharing inventory", "inventory", ":material/share:"),
            PageSpec("app_pages/definitions.py", "Definitions", "definitions", ":material/menu_book:"),
            PageSpec(
                "app_pages/compliance.py", "Compliance findings", "compliance", ":material/policy:",
                roles=_STAFF_AND_OVERSIGHT,
            ),
            PageSpec(
                "app_pages/manage_inventory.py", "Manage inventory", "manage-inventory",
                ":material/edit_note:", roles=_STAFF,
            ),
        ),
    ),
    Area(
        "requests",
        "Data sharing",
        (
            PageSpec(
                "app_pages/request_log.py", "Request transparency log", "request-log",
                ":material/query_stats:",
            ),
        ),
    ),
    Area(
        "oversight",
        "Privacy commission",
        (PageSpec("app_pages/meetings.py", "Commission meetings", "meetings", ":material/groups:"),),
    ),
    Area(
        "engagement",
        "Resident voice",
        (
            PageSpec("app_pages/have_your_say.py", "Have your say", "have-your-say", ":material/forum:"),
            PageSpec(
                "app_pages/moderation_policy.py", "Moderation policy", "moderation-policy",
                ":material/policy:",
            ),
        ),
    ),
    Area(
        "moderation",
        "Moderation",
        (
            PageSpec(
                "app_pages/moderation_queue.py", "Moderation queue", "moderation",
                ":material/rule:", roles=_MODERATORS,
            ),
            PageSpec(
                "app_pages/comment_responses.py", "Official responses", "official-responses",
                ":material/reply:", roles=_STAFF,
            ),
        ),
    ),
    Area(
        "audit",
        "Privacy commission",
        (
            PageSpec(
                "app_pages/audit_log.py", "Audit log", "audit-log", ":material/fact_check:",
                roles=_OVERSIGHT,
            ),
        ),
    ),
    Area(
        "auth",
        "Administration",
        (
            PageSpec(
                "app_pages/admin_roles.py", "Roles", "roles", ":material/admin_panel_settings:",
                roles=_ADMINS,
            ),
            PageSpec(
                "app_pages/demo_signin.py", "Demo sign-in", "demo-sign-in", ":material/login:",
                demo_only=True,
            ),
        ),
    ),
)


def all_pages() -> list[PageSpec]:
    return [page for area in AREAS for page in area.pages]


def navigation_for(actor: Actor) -> dict[str, list[PageSpec]]:
    """Sections and their pages in display order, only what ``actor`` may open."""
    sections: dict[str, list[PageSpec]] = {}
    for area in AREAS:
        for page in area.pages:
            if page.visible_to(actor):
                sections.setdefault(area.section, []).append(page)
    return sections


def page_for(url_path: str) -> PageSpec:
    for page in all_pages():
        if page.url_path == url_path:
            return page
    raise KeyError(url_path)
