"""Districts: the county's geography that comments, indicators and deployments refer to."""

from portal.auth.roles import EVERYONE
from portal.manifest import Area

AREA = Area(
    name="geography",
    permissions={"geography.list_districts": EVERYONE},
    models=("portal.geography.models",),
    services=("portal.geography.service",),
    seed="portal.geography.seed:SEED",
)
