"""Districts: the county's geography that comments, indicators and deployments refer to."""

from portal.auth.roles import EVERYONE, STAFF
from portal.manifest import Area, Exporter, Importer

AREA = Area(
    name="geography",
    permissions={
        "geography.list_districts": EVERYONE,
        "geography.export_districts": EVERYONE,
        "geography.import_districts": STAFF,
    },
    models=("portal.geography.models",),
    services=("portal.geography.service",),
    imports=(
        Importer("districts", "district boundaries from GeoJSON: new codes added, changed ones "
                 "updated, none deleted", "portal.geography.cli:import_districts",
                 configure="portal.geography.cli:configure_import"),
    ),
    exports=(
        Exporter("districts", "district boundaries as GeoJSON (WGS84)",
                 "portal.geography.cli:export_districts", formats=("geojson",)),
    ),
    seed="portal.geography.seed:SEED",
)
