from sqlmodel import Session

from portal.auth.roles import Role
from portal.glossary import TERMS
from portal.settings import PROJECT_ROOT
from tests import factories
from tests.apptest import run_script, texts


def test_every_term_and_the_classification_of_each_dataset(session: Session) -> None:
    factories.dataset(session, title="Voter file", classification="restricted")
    session.commit()
    for role in (None, Role.STAFF):
        at = run_script("app_pages/definitions.py", role)
        assert not at.exception
        shown = texts(at)
        for term in TERMS:
            assert term.term in shown
        assert "Restricted" in shown and "Confidential" in shown
        frame = at.dataframe[0].value
        assert list(frame["Classification"]) == ["Restricted"]
        assert list(frame["Dataset"]) == ["Voter file"]


def test_the_page_names_the_help_icon_as_it_is_drawn(database_url: str) -> None:
    # "ⓘ" (U+24D8) is in none of the fonts the portal is read with: it showed as an empty box.
    at = run_script("app_pages/definitions.py")
    assert not at.exception
    shown = texts(at)
    assert "\u24d8" not in shown
    assert "the question-mark icon beside a label" in shown


def test_no_page_refers_to_a_glyph_that_renders_as_an_empty_box() -> None:
    sources = [*PROJECT_ROOT.glob("app_pages/*.py"), *PROJECT_ROOT.glob("portal/**/*.py")]
    assert sources
    assert [p.name for p in sources if "\u24d8" in p.read_text(encoding="utf-8")] == []


def test_the_definitions_in_spanish(session: Session) -> None:
    factories.dataset(session, title="Jail bookings", classification="restricted")
    session.commit()
    at = run_script("app_pages/definitions.py", query={"lang": "es"})
    assert not at.exception
    shown = texts(at)
    assert at.title[0].value == "Definiciones"
    assert "**Información delicada**" in shown and "**Restringido**:" in shown
    assert "Sensitive information" not in shown and "Data classification" not in shown
    frame = at.dataframe[0].value
    assert list(frame["Clasificación"]) == ["Restringido"]
    assert list(frame["Conjunto de datos"]) == ["Jail bookings"]  # staff's words stay as typed
