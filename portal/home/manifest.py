"""The home page: what the portal is and where to go; its figures come from the areas."""

from portal.auth.roles import EVERYONE
from portal.i18n import N_
from portal.manifest import ABOUT_SECTION, Area, PageSpec

AREA = Area(
    name="home",
    permissions={"home.summary": EVERYONE},
    services=("portal.home.service",),
    pages=(
        # No section: Home stands on its own at the head of the menu.
        PageSpec("app_pages/home.py", N_("Home"), "home", ":material/home:", "",
                 requires=("home.summary",)),
        PageSpec("app_pages/privacy_notice.py", N_("Privacy notice"), "privacy",
                 ":material/shield_person:", ABOUT_SECTION, requires=("home.summary",)),
        PageSpec("app_pages/accessibility.py", N_("Accessibility statement"), "accessibility",
                 ":material/accessibility_new:", ABOUT_SECTION, requires=("home.summary",)),
    ),
)
