"""The notices list and a notice page with 300 technologies and 3,000 locations (DESIGN.md §7).

    python bench/bench_notices.py
"""

from __future__ import annotations

import random
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TECHNOLOGIES = 300
LOCATIONS = 3000


def main() -> None:
    import sqlalchemy as sa

    from bench.pagetime import demo_database, report, time_page
    from portal.base import utcnow
    from portal.db import session_scope
    from portal.notices.models import DeploymentLocation, NoticeVersion, SurveillanceTechnology

    with demo_database() as engine:
        rng = random.Random(3)
        now = utcnow()
        policy = "The department may use this technology only as this policy allows. " * 60
        with session_scope(engine) as session:
            departments = session.exec(sa.text("SELECT id FROM department")).scalars().all()
            districts = session.exec(sa.text("SELECT id FROM district")).scalars().all()
            existing = session.exec(sa.text("SELECT COUNT(*) FROM surveillance_technology")).scalar_one()
            existing_locations = session.exec(sa.text("SELECT COUNT(*) FROM deployment_location")).scalar_one()
            for n in range(TECHNOLOGIES - existing):
                open_days = rng.choice([None, None, 5, 20, -30])
                tech = SurveillanceTechnology(
                    slug=f"bench-{n}", name=f"Bench technology {n}", category="camera",
                    department_id=rng.choice(departments), status="in_use", is_published=True,
                    comment_opens_at=None if open_days is None else now - timedelta(days=40),
                    comment_closes_at=None if open_days is None else now + timedelta(days=open_days),
                )
                session.add(tech)
                session.flush()
                for version in (1, 2):
                    session.add(NoticeVersion(
                        technology_id=tech.id, version=version, published_at=now - timedelta(days=10 - version),
                        description=f"Bench notice {n} v{version}", purpose="Benchmarking.",
                        data_collected="Video.", use_policy=policy, change_summary="Bench.",
                    ))
            session.flush()
            latest = session.exec(sa.text(
                "SELECT id, technology_id FROM notice_version WHERE technology_id IN "
                "(SELECT id FROM surveillance_technology WHERE slug LIKE 'bench-%') AND version = 2"
            )).all()
            rows = []
            for i in range(LOCATIONS - existing_locations):
                version_id, tech_id = latest[i % len(latest)]
                rows.append({
                    "notice_version_id": version_id, "technology_id": tech_id,
                    "district_id": rng.choice(districts), "label": f"Camera {i}",
                    "latitude": 45.45 + rng.random() * 0.15, "longitude": -122.75 + rng.random() * 0.35,
                    "geometry": None,
                })
            session.execute(sa.insert(DeploymentLocation.__table__), rows)
        with engine.connect() as conn:
            techs = conn.execute(sa.text("SELECT COUNT(*) FROM surveillance_technology")).scalar_one()
            locs = conn.execute(sa.text("SELECT COUNT(*) FROM deployment_location")).scalar_one()
        print(f"{techs} technologies, {locs} locations")

        report("notices list (resident)", *time_page("app_pages/notices.py"))
        report("notice page, alpr-fixed (resident)", *time_page("app_pages/notice.py", query={"technology": "alpr-fixed"}))
        report("notice page, bench-0 (resident)", *time_page("app_pages/notice.py", query={"technology": "bench-0"}))
        report("map of deployments, all locations (resident)", *time_page("app_pages/deployment_map.py"))


if __name__ == "__main__":
    main()
