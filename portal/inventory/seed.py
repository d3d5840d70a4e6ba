"""The demo county's departments, datasets and sharing practices."""

from __future__ import annotations

from sqlmodel import select

from portal.demo.seeding import Checker, Seed, SeedContext, iso_date
from portal.inventory import vocab as iv
from portal.inventory.models import Dataset, Department, SharingPractice

ACCESS_LEVELS = ("public", "restricted public", "non-public")


def check(c: Checker) -> None:
    data = c.data
    departments = c.known["department"] = {d["code"] for d in data["departments"]}
    datasets = c.known["dataset"] = {d["identifier"] for d in data["datasets"]}
    c.known["practice"] = {p["ref"] for p in data["practices"]}
    for n, d in enumerate(data["datasets"], start=1):
        c.vocab(d["department"], departments, "datasets.department", n)
        c.vocab(d["classification"], iv.CLASSIFICATIONS, "datasets.classification", n)
        c.vocab(d["access_level"], ACCESS_LEVELS, "datasets.access_level", n)
    for n, p in enumerate(data["practices"], start=1):
        w = "practices."
        c.vocab(p["dataset"], datasets, w + "dataset", n)
        c.vocab(p["department"], departments, w + "department", n)
        c.vocab(p["recipient_type"], iv.RECIPIENT_TYPES, w + "recipient_type", n)
        c.vocab(p["mechanism"], iv.MECHANISMS, w + "mechanism", n)
        c.vocab(p["channel"], iv.CHANNELS, w + "channel", n)
        c.vocab(p["legal_basis_type"], iv.LEGAL_BASIS_TYPES, w + "legal_basis_type", n)
        c.each(p["sensitive_categories"], iv.SENSITIVE_CATEGORIES, w + "sensitive_categories", n)
        c.vocab(p["frequency"], iv.FREQUENCIES, w + "frequency", n)
        c.vocab(p["status"], iv.PRACTICE_STATUSES, w + "status", n)
        c.each(p["agreement_terms"].keys(), iv.AGREEMENT_TERMS, w + "agreement_terms", n)


def _departments(ctx: SeedContext) -> None:
    known = dict(ctx.s.exec(select(Department.code, Department.id)).all())
    new = [Department(code=d["code"], name=d["name"], description=d["description"],
                      contact_email=d.get("contact_email"))
           for d in ctx.d["departments"] if d["code"] not in known]
    ctx.add(new)
    known.update({r.code: r.id for r in new})
    ctx.ids["department"] = known
    ctx.contact.update({d["code"]: d.get("contact_email") or "system" for d in ctx.d["departments"]})


def _datasets(ctx: SeedContext) -> None:
    known = dict(ctx.s.exec(select(Dataset.identifier, Dataset.id)).all())
    department = ctx.ids["department"]
    held: dict[str, set[str]] = {}
    for p in ctx.d["practices"]:
        held.setdefault(p["dataset"], set()).update(p["sensitive_categories"])
    new = []
    for d in ctx.d["datasets"]:
        if d["identifier"] in known:
            continue
        new.append(Dataset(
            identifier=d["identifier"], department_id=department[d["department"]],
            title=d["title"], description=d["description"],
            classification=d["classification"], keywords=d["keywords"],
            access_level=d["access_level"],
            retention_policy_days=d["retention_policy_days"],
            sensitive_categories=sorted(held.get(d["identifier"], ())),
            modified=iso_date(d["modified"]),
        ))
    ctx.add(new)
    known.update({r.identifier: r.id for r in new})
    ctx.ids["dataset"] = known


def _practices(ctx: SeedContext) -> None:
    existing = {(ds, title): pid for pid, ds, title in ctx.s.exec(
        select(SharingPractice.id, SharingPractice.dataset_id, SharingPractice.title)
    ).all()}
    department, dataset = ctx.ids["department"], ctx.ids["dataset"]
    refs: dict[str, int] = {}
    new: list[tuple[str, SharingPractice]] = []
    for p in ctx.d["practices"]:
        dataset_id = dataset[p["dataset"]]
        key = (dataset_id, p["title"])
        if key in existing:
            refs[p["ref"]] = existing[key]
            continue
        by = ctx.contact.get(p["department"], "system")
        new.append((p["ref"], SharingPractice(
            dataset_id=dataset_id, department_id=department[p["department"]],
            title=p["title"], recipient=p["recipient"], recipient_type=p["recipient_type"],
            mechanism=p["mechanism"], channel=p["channel"],
            legal_basis_type=p["legal_basis_type"], legal_basis=p["legal_basis"],
            purpose=p["purpose"], data_elements=p["data_elements"],
            sensitive_categories=p["sensitive_categories"], frequency=p["frequency"],
            agreement_title=p["agreement_title"],
            agreement_start=iso_date(p["agreement_start"]),
            agreement_end=iso_date(p["agreement_end"]),
            agreement_terms=p["agreement_terms"], retention_days=p["retention_days"],
            retention_text=p["retention_text"],
            residents_notified=p["residents_notified"],
            hosted_by_third_party=p["hosted_by_third_party"], status=p["status"],
            start_date=iso_date(p["start_date"]), end_date=iso_date(p["end_date"]),
            created_at=ctx.now, updated_at=ctx.now, updated_by=by,
        )))
    ctx.add([row for _, row in new])
    refs.update({ref: row.id for ref, row in new})  # type: ignore[misc]
    ctx.ids["practice"] = refs


def load(ctx: SeedContext) -> None:
    _departments(ctx)
    _datasets(ctx)
    _practices(ctx)


SEED = Seed(
    files={"departments": "departments.json", "datasets": "datasets.json",
           "practices": "practices.json"},
    check=check, load=load, tables=(Department, Dataset, SharingPractice),
    provides=("department", "dataset", "practice"),
)
