"""A survey's page and results with 50,000 responses, and the memory of its answers export.

    python bench/bench_surveys.py [--responses 50000] [--answers 250000] [--seed 11]

Adds to the demo county one published survey of six questions (one choice, 5-point
agreement, several choices, rating 0–10, district, long text) and ``--responses``
anonymous responses, inserted in bulk (SQLAlchemy Core executemany), not through
``submit_response``: screening is measured by bench_screening.py. Stored as the answering
service stores them: the day (midnight UTC), the district the resident chose (some chose
none), several choices as a JSON list, a district answer as the district's id; free text
(one response in twenty) as a screened comment, raw text encrypted through the ORM, half of
them published by a moderator. Some options are rare, so suppression has work to do. If the
survey then holds fewer than ``--answers`` answers, more responses are added until it does.

Then it times, as a resident, the survey's page (whose "Results so far" tab works out the
results): cold is the first script run, warm the median of later runs. Targets: under
300 ms warm, under 1.5 s cold. It times ``survey_results`` alone (first and second call),
and measures the answers export (a generator of CSV bytes in batches) written chunk by
chunk to a file: seconds, the process's peak RSS, and the peak of Python's traced memory,
beside the peak of holding the whole file in memory (``b"".join``).

It prints figures; it is not a timed test.
"""

from __future__ import annotations

import argparse
import csv
import gc
import io
import itertools
import json
import math
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SLUG = "bench-county-services"
PAGE = "app_pages/surveys.py"
BATCH = 5_000  # responses per executemany batch (about 25,000 answers)
DAYS_OPEN = 30

TRAVEL = ["Walk", "Bike", "Bus", "Car", "Paratransit", "Other"]
SERVICES = ["Library", "Parks", "Permits", "Public health clinic", "Courts", "None of these"]

#: The questions in order, with the share of respondents who answer each.
QUESTIONS: list[tuple[float, dict[str, Any]]] = [
    (0.99, {"kind": "single_choice", "text": "How do you usually travel to county services?",
            "options": TRAVEL}),
    (0.98, {"kind": "likert", "text": "The county explains clearly how it uses surveillance technology."}),
    (0.97, {"kind": "multi_choice", "text": "Which county services did you use in the last year?",
            "options": SERVICES}),
    (0.97, {"kind": "rating", "text": "How well does the county protect residents' data, from 0 to 10?"}),
    (0.92, {"kind": "district", "text": "Which district do you live in?"}),
    (0.05, {"kind": "long_text", "text": "Is there anything else you would like to tell us?"}),
]
TRAVEL_WEIGHTS = [15, 6, 20, 50, 0.05, 4]  # paratransit: a handful a district, so suppressed
LIKERT_WEIGHTS = [10, 20, 25, 30, 15]
SERVICE_WEIGHTS = [40, 45, 15, 12, 0.1, 8]  # courts: rare
RATING_WEIGHTS = [3, 2, 3, 5, 7, 12, 14, 18, 16, 12, 8]

STAFF = "staff@bench.example"

#: A response's answers: (question id, value), the value None for free text (a comment).
Answers = list[tuple[int, str | None]]


def create(session: Session) -> tuple[int, list[tuple[float, int, str]]]:
    """The published survey, opened ``DAYS_OPEN`` days ago: its id, [(share, question id, kind)]."""
    from portal.auth.roles import SYSTEM
    from portal.surveys.builder import add_question, create_survey, publish_survey

    opens = (datetime.now(UTC) - timedelta(days=DAYS_OPEN - 1)).replace(
        hour=0, minute=0, second=0, microsecond=0)
    survey = create_survey(session=session, actor=SYSTEM, values={
        "slug": SLUG, "title": "County services and your data",
        "description": "A benchmark survey: how residents use county services.",
        "opens_at": opens, "closes_at": opens + timedelta(days=DAYS_OPEN + 30)})
    questions = []
    for share, values in QUESTIONS:
        q = add_question(session=session, actor=SYSTEM, survey_id=survey.id, values=values)
        questions.append((share, q.id, q.kind))
    publish_survey(session=session, actor=SYSTEM, survey_id=survey.id)
    return survey.id, questions  # type: ignore[return-value]


def free_texts() -> list[tuple[str, Any]]:
    """The demo county's comment texts, each with its screening result (screened once)."""
    import moderation

    demo = json.loads((Path(__file__).resolve().parent.parent / "data" / "demo" / "comments.json")
                      .read_text(encoding="utf-8"))
    return [(t, moderation.screen(t)) for t in sorted({m["raw_text"] for m in demo})]


def receipt(rng: random.Random) -> str:
    from portal.engagement.comments import _RECEIPT_ALPHABET

    raw = "".join(rng.choice(_RECEIPT_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def responses(rng: random.Random, n: int, first_id: int, survey_id: int, opens: datetime,
              districts: list[int], questions: list[tuple[float, int, str]],
              travel: dict[int | None, list[float]]) -> Iterator[tuple[dict[str, Any], Answers]]:
    """``n`` responses: (response row, [(question id, value, or None for free text)])."""
    from portal.surveys.vocab import LIKERT

    days = min(DAYS_OPEN, (datetime.now(UTC) - opens).days + 1)
    for i in range(n):
        answers: Answers = []
        district = None
        for share, qid, kind in questions:
            if kind == "district" and rng.random() < share:
                district = rng.choice(districts)
        for share, qid, kind in questions:
            if kind == "district":
                if district is not None:
                    answers.append((qid, str(district)))
                continue
            if rng.random() >= share:
                continue
            if kind == "single_choice":
                answers.append((qid, rng.choices(TRAVEL, travel[district])[0]))
            elif kind == "likert":
                answers.append((qid, rng.choices(LIKERT, LIKERT_WEIGHTS)[0]))
            elif kind == "multi_choice":
                chosen = set(rng.choices(SERVICES, SERVICE_WEIGHTS, k=rng.choice((1, 1, 2, 2, 3))))
                answers.append((qid, json.dumps([o for o in SERVICES if o in chosen], ensure_ascii=False)))
            elif kind == "rating":
                answers.append((qid, str(rng.choices(range(11), RATING_WEIGHTS)[0])))
            else:
                answers.append((qid, None))
        yield ({"id": first_id + i, "survey_id": survey_id, "district_id": district,
                "language": "es" if rng.random() < 0.15 else "en",
                "submitted_at": opens + timedelta(days=rng.randrange(days))}, answers)


def add_responses(session: Session, survey_id: int, questions: list[tuple[float, int, str]],
                  n: int, rng: random.Random, texts: list[tuple[str, Any]]) -> tuple[int, int]:
    """Insert ``n`` responses in batches; returns (answers, free-text comments) added."""
    import sqlalchemy as sa

    from portal.engagement.comments import flags_json
    from portal.engagement.models import Comment
    from portal.geography.models import District
    from portal.surveys.models import Survey, SurveyAnswer, SurveyResponse

    survey = session.get(Survey, survey_id)
    assert survey is not None and survey.opens_at is not None
    districts = sorted(session.execute(sa.select(District.id)).scalars())
    # How residents travel differs by district (and for those who gave none).
    travel = {d: [w * rng.uniform(0.5, 1.5) for w in TRAVEL_WEIGHTS] for d in [*districts, None]}
    first = (session.execute(sa.select(sa.func.max(SurveyResponse.id))).scalar() or 0) + 1
    connection = session.connection()
    add_response = sa.insert(SurveyResponse.__table__)  # type: ignore[attr-defined]
    add_answer = sa.insert(SurveyAnswer.__table__)  # type: ignore[attr-defined]
    generated = responses(rng, n, first, survey_id, survey.opens_at, districts, questions, travel)
    answers = comments = 0
    while batch := list(itertools.islice(generated, BATCH)):
        connection.execute(add_response, [row for row, _ in batch])
        # Free text: a screened comment, raw text encrypted by the ORM type, half published.
        made = []
        for row, given in batch:
            for qid, value in given:
                if value is None:
                    text, screened = rng.choice(texts)
                    suffix = f" (response {row['id']})"
                    published = rng.random() < 0.5
                    made.append(Comment(
                        target_type="survey", target_id=survey_id, raw_text=text + suffix,
                        redacted_text=screened.redacted + suffix, district_id=row["district_id"],
                        language=screened.language, state="published" if published else "pending",
                        receipt_code=receipt(rng), flags=flags_json(screened),
                        submitted_at=row["submitted_at"],
                        published_at=row["submitted_at"] if published else None))
        session.add_all(made)
        session.flush()
        comment_ids = iter(c.id for c in made)
        rows = []
        for row, given in batch:
            for qid, value in given:
                comment_id = next(comment_ids) if value is None else None
                rows.append({"response_id": row["id"], "question_id": qid, "value": value or "",
                             "comment_id": comment_id})
        connection.execute(add_answer, rows)
        answers += len(rows)
        comments += len(made)
        session.expunge_all()
    return answers, comments


def load(engine: Engine, n: int, at_least: int, seed: int) -> tuple[int, str]:
    from portal.db import session_scope

    rng = random.Random(seed)
    started = time.perf_counter()
    texts = free_texts()
    with session_scope(engine) as session:
        survey_id, questions = create(session)
        answers, comments = add_responses(session, survey_id, questions, n, rng, texts)
        total = n
        # Top up with more responses until the export has ``at_least`` answers.
        while answers < at_least:
            more = math.ceil((at_least - answers) / (answers / total) * 1.02) + 10
            a, c = add_responses(session, survey_id, questions, more, rng, texts)
            answers, comments, total = answers + a, comments + c, total + more
    added = "" if total == n else f"{total - n:,} responses added to reach {at_least:,} answers; "
    print(f"survey {SLUG!r}: {total:,} responses, {answers:,} answers, {comments:,} free-text "
          f"comments ({added}loaded in {time.perf_counter() - started:.1f} s)")
    return survey_id, SLUG


def services(engine: Engine, survey_id: int) -> None:
    """survey_results outside the page: first call (after a fresh engine's first query), second."""
    from portal.auth.roles import RESIDENT
    from portal.db import session_scope
    from portal.surveys.results import survey_results

    for label in ("first call", "second call"):
        with session_scope(engine) as session:
            started = time.perf_counter()
            results = survey_results(session=session, actor=RESIDENT, survey_id=survey_id)
            elapsed = time.perf_counter() - started
        print(f"survey_results service ({label}): {elapsed * 1000:.0f} ms "
              f"({results.responses_shown} responses, {len(results.questions)} questions)")


def _rss_mb() -> float:
    """The process's resident memory now, from /proc (Linux), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _reset_peak_rss() -> bool:
    """Set the peak RSS back to the current RSS (Linux: "5" to clear_refs), if allowed.

    ru_maxrss is a high-water mark of the whole run: after loading and the page runs it
    stays above what one export needs, so without a reset the export shows as +0 MB.
    """
    gc.collect()
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def export(engine: Engine, survey_id: int) -> None:
    """The answers export, streamed to a file and held whole in memory."""
    from portal.auth.roles import Actor, Role
    from portal.db import session_scope
    from portal.surveys.results import export_answers

    staff = Actor(subject=STAFF, roles=frozenset({Role.STAFF}))

    def stream(out: Any) -> tuple[int, float]:
        written = 0
        started = time.perf_counter()
        with session_scope(engine) as session:
            for chunk in export_answers(session=session, actor=staff, survey_id=survey_id):
                out.write(chunk)
                written += len(chunk)
        return written, time.perf_counter() - started

    def whole() -> tuple[int, float]:
        started = time.perf_counter()
        with session_scope(engine) as session:
            data = b"".join(export_answers(session=session, actor=staff, survey_id=survey_id))
        return len(data), time.perf_counter() - started

    def rss(label: str, run: Any) -> tuple[Any, str]:
        reset = _reset_peak_rss()
        now, before = _rss_mb(), _peak_rss_mb()
        result = run()
        after = _peak_rss_mb()
        how = "reset to RSS now" if reset else "high-water mark of the whole run: could not reset"
        return result, (f"    {label}: RSS {now:.0f} MB before, peak RSS {before:.0f} MB before "
                        f"({how}), {after:.0f} MB after (+{after - before:.0f} MB)")

    def traced(label: str, run: Any) -> Any:
        gc.collect()
        tracemalloc.start()
        result = run()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"    {label}: peak traced Python memory {peak / 1e6:.1f} MB "
              f"({result[1]:.1f} s under tracemalloc)")
        return result

    # Streamed to a file, as a download written chunk by chunk: untraced for the seconds
    # and the process's peak RSS, then under tracemalloc for the most Python memory at once.
    with tempfile.TemporaryFile() as out:
        (written, seconds), memory = rss("streamed", lambda: stream(out))
        out.seek(0)
        reader = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
        rows = sum(1 for _ in csv.reader(reader)) - 1
        reader.detach()
    print(f"answers export streamed to a file: {rows:,} rows, {written / 1e6:.1f} MB written in "
          f"{seconds:.1f} s ({rows / seconds:,.0f} rows/s)")
    print(memory)
    with tempfile.TemporaryFile() as out:
        traced("streamed", lambda: stream(out))
    # Held whole, as b"".join(export_answers(...)): what keeping it all in memory costs.
    (size, seconds), memory = rss('b"".join', whole)
    print(f'answers export held whole (b"".join): {size / 1e6:.1f} MB in {seconds:.1f} s')
    print(memory)
    traced('b"".join', whole)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=50_000)
    parser.add_argument("--answers", type=int, default=250_000,
                        help="answers the export covers (responses are added to reach it)")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()

    from bench.pagetime import demo_database, report, time_page

    with demo_database() as engine:
        survey_id, slug = load(engine, args.responses, args.answers, args.seed)
        cold, warm = time_page(PAGE, query={"survey": slug}, runs=7)
        report(f"survey page with results so far, {slug} (resident)", cold, warm)
        print(f"    cold {cold:.2f} s ({'within' if cold <= 1.5 else 'OVER'} the 1.5 s target)")
        services(engine, survey_id)
        export(engine, survey_id)


if __name__ == "__main__":
    main()
