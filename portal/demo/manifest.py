"""The demo county: every area's seed, loaded in the registry's order."""

from portal.auth.roles import ADMINS
from portal.manifest import Area, Command

AREA = Area(
    name="demo",
    permissions={"demo.load": ADMINS, "demo.load_county": ADMINS},
    services=("portal.demo.loader", "portal.demo.scale"),
    commands=(
        Command(("demo",), "load the demo county (safe to run again); --scale county adds "
                "DESIGN.md §7's large county", "portal.demo.cli:demo",
                configure="portal.demo.cli:configure"),
    ),
)
