"""An import refused on a Spanish page names the kind of record and the repeated field in
Spanish too, not as English words inside a Spanish sentence."""

from __future__ import annotations

from sqlmodel import Session, func, select

from portal.auth.roles import Role
from portal.exports import to_csv
from portal.i18n import using_language
from portal.inventory.models import SharingPractice
from portal.requests.models import InformationRequest
from tests import factories
from tests.apptest import run_script
from tests.factories import practice_values


def _problems(at) -> list[str]:
    """The refused file's problems, from the one table that lists them."""
    (table,) = [d.value for d in at.dataframe if "Problema" in d.value.columns]
    return list(table["Problema"])


def _refused(page: str, uploader: int, name: str, rows: list[dict]) -> list[str]:
    """Upload ``rows`` as a CSV file on ``page`` in Spanish; the problems the page lists."""
    at = run_script(page, Role.STAFF, query={"lang": "es"})
    with using_language("es"):  # the widgets' labels are formatted again when set
        at.file_uploader[uploader].set_value((name, to_csv(rows, list(rows[0])), "text/csv")).run()
    assert not at.exception
    return _problems(at)


def test_a_refused_file_of_practices_names_the_practice_and_its_dataset_and_title_in_spanish(
    session: Session,
) -> None:
    factories.dataset(session, identifier="ds-es")
    session.commit()
    first = {"id": "", **practice_values("ds-es", title="Conteos mensuales")}
    repeated = dict(first)
    unknown = {**first, "id": "999", "title": "Otra"}
    problems = _refused("app_pages/manage_inventory.py", 0, "practicas.csv",
                        [first, repeated, unknown])
    assert "repite la fila 2 (mismo valor: conjunto de datos y título)" in problems
    assert ("no hay ningún registro (práctica) con id 999 (déjelo vacío para agregar un "
            "registro nuevo)") in problems
    assert not any("dataset and title" in p or "(practice)" in p for p in problems)
    assert session.exec(select(func.count()).select_from(SharingPractice)).one() == 0


def test_a_refused_file_of_requests_names_the_request_and_its_reference_in_spanish(
    session: Session,
) -> None:
    factories.department(session, code="SHF")
    session.commit()
    row = {"reference": "IR-1", "received_date": "2025-03-02", "department": "SHF",
           "requesting_agency": "ICE ERO", "agency_type": "federal_immigration",
           "legal_process": "administrative_subpoena", "data_categories": "immigration_status",
           "outcome": "refused", "residents_notified": "notified", "people_covered": 2,
           "response_date": "2025-03-04"}
    unknown = {**row, "reference": "IR-2"}
    problems = _refused("app_pages/manage_inventory.py", 1, "solicitudes.csv",
                        [{"id": "", **row}, {"id": "", **row}, {"id": "998", **unknown}])
    assert "repite la fila 2 (mismo valor: referencia)" in problems
    assert ("no hay ningún registro (solicitud) con id 998 (déjelo vacío para agregar un "
            "registro nuevo)") in problems
    assert not any("(mismo valor: reference)" in p or "(request)" in p for p in problems)
    assert session.exec(select(func.count()).select_from(InformationRequest)).one() == 0


def test_a_file_of_indicator_values_whose_groups_add_up_to_more_than_their_total_in_spanish(
    session: Session,
) -> None:
    from portal.indicators.models import IndicatorValue

    factories.district(session, "D1")
    factories.indicator(session, "evictions")
    session.commit()
    rows = factories.value_rows("evictions", {("D1", "all", "all"): (1000, 4000),
                                              ("D1", "age", "Young"): (1200, 3000)})
    problems = _refused("app_pages/manage_indicators.py", 0, "valores.csv",
                        [r for _row, r in rows])
    assert problems == [("evictions 2026-Q3: los grupos de age del distrito D1 suman 1.200 "
                         "personas contadas, más que su total de 1.000")]
    assert session.exec(select(func.count()).select_from(IndicatorValue)).one() == 0
