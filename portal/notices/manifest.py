"""Surveillance technology notices: versions, comment periods, deployments, feeds."""

from portal.auth.roles import EVERYONE, STAFF
from portal.i18n import N_
from portal.manifest import Area, Exporter, Importer, PageSpec, Translatable

SECTION = N_("Surveillance technology")

AREA = Area(
    name="notices",
    permissions={
        "notices.list": EVERYONE,
        "notices.get": EVERYONE,
        "notices.diff": EVERYONE,
        "notices.deployments": EVERYONE,
        "notices.feed_atom": EVERYONE,
        "notices.feed_ics": EVERYONE,
        "notices.create": STAFF,
        "notices.department_choices": STAFF,
        "notices.save_draft": STAFF,
        "notices.publish": STAFF,
        "notices.set_comment_period": STAFF,
        "notices.close_comment_period": STAFF,
        "notices.set_status": STAFF,
        "notices.set_identity": STAFF,
        "notices.import": STAFF,
        "notices.export": STAFF,
    },
    models=("portal.notices.models",),
    services=("portal.notices.service", "portal.notices.editing", "portal.notices.feeds",
              "portal.notices.importer"),
    pages=(
        PageSpec("app_pages/notices.py", N_("Surveillance technologies"), "notices",
                 ":material/videocam:", SECTION, requires=("notices.list",), home_link=True),
        PageSpec("app_pages/notice.py", N_("Technology notice"), "notice", ":material/description:",
                 SECTION, requires=("notices.get",), in_menu=False),
        PageSpec("app_pages/deployment_map.py", N_("Map of deployments"), "deployment-map",
                 ":material/map:", SECTION, requires=("notices.deployments",), home_link=True),
        PageSpec("app_pages/manage_notices.py", N_("Manage notices"), "manage-notices",
                 ":material/edit_note:", SECTION, requires=("notices.save_draft",),
                 home_link=True),
    ),
    imports=(
        Importer("notices", "surveillance notices from CSV, XLSX or JSON (an export imports back: "
                 "rows match notices by slug, and rows that change nothing write nothing)",
                 "portal.notices.cli:import_notices", configure="portal.notices.cli:configure_import"),
    ),
    exports=(
        Exporter("notices", "every surveillance notice, drafts included, with its latest "
                 "version's content and locations (CSV cells are spreadsheet-safe; imports back)",
                 "portal.notices.cli:export_notices"),
        Exporter("notices-atom", "the Atom feed of notices", "portal.notices.cli:export_atom",
                 formats=("atom",), configure="portal.cliutil:base_url_option"),
        Exporter("notices-ics", "the iCalendar file of comment deadlines",
                 "portal.notices.cli:export_ics", formats=("ics",),
                 configure="portal.cliutil:base_url_option"),
    ),
    seed="portal.notices.seed:SEED",
    home_figures="portal.notices.home:figures",
    translatable=(Translatable("notice", N_("Surveillance notices"),
                               "portal.notices.translatable:english"),),
)
