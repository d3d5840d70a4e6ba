"""The request transparency log: requests for residents' sensitive information."""

from portal.auth.roles import EVERYONE, STAFF
from portal.i18n import N_
from portal.manifest import Area, Exporter, Importer, PageSpec

AREA = Area(
    name="requests",
    permissions={
        "requests.statistics": EVERYONE,
        "requests.statistics_version": EVERYONE,
        "requests.list_requests": STAFF,
        "requests.get_request": STAFF,
        "requests.create_request": STAFF,
        "requests.update_request": STAFF,
        "requests.withdraw_request": STAFF,
        "requests.import_requests": STAFF,
        "requests.export_requests": STAFF,
    },
    models=("portal.requests.models",),
    services=("portal.requests.service",),
    pages=(
        PageSpec("app_pages/request_log.py", N_("Request transparency log"), "request-log",
                 ":material/query_stats:", "Data sharing", requires=("requests.statistics",),
                 home_link=True),
    ),
    imports=(
        Importer("requests", "information requests from a CSV or XLSX file (an export of "
                 "requests imports back: rows with an id update that request)",
                 "portal.requests.cli:import_requests", configure="portal.cliutil:dry_run_option"),
    ),
    exports=(
        Exporter("request-log", "the public request log by quarter, small numbers suppressed",
                 "portal.requests.cli:export_log"),
        Exporter("requests", "every request as staff keep it, as portal import requests reads "
                 "it (not public)", "portal.requests.cli:export_requests"),
    ),
    seed="portal.requests.seed:SEED",
)
