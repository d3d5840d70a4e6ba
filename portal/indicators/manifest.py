"""Disaggregated data: indicators by district, group and period, with small numbers suppressed."""

from portal.auth.roles import EVERYONE, STAFF
from portal.i18n import N_
from portal.manifest import Area, Command, Exporter, Importer, PageSpec, Translatable

SECTION = N_("Data")

AREA = Area(
    name="indicators",
    permissions={
        "indicators.list": EVERYONE,
        "indicators.get_data": EVERYONE,
        "indicators.data_version": EVERYONE,
        "indicators.export": EVERYONE,
        "indicators.get_definition_history": EVERYONE,
        "indicators.create_definition": STAFF,
        "indicators.update_definition": STAFF,
        "indicators.import_definitions": STAFF,
        "indicators.preview_values": STAFF,
        "indicators.import_values": STAFF,
    },
    models=("portal.indicators.models",),
    services=("portal.indicators.service", "portal.indicators.definitions",
              "portal.indicators.values"),
    pages=(
        PageSpec("app_pages/indicators.py", N_("Data by district and group"), "indicators",
                 ":material/bar_chart:", SECTION, requires=("indicators.list",), home_link=True),
        PageSpec("app_pages/manage_indicators.py", N_("Manage indicators"), "manage-indicators",
                 ":material/edit_note:", SECTION, requires=("indicators.import_values",)),
    ),
    imports=(
        Importer("indicator-definitions", "indicator definitions from CSV or XLSX",
                 "portal.indicators.cli:import_definitions"),
        Importer("indicators", "indicator values from CSV or XLSX (one row per cell)",
                 "portal.indicators.cli:import_values"),
    ),
    exports=(
        Exporter("indicators", "one row per cell, small numbers suppressed",
                 "portal.indicators.cli:export_values"),
    ),
    commands=(
        Command(("indicators", "suppress"), "store every indicator's suppression for the "
                "current PORTAL_SUPPRESSION_K (run after changing it)",
                "portal.indicators.cli:store_suppression"),
    ),
    seed="portal.indicators.seed:SEED",
    home_figures="portal.indicators.home:figures",
    translatable=(Translatable("indicator", N_("Indicators"),
                               "portal.indicators.translatable:english"),),
)
