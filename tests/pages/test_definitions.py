from sqlmodel import Session

from portal.auth.roles import Role
from portal.glossary import TERMS
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
