"""A meeting packet over 10,000 published comments, PDF included, and ``portal summarize``.

    python bench/bench_packet.py [--comments 10000] [--seed 7]

Adds to the demo county's next meeting an agenda item on one published notice and
``--comments`` published comments on it (inserted in bulk; screening is measured by
bench_screening.py): sentences drawn from eight topics in English and Spanish, positions
as residents give them, districts (some none), and a 1,000-copy letter-writing campaign
of which one copy in ten adds a sentence of its own. Half as many again are left pending
or rejected, so the moderation-state filter has work to do.

Then it times ``build_packet`` as a commissioner (content, summarizer, suppression, PDF,
Markdown, audit), phase by phase from its progress reports; the meeting page as a
resident, cold and warm, with the packet published; and ``portal summarize`` on the same
10,000 texts as a CSV, through the real command. Target (DESIGN.md §7): a packet over
10,000 comments in under 10 s, PDF included.

It prints figures; it is not a timed test.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TOPICS = [
    ["The cameras record every car on Main Street", "Plates are kept for a whole year",
     "Nobody told us the readers were installed"],
    ["Keep the readers away from schools", "Children are dropped off right under the cameras",
     "Parents were never asked about the school lanes"],
    ["Publish an audit of every search of the plate database",
     "Who searched and why should be public every month", "The audit log must be independent"],
    ["The vendor can share our data with other agencies", "The contract lets the vendor sell data",
     "Sharing with federal agencies must be banned in the contract"],
    ["The system costs too much for what it does", "That money should go to the library",
     "The fiscal cost was never explained at a hearing"],
    ["Las cámaras graban a todos los vecinos del barrio", "No queremos que compartan los datos con inmigración",
     "La información debe estar en español también"],
    ["Stolen cars are found faster with the readers", "The police need modern tools",
     "I support the expansion if the data is deleted after thirty days"],
    ["Retention of thirty days is too long", "Delete the plates that match nothing after one day",
     "Retention rules must be written into the ordinance"],
]
CAMPAIGN = ("I oppose the expansion of licence plate readers. The county must not build a "
            "database of where residents drive. Delete all records that match no hotlist "
            "within 24 hours, and publish every data-sharing agreement.")
EXTRA = ["I live on Division Street.", "My family has been stopped twice.",
         "Please hold the hearing in the evening.", "Translate the notice into Vietnamese."]


def _text(rng: random.Random) -> tuple[str, str]:
    topic = rng.randrange(len(TOPICS))
    chosen = rng.sample(TOPICS[topic], k=rng.randint(1, 3))
    language = "es" if topic == 5 else "en"
    return ". ".join(chosen) + ".", language


def populate(engine, n: int, seed: int) -> tuple[int, int]:
    """The meeting id and the notice id, after inserting the comments."""
    import sqlalchemy as sa
    from sqlmodel import Session, select

    from portal.auth.roles import SYSTEM
    from portal.base import utcnow
    from portal.engagement.models import Comment
    from portal.geography.models import District
    from portal.notices.models import SurveillanceTechnology
    from portal.oversight.models import AgendaItem, Meeting
    from portal.oversight.service import add_agenda_item

    rng = random.Random(seed)
    with Session(engine) as session:
        meeting = session.exec(select(Meeting).where(Meeting.scheduled_at > utcnow())
                               .order_by(Meeting.scheduled_at)).first()
        # A notice no other item of the meeting is about, so the 10,000 are summarized once.
        on_agenda = session.exec(select(AgendaItem.target_id).where(
            AgendaItem.meeting_id == meeting.id, AgendaItem.target_type == "notice")).all()
        notice = session.exec(select(SurveillanceTechnology).where(
            SurveillanceTechnology.is_published == True,
            SurveillanceTechnology.id.not_in(on_agenda))).first()
        districts = list(session.exec(select(District.id)).all())
        add_agenda_item(session=session, actor=SYSTEM, meeting_id=meeting.id,
                        title="Bench: licence plate readers, 10,000 comments",
                        target_type="notice", target_id=notice.id,
                        input_from=utcnow() - timedelta(days=60))
        session.commit()
        meeting_id, notice_id = meeting.id, notice.id
    now = utcnow()
    rows = []
    states = ["published"] * n + ["pending"] * (n // 4) + ["rejected"] * (n // 4)
    campaign = 1_000 if n >= 2_000 else n // 10
    for i, state in enumerate(states):
        if state == "published" and i < campaign:
            text = CAMPAIGN + (" " + rng.choice(EXTRA) if i % 10 == 9 else "")
            language = "en"
        else:
            text, language = _text(rng)
        rows.append({
            "target_type": "notice", "target_id": notice_id, "redacted_text": text,
            "position": rng.choice(["support", "oppose", "oppose", "neutral", None]),
            "district_id": rng.choice(districts + [None]) if districts else None,
            "language": language, "state": state, "receipt_code": uuid.uuid4().hex[:16],
            "flags": [], "urgency": 0, "submitted_at": now - timedelta(days=rng.uniform(1, 50)),
            "lock_version": 1,
        })
    with engine.begin() as conn:
        conn.execute(sa.insert(Comment.__table__), rows)
    print(f"inserted {len(rows):,} comments ({n:,} published, a {campaign:,}-copy campaign)")
    return meeting_id, notice_id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    from sqlmodel import Session

    from bench.pagetime import demo_database, report, time_page
    from portal.auth.roles import Actor, Role
    from portal.oversight.packets import build_packet

    commissioner = Actor(subject="bench@alder-county.example",
                         roles=frozenset({Role.COMMISSIONER}), display_name="Bench commissioner")
    with demo_database() as engine:
        meeting_id, notice_id = populate(engine, args.comments, args.seed)
        marks: list[tuple[float, str]] = []
        with Session(engine, expire_on_commit=False) as session:
            started = time.perf_counter()
            packet = build_packet(session=session, actor=commissioner, meeting_id=meeting_id,
                                  progress=lambda f, m: marks.append((time.perf_counter(), m)))
            session.commit()
            total = time.perf_counter() - started
        print(f"packet build over {args.comments:,} published comments: {total:.2f} s "
              f"({'within' if total < 10 else 'OVER'} the 10 s target); "
              f"PDF {len(packet.pdf or b''):,} bytes, Markdown {len(packet.markdown):,} chars")
        previous = started
        for at, message in marks:
            print(f"  {at - previous:6.2f} s  then: {message}")
            previous = at
        cold, warm = time_page("app_pages/meeting.py", query={"id": str(meeting_id)}, runs=10)
        report("meeting page with its packet (resident)", cold, warm)

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "comments.csv"
            import sqlalchemy as sa

            with engine.connect() as conn:
                texts = conn.execute(sa.text(
                    "SELECT id, redacted_text, position FROM comment WHERE state = 'published' "
                    "AND target_type = 'notice' AND target_id = :t"), {"t": notice_id}).all()
            with path.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow(["id", "text", "position"])
                writer.writerows(texts)
            started = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "portal", "summarize", str(path), "--position-column",
                 "position"], capture_output=True, text=True, check=False,
                env={**os.environ}, cwd=Path(__file__).resolve().parent.parent)
            seconds = time.perf_counter() - started
            if done.returncode:
                raise SystemExit(done.stderr)
            print(f"portal summarize on {len(texts):,} comments: {seconds:.2f} s "
                  f"(whole process, imports included; {len(done.stdout):,} bytes of JSON)")
    varied_summary(args.comments, args.seed)


def varied_summary(n: int, seed: int) -> None:
    """The summarizer alone on ``n`` texts with no two alike (the packet's texts repeat
    sentences, so many collapse into campaigns): eight topics of 40 words each, mixed with
    words from a 3,000-word vocabulary."""
    from moderation.summarize import summarize_texts

    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(3_000)]
    topics = [rng.sample(vocabulary, 40) for _ in range(8)]
    texts = []
    for _ in range(n):
        words = (rng.choices(topics[rng.randrange(8)], k=rng.randint(8, 30))
                 + rng.choices(vocabulary, k=rng.randint(5, 20)))
        rng.shuffle(words)
        texts.append(" ".join(words).capitalize() + ".")
    started = time.perf_counter()
    summary = summarize_texts(texts)
    print(f"summarizer alone on {n:,} varied texts: {time.perf_counter() - started:.2f} s "
          f"({len(summary.themes)} themes found of 8 made)")


if __name__ == "__main__":
    main()
