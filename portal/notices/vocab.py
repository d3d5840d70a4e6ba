"""Vocabularies of surveillance technology notices."""

from __future__ import annotations

CATEGORIES: dict[str, str] = {
    "license_plate_reader": "Automated licence-plate readers",
    "camera": "Cameras and video analytics",
    "gunshot_detection": "Gunshot detection",
    "social_media_monitoring": "Social-media monitoring",
    "drone": "Drones",
    "facial_recognition": "Face recognition",
    "cell_site_simulator": "Cell-site simulators",
    "body_camera": "Body-worn cameras",
    "data_analytics": "Data analytics and prediction",
    "other": "Other",
}

STATUSES: dict[str, str] = {
    "proposed": "Proposed",
    "under_review": "Under review",
    "approved": "Approved",
    "denied": "Denied",
    "in_use": "In use",
    "retired": "Retired",
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
    "description": "What it is",
    "how_it_works": "How it works",
    "purpose": "Purpose",
    "problems_addressed": "Problems it is meant to address",
    "data_collected": "What data it collects",
    "data_subjects": "Whose data",
    "retention": "How long data is kept",
    "access": "Who may access the data",
    "access_logging": "How access is logged",
    "sharing": "Sharing with other agencies or vendors",
    "civil_rights_impact": "Civil-rights and civil-liberties impacts",
    "disparate_impact": "Disparate impact on particular communities",
    "mitigations": "Mitigations",
    "funding_source": "Funding source",
    "vendor": "Vendor",
    "use_policy": "Use policy",
    "approving_authority": "Approved by",
    "change_summary": "What changed in this version",
}

OTHER_FIELDS: dict[str, str] = {
    "fiscal_acquisition_cost": "Acquisition cost (USD)",
    "fiscal_ongoing_cost": "Ongoing yearly cost (USD)",
    "approved_on": "Approved on",
    "annual_report": "Annual report figures",
}

# A notice cannot be published without at least these.
REQUIRED_TO_PUBLISH: tuple[str, ...] = ("description", "purpose", "data_collected")
