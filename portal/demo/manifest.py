"""The demo county: every area's seed, loaded in the registry's order."""

from portal.auth.roles import ADMINS
from portal.manifest import Area, Command

AREA = Area(
    name="demo",
    permissions={"demo.load": ADMINS},
    services=("portal.demo.loader",),
    commands=(
        Command(("demo",), "load the demo county (safe to run again)", "portal.demo.cli:demo"),
    ),
)
