"""The moderation queue page's script run with 10,000 pending comments.

    python bench/bench_moderation.py [--comments 10000]

Comments are made from the demo county's texts (some with personal data or
profanity, some copy-paste campaigns), screened as submissions are and
encrypted at rest like real ones, then the queue page is timed as a moderator
sees it: cold (first run) and warm (median of later runs). Target: under
300 ms warm (issue "One manifest per area", DESIGN.md §7).
"""

from __future__ import annotations

import argparse
import json
import random
import secrets
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

MODERATOR = {"is_logged_in": True, "email": "moderator@bench.example", "sub": "bench-moderator",
             "name": "Bench moderator", "roles": ["moderator"]}


def generate(session, n: int) -> None:  # type: ignore[no-untyped-def]
    import moderation
    import sqlalchemy as sa

    from portal.base import utcnow
    from portal.engagement.comments import flags_json
    from portal.engagement.models import Comment
    from portal.notices.models import SurveillanceTechnology

    rng = random.Random(10)
    demo = json.loads((Path(__file__).resolve().parent.parent / "data" / "demo" / "comments.json")
                      .read_text(encoding="utf-8"))
    texts = [m["raw_text"] for m in demo]
    technologies = list(session.execute(sa.select(SurveillanceTechnology.id)).scalars())
    # Screening is measured by bench_screening.py; here each distinct text is screened once.
    screened = {t: moderation.screen(t) for t in texts}
    now = utcnow()
    batch = []
    for i in range(n):
        text = rng.choice(texts)
        if rng.random() > 0.2:  # most are not verbatim copies
            text = f"{text} ({rng.choice(['Thanks.', 'Please reconsider.', 'Signed, a resident.'])} #{i})"
        result = screened.get(text) or moderation.screen(text)
        batch.append(Comment(
            target_type="notice", target_id=rng.choice(technologies), raw_text=text,
            redacted_text=result.redacted, flags=flags_json(result), language="en",
            state="pending", receipt_code=secrets.token_hex(8),
            submitted_at=now - timedelta(minutes=rng.randrange(60 * 24 * 30)),
        ))
        if len(batch) == 1000:
            session.add_all(batch)
            session.flush()
            batch = []
    session.add_all(batch)
    session.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=10_000)
    args = parser.parse_args()

    from bench.pagetime import demo_database, report, time_page
    from portal.db import session_scope
    from portal.engagement.queue import moderation_queue
    from portal.auth.roles import Actor, Role

    with demo_database() as engine:
        started = time.perf_counter()
        with session_scope(engine) as session:
            generate(session, args.comments)
        print(f"{args.comments:,} pending comments added in {time.perf_counter() - started:.1f} s")
        actor = Actor(subject="moderator@bench.example", roles=frozenset({Role.MODERATOR}))
        with session_scope(engine) as session:
            started = time.perf_counter()
            queue = moderation_queue(session=session, actor=actor)
            print(f"moderation_queue service: {len(queue):,} items in "
                  f"{(time.perf_counter() - started) * 1000:.0f} ms")
        report("moderation queue (moderator)", *time_page("app_pages/moderation_queue.py",
                                                         MODERATOR, runs=7))


if __name__ == "__main__":
    main()
