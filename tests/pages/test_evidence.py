"""The What Works Cities evidence page: staff and the commission see every criterion; others
are refused by the service and see none."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from portal.auth.roles import Role
from tests import factories
from tests.apptest import run_script, texts

CODES = ("DM2", "DM3", "DM5", "DM6", "DM7", "DM8", "OD1–OD3")


def _seed(session: Session) -> None:
    factories.practice(session, title="Phone confirmations")
    factories.technology(session, open_days=5)
    session.commit()


@pytest.mark.parametrize("role", [Role.STAFF, Role.COMMISSIONER, Role.ADMIN], ids=lambda r: r.value)
def test_staff_and_the_commission_see_every_criterion(session: Session, role: Role) -> None:
    _seed(session)
    at = run_script("app_pages/evidence.py", role)
    assert not at.exception, at.exception
    assert not at.error
    headings = [s.value for s in at.subheader]
    assert [h.split(" · ")[0] for h in headings] == list(CODES)
    shown = texts(at)
    # Status in words, the evidence's counts, and when it was last seen.
    assert shown.count("Status: ") == len(CODES)
    assert "Status: Partly met" in shown and "Status: Not yet met" in shown
    assert "1 dataset and 1 sharing practice in the inventory" in shown.replace("\\", "")
    assert "Latest evidence: none yet" in shown
    assert [b.label for b in at.get("download_button")] == ["Download as PDF"]
    # Links into the portal: the pages that hold the evidence.
    links = "\n".join(m.value for m in at.markdown)
    assert "(/inventory)" in links and "(/request-log)" in links


def test_links_the_role_may_not_open_are_left_out(session: Session) -> None:
    staff = "\n".join(m.value for m in run_script("app_pages/evidence.py", Role.STAFF).markdown)
    commission = "\n".join(m.value for m in run_script("app_pages/evidence.py", Role.COMMISSIONER).markdown)
    assert "(/manage-surveys)" in staff and "(/audit-log)" not in staff
    assert "(/audit-log)" in commission and "(/manage-surveys)" not in commission


@pytest.mark.parametrize("role", [None, Role.MODERATOR], ids=["resident", "moderator"])
def test_others_are_refused_by_the_service(session: Session, role: Role | None) -> None:
    _seed(session)
    at = run_script("app_pages/evidence.py", role)
    assert not at.exception
    assert any("may not do this: oversight.evidence" in e.value for e in at.error)
    assert not at.subheader
    assert not at.get("download_button")
    shown = texts(at)
    assert not any(code in shown for code in CODES)


def test_the_evidence_in_spanish(session: Session) -> None:
    _seed(session)
    at = run_script("app_pages/evidence.py", Role.COMMISSIONER, query={"lang": "es"})
    assert not at.exception, at.exception
    shown = texts(at).replace("\\", "")
    assert at.title[0].value == "Evidencia para What Works Cities"
    assert "DM2 · Mantener un inventario de datos completo" in [s.value for s in at.subheader]
    assert shown.count("Estado: ") == len(CODES) and "Estado: Cumplido en parte" in shown
    assert "1 conjunto de datos y 1 práctica de intercambio de datos en el inventario" in shown
    assert "Evidencia más reciente: ninguno todavía" in shown
    assert "Status: " not in shown and "in the inventory" not in shown
    assert [b.label for b in at.get("download_button")] == ["Descargar en PDF"]
