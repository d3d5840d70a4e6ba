"""The demo county's information requests."""

from __future__ import annotations

from sqlmodel import select

from portal.demo.seeding import Checker, Seed, SeedContext, iso_date
from portal.inventory.vocab import SENSITIVE_CATEGORIES
from portal.requests import vocab as rv
from portal.requests.models import InformationRequest


def check(c: Checker) -> None:
    for n, r in enumerate(c.data["requests"], start=1):
        w = "requests."
        c.vocab(r["department"], c.known["department"], w + "department", n)
        c.vocab(r["agency_type"], rv.AGENCY_TYPES, w + "agency_type", n)
        c.vocab(r["legal_process"], rv.LEGAL_PROCESSES, w + "legal_process", n)
        c.vocab(r["outcome"], rv.OUTCOMES, w + "outcome", n)
        c.vocab(r["residents_notified"], rv.NOTIFICATION, w + "residents_notified", n)
        c.each(r["data_categories"], SENSITIVE_CATEGORIES, w + "data_categories", n)


def load(ctx: SeedContext) -> None:
    have = set(ctx.s.exec(select(InformationRequest.reference)).all())
    ctx.add([InformationRequest(
        reference=r["reference"], received_date=iso_date(r["received_date"]),
        department_id=ctx.ids["department"][r["department"]],
        requesting_agency=r["requesting_agency"], agency_type=r["agency_type"],
        legal_process=r["legal_process"], data_categories=r["data_categories"],
        outcome=r["outcome"], residents_notified=r["residents_notified"],
        people_covered=r["people_covered"], response_date=iso_date(r["response_date"]),
        public_summary=r["public_summary"], status=r.get("status", "published"),
        created_at=ctx.now,
    ) for r in ctx.d["requests"] if r["reference"] not in have])


SEED = Seed(files={"requests": "requests.json"}, check=check, load=load,
            tables=(InformationRequest,), uses=("department",))
