"""Staff-written content in Spanish (issue 16): the records areas declare ``translatable``."""

from portal.auth.roles import EVERYONE, STAFF
from portal.i18n import N_
from portal.manifest import WORK_SECTION, Area, Exporter, Importer, PageSpec

AREA = Area(
    name="translations",
    permissions={
        "translations.list": STAFF,
        "translations.get": STAFF,
        "translations.save": STAFF,
        "translations.export": STAFF,
        "translations.import": STAFF,
        # Residents read the translations of what a page shows them, and nothing else.
        "translations.published": EVERYONE,
    },
    models=("portal.translations.models",),
    services=("portal.translations.service",),
    pages=(
        PageSpec("app_pages/manage_translations.py", N_("Spanish versions"), "translations",
                 ":material/translate:", WORK_SECTION, requires=("translations.save",)),
    ),
    imports=(
        Importer("translations", "Spanish versions of notices, practices, indicators and surveys, "
                 "from the file `portal export translations` writes (a row whose English has "
                 "changed since is refused)", "portal.translations.cli:import_translations",
                 configure="portal.cliutil:dry_run_option"),
    ),
    exports=(
        Exporter("translations", "every field staff may translate, its English and its Spanish "
                 "(status translated, outdated or missing), for a translator's spreadsheet",
                 "portal.translations.cli:export_translations"),
    ),
    seed="portal.translations.seed:SEED",
)
