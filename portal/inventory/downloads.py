"""The inventory as files: CSV and JSON of the practices, DCAT-US v1.1 ``data.json`` of the datasets."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from portal.auth.permissions import service
from portal.auth.roles import Actor
from portal.exports import to_csv, to_json
from portal.inventory.fields import EXPORT_COLUMNS, export_row
from portal.inventory.models import Dataset, Department
from portal.inventory.service import list_practices
from portal.inventory.vocab import CLASSIFICATIONS
from portal.settings import get_settings

DCAT_CONFORMS_TO = "https://project-open-data.cio.gov/v1.1/schema"


def inventory_file(rows: list[dict[str, Any]], fmt: str) -> bytes:
    """Rows of ``list_practices`` as a file; pages pass exactly the filtered rows they show."""
    if fmt not in ("csv", "json"):
        raise ValueError(f"unknown format {fmt!r}")
    data = [export_row(row) for row in rows]
    if fmt == "csv":
        return to_csv(data, EXPORT_COLUMNS)
    return to_json(data)


@service("inventory.export_inventory")
def export_inventory(*, session: Session, actor: Actor, fmt: str = "csv") -> bytes:
    if fmt not in ("csv", "json"):
        raise ValueError(f"unknown format {fmt!r}")
    return inventory_file(list_practices(session=session, actor=actor), fmt)


def _rights(classification: str, access_level: str) -> str | None:
    if access_level == "public":
        return None
    text = CLASSIFICATIONS.get(classification, "")
    return (text[:252] + "...") if len(text) > 255 else (text or "Not public.")


@service("inventory.export_catalog")
def export_catalog(*, session: Session, actor: Actor) -> dict[str, Any]:
    """The datasets as a Project Open Data v1.1 catalog (non-federal profile)."""
    county = get_settings().county_name
    query = (
        sa.select(Dataset, Department).join(Department, Department.id == Dataset.department_id)
        .order_by(Dataset.identifier)
    )
    entries = []
    for dataset, department in session.execute(query).all():
        contact: dict[str, Any] = {"@type": "vcard:Contact", "fn": f"{department.name} privacy contact"}
        if department.contact_email:
            contact["hasEmail"] = f"mailto:{department.contact_email}"
        entry: dict[str, Any] = {
            "@type": "dcat:Dataset",
            "title": dataset.title,
            "description": dataset.description or dataset.title,
            "keyword": [k for k in dataset.keywords if k.strip()] or [department.name],
            "identifier": dataset.identifier,
            "accessLevel": dataset.access_level,
            "publisher": {
                "@type": "org:Organization", "name": department.name,
                "subOrganizationOf": {"@type": "org:Organization", "name": county},
            },
            "contactPoint": contact,
        }
        if dataset.modified is not None:
            entry["modified"] = dataset.modified.isoformat()
        rights = _rights(dataset.classification, dataset.access_level)
        if rights:
            entry["rights"] = rights
        entries.append(entry)
    return {
        "@context": "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld",
        "@type": "dcat:Catalog",
        "conformsTo": DCAT_CONFORMS_TO,
        "describedBy": "https://project-open-data.cio.gov/v1.1/schema/catalog.json",
        "dataset": entries,
    }


def catalog_bytes(catalog: dict[str, Any]) -> bytes:
    return to_json(catalog)
