"""The sharing inventory page's script run with 5,000 practices on a fresh SQLite file.

    python bench/bench_inventory.py [--practices 5000]

Generates the practices from the demo county's vocabularies (about a quarter
with sensitive categories, a tenth informal, some with agreements), then
times the page cold (first run) and warm (median of later runs).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def generate(session, n: int) -> None:  # type: ignore[no-untyped-def]
    import sqlalchemy as sa

    from portal.base import utcnow
    from portal.inventory import vocab
    from portal.inventory.models import Dataset, SharingPractice

    rng = random.Random(5)
    datasets = session.execute(sa.select(Dataset.id, Dataset.department_id)).all()
    sensitive = list(vocab.SENSITIVE_CATEGORIES)
    now = utcnow()
    rows = []
    for i in range(n):
        dataset_id, department_id = rng.choice(datasets)
        channel = rng.choice(["law", "contract", "data_sharing_agreement", "open_data", "mou"] * 3
                             + ["phone", "email"])
        agreement = channel in ("contract", "data_sharing_agreement", "mou")
        rows.append({
            "dataset_id": dataset_id, "department_id": department_id,
            "title": f"Generated practice {i:05d}: {rng.choice(['monthly report', 'case referral', 'data feed', 'records check'])}",
            "recipient": rng.choice(["State Police", "Acme Analytics LLC", "State University",
                                     "Federal agency", "Harbor Nonprofit"]),
            "recipient_type": rng.choice(list(vocab.RECIPIENT_TYPES)),
            "mechanism": "informal" if channel in ("phone", "email") else "formal",
            "channel": channel,
            "legal_basis_type": rng.choice(list(vocab.LEGAL_BASIS_TYPES)),
            "legal_basis": "Generated legal basis text " * 3,
            "purpose": "Generated purpose, a sentence or two long, as real records are. " * 2,
            "data_elements": rng.sample(["name", "date of birth", "address", "case number",
                                         "phone", "diagnosis", "plate"], 3),
            "sensitive_categories": rng.sample(sensitive, rng.choice([0, 0, 0, 1, 2])),
            "frequency": rng.choice(list(vocab.FREQUENCIES)),
            "agreement_title": "Generated agreement" if agreement else None,
            "agreement_start": date(2022, 1, 1) if agreement else None,
            "agreement_end": date(2024, 1, 1) + timedelta(days=rng.randrange(1500)) if agreement else None,
            "agreement_terms": {k: rng.random() > 0.2 for k in vocab.AGREEMENT_TERMS} if agreement else {},
            "retention_days": rng.choice([None, 90, 365, 1825, 4000]),
            "retention_text": rng.choice([None, "As the schedule requires."]),
            "residents_notified": rng.random() > 0.3,
            "hosted_by_third_party": rng.random() > 0.8,
            "status": rng.choice(["active"] * 8 + ["suspended", "retired"]),
            "version": 1, "created_at": now, "updated_at": now, "updated_by": "bench",
        })
    session.execute(sa.insert(SharingPractice.__table__), rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--practices", type=int, default=5000)
    args = parser.parse_args()
    from bench.pagetime import demo_database, report, time_page
    from portal.db import session_scope

    with demo_database() as engine:
        with session_scope(engine) as session:
            started = time.perf_counter()
            demo = session.execute(__import__("sqlalchemy").text("SELECT COUNT(*) FROM sharing_practice")).scalar_one()
            generate(session, max(0, args.practices - demo))
        total = max(demo, args.practices)
        print(f"{total:,} practices loaded ({time.perf_counter() - started:.1f} s to generate)")
        report(f"inventory page with {total:,} practices (resident)", *time_page("app_pages/inventory.py"))
        report("request log (resident)", *time_page("app_pages/request_log.py"))
        report("compliance findings (commissioner)",
               *time_page("app_pages/compliance.py", {"is_logged_in": True, "email": "c@x.example",
                                                  "roles": ["commissioner"]}, runs=5))


if __name__ == "__main__":
    main()
