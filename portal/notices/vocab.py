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
