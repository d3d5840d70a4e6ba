"""Hostile text through the notice editor (issue 14): a new technology's name and
description, its renaming, every field of its draft and the labels of its areas. Each value
is stored as typed or refused with a message, and the notice's public page, the list of
notices and the map show it as text."""

from __future__ import annotations

import json
import re
from html import unescape

from sqlmodel import Session, select

from portal.auth.roles import Role
from portal.notices.models import DeploymentLocation, NoticeVersion, SurveillanceTechnology
from portal.notices.vocab import TEXT_FIELDS
from tests import factories, hostile
from tests.apptest import plain, run_script, texts
from tests.mapview import folium_maps
from tests.pages.hostile_forms import (
    NULLS,
    TEXTS,
    assert_inert,
    by_label,
    fill,
    fits,
    rounds,
    stored,
)

MANAGE = "app_pages/manage_notices.py"
#: The draft's text areas, by label; the service's limits for the two short ones.
DRAFT_FIELDS = {label: {"vendor": 200, "approving_authority": 300}.get(name)
                for name, label in TEXT_FIELDS.items()}
AREAS = "Areas (a GeoJSON FeatureCollection; leave empty to keep the current areas)"
#: Area labels that would be elements if a tooltip took them as HTML.
AREA_LABELS = [hostile.named("img-onerror"), hostile.named("svg-onload-breakout"),
               hostile.named("markdown-js-link")]


def _lines(value: str) -> list[str]:
    """A notice shows each line of a field as a paragraph of its own."""
    return [line.strip() for line in value.splitlines() if line.strip()]


def _areas() -> str:
    square = [[[-122.6, 45.5], [-122.5, 45.5], [-122.5, 45.6], [-122.6, 45.6], [-122.6, 45.5]]]
    return json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"label": label},
         "geometry": {"type": "Polygon", "coordinates": square}} for label in AREA_LABELS]})


def _tooltips(at) -> list[tuple[list[str], list[str]]]:  # type: ignore[no-untyped-def]
    """Each map's GeoJSON tooltip fields, and the values those fields hold, as the page's
    browser is given them (the tooltip writes them in as HTML)."""
    found = []
    for args in folium_maps(at):
        for fields in re.findall(r"let fields = (\[[^\]]*\]);", args["script"]):
            names = json.loads(fields)
            values = [json.loads(v) for name in names
                      for v in re.findall(rf'"{name}":\s*("(?:[^"\\]|\\.)*")', args["script"])]
            found.append((names, values))
    return found


def test_a_hostile_notice_is_kept_as_typed_and_its_pages_show_it_inert(session: Session) -> None:
    factories.department(session, name="Police Department")
    session.commit()
    created, renamed = {"Name": fits(200)}, {"Name": fits(200, TEXTS[::-1])}
    description = fits()
    at = run_script(MANAGE, Role.STAFF)
    by_label(at.text_input, "Name").set_value(created["Name"])
    by_label(at.text_area, "What it is").set_value(description)
    next(t for t in at.text_input if t.label.startswith("Short name")).set_value(
        hostile.named("path-traversal"))
    by_label(at.button, "Create draft").click().run()
    assert not at.exception, [e.value for e in at.exception]
    said = [plain(e.value) for e in at.error]
    assert any("lower-case letters" in e for e in said), said
    next(t for t in at.text_input if t.label.startswith("Short name")).set_value("hostile-notice")
    by_label(at.button, "Create draft").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Draft created" in texts(at), [e.value for e in at.error]
    tech = session.exec(select(SurveillanceTechnology)).one()
    assert tech.name == stored(created["Name"])
    assert_inert(at, [created["Name"]])  # in the list of technologies, and in its form

    by_label(at.text_input, "Name").set_value(renamed["Name"])
    by_label(at.button, "Save name, category and department").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Saved:" in texts(at), [e.value for e in at.error]
    assert_inert(at, [renamed["Name"]])  # the message that says what was saved

    drafts = rounds(list(DRAFT_FIELDS), DRAFT_FIELDS, saves=2)
    for n, draft in enumerate(drafts, start=1):
        fill(at, draft)
        if n == 1:
            by_label(at.text_area, AREAS).set_value(_areas())
        by_label(at.button, "Save draft").click().run()
        assert not at.exception, [e.value for e in at.exception]
        assert "Draft saved." in texts(at), [e.value for e in at.error]
        by_label(at.button, "Publish the draft").click().run()
        assert f"Version {n} is published." in texts(at), [e.value for e in at.error]
        session.expire_all()
        version = session.exec(select(NoticeVersion).where(NoticeVersion.version == n)).one()
        for name, label in TEXT_FIELDS.items():
            if label in draft:
                assert getattr(version, name) == stored(draft[label]), label
    # Each version keeps its areas: the labels as typed in both.
    labels = session.exec(select(DeploymentLocation.label)).all()
    assert sorted(labels) == sorted([stored(label) for label in AREA_LABELS] * 2)

    page = run_script("app_pages/notice.py", query={"technology": "hostile-notice"})
    # The newest version's every field, and what changed since the first, word by word.
    assert_inert(page, [renamed["Name"], *(line for value in drafts[-1].values()
                                           for line in _lines(value)), *AREA_LABELS])
    assert "What changed" in texts(page)
    for where in (page, run_script("app_pages/deployment_map.py")):
        tips = _tooltips(where)
        assert tips, "no map with tooltips"
        for _fields, values in tips:
            assert values and all("<" not in v and ">" not in v for v in values), values
        shown = {unescape(v) for _fields, values in tips for v in values}
        assert any(label in s for label in AREA_LABELS for s in shown), shown
    listed = run_script("app_pages/notices.py")
    assert_inert(listed, [renamed["Name"]])

    # A field the service limits, and a null character: refused, with what is wrong.
    fill(at, {"Vendor": "V" * 201, "Purpose": f"Search and rescue.{NULLS[0]}"})
    by_label(at.button, "Save draft").click().run()
    assert not at.exception, [e.value for e in at.exception]
    said = " ".join(plain(e.value) for e in at.error)
    assert "at most 200 characters" in said and "null character" in said, said
    assert len(TEXTS) > len(DRAFT_FIELDS)  # the corpus fills every field, twice over
