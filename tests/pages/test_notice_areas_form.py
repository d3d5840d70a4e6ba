"""Areas typed into the notice editor that are not areas: refused with the reason, in the
reader's language, and the draft is left as it was."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from portal.auth.roles import Role
from portal.i18n import using_language
from portal.notices.models import DeploymentLocation, NoticeVersion
from tests import factories
from tests.apptest import plain, run_script, texts

MANAGE = "app_pages/manage_notices.py"
AREAS = {"en": "Areas (a GeoJSON FeatureCollection; leave empty to keep the current areas)",
         "es": "Zonas (una FeatureCollection GeoJSON; déjelo vacío para conservar las zonas actuales)"}
SAVE = {"en": "Save draft", "es": "Guardar el borrador"}
#: Text that is not areas, and the reason each language gives for it.
NOT_AREAS = [
    ("{not json", {"en": "Areas: not valid JSON (Expecting property name enclosed in double quotes)",
                   "es": "Zonas: no es JSON válido (Expecting property name enclosed in double quotes)"}),
    ('{"type": "Polygon", "coordinates": []}',
     {"en": "Areas: expected a GeoJSON FeatureCollection or Feature",
      "es": "Zonas: se esperaba un FeatureCollection o un Feature de GeoJSON"}),
]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_text_that_is_not_areas_is_refused_with_its_reason(session: Session, lang: str) -> None:
    tech = factories.technology(session)
    session.commit()
    before = session.exec(select(NoticeVersion).where(NoticeVersion.technology_id == tech.id)).all()
    at = run_script(MANAGE, Role.STAFF, query={"lang": lang})
    assert not at.exception
    for text, reasons in NOT_AREAS:
        next(t for t in at.text_area if t.label == AREAS[lang]).set_value(text)
        # AppTest formats the page's options again outside its run, so in the page's language.
        with using_language(lang):
            next(b for b in at.button if b.label == SAVE[lang]).click().run()
        assert not at.exception, [e.value for e in at.exception]
        said = [plain(e.value) for e in at.error]
        assert any(reasons[lang] in e for e in said), said
        assert not any("locations[" in e for e in said), said  # the field as people know it
    assert "Draft saved." not in texts(at) and "Borrador guardado." not in texts(at)
    session.expire_all()
    after = session.exec(select(NoticeVersion).where(NoticeVersion.technology_id == tech.id)).all()
    assert len(after) == len(before)
    assert session.exec(select(DeploymentLocation)).all() == []
