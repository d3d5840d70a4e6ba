from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from portal.auth.roles import Role
from portal.settings import PROJECT_ROOT
from tests import factories
from tests.apptest import run_script, texts, user_for


def _seed(session: Session):
    dept = factories.department(session, name="Sheriff's Office")
    ds = factories.dataset(session, department_id=dept.id, title="Jail bookings", classification="restricted",
                           retention_policy_days=365)
    informal = factories.practice(session, dataset_id=ds.id, department_id=dept.id,
                                  title="Release dates confirmed by phone", recipient="ICE ERO",
                                  recipient_type="federal_agency", mechanism="informal", channel="phone",
                                  legal_basis_type="none_stated", frequency="on_request",
                                  sensitive_categories=["immigration_status"], retention_text="x")
    formal = factories.practice(session, title="Case counts to the State", retention_text="x",
                                residents_notified=True)
    session.commit()
    return informal, formal


def test_residents_browse_filter_and_search(session: Session) -> None:
    _seed(session)
    at = run_script("app_pages/inventory.py")
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Practices shown"] == "2"
    assert metrics["Shared informally"] == "1"
    assert metrics["With compliance findings"] == "1"
    next(m for m in at.multiselect if m.label == "Formal or informal").set_value(["informal"]).run()
    assert {m.label: m.value for m in at.metric}["Practices shown"] == "1"
    next(m for m in at.multiselect if m.label == "Formal or informal").set_value([]).run()
    at.text_input(key="inv_search").set_value("case counts").run()
    assert {m.label: m.value for m in at.metric}["Practices shown"] == "1"
    frame = at.dataframe[0].value
    assert list(frame["Practice"]) == ["Case counts to the State"]
    at.text_input(key="inv_search").set_value("no such words").run()
    assert any("No practice matches" in i.value for i in at.info)
    assert not any(b.label == "Save practice" for b in at.button)  # no write form for residents


def test_a_practice_opens_by_its_url(session: Session) -> None:
    informal, _ = _seed(session)
    at = AppTest.from_file(str(PROJECT_ROOT / "app_pages/inventory.py"), default_timeout=30)
    at.user = user_for(None)  # type: ignore[attr-defined]
    at.query_params["practice"] = str(informal.id)
    at.run()
    assert not at.exception
    shown = texts(at)
    assert "Release dates confirmed by phone" in shown
    assert "Restricted" in shown  # the dataset's classification
    assert "INV-02" in shown and "Immigration or citizenship status shared informally" in shown
    assert "has not been changed since" in shown
    assert "No comment has been published here yet." in shown and "Add your comment" in shown


def test_an_unknown_practice_says_so(database_url: str) -> None:
    at = AppTest.from_file(str(PROJECT_ROOT / "app_pages/inventory.py"), default_timeout=30)
    at.user = user_for(None)  # type: ignore[attr-defined]
    at.query_params["practice"] = "abc"
    at.run()
    assert not at.exception
    assert any("There is no sharing practice" in e.value for e in at.error)


def test_staff_see_the_same_public_page(session: Session) -> None:
    _seed(session)
    at = run_script("app_pages/inventory.py", Role.STAFF)
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Practices shown"] == "2"
    assert [b.label for b in at.get("download_button")] == [
        "Inventory (CSV)", "Inventory (JSON)", "Dataset catalog (data.json)"]


def test_the_change_history_shows_a_long_field_in_full(session: Session) -> None:
    """About 3,000 characters, changed at the end: the history shows the change, whole."""
    from portal.auth.roles import Actor
    from portal.inventory.service import create_practice, update_practice

    clerk = Actor(subject="clerk@x.example", roles=frozenset({Role.STAFF}))
    ds = factories.dataset(session, identifier="ds-cases")
    opening = " ".join(f"Counts for week {n} are sent with the *district* code [D{n}]."
                       for n in range(1, 60))
    before, after = opening + " Cells under 11 are sent.", opening + " Cells under 11 are withheld."
    assert len(before) > 3_000
    made = create_practice(session=session, actor=clerk,
                           values=factories.practice_values(ds.identifier, purpose=before))
    update_practice(session=session, actor=clerk, practice_id=made.id, summary="Suppression",
                    values=factories.practice_values(ds.identifier, purpose=after))
    session.commit()
    at = AppTest.from_file(str(PROJECT_ROOT / "app_pages/inventory.py"), default_timeout=30)
    at.user = user_for(None)  # type: ignore[attr-defined]
    at.query_params["practice"] = str(made.id)
    at.run()
    assert not at.exception
    plain = [t.value for t in at.text]
    assert before in plain and after in plain
    change = next(m.value for m in at.markdown if "withheld" in m.value)
    assert "sent" in change


def test_a_resident_comments_on_a_practice_from_its_page(session: Session) -> None:
    from sqlmodel import select

    from portal.engagement.models import Comment

    informal, _ = _seed(session)
    at = AppTest.from_file(str(PROJECT_ROOT / "app_pages/inventory.py"), default_timeout=30)
    at.user = user_for(None)  # type: ignore[attr-defined]
    at.query_params["practice"] = str(informal.id)
    at.run()
    assert not at.exception
    assert "once residents can send them" not in texts(at)
    next(t for t in at.text_area if t.label == "Your comment (required)").input(
        "Nobody told us the release dates go to ICE by phone. Please stop it.")
    next(b for b in at.button if b.label == "Check and send").click()
    at.run()
    assert any("awaiting moderation" in s.value for s in at.success)
    stored = session.exec(select(Comment)).one()
    assert (stored.target_type, stored.target_id) == ("practice", informal.id)


def test_the_inventory_and_a_practice_in_spanish(session: Session) -> None:
    informal, _formal = _seed(session)
    at = run_script("app_pages/inventory.py", query={"lang": "es"})
    assert not at.exception
    shown = texts(at)
    assert at.title[0].value == "Inventario de intercambios"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Prácticas mostradas"] == "2" and metrics["Compartidos de manera informal"] == "1"
    assert "Por tipo de destinatario" in shown and "Practices shown" not in shown
    assert "Formal o informal" in [m.label for m in at.multiselect]
    frame = at.dataframe[0].value
    # The portal's words are translated; the titles and recipients staff typed are not.
    assert {"Práctica", "Tipo de destinatario", "Detalles"} <= set(frame.columns)
    assert "Agencia federal" in set(frame["Tipo de destinatario"])
    assert "Release dates confirmed by phone" in set(frame["Práctica"])
    at = run_script("app_pages/inventory.py", query={"lang": "es", "practice": str(informal.id)})
    assert not at.exception
    shown = texts(at)
    assert "Qué datos" in shown and "Restringido" in shown and "Situación migratoria o de ciudadanía" in shown
    assert "**Base legal:** No se indica" in shown and "What data" not in shown
    at = run_script("app_pages/inventory.py", query={"lang": "es", "practice": "999"})
    assert "No existe la práctica de intercambio de datos '999'" in at.error[0].value
