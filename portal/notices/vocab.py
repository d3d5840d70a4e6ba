"""Vocabularies of surveillance technology notices."""

from __future__ import annotations

from portal.i18n import N_

CATEGORIES: dict[str, str] = {
    "license_plate_reader": N_("Automated licence-plate readers"),
    "camera": N_("Cameras and video analytics"),
    "gunshot_detection": N_("Gunshot detection"),
    "social_media_monitoring": N_("Social-media monitoring"),
    "drone": N_("Drones"),
    "facial_recognition": N_("Face recognition"),
    "cell_site_simulator": N_("Cell-site simulators"),
    "body_camera": N_("Body-worn cameras"),
    "data_analytics": N_("Data analytics and prediction"),
    "other": N_("Other"),
}

STATUSES: dict[str, str] = {
    "proposed": N_("Proposed"),
    "under_review": N_("Under review"),
    "approved": N_("Approved"),
    "denied": N_("Denied"),
    "in_use": N_("In use"),
    "retired": N_("Retired"),
}

# Which status may follow which. A retired technology stays retired: bringing it back
# is a new proposal with its own notice and comment period.
TRANSITIONS: dict[str, frozenset[str]] = {
    "proposed": frozenset({"under_review", "approved", "denied", "retired"}),
    "under_review": frozenset({"approved", "denied", "retired"}),
    "approved": frozenset({"in_use", "retired"}),
    "denied": frozenset({"proposed", "retired"}),
    "in_use": frozenset({"under_review", "retired"}),
    "retired": frozenset(),
}

# The notice's content in the order an ordinance lists it, with the plain-language
# heading residents read. Diffs, imports and the staff editor all follow this list.
TEXT_FIELDS: dict[str, str] = {
    "description": N_("What it is"),
    "how_it_works": N_("How it works"),
    "purpose": N_("Purpose"),
    "problems_addressed": N_("Problems it is meant to address"),
    "data_collected": N_("What data it collects"),
    "data_subjects": N_("Whose data"),
    "retention": N_("How long data is kept"),
    "access": N_("Who may access the data"),
    "access_logging": N_("How access is logged"),
    "sharing": N_("Sharing with other agencies or vendors"),
    "civil_rights_impact": N_("Civil-rights and civil-liberties impacts"),
    "disparate_impact": N_("Disparate impact on particular communities"),
    "mitigations": N_("Mitigations"),
    "funding_source": N_("Funding source"),
    "vendor": N_("Vendor"),
    "use_policy": N_("Use policy"),
    "approving_authority": N_("Approved by"),
    "change_summary": N_("What changed in this version"),
}

OTHER_FIELDS: dict[str, str] = {
    "fiscal_acquisition_cost": N_("Acquisition cost (USD)"),
    "fiscal_ongoing_cost": N_("Ongoing yearly cost (USD)"),
    "approved_on": N_("Approved on"),
    "annual_report": N_("Annual report figures"),
}

# A notice cannot be published without at least these.
REQUIRED_TO_PUBLISH: tuple[str, ...] = ("description", "purpose", "data_collected")
