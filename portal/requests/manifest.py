"""The request transparency log: requests for residents' sensitive information."""

from portal.auth.roles import EVERYONE, STAFF
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
    },
    models=("portal.requests.models",),
    services=("portal.requests.service",),
    pages=(
        PageSpec("app_pages/request_log.py", "Request transparency log", "request-log",
                 ":material/query_stats:", "Data sharing", requires=("requests.statistics",),
                 home_link=True),
    ),
    imports=(
        Importer("requests", "information requests from a CSV or XLSX file",
                 "portal.requests.cli:import_requests"),
    ),
    exports=(
        Exporter("request-log", "the public request log by quarter, small numbers suppressed",
                 "portal.requests.cli:export_log"),
    ),
    seed="portal.requests.seed:SEED",
)
