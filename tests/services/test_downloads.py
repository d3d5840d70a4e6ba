"""Downloads: the inventory as CSV and JSON, the datasets as a valid DCAT-US v1.1 catalog."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from jsonschema import Draft4Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4
from sqlmodel import Session

from portal.auth.roles import RESIDENT
from portal.inventory.downloads import export_catalog, export_inventory
from tests import factories

SCHEMAS = Path(__file__).resolve().parent.parent / "data" / "dcat-us"


def dcat_validator() -> Draft4Validator:
    """The official schema files, their relative $refs resolved locally (no network)."""
    resources = []
    for path in SCHEMAS.glob("*.json"):
        schema = json.loads(path.read_text())
        resources.append((schema["id"].rstrip("#"), Resource.from_contents(schema, default_specification=DRAFT4)))
    registry = Registry().with_resources(resources)
    catalog = json.loads((SCHEMAS / "catalog.json").read_text())
    return Draft4Validator(catalog, registry=registry, format_checker=Draft4Validator.FORMAT_CHECKER)


def test_catalog_validates_against_dcat_us(session: Session) -> None:
    dept = factories.department(session, name="Health Department", contact_email="privacy@x.example")
    factories.dataset(session, department_id=dept.id, identifier="hlt-cases", title="Cases",
                      description="Reportable disease cases.", keywords=["health"],
                      access_level="non-public", classification="restricted")
    factories.dataset(session, department_id=dept.id, identifier="hlt-clinics", title="Clinics",
                      keywords=[], access_level="public", classification="public")
    catalog = export_catalog(session=session, actor=RESIDENT)
    errors = sorted(dcat_validator().iter_errors(catalog), key=str)
    assert errors == []
    by_id = {d["identifier"]: d for d in catalog["dataset"]}
    assert by_id["hlt-cases"]["contactPoint"]["hasEmail"] == "mailto:privacy@x.example"
    assert "Restricted" in by_id["hlt-cases"]["rights"]
    assert "rights" not in by_id["hlt-clinics"]
    assert by_id["hlt-clinics"]["keyword"] == ["Health Department"]


def test_the_validator_is_not_a_rubber_stamp(session: Session) -> None:
    factories.dataset(session, identifier="x", access_level="non-public")
    catalog = export_catalog(session=session, actor=RESIDENT)
    catalog["dataset"][0]["accessLevel"] = "secret"
    del catalog["dataset"][0]["publisher"]["name"]
    messages = [e.message for e in dcat_validator().iter_errors(catalog)]
    assert messages  # the schema and its $refs are really applied
    assert any("'name' is a required property" in m for m in messages)


def test_demo_catalog_validates(session: Session) -> None:
    from portal.auth.roles import SYSTEM
    from portal.demo.loader import load_demo

    load_demo(session=session, actor=SYSTEM)
    catalog = export_catalog(session=session, actor=RESIDENT)
    assert len(catalog["dataset"]) == 45
    assert list(dcat_validator().iter_errors(catalog)) == []


def test_inventory_csv_neutralises_formulas_and_json_keeps_values(session: Session) -> None:
    factories.practice(session, title="=HYPERLINK(\"http://evil.example\")", recipient="+1 555",
                       data_elements=["name", "-date of birth"],
                       agreement_title="DSA", agreement_terms={"audit_rights": True, "permitted_uses": False})
    data = export_inventory(session=session, actor=RESIDENT, fmt="csv")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0]["title"].startswith("'=HYPERLINK")
    assert rows[0]["recipient"] == "'+1 555"
    assert rows[0]["data_elements"] == "name; -date of birth"
    assert rows[0]["agreement_terms"] == "audit_rights"
    assert rows[0]["classification"] == "confidential"
    records = json.loads(export_inventory(session=session, actor=RESIDENT, fmt="json"))
    assert records[0]["title"] == "=HYPERLINK(\"http://evil.example\")"
    assert records[0]["data_elements"] == ["name", "-date of birth"]


def test_unknown_format_is_refused(session: Session) -> None:
    with pytest.raises(ValueError):
        export_inventory(session=session, actor=RESIDENT, fmt="xml")
