"""The home page: what the portal is and where to go; its figures come from the areas."""

from portal.auth.roles import EVERYONE
from portal.manifest import Area, PageSpec

AREA = Area(
    name="home",
    permissions={"home.summary": EVERYONE},
    services=("portal.home.service",),
    pages=(
        PageSpec("app_pages/home.py", "Home", "home", ":material/home:", "Portal",
                 requires=("home.summary",)),
    ),
)
