from datetime import date

import pytest
from sqlmodel import Session

from portal.auth.roles import Role
from portal.disclosure import SUPPRESSION_NOTE
from tests import factories
from tests.apptest import run_script, texts


def test_residents_see_aggregates_and_no_identities(session: Session) -> None:
    dept = factories.department(session)
    factories.info_request(session, department_id=dept.id, received_date=date(2025, 1, 5), people_covered=3,
                           requesting_agency="Secret Agency Name", public_summary="Summary about Ana")
    factories.info_request(session, department_id=dept.id, received_date=date(2025, 4, 5),
                           outcome="fulfilled", residents_notified="legally_barred")
    session.commit()
    at = run_script("app_pages/request_log.py")
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Requests received"] == "2"
    # 3 and 1 people: below k = 11, shown as such, never as the numbers themselves.
    assert metrics["People covered"] == "fewer than 11"
    shown = texts(at) + "".join(d.value.to_csv() for d in at.dataframe)
    quarters = at.dataframe[0].value
    assert list(quarters["People covered"]) == ["fewer than 11", "fewer than 11"]
    assert "Counts of fewer than 11 people are not shown" in shown
    assert "2025 Q1" in shown and "2025 Q2" in shown
    assert "for 1 the law forbade telling them" in shown
    assert "Secret Agency Name" not in shown and "Ana" not in shown and "IR-T-" not in shown
    [download] = [d for d in at.get("download_button") if "CSV" in d.proto.label]
    assert download.proto.label == "Requests by quarter (CSV)"


def test_staff_on_an_empty_log(database_url: str) -> None:
    at = run_script("app_pages/request_log.py", Role.STAFF)
    assert not at.exception
    assert any("No request has been published yet" in i.value for i in at.info)


def _quarters(session: Session, people: list[int]) -> None:
    dept = factories.department(session)
    for month, covered in zip((1, 4, 7, 10), people, strict=True):
        factories.info_request(session, department_id=dept.id, received_date=date(2025, month, 5),
                               people_covered=covered)
    session.commit()


def test_small_quarterly_people_counts_are_hidden_and_the_page_says_why(
    session: Session, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The figures issue 15 found published: 1, 2, 5 and 6 people in four quarters.
    _quarters(session, [1, 2, 5, 6])
    for k in (11, 7):
        monkeypatch.setenv("PORTAL_SUPPRESSION_K", str(k))
        at = run_script("app_pages/request_log.py")
        assert not at.exception
        quarters = at.dataframe[0].value
        assert list(quarters["Quarter"]) == ["2025 Q1", "2025 Q2", "2025 Q3", "2025 Q4"]
        # Each quarter's count is a word, never the number (nor one worked out from the total).
        assert set(quarters["People covered"]) <= {f"fewer than {k}", "hidden"}
        assert not {"1", "2", "5", "6"} & {str(v) for v in quarters["People covered"]}
        # Why, in the portal's one wording, with the threshold in force.
        note = SUPPRESSION_NOTE.format(k=k)
        assert f"Counts of fewer than {k} people are not shown, so that no one can be singled out" in note
        assert any(c.value == note for c in at.caption)


def test_the_request_log_in_spanish(session: Session) -> None:
    dept = factories.department(session)
    factories.info_request(session, department_id=dept.id, received_date=date(2025, 1, 5), people_covered=3)
    factories.info_request(session, department_id=dept.id, received_date=date(2025, 4, 5),
                           outcome="fulfilled", residents_notified="legally_barred")
    session.commit()
    at = run_script("app_pages/request_log.py", query={"lang": "es"})
    assert not at.exception
    shown = texts(at)
    assert at.title[0].value == "Registro de solicitudes"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Solicitudes recibidas"] == "2" and metrics["Personas afectadas"] == "menos de 11"
    assert "No se muestran los recuentos de menos de 11 personas" in shown
    assert "en 1, la ley prohibía informarles" in shown
    assert "Requests received" not in shown and "fewer than" not in shown
    quarters = at.dataframe[0].value
    assert list(quarters["Personas afectadas"]) == ["menos de 11", "menos de 11"]
    outcomes = next(d.value for d in at.dataframe if "Resultado" in d.value.columns)
    assert "Rechazadas" in set(outcomes["Resultado"])
