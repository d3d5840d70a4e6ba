import pytest
from sqlmodel import Session

from portal.auth.roles import Role
from tests import factories
from tests.apptest import run_script, texts


def _seed(session: Session) -> None:
    factories.practice(session, title="Phone confirmations", mechanism="informal", channel="phone",
                       legal_basis_type="none_stated", frequency="on_request", retention_text="x",
                       recipient_type="federal_agency", sensitive_categories=["immigration_status"])
    factories.practice(session, title="Clean practice", retention_text="x", residents_notified=True)
    session.commit()


@pytest.mark.parametrize("role", [Role.COMMISSIONER, Role.STAFF, Role.ADMIN], ids=lambda r: r.value)
def test_commission_and_staff_see_open_findings(session: Session, role: Role) -> None:
    _seed(session)
    at = run_script("app_pages/compliance.py", role)
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Open findings"] == "2"
    assert metrics["Critical"] == "1" and metrics["High"] == "1"
    shown = texts(at)
    assert "1 practices have at least one open finding" in shown
    findings = next(d.value for d in at.dataframe if "What was found" in d.value.columns)
    assert set(findings["Practice"]) == {"Phone confirmations"}


@pytest.mark.parametrize("role", [None, Role.MODERATOR], ids=["resident", "moderator"])
def test_others_are_refused_by_the_service(session: Session, role: Role | None) -> None:
    _seed(session)
    at = run_script("app_pages/compliance.py", role)
    assert not at.exception
    assert any("may not do this: inventory.compliance_findings" in e.value for e in at.error)
    assert not at.metric
    assert "Phone confirmations" not in texts(at)


def test_findings_come_from_the_inventory_cache_and_follow_a_change(session: Session) -> None:
    """Read from the pages' cache of practices (issue 18: evaluating 5,000 on every view cost
    0.7 s), yet a practice added elsewhere (another replica, an import) shows on the next run,
    and the service still refuses those who may not read findings."""
    _seed(session)
    at = run_script("app_pages/compliance.py", Role.STAFF)
    assert {m.label: m.value for m in at.metric}["Open findings"] == "2"
    factories.practice(session, title="Second phone confirmations", mechanism="informal",
                       channel="phone", legal_basis_type="none_stated", frequency="on_request",
                       retention_text="x", recipient_type="federal_agency",
                       sensitive_categories=["immigration_status"])
    session.commit()
    at.run()
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Open findings"] == "4"
    findings = next(d.value for d in at.dataframe if "What was found" in d.value.columns)
    assert set(findings["Practice"]) == {"Phone confirmations", "Second phone confirmations"}


def test_findings_in_spanish(session: Session) -> None:
    _seed(session)
    at = run_script("app_pages/compliance.py", Role.COMMISSIONER, query={"lang": "es"})
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Hallazgos abiertos"] == "2"
    assert metrics["Crítica"] == "1" and metrics["Alta"] == "1"
    shown = texts(at)
    assert "Por gravedad y departamento" in shown and "Las reglas" in shown
    assert "By severity and department" not in shown and "Open findings" not in shown
    findings = next(d.value for d in at.dataframe if "Lo que se encontró" in d.value.columns)
    assert set(findings["Práctica"]) == {"Phone confirmations"}
    assert set(findings["Gravedad"]) == {"Crítica", "Alta"}
    rules = next(d.value for d in at.dataframe if "Por qué importa" in d.value.columns)
    assert "Datos delicados compartidos sin un acuerdo por escrito" in set(rules["Título"])
    # Each finding's reason too, computed once and cached for every visitor, reads in Spanish
    # here and in English in the English page.
    assert ("Comparte situación migratoria o de ciudadanía de manera informal (solicitud por "
            "teléfono).") in set(findings["Lo que se encontró"])
    assert "Abrir" in findings.columns
    english = run_script("app_pages/compliance.py", Role.COMMISSIONER)
    reasons = next(d.value for d in english.dataframe if "What was found" in d.value.columns)
    assert ("Shares immigration or citizenship status informally (phone request)."
            in set(reasons["What was found"]))


def test_the_shared_trend_is_refused_to_those_the_service_refuses(session: Session) -> None:
    """The trend is computed once for everyone who may read it; the service's check is made
    for the person asking before the shared answer is given."""
    from portal.auth.roles import Actor
    from portal.errors import PermissionDenied
    from portal.ui import cached

    _seed(session)
    moderator = Actor(subject="m@x", roles=frozenset({Role.MODERATOR}))
    with pytest.raises(PermissionDenied):
        cached.findings_trend(moderator)
    staff = Actor(subject="s@x", roles=frozenset({Role.STAFF}))
    days = cached.findings_trend(staff)
    today = max(row["day"] for row in days)
    assert {row["severity"]: row["findings"] for row in days if row["day"] == today} == {
        "Critical": 1, "High": 1, "Medium": 0, "Low": 0}
