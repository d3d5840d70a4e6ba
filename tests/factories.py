"""Plain factory functions that build records for tests (DESIGN.md §8)."""

from __future__ import annotations

from datetime import timedelta
from itertools import count
from typing import Any

from sqlmodel import Session

from portal.base import utcnow
from portal.inventory.models import Dataset, Department, SharingPractice
from portal.notices.models import NoticeVersion, SurveillanceTechnology
from portal.oversight.models import Meeting

_seq = count(1)


def department(session: Session, **kw: Any) -> Department:
    n = next(_seq)
    row = Department(**{"code": f"DEP{n}", "name": f"Department {n}", **kw})
    session.add(row)
    session.flush()
    return row


def dataset(session: Session, **kw: Any) -> Dataset:
    n = next(_seq)
    if "department_id" not in kw:
        kw["department_id"] = department(session).id
    row = Dataset(**{"identifier": f"ds-{n}", "title": f"Dataset {n}", "classification": "confidential", **kw})
    session.add(row)
    session.flush()
    return row


def practice(session: Session, **kw: Any) -> SharingPractice:
    n = next(_seq)
    if "dataset_id" not in kw:
        ds = dataset(session)
        kw["dataset_id"] = ds.id
        kw.setdefault("department_id", ds.department_id)
    values: dict[str, Any] = {
        "title": f"Practice {n}",
        "recipient": "State Department of Health",
        "recipient_type": "state_agency",
        "mechanism": "formal",
        "channel": "law",
        "legal_basis_type": "statute",
        "legal_basis": "State Health Code § 12",
        "frequency": "monthly",
        **kw,
    }
    row = SharingPractice(**values)
    session.add(row)
    session.flush()
    return row


def technology(session: Session, *, open_days: int | None = None, **kw: Any) -> SurveillanceTechnology:
    n = next(_seq)
    if "department_id" not in kw:
        kw["department_id"] = department(session).id
    now = utcnow()
    if open_days is not None:
        kw.setdefault("comment_opens_at", now - timedelta(days=1))
        kw.setdefault("comment_closes_at", now + timedelta(days=open_days))
    row = SurveillanceTechnology(
        **{"slug": f"tech-{n}", "name": f"Technology {n}", "category": "camera",
           "status": "proposed", "is_published": True, **kw}
    )
    session.add(row)
    session.flush()
    session.add(NoticeVersion(technology_id=row.id, version=1, published_at=now, description="A camera."))
    session.flush()
    return row


def meeting(session: Session, *, days_from_now: int = 14, **kw: Any) -> Meeting:
    row = Meeting(
        **{"title": "Regular meeting", "scheduled_at": utcnow() + timedelta(days=days_from_now), **kw}
    )
    session.add(row)
    session.flush()
    return row


def info_request(session: Session, **kw: Any) -> "InformationRequest":
    from datetime import date

    from portal.requests.models import InformationRequest

    n = next(_seq)
    if "department_id" not in kw:
        kw["department_id"] = department(session).id
    values: dict[str, Any] = {
        "reference": f"IR-T-{n}",
        "received_date": date(2025, 2, 10),
        "requesting_agency": "Federal agency",
        "agency_type": "federal_immigration",
        "legal_process": "informal_request",
        "outcome": "refused",
        "residents_notified": "notified",
        "people_covered": 1,
        **kw,
    }
    row = InformationRequest(**values)
    session.add(row)
    session.flush()
    return row


def practice_values(dataset_identifier: str, **kw: Any) -> dict[str, Any]:
    """What a staff form or an import row holds for a valid practice."""
    return {
        "dataset": dataset_identifier,
        "title": "Monthly case counts to the State",
        "recipient": "State Department of Health",
        "recipient_type": "state_agency",
        "channel": "law",
        "legal_basis_type": "statute",
        "legal_basis": "State Health Code § 12",
        "purpose": "Disease surveillance.",
        "data_elements": ["case count", "week"],
        "frequency": "monthly",
        "residents_notified": True,
        **kw,
    }


def submitted_comment(session: Session, text: str = "Please publish the camera audit every year.", **kw: Any):
    """A pending comment stored through the submission service, as a resident would send it."""
    from portal.auth.roles import RESIDENT
    from portal.engagement.comments import submit_comment
    from portal.engagement.models import Comment
    from sqlmodel import select

    kw.setdefault("actor", RESIDENT)
    kw.setdefault("target_type", "general")
    kw.setdefault("personal_data_confirmed", True)
    receipt = submit_comment(session=session, text=text, **kw)
    return session.exec(select(Comment).where(Comment.receipt_code == receipt.code)).one()


def stored_comment(session: Session, text: str, *, state: str = "published",
                   published_at: Any = None, **kw: Any) -> "Comment":
    """A comment row as moderation leaves it, written directly (no screening, no decision):
    for lists of many comments; published ones are dated ``published_at`` (default now)."""
    from portal.engagement.models import Comment

    if state == "published" and published_at is None:
        published_at = utcnow()
    row = Comment(**{"target_type": "general", "redacted_text": text, "state": state,
                     "receipt_code": f"TEST-{next(_seq):06d}", "published_at": published_at, **kw})
    session.add(row)
    session.flush()
    return row


def district(session: Session, code: str, **kw: Any) -> "District":
    from portal.geography.models import District

    d = District(code=code, name=kw.pop("name", f"District {code}"), **kw)
    session.add(d)
    session.flush()
    return d


def indicator(session: Session, slug: str = "evictions", **kw: Any) -> "Indicator":
    """An indicator definition, created through its service as staff would."""
    from portal.auth.roles import SYSTEM
    from portal.indicators.definitions import create_definition

    values = {"slug": slug, "name": f"Indicator {slug}", "unit": "percent", **kw}
    return create_definition(session=session, actor=SYSTEM, values=values)


def value_rows(slug: str, table: dict[tuple[str, str, str], tuple[Any, Any]],
               period: str = "2026-Q3", first_row: int = 2) -> list[tuple[int, dict[str, Any]]]:
    """Rows of a values file: ``{(district, dimension, group): (numerator, denominator)}``."""
    return [(first_row + n, {"indicator": slug, "period": period, "district": d,
                             "group_dimension": dim, "group": g, "numerator": num,
                             "denominator": den})
            for n, ((d, dim, g), (num, den)) in enumerate(table.items())]


def as_attacker(session: Session, statement: str, params: dict[str, Any] | None = None) -> None:
    """Run SQL on the audit table as someone who can change the schema: the append-only
    triggers are lifted for the statement and put back after it (same transaction)."""
    import sqlalchemy as sa

    from portal.audit import triggers

    bind = session.connection()
    triggers.drop(bind)
    bind.execute(sa.text(statement), params or {})
    triggers.create(bind)
