"""The sharing inventory: departments, datasets, sharing practices, compliance findings."""

from portal.auth.roles import EVERYONE, STAFF, STAFF_AND_OVERSIGHT
from portal.i18n import N_
from portal.manifest import Area, Exporter, Importer, PageSpec, Translatable

SECTION = N_("Data sharing")

AREA = Area(
    name="inventory",
    permissions={
        "inventory.list_practices": EVERYONE,
        "inventory.inventory_version": EVERYONE,
        "inventory.get_practice": EVERYONE,
        "inventory.list_datasets": EVERYONE,
        "inventory.list_departments": EVERYONE,
        "inventory.export_inventory": EVERYONE,
        "inventory.export_catalog": EVERYONE,
        "inventory.create_practice": STAFF,
        "inventory.update_practice": STAFF,
        "inventory.retire_practice": STAFF,
        "inventory.import_practices": STAFF,
        "inventory.list_department_records": STAFF,
        "inventory.list_dataset_records": STAFF,
        "inventory.export_departments": STAFF,
        "inventory.export_datasets": STAFF,
        "inventory.get_department": STAFF,
        "inventory.get_dataset": STAFF,
        "inventory.create_department": STAFF,
        "inventory.update_department": STAFF,
        "inventory.import_departments": STAFF,
        "inventory.create_dataset": STAFF,
        "inventory.update_dataset": STAFF,
        "inventory.import_datasets": STAFF,
        "inventory.compliance_findings": STAFF_AND_OVERSIGHT,
        "inventory.compliance_trend": STAFF_AND_OVERSIGHT,
    },
    models=("portal.inventory.models",),
    services=("portal.inventory.service", "portal.inventory.downloads",
              "portal.inventory.findings", "portal.inventory.records"),
    pages=(
        PageSpec("app_pages/inventory.py", N_("Sharing inventory"), "inventory", ":material/share:",
                 SECTION, requires=("inventory.list_practices",), home_link=True),
        PageSpec("app_pages/definitions.py", N_("Definitions"), "definitions", ":material/menu_book:",
                 SECTION, requires=("inventory.list_datasets",), home_link=True),
        PageSpec("app_pages/compliance.py", N_("Compliance findings"), "compliance",
                 ":material/policy:", SECTION, requires=("inventory.compliance_findings",),
                 home_link=True),
        PageSpec("app_pages/manage_inventory.py", N_("Manage inventory"), "manage-inventory",
                 ":material/edit_note:", SECTION, requires=("inventory.create_practice",),
                 home_link=True),
        PageSpec("app_pages/manage_datasets.py", N_("Departments and datasets"), "manage-datasets",
                 ":material/database:", SECTION, requires=("inventory.create_dataset",),
                 home_link=True),
    ),
    imports=(
        Importer("inventory", "sharing practices from a CSV or XLSX file (an export imports "
                 "back: rows with an id update that practice)",
                 "portal.inventory.cli:import_inventory", configure="portal.cliutil:dry_run_option"),
        Importer("departments", "departments from a CSV or XLSX file (an export imports back: "
                 "rows with an id update that department)",
                 "portal.inventory.cli:import_departments", configure="portal.cliutil:dry_run_option"),
        Importer("datasets", "datasets from a CSV or XLSX file (an export imports back: rows "
                 "with an id update that dataset)",
                 "portal.inventory.cli:import_datasets", configure="portal.cliutil:dry_run_option"),
    ),
    exports=(
        Exporter("inventory", "the sharing inventory (CSV cells are spreadsheet-safe)",
                 "portal.inventory.cli:export_inventory"),
        Exporter("departments", "the departments, as staff import them",
                 "portal.inventory.cli:export_departments"),
        Exporter("datasets", "the datasets, as staff import them",
                 "portal.inventory.cli:export_datasets"),
        Exporter("catalog", "the dataset catalog as a DCAT-US v1.1 data.json",
                 "portal.inventory.cli:export_catalog", formats=("dcat-us",)),
    ),
    seed="portal.inventory.seed:SEED",
    home_figures="portal.inventory.home:figures",
    translatable=(Translatable("practice", N_("Data-sharing practices"),
                               "portal.inventory.translatable:english"),),
)
