"""Words the indicators area shares between its services, pages and files."""

from __future__ import annotations

from portal.i18n import N_, _

#: How an indicator's value is built from its numerator and denominator.
UNITS: dict[str, str] = {
    "count": N_("Count of people"),
    "rate": N_("Rate per N people"),
    "percent": N_("Percent of the group"),
}

#: The name of the total row, column and dimension in tables, files and addresses.
ALL = "all"

#: Readable names for the group dimensions the county publishes; others show as written.
DIMENSIONS: dict[str, str] = {
    ALL: N_("Everyone"),
    "race_ethnicity": N_("Race and ethnicity"),
    "age": N_("Age"),
    "sex": N_("Sex"),
    "gender": N_("Gender"),
    "income": N_("Household income"),
    "language": N_("Language"),
    "disability": N_("Disability"),
}

#: The export's columns (DESIGN.md §3), in order; scripts read them by name.
EXPORT_COLUMNS: tuple[str, ...] = (
    "indicator", "period", "district", "group_dimension", "group",
    "numerator", "denominator", "value", "status",
)

#: The values file's columns; ``value`` and ``status`` (read-only, from an export) are ignored.
VALUE_COLUMNS: dict[str, tuple[str, str]] = {
    "indicator": ("Indicator", "the indicator's slug, e.g. eviction-filings (required)"),
    "period": ("Period", "a year (2025), a quarter (2025-Q3) or a month (2025-07) (required)"),
    "district": ("District", "the district's code, or all (or blank) for the whole county"),
    "group_dimension": ("Group dimension", "all (or blank) for everyone, or e.g. race_ethnicity, age"),
    "group": ("Group", "all for everyone, or the group, e.g. Under 25"),
    "numerator": ("People counted", "a whole number of people, 0 or more; blank when not reported"),
    "denominator": ("People in the group", "a whole number, at least the people counted"),
}
VALUE_REQUIRED: tuple[str, ...] = ("indicator", "period", "numerator")
VALUE_IGNORED: tuple[str, ...] = ("value", "status")

#: The definitions file's columns.
DEFINITION_COLUMNS: dict[str, tuple[str, str]] = {
    "slug": ("Address name", "lower-case letters, digits and hyphens, unique (required)"),
    "name": ("Name", "what residents read, up to 200 characters (required)"),
    "unit": ("Unit", "count, rate or percent (required)"),
    "rate_per": ("Rate per", "for a rate: per how many people, e.g. 1000"),
    "description": ("Definition", "what is counted, in plain words"),
    "department": ("Department", "the source department's code, e.g. HOU"),
    "source": ("Source", "the system or survey the figures come from"),
    "caveats": ("Caveats", "what the figures do not show, or how to read them"),
    "update_frequency": ("Updated", "e.g. Quarterly"),
    "is_published": ("Published", "yes or no (default yes)"),
}
DEFINITION_REQUIRED: tuple[str, ...] = ("slug", "name", "unit")


def dimension_label(dimension: str) -> str:
    """A group dimension's name in the language in force (English outside a page)."""
    return _(DIMENSIONS[dimension]) if dimension in DIMENSIONS else dimension.replace("_", " ").capitalize()
