"""A scratch database at the comment scale of DESIGN.md §7: the demo county plus 100,000 comments.

    python bench/scale_comments.py [/tmp/scale-i/portal.db] [--comments 100000]

Many comments are published on one notice (``alpr-fixed``) and on "Have your say" (general
comments); the rest are spread over the other notices, practices and indicators, in every
state. Rows go in by bulk insert with SQLAlchemy Core (no services, no audit events), so
the build takes seconds, not the hours 100,000 moderation decisions would. Some comments
share a publication instant, as a moderator's batch decision makes them.

``bench/bench_comment_pages.py`` builds it when it is missing. Nothing asserts a duration.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DEFAULT_PATH = Path("/tmp/scale-i/portal.db")
NOTICE = "alpr-fixed"
COMMENTS = 100_000
#: Share of all comments on the one notice and on general "Have your say", and how many of
#: those are published.
ON_NOTICE = 0.15
ON_GENERAL = 0.15
PUBLISHED = 0.7

WORDS = ["cameras", "plate", "readers", "retention", "audit", "privacy", "district", "county",
         "data", "policy", "public", "safety", "neighbourhood", "parents", "renters",
         "transparency", "oversight", "sharing", "vendor", "contract", "please", "stop",
         "support", "oppose", "annual", "report", "deletion", "warrant", "storage"]


def _text(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 60))]
    return " ".join(words).capitalize() + "."


def build(path: Path = DEFAULT_PATH, comments: int = COMMENTS, seed: int = 18) -> None:
    import sqlalchemy as sa

    from portal.auth.roles import SYSTEM
    from portal.base import utcnow
    from portal.db import make_engine, session_scope, upgrade
    from portal.demo.loader import load_demo
    from portal.engagement.models import Comment

    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    os.environ["PORTAL_DATABASE_URL"] = f"sqlite:///{path}"
    started = time.perf_counter()
    engine = make_engine()
    upgrade(engine)
    with session_scope(engine) as session:
        load_demo(session=session, actor=SYSTEM)
    print(f"demo county loaded ({time.perf_counter() - started:.1f} s)")

    rng = random.Random(seed)
    now = utcnow()
    with engine.begin() as conn:
        notice_id = conn.execute(sa.text("SELECT id FROM surveillance_technology WHERE slug = :s"),
                                 {"s": NOTICE}).scalar_one()
        others = {
            "notice": conn.execute(sa.text("SELECT id FROM surveillance_technology")).scalars().all(),
            "practice": conn.execute(sa.text("SELECT id FROM sharing_practice")).scalars().all(),
            "indicator": conn.execute(sa.text("SELECT id FROM indicator")).scalars().all(),
        }
        districts = conn.execute(sa.text("SELECT id FROM district")).scalars().all()
        existing = conn.execute(sa.text("SELECT COUNT(*) FROM comment")).scalar_one()
        table = Comment.__table__
        rows: list[dict[str, object]] = []
        batch_instant = now
        for n in range(comments - existing):
            r = rng.random()
            if r < ON_NOTICE:
                target_type, target_id = "notice", notice_id
            elif r < ON_NOTICE + ON_GENERAL:
                target_type, target_id = "general", None
            else:
                target_type = rng.choice(list(others))
                target_id = rng.choice(others[target_type]) if others[target_type] else None
                if target_id is None:
                    target_type = "general"
            submitted = now - timedelta(days=rng.uniform(1, 720))
            published = None
            if rng.random() < PUBLISHED:
                state = "published"
                # One in ten published in a batch: the same instant as the comment before.
                if rng.random() < 0.1:
                    published = batch_instant
                else:
                    published = submitted + timedelta(hours=rng.uniform(1, 72))
                batch_instant = published
            else:
                state = rng.choice(["pending", "pending", "rejected", "referred"])
            responded = state == "published" and rng.random() < 0.05
            rows.append({
                "target_type": target_type, "target_id": target_id, "raw_text": None,
                "redacted_text": _text(rng), "position": rng.choice([None, "support", "oppose", "neutral"]),
                "name": None, "email": None, "author_ref": None,
                "district_id": rng.choice(districts) if districts and rng.random() < 0.6 else None,
                "language": "en", "state": state, "public_reason": None,
                "receipt_code": f"SCALE-{n:07d}", "flags": [], "urgency": 0, "campaign_key": None,
                "submitted_at": submitted, "published_at": published,
                "raw_purged_at": submitted + timedelta(days=90),
                "official_response": "Thank you; the department will answer at the meeting." if responded else None,
                "official_response_by": "clerk@alder-county.example" if responded else None,
                "official_response_at": published + timedelta(days=2) if responded and published else None,
                "lock_version": 1,
            })
            if len(rows) == 10_000:
                conn.execute(sa.insert(table), rows)
                rows.clear()
        if rows:
            conn.execute(sa.insert(table), rows)
    with engine.connect() as conn:
        total = conn.execute(sa.text("SELECT COUNT(*) FROM comment")).scalar_one()
        counts = dict(conn.execute(sa.text(
            "SELECT target_type || ':' || COALESCE(target_id, ''), COUNT(*) FROM comment "
            "WHERE state = 'published' GROUP BY 1 ORDER BY 2 DESC LIMIT 2")).all())
    engine.dispose()
    print(f"{total:,} comments in {path} ({time.perf_counter() - started:.1f} s); "
          f"most published: {counts}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--comments", type=int, default=COMMENTS)
    args = parser.parse_args()
    build(args.path, args.comments)


if __name__ == "__main__":
    main()
