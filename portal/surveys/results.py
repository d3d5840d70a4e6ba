"""Survey results with small-number suppression, and the answers export.

Every count of respondents goes through ``portal.disclosure``: per question, the options
and the number who answered (one line); per district, the district × option table with
its margins (every line a reader can add up). A multiple-choice option is its own line
(chose it, did not) because respondents may choose several. A number question shows how
many answered and, from *k* answers, the median; never a minimum or maximum, which is one
person's answer. Free text is shown only as excerpts a moderator published, redacted.
"""

from __future__ import annotations

import json
import re
import statistics
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import sqlalchemy as sa
from sqlmodel import Session, select

from portal.auth.permissions import allowed, service
from portal.auth.roles import Actor
from portal.disclosure import (
    Figure,
    Status,
    one_way_lines,
    protect,
    shown,
    shown_text,
    two_way_lines,
)
from portal.engagement.models import Comment
from portal.errors import NotFound
from portal.exports import safe_cell, to_csv, to_json, valid_text
from portal.geography.models import District
from portal.i18n import _
from portal.settings import get_settings
from portal.surveys.builder import list_surveys
from portal.surveys.models import Survey, SurveyAnswer, SurveyQuestion, SurveyResponse
from portal.surveys.vocab import TEXT_KINDS

ANSWERED = "answered"
ALL = "all"


@dataclass(frozen=True)
class OptionResult:
    option: str
    count: int | None  # None when suppressed
    shown: str
    percent: str
    status: Status


@dataclass
class QuestionResult:
    position: int
    text: str
    kind: str
    retired: bool
    answered_shown: str
    options: list[OptionResult] = field(default_factory=list)
    by_district: list[dict[str, str]] = field(default_factory=list)  # table rows, as shown
    summary: str = ""
    excerpts: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SurveyResults:
    survey_id: int
    title: str
    status: str
    k: int
    responses_shown: str
    questions: list[QuestionResult]


#: (value, district id) → how many answers: counted in the database, never row by row here.
Counts = Counter[tuple[str, int | None]]


def _answers(session: Session, survey_id: int) -> dict[int, Counts]:
    """question id → answers counted by value and district (a few hundred groups, not
    the 250,000 rows a county survey collects)."""
    out: dict[int, Counts] = {}
    for qid, value, district, n in session.execute(
        sa.select(SurveyAnswer.question_id, SurveyAnswer.value, SurveyResponse.district_id,
                  sa.func.count())
        .join(SurveyResponse, SurveyResponse.id == SurveyAnswer.response_id)
        .where(SurveyResponse.survey_id == survey_id)
        .group_by(SurveyAnswer.question_id, SurveyAnswer.value, SurveyResponse.district_id)
    ):
        out.setdefault(qid, Counter())[(value, district)] += n
    return out


def _percent(count: float | None, total: float | None, status: Status) -> str:
    if status.suppressed or count is None or not total:
        return ""
    return f"{100 * count / total:.0f}%"


def _choices(q: SurveyQuestion, values: Counts, k: int, districts: dict[int, str],
             options: list[str]) -> QuestionResult:
    answered = sum(values.values())
    result = QuestionResult(q.position, q.text, q.kind, q.retired, "")
    if q.kind == "multi_choice":
        chosen: Counter[str] = Counter()
        for (v, _), n in values.items():
            for option in json.loads(v) if v.startswith("[") else [v]:
                chosen[option] += n
        total_status = protect({ALL: Figure(answered)}, [], k)[ALL]
        result.answered_shown = shown(answered, total_status, k)
        for option in options:
            cells = {option: Figure(chosen.get(option, 0)), "not": Figure(answered - chosen.get(option, 0)),
                     ALL: Figure(answered)}
            status = protect(cells, one_way_lines([option, "not"], ALL), k)
            count = chosen.get(option, 0)
            result.options.append(OptionResult(option, None if status[option].suppressed else count,
                                               shown(count, status[option], k),
                                               _percent(count, answered, status[option]), status[option]))
        return result
    counted: Counter[str] = Counter()
    for (v, _), n in values.items():
        counted[v] += n
    cells = {o: Figure(counted.get(o, 0)) for o in options}
    cells[ALL] = Figure(answered)
    status = protect(cells, one_way_lines(options, ALL), k)
    result.answered_shown = shown(answered, status[ALL], k)
    total = None if status[ALL].suppressed else answered
    for option in options:
        count = counted.get(option, 0)
        result.options.append(OptionResult(option, None if status[option].suppressed else count,
                                           shown(count, status[option], k),
                                           _percent(count, total, status[option]), status[option]))
    if q.kind != "district":  # a district question's answers are its own breakdown
        result.by_district = _by_district(values, options, districts, k)
    return result


def _by_district(values: Counts, options: list[str], districts: dict[int, str],
                 k: int) -> list[dict[str, str]]:
    """District × option with margins, protected as one table; responses with no district
    count in the county row only (so that row is at least the sum of the districts)."""
    rows = [str(d) for d in districts]
    if not rows:
        return []
    counted: Counter[tuple[str | None, str]] = Counter()
    by_option: Counter[str] = Counter()
    for (v, d), n in values.items():
        counted[(str(d) if d in districts else None, v)] += n
        by_option[v] += n
    cells: dict[tuple[str, str], Figure] = {}
    for r in rows:
        for o in options:
            cells[(r, o)] = Figure(counted.get((r, o), 0))
        cells[(r, ALL)] = Figure(sum(counted.get((r, o), 0) for o in options))
    for o in options:
        cells[(ALL, o)] = Figure(by_option.get(o, 0))
    cells[(ALL, ALL)] = Figure(sum(values.values()))
    status = protect(cells, two_way_lines(rows, options), k)
    table = []
    for r in [*rows, ALL]:
        name = districts[int(r)] if r != ALL else "All respondents"
        table.append({"District": name, **{o: shown(cells[(r, o)].count, status[(r, o)], k) for o in options},
                      "Answered": shown(cells[(r, ALL)].count, status[(r, ALL)], k)})
    return table


_MEDIAN = re.compile(r"Median answer: (.+)\.")
_TOO_FEW = re.compile(r"Too few answers \(fewer than (\d+)\) to show a summary\.")


def summary_text(text: str) -> str:
    """A number question's summary (written once, in English, by ``_number``: the exports and
    the packet's JSON hold it so) in the language in force."""
    if match := _MEDIAN.fullmatch(text):
        return _("Median answer: {value}.").format(value=shown_text(match.group(1)))
    if match := _TOO_FEW.fullmatch(text):
        return _("Too few answers (fewer than {k}) to show a summary.").format(k=match.group(1))
    return text


def _number(q: SurveyQuestion, values: Counts, k: int) -> QuestionResult:
    numbers = [float(v) for (v, _), n in values.items() if v for _ in range(n)]
    status = protect({ALL: Figure(len(numbers))}, [], k)[ALL]
    result = QuestionResult(q.position, q.text, q.kind, q.retired, shown(len(numbers), status, k))
    if not status.suppressed and numbers:
        result.summary = f"Median answer: {statistics.median(numbers):g}."
    elif numbers:
        result.summary = f"Too few answers (fewer than {k}) to show a summary."
    return result


@service("surveys.get_results")
def survey_results(*, session: Session, actor: Actor, survey_id: int) -> SurveyResults:
    survey = session.get(Survey, survey_id)
    if survey is None or (survey.status == "draft" and not allowed(actor, "surveys.create_survey")):
        raise NotFound(_("No such survey."))
    k = get_settings().suppression_k
    questions = session.exec(select(SurveyQuestion).where(SurveyQuestion.survey_id == survey_id)
                             .order_by(SurveyQuestion.position, SurveyQuestion.retired.desc())).all()
    answers = _answers(session, survey_id)
    districts = dict(session.execute(sa.select(District.id, District.name).order_by(District.code)).all())
    responses = session.execute(sa.select(sa.func.count()).select_from(SurveyResponse)
                                .where(SurveyResponse.survey_id == survey_id)).scalar_one()
    excerpts = _excerpts(session, survey_id)
    results = []
    for q in questions:
        values = answers.get(q.id, Counter())
        if q.kind in TEXT_KINDS:
            n = sum(values.values())
            result = QuestionResult(q.position, q.text, q.kind, q.retired,
                                    shown(n, protect({ALL: Figure(n)}, [], k)[ALL], k))
            result.excerpts = excerpts.get(q.id, [])
        elif q.kind == "number":
            result = _number(q, values, k)
        else:
            options = [str(i) for i in districts] if q.kind == "district" else list(q.options)
            result = _choices(q, values, k, districts, options)
            if q.kind == "district":
                for option in result.options:
                    object.__setattr__(option, "option", districts.get(int(option.option), option.option))
        results.append(result)
    total = protect({ALL: Figure(responses)}, [], k)[ALL]
    return SurveyResults(survey_id, survey.title, survey.status, k, shown(responses, total, k), results)


def _excerpts(session: Session, survey_id: int) -> dict[int, list[str]]:
    """Published, redacted free text by question: what a moderator let through."""
    out: dict[int, list[str]] = {}
    for qid, text in session.execute(
        sa.select(SurveyAnswer.question_id, Comment.redacted_text)
        .join(Comment, Comment.id == SurveyAnswer.comment_id)
        .join(SurveyResponse, SurveyResponse.id == SurveyAnswer.response_id)
        .where(SurveyResponse.survey_id == survey_id, Comment.state == "published")
        .order_by(SurveyAnswer.id)
    ):
        out.setdefault(qid, []).append(text)
    return out


@service("surveys.get_results_version")
def results_version(*, session: Session, actor: Actor, survey_id: int) -> tuple[Any, ...]:
    """Changes whenever :func:`survey_results` may: a cheap cache key (a few ms)."""
    responses, newest = session.execute(
        sa.select(sa.func.count(), sa.func.max(SurveyResponse.id))
        .where(SurveyResponse.survey_id == survey_id)).one()
    published = session.execute(sa.select(sa.func.count()).select_from(Comment).where(
        Comment.target_type == "survey", Comment.target_id == survey_id,
        Comment.state == "published")).scalar_one()
    survey = session.get(Survey, survey_id)
    return (survey_id, survey.version if survey else None, survey.status if survey else None,
            responses, newest, published, get_settings().suppression_k)


#: The columns of ``/api/surveys.csv``: one row per answer to choose (a question without
#: options, one row), county-wide; the district tables and the excerpts are in the JSON.
RESULTS_COLUMNS = ("survey", "survey_title", "survey_status", "question", "question_text",
                   "question_kind", "earlier_wording", "answered", "answered_shown", "answer",
                   "people", "people_shown", "share", "status", "summary")


def _figure(text: str) -> int | None:
    """The number a shown figure says ("1,234"), or None where it says none ("fewer than
    11", "hidden"): read from what the page shows, never counted again."""
    digits = text.replace(",", "")
    return int(digits) if digits.isdigit() else None


def results_file(session: Session, actor: Actor, fmt: str, base_url: str = "") -> bytes:
    """The results of every survey ``actor`` may read, as the results page shows them (small
    numbers suppressed by :func:`survey_results`, and nothing else), as CSV or JSON: what
    ``/api/surveys`` answers. A suppressed figure has no number, only what the page shows."""
    surveys = []
    for survey in sorted(list_surveys(session=session, actor=actor), key=lambda s: s.slug):
        res = survey_results(session=session, actor=actor, survey_id=survey.id)  # type: ignore[arg-type]
        surveys.append({
            "slug": survey.slug, "title": res.title, "status": res.status,
            "url": f"{base_url.rstrip('/')}/surveys?survey={quote(survey.slug)}",
            "opens_at": survey.opens_at, "closes_at": survey.closes_at, "k": res.k,
            "responses": _figure(res.responses_shown), "responses_shown": res.responses_shown,
            "questions": [{
                "position": q.position, "text": q.text, "kind": q.kind, "earlier_wording": q.retired,
                "answered": _figure(q.answered_shown), "answered_shown": q.answered_shown,
                "options": [{"answer": o.option, "people": o.count, "people_shown": o.shown,
                             "share": o.percent, "status": o.status.value} for o in q.options],
                "by_district": q.by_district, "summary": q.summary, "excerpts": q.excerpts,
            } for q in res.questions],
        })
    if fmt == "json":
        return to_json(surveys)
    rows = []
    for survey in surveys:
        for q in survey["questions"]:
            head = {"survey": survey["slug"], "survey_title": survey["title"],
                    "survey_status": survey["status"], "question": q["position"],
                    "question_text": q["text"], "question_kind": q["kind"],
                    "earlier_wording": q["earlier_wording"], "answered": q["answered"],
                    "answered_shown": q["answered_shown"], "summary": q["summary"]}
            rows += [{**head, **o} for o in q["options"]] or [head]
    return to_csv(rows, RESULTS_COLUMNS)


EXPORT_COLUMNS = ("response", "question", "question_text", "answer")


@service("surveys.export_answers")
def export_answers(*, session: Session, actor: Actor, survey_id: int,
                   batch: int = 5000) -> Iterator[bytes]:
    """The answers as CSV, one line per answer, streamed in batches (bounded memory).

    No identifier: responses are numbered 1, 2, 3… in the order they arrived; no district,
    day or language (joined to the answers, those single respondents out). Free text is
    the published excerpt, or a note that it awaits moderation. Cells are spreadsheet-safe.
    """
    import csv
    import io

    if session.get(Survey, survey_id) is None:
        raise NotFound(_("No such survey."))
    questions = {q.id: (q.position, q.text) for q in session.exec(
        select(SurveyQuestion).where(SurveyQuestion.survey_id == survey_id)).all()}
    numbers: dict[int, int] = {}

    def line(values: list[Any]) -> bytes:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerow([safe_cell(valid_text(str(v))) for v in values])
        return buffer.getvalue().encode("utf-8")

    yield "\ufeff".encode() + line(list(EXPORT_COLUMNS))
    last = 0
    while True:
        rows = session.execute(
            sa.select(SurveyAnswer.id, SurveyAnswer.response_id, SurveyAnswer.question_id,
                      SurveyAnswer.value, SurveyAnswer.comment_id, Comment.state, Comment.redacted_text)
            .join(SurveyResponse, SurveyResponse.id == SurveyAnswer.response_id)
            .outerjoin(Comment, Comment.id == SurveyAnswer.comment_id)
            .where(SurveyResponse.survey_id == survey_id, SurveyAnswer.id > last)
            .order_by(SurveyAnswer.id).limit(batch)
        ).all()
        if not rows:
            return
        chunk = []
        for answer_id, response_id, qid, value, comment_id, state, redacted in rows:
            number = numbers.setdefault(response_id, len(numbers) + 1)
            if comment_id is not None:
                value = redacted if state == "published" else "(free text awaiting moderation)"
            position, text = questions[qid]
            chunk.append(line([number, position, text, value]))
            last = answer_id
        yield b"".join(chunk)
