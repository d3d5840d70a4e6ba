from datetime import date

from sqlmodel import Session

from portal.auth.roles import Role
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
