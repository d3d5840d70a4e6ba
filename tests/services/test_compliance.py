"""Every compliance rule: a practice that breaks it, and one that does not."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import Session

from portal.auth.roles import RESIDENT, Actor, Role
from portal.errors import PermissionDenied
from portal.inventory.compliance import RULES, Facts, evaluate
from portal.inventory.findings import compliance_findings, compliance_trend
from portal.inventory.service import create_practice, get_practice, update_practice
from tests import factories
from tests.factories import practice_values

TODAY = date(2026, 11, 15)
ALL_TERMS = {k: True for k in ("permitted_uses", "onward_sharing_ban", "retention_destruction",
                               "breach_notification", "audit_rights")}
STAFF = Actor(subject="clerk@x.example", roles=frozenset({Role.STAFF}))
COMMISSIONER = Actor(subject="c@x.example", roles=frozenset({Role.COMMISSIONER}))

# A well-documented practice that breaks no rule.
CLEAN = {
    "status": "active", "recipient_type": "vendor", "mechanism": "formal", "channel": "contract",
    "legal_basis_type": "contract", "sensitive_categories": ["health"], "frequency": "monthly",
    "agreement_title": "Services DSA", "agreement_end": "2027-06-30", "agreement_terms": ALL_TERMS,
    "retention_days": 365, "retention_text": "One year.", "residents_notified": True,
    "hosted_by_third_party": False,
}

CASES = {
    "INV-01": ({"agreement_title": None, "agreement_terms": {}, "agreement_end": None},
               {"agreement_title": None, "agreement_terms": {}, "agreement_end": None,
                "legal_basis_type": "statute", "recipient_type": "state_agency"}),
    "INV-02": ({"mechanism": "informal", "channel": "phone", "sensitive_categories": ["immigration_status"]},
               {"mechanism": "formal", "sensitive_categories": ["immigration_status"]}),
    "INV-03": ({"mechanism": "informal", "channel": "email"},
               {"mechanism": "informal", "channel": "email", "sensitive_categories": []}),
    "INV-04": ({"agreement_end": "2026-11-14"}, {"agreement_end": "2026-11-15"}),
    "INV-05": ({"agreement_terms": {**ALL_TERMS, "onward_sharing_ban": False}}, {}),
    "INV-06": ({"retention_days": 400}, {"retention_days": 365}),
    "INV-07": ({"retention_days": None, "retention_text": None},
               {"retention_days": None, "retention_text": "As the State's schedule requires."}),
    "INV-08": ({"residents_notified": False},
               {"residents_notified": False, "frequency": "on_request"}),
    "INV-09": ({"hosted_by_third_party": True},
               {"hosted_by_third_party": True, "sensitive_categories": []}),
}


def fired(overrides: dict, classification: str = "confidential") -> set[str]:
    facts = Facts.of({**CLEAN, **overrides}, practice_id=1, classification=classification,
                     policy_days=365)
    return {f.rule_id for f in evaluate(facts, TODAY)}


def test_the_clean_practice_breaks_no_rule() -> None:
    assert fired({}) == set()


def test_every_rule_has_a_case_and_its_explanations() -> None:
    assert set(CASES) == {r.id for r in RULES}
    for rule in RULES:
        assert rule.severity in ("critical", "high", "medium", "low")
        assert rule.explanation and rule.principle and rule.title


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_fires_on_its_case_and_not_on_the_near_miss(rule_id: str) -> None:
    breaks, near_miss = CASES[rule_id]
    assert rule_id in fired(breaks)
    assert rule_id not in fired(near_miss)


def test_restricted_dataset_hosted_by_a_vendor_is_a_finding_even_without_categories() -> None:
    assert "INV-09" in fired({"hosted_by_third_party": True, "sensitive_categories": []},
                             classification="restricted")


def test_retired_practices_have_no_open_findings() -> None:
    assert fired({"status": "retired", "mechanism": "informal", "channel": "phone",
                  "sensitive_categories": ["immigration_status"]}) == set()


def test_findings_follow_the_record_and_the_commission_sees_them(session: Session) -> None:
    factories.dataset(session, identifier="ds-x", retention_policy_days=365)
    practice = create_practice(session=session, actor=STAFF, values=practice_values(
        "ds-x", channel="phone", legal_basis_type="none_stated",
        sensitive_categories=["immigration_status"], frequency="on_request",
        retention_text="Not kept."))
    detail = get_practice(session=session, actor=RESIDENT, practice_id=practice.id)
    assert {f.rule_id for f in detail.findings} == {"INV-01", "INV-02"}
    rows = compliance_findings(session=session, actor=COMMISSIONER)
    assert [(r.rule_id, r.severity) for r in rows] == [("INV-02", "critical"), ("INV-01", "high")]

    update_practice(session=session, actor=STAFF, practice_id=practice.id, values=practice_values(
        "ds-x", retention_text="Not kept.", frequency="on_request"))
    assert compliance_findings(session=session, actor=STAFF) == []
    trend = compliance_trend(session=session, actor=STAFF)
    today = [p for p in trend if p["day"] == trend[-1]["day"]]
    assert sum(p["findings"] for p in today) == 0


def test_trend_replays_versions(session: Session) -> None:
    from datetime import UTC, datetime

    from sqlmodel import select

    from portal.audit.models import RecordVersion
    from portal.inventory.models import SharingPractice
    from portal.inventory.service import today

    factories.dataset(session, identifier="ds-t", retention_policy_days=365)
    practice = create_practice(session=session, actor=STAFF, values=practice_values(
        "ds-t", channel="email", sensitive_categories=["health"], frequency="on_request",
        retention_text="x", legal_basis_type="none_stated"))
    update_practice(session=session, actor=STAFF, practice_id=practice.id,
                    values=practice_values("ds-t", retention_text="x", frequency="on_request"))
    # Pretend the first version was saved three days ago and the practice created then.
    first = session.exec(select(RecordVersion).where(RecordVersion.version == 1)).one()
    three_days_ago = datetime.now(UTC) - timedelta(days=3)
    first.changed_at = three_days_ago
    row = session.get(SharingPractice, practice.id)
    row.created_at = three_days_ago
    session.add_all([first, row])
    session.flush()
    trend = compliance_trend(session=session, actor=STAFF, on=today())
    totals = {}
    for point in trend:
        totals[point["day"]] = totals.get(point["day"], 0) + point["findings"]
    days = sorted(totals)
    assert len(days) >= 3
    assert totals[days[0]] == 2  # informal sensitive sharing, no agreement
    assert totals[days[-1]] == 0


def test_residents_cannot_read_the_commission_view(session: Session) -> None:
    with pytest.raises(PermissionDenied):
        compliance_findings(session=session, actor=RESIDENT)
    with pytest.raises(PermissionDenied):
        compliance_trend(session=session, actor=RESIDENT)
