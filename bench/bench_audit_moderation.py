"""The audit log and the moderation queue at county scale (issue 18, DESIGN.md §7).

    python bench/bench_audit_moderation.py [--dir /tmp/scale-h] [--rebuild] [--runs 5]

Builds (once; ``--rebuild`` starts again) a migrated SQLite database in ``--dir`` holding the
demo county plus, added with bulk SQLAlchemy Core inserts, 100,000 comments (11,793 of them
waiting for a moderator, some referred to the commission and some returned from it), 90,000
moderation decisions and 90,000 audit events chained as ``record_event`` chains them, over a
year, with a signed checkpoint with the first event of each day as ``sign_if_due`` signs it.
Its own encryption and checkpoint keys live in the same folder.

Then it prints the services' times (the whole chain's verification, the verification from the
newest checkpoint, a page of the audit log, the queue, the waiting count, the decisions of the
listed comments, the whole moderation log and its CSV) and each page's script run as the roles
that use it, cold (a fresh process's first run) and warm (median of ``--runs`` later runs).
Figures only: nothing here asserts a duration (DESIGN.md §7).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COMMENTS = 100_000
WAITING = 11_793
REFERRED = 1_300
DECISIONS = 90_000
EVENTS = 90_000

USERS = {
    role: {"is_logged_in": True, "email": f"{role}@bench.example", "sub": f"bench-{role}",
           "name": f"Bench {role}", "roles": [role]}
    for role in ("staff", "moderator", "commissioner", "admin")
}
PAGES = (
    ("app_pages/audit_log.py", "commissioner"),
    ("app_pages/audit_log.py", "admin"),
    ("app_pages/moderation_queue.py", "moderator"),
    ("app_pages/moderation_queue.py", "admin"),
    ("app_pages/moderation_queue.py", "staff"),  # refused: the cost of saying so
)


def use_folder(folder: Path) -> None:
    """Point the portal at the scratch database and its keys (before anything reads settings)."""
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["PORTAL_DATABASE_URL"] = f"sqlite:///{folder / 'portal.db'}"
    os.environ["PORTAL_ENCRYPTION_KEY_FILE"] = str(folder / "encryption.key")
    os.environ["PORTAL_CHECKPOINT_KEY_FILE"] = str(folder / "checkpoint.key")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def timed(fn):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started


# --- Building the data ---------------------------------------------------------------------

def _comments(session, rng: random.Random, now) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    """100,000 comments in all, bulk inserted; returns (id, state) of those added."""
    import sqlalchemy as sa

    import moderation
    from portal.engagement.comments import flags_json
    from portal.engagement.models import Comment, urgency
    from portal.notices.models import SurveillanceTechnology

    existing = session.execute(sa.select(sa.func.count()).select_from(Comment)).scalar_one()
    waiting_now = session.execute(sa.select(sa.func.count()).select_from(Comment)
                                  .where(Comment.state.in_(("pending", "escalated")))).scalar_one()
    demo = json.loads((ROOT / "data" / "demo" / "comments.json").read_text(encoding="utf-8"))
    texts = [m["raw_text"] for m in demo]
    screened = {t: moderation.screen(t) for t in texts}
    technologies = list(session.execute(sa.select(SurveillanceTechnology.id)).scalars())
    n = COMMENTS - existing
    waiting = max(0, WAITING - waiting_now)
    first_id = (session.execute(sa.select(sa.func.max(Comment.id))).scalar() or 0) + 1
    rows, added = [], []
    for i in range(n):
        text = rng.choice(texts)
        result = screened[text]
        if rng.random() > 0.2:
            text = f"{text} ({rng.choice(['Thanks.', 'Please reconsider.', 'Signed.'])} #{i})"
        flags = flags_json(result)
        # The newest are the ones still waiting; the referred ones among them.
        if i >= n - waiting:
            state = "escalated" if i >= n - REFERRED else "pending"
        else:
            state = "published" if rng.random() < 0.8 else "rejected"
        submitted = now - timedelta(minutes=(n - i) * 5 + rng.randrange(5))
        rows.append({
            "id": first_id + i, "target_type": "notice", "target_id": rng.choice(technologies),
            "raw_text": text, "redacted_text": result.redacted, "position": None,
            "name": None, "email": None, "author_ref": None, "district_id": None,
            "language": "en", "state": state,
            "public_reason": "Spam or advertising" if state == "rejected" else None,
            "receipt_code": secrets.token_hex(8), "flags": flags, "urgency": urgency(flags),
            "campaign_key": None, "submitted_at": submitted,
            "published_at": submitted + timedelta(hours=20) if state == "published" else None,
            "raw_purged_at": None, "official_response": None, "official_response_by": None,
            "official_response_at": None, "lock_version": 1 if state == "pending" else 2,
        })
        added.append((first_id + i, state, submitted))
        if len(rows) == 5000:
            session.execute(sa.insert(Comment.__table__), rows)
            rows = []
            print(f"  comments: {i + 1:,} / {n:,}", flush=True)
    if rows:
        session.execute(sa.insert(Comment.__table__), rows)
    return added


def _decisions(session, rng: random.Random, added) -> None:  # type: ignore[no-untyped-def]
    import sqlalchemy as sa

    from portal.engagement.models import ModerationDecision

    existing = session.execute(sa.select(sa.func.count()).select_from(ModerationDecision)
                               ).scalar_one()
    moderators = [f"moderator{i}@alder-county.example" for i in range(6)]
    rows = []
    referred = [(cid, at) for cid, state, at in added if state == "escalated"]
    # Some waiting comments were referred and then returned to moderators by the commission.
    returned = [(cid, at) for cid, state, at in added if state == "pending" and rng.random() < 0.03]
    decided = [(cid, state, at) for cid, state, at in added
               if state in ("published", "rejected")]
    for cid, at in referred + returned:
        rows.append({"comment_id": cid, "moderator": rng.choice(moderators),
                     "action": "escalate", "reason": "Needs the commission",
                     "decided_at": at + timedelta(hours=3)})
    for cid, at in returned:
        rows.append({"comment_id": cid, "moderator": "commissioner@alder-county.example",
                     "action": "commission_return", "reason": "For moderators to decide",
                     "decided_at": at + timedelta(hours=30)})
    for cid, state, at in decided:
        rows.append({"comment_id": cid, "moderator": rng.choice(moderators),
                     "action": "publish" if state == "published" else "reject",
                     "reason": None if state == "published" else "spam",
                     "decided_at": at + timedelta(hours=20)})
        if len(rows) >= DECISIONS - existing:
            break
    # Any left over: earlier referrals that the commission then decided.
    for cid, state, at in decided:
        if len(rows) >= DECISIONS - existing:
            break
        rows.append({"comment_id": cid, "moderator": rng.choice(moderators), "action": "escalate",
                     "reason": "Needs the commission", "decided_at": at + timedelta(hours=2)})
    for start in range(0, len(rows), 10_000):
        session.execute(sa.insert(ModerationDecision.__table__), rows[start:start + 10_000])


def _events(session, rng: random.Random, now) -> None:  # type: ignore[no-untyped-def]
    """Audit events chained after the demo's, a year of them, with daily signed checkpoints."""
    import sqlalchemy as sa

    from portal.audit.checkpoints import sign_checkpoint
    from portal.audit.models import AuditEvent
    from portal.audit.service import GENESIS, as_json_value, compute_hash

    existing = session.execute(sa.select(sa.func.count()).select_from(AuditEvent)).scalar_one()
    head = session.execute(sa.select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
                           ).scalar()
    prev = head or GENESIS
    n = EVENTS - existing
    start = now - timedelta(days=365)
    step = timedelta(days=365) / n
    actions = [("engagement.publish", "comment"), ("engagement.reject", "comment"),
               ("engagement.escalate", "comment"), ("notices.publish", "surveillance_technology"),
               ("inventory.update", "practice"), ("auth.grant_role", "role_grant")]
    batch: list[dict] = []
    day = None

    def flush() -> None:
        if batch:
            session.execute(sa.insert(AuditEvent.__table__), batch)
            batch.clear()

    for i in range(n):
        action, entity = rng.choice(actions)
        event = AuditEvent(
            occurred_at=start + step * i, actor=f"moderator{rng.randrange(6)}@alder-county.example",
            actor_roles="moderator", action=action, entity_type=entity,
            entity_id=str(rng.randrange(1, COMMENTS)),
            detail=as_json_value({"note": None, "lock_version": 1}), prev_hash=prev, hash="")
        event.hash = compute_hash(prev, event)
        prev = event.hash
        batch.append({c: getattr(event, c) for c in
                      ("occurred_at", "actor", "actor_roles", "action", "entity_type",
                       "entity_id", "detail", "prev_hash", "hash")})
        if event.occurred_at.date() != day:  # the first event of a day signs a checkpoint
            day = event.occurred_at.date()
            flush()
            sign_checkpoint(session, reason="daily", now=event.occurred_at)
        if len(batch) == 10_000:
            flush()
    flush()


def build(folder: Path) -> None:
    from portal.auth.roles import SYSTEM
    from portal.base import utcnow
    from portal.db import make_engine, session_scope, upgrade
    from portal.demo.loader import load_demo

    engine = make_engine()
    upgrade(engine)
    rng = random.Random(18)
    started = time.perf_counter()
    with session_scope(engine) as session:
        load_demo(session=session, actor=SYSTEM)
    print(f"demo county loaded in {time.perf_counter() - started:.1f} s", flush=True)
    now = utcnow()
    with session_scope(engine) as session:
        added, took = timed(lambda: _comments(session, rng, now))
        print(f"{len(added):,} comments added in {took:.1f} s", flush=True)
        _, took = timed(lambda: _decisions(session, rng, added))
        print(f"moderation decisions added in {took:.1f} s", flush=True)
        _, took = timed(lambda: _events(session, rng, now))
        print(f"audit events and daily checkpoints added in {took:.1f} s", flush=True)
    engine.dispose()
    (folder / "built").write_text("ok\n")


# --- Measuring -----------------------------------------------------------------------------

def census() -> None:
    import sqlalchemy as sa

    from portal.db import make_engine

    engine = make_engine()
    with engine.connect() as connection:
        for table, where in (("comment", ""), ("comment", " WHERE state IN ('pending', 'escalated')"),
                             ("moderation_decision", ""), ("audit_event", ""),
                             ("audit_checkpoint", "")):
            count = connection.execute(sa.text(f"SELECT COUNT(*) FROM {table}{where}")).scalar()
            print(f"  {table}{where}: {count:,}")
    engine.dispose()


def services() -> None:
    """Each service the two pages call, timed once against the scratch database."""
    from portal.audit import queries
    from portal.auth.roles import Actor, Role
    from portal.db import make_engine, session_scope
    from portal.engagement import decisions, queue
    from portal.exports import to_csv

    commissioner = Actor(subject="c@bench.example", roles=frozenset({Role.COMMISSIONER}))
    moderator = Actor(subject="m@bench.example", roles=frozenset({Role.MODERATOR}))
    engine = make_engine()
    with session_scope(engine) as session:
        report, took = timed(lambda: queries.verify(session=session, actor=commissioner))
        print(f"audit.verify_chain (every event): {ms(took)} ({report.events:,} events, "
              f"ok={report.ok})")
        if hasattr(queries, "verify_recent"):
            tail, took = timed(lambda: queries.verify_recent(session=session, actor=commissioner))
            print(f"audit.verify_recent (from the newest checkpoint): {ms(took)} "
                  f"({tail.checked:,} events after checkpoint #{tail.checkpoint.id if tail.checkpoint else None}, "
                  f"ok={tail.ok})")
        events, took = timed(lambda: queries.list_events(session=session, actor=commissioner,
                                                         limit=getattr(queries, "PAGE", 500)))
        print(f"audit.list_events, first page: {ms(took)} ({len(events):,} events)")
        if hasattr(queries, "PAGE"):
            later, took = timed(lambda: queries.list_events(
                session=session, actor=commissioner, limit=queries.PAGE,
                before=events[-1].id - 40_000))
            print(f"audit.list_events, a page 40,000 events back: {ms(took)} "
                  f"({len(later):,} events)")
        items, took = timed(lambda: queue.moderation_queue(session=session, actor=moderator))
        print(f"engagement.moderation_queue: {ms(took)} ({len(items):,} comments listed)")
        if hasattr(queue, "waiting_count"):
            waiting, took = timed(lambda: queue.waiting_count(session=session, actor=moderator))
            print(f"engagement.waiting_count: {ms(took)} ({waiting:,} waiting)")
        if hasattr(decisions, "earlier_decisions"):
            found, took = timed(lambda: decisions.earlier_decisions(
                session=session, actor=moderator, comment_ids=[c.id for c in items]))
            print(f"engagement.earlier_decisions the listed comments: {ms(took)} "
                  f"({sum(map(len, found.values())):,} decisions)")
        if hasattr(decisions, "decision_count"):
            count, took = timed(lambda: decisions.decision_count(session=session, actor=moderator))
            print(f"engagement.decision_count: {ms(took)} ({count:,} decisions)")
        log, took = timed(lambda: decisions.moderation_log(session=session, actor=moderator))
        print(f"engagement.moderation_log (every decision): {ms(took)} ({len(log):,} rows)")
        data, took = timed(lambda: to_csv(log, decisions.LOG_COLUMNS))
        print(f"  its CSV: {ms(took)} ({len(data) / 1e6:.1f} MB)")
    engine.dispose()


def time_page(script: str, role: str, runs: int) -> None:
    """In a fresh process: the first run is cold, as after a server start."""
    from bench.pagetime import report
    from bench.pagetime import time_page as page_times

    report(f"{script} as {role}", *page_times(script, USERS[role], runs=runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=Path("/tmp/scale-h"))
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--page", nargs=2, metavar=("SCRIPT", "ROLE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    use_folder(args.dir)
    if args.page:
        time_page(*args.page, runs=args.runs)
        return
    if args.rebuild or not (args.dir / "built").exists():
        for name in ("portal.db", "portal.db-wal", "portal.db-shm", "built"):
            (args.dir / name).unlink(missing_ok=True)
        build(args.dir)
    print(f"database: {args.dir / 'portal.db'}")
    census()
    services()
    for script, role in PAGES:
        subprocess.run([sys.executable, __file__, "--dir", str(args.dir), "--runs",
                        str(args.runs), "--page", script, role], check=True)


if __name__ == "__main__":
    main()
