"""Sign-in and roles: grants an administrator makes, and the local demo sign-in."""

from portal.auth.roles import ADMINS
from portal.i18n import N_
from portal.manifest import ABOUT_SECTION, Area, PageSpec

AREA = Area(
    name="auth",
    permissions={
        "auth.list_grants": ADMINS,
        "auth.grant_role": ADMINS,
        "auth.revoke_role": ADMINS,
    },
    models=("portal.auth.models",),
    services=("portal.auth.grants",),
    pages=(
        PageSpec("app_pages/admin_roles.py", N_("Roles"), "roles", ":material/admin_panel_settings:",
                 "Administration", requires=("auth.list_grants",), home_link=True),
        PageSpec("app_pages/demo_signin.py", N_("Demo sign-in"), "demo-sign-in", ":material/login:",
                 ABOUT_SECTION, demo_only=True),
    ),
)
