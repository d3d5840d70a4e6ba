"""The county-scale residents' voice: surveys and their responses, comments, and what the
county decided about them.

Comments are planned first (who wrote what, about which record, when), then screened as the
comment service screens a submission, then decided as moderators decide: published (with an
edited redaction where personal data was found), rejected for one of the moderation policy's
reasons, referred to the commission, or left waiting; copy-paste campaigns are marked and
decided as a whole, and some published comments get the department's official response.
Every decision is a ``moderation_decision`` row and an audit event with the same content the
services write (``portal.engagement.decisions``), at the moment it was made; the events are
chained with :func:`portal.audit.service.compute_hash` after the log's current head.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from portal.audit.service import as_json_value, compute_hash
from portal.auth.roles import Role
from portal.demo import scale_text as st
from portal.demo import scale_words as w
from portal.demo.areas import function, module
from portal.demo.scale_records import District, slugify, streets

# What the engagement and surveys areas decide (reached by name: portal/demo/areas.py).
policy = module("portal.engagement.policy")
urgency = function("portal.engagement.models:urgency")
lint_flags = function("portal.surveys.builder:lint_flags")
_survey_vocab = module("portal.surveys.vocab")
LIKERT, PREFER_NOT, RATING = _survey_vocab.LIKERT, _survey_vocab.PREFER_NOT, _survey_vocab.RATING

#: Who decides: the county's moderators (demo actors; the audit log names them).
MODERATORS = tuple(f"moderator{n}@{w.DOMAIN}" for n in range(1, 7))
MODERATOR_ROLES = Role.MODERATOR.value
STAFF_ROLES = Role.STAFF.value
PRIVACY_OFFICE = f"privacy@{w.DOMAIN}"
EXCERPT_NOTE = "Personal data removed from the survey answer."  # as portal/surveys/seed.py
REDACTION_NOTE = "Personal data removed."
ESCALATION_NOTE = "Possible threat or a question of policy: for the commission to decide."
RESPONSES_EN = (
    ("Thank you for your comment. The department has read it and will take it into account in "
    "its report to the Privacy Advisory Commission."),
    ("Thank you. Data from this system is kept only as long as the notice says; searches are "
    "logged and the logs are audited every quarter."),
    ("Thank you for the question. The agreement limits the recipient's use of the data to the "
    "purpose listed in the inventory."),
)
RESPONSE_ES = ("Gracias por su comentario. El departamento lo ha leído y lo tendrá en cuenta en "
               "su informe a la Comisión Asesora de Privacidad.")


@dataclass
class Target:
    """A record residents may comment on, with the words their comments use for it."""

    kind: str
    id: int | None
    about: st.About
    contact: str = PRIVACY_OFFICE
    opens: datetime | None = None
    closes: datetime | None = None


@dataclass(slots=True)
class Plan:
    """One comment, from what the resident sent to what the county decided."""

    target: Target
    text: str
    position: str | None
    submitted_at: datetime
    kind: str
    district_id: int | None = None
    name: str | None = None
    email: str | None = None
    spanish: bool = False
    campaign: int | None = None
    id: int = 0
    receipt: str = ""
    language: str = "und"
    flags: list[dict[str, Any]] = field(default_factory=list)
    redacted: str = ""
    still_personal: bool = False
    state: str = "pending"
    public_reason: str | None = None
    published_at: datetime | None = None
    campaign_key: str | None = None
    lock_version: int = 1
    response: tuple[str, str, datetime] | None = None

    @property
    def has_pii(self) -> bool:
        return any(f["kind"].startswith("pii:") for f in self.flags)


@dataclass
class Decisions:
    """Decisions, official responses and their audit events, in the order they happened."""

    rows: list[tuple[datetime, int, int, str, str, str | None]] = field(default_factory=list)
    events: list[tuple[datetime, int, str, str, str, str, str | None, dict[str, Any]]] = field(default_factory=list)
    versions: list[tuple[int, int, dict[str, Any], str, datetime]] = field(default_factory=list)
    seq: int = 0

    def _next(self) -> int:
        self.seq += 1
        return self.seq

    def event(self, when: datetime, actor: str, roles: str, action: str, entity_type: str,
              entity_id: object, detail: dict[str, Any]) -> None:
        self.events.append((when, self._next(), actor, roles, action, entity_type,
                            None if entity_id is None else str(entity_id), detail))

    def apply(self, plan: Plan, when: datetime, moderator: str, action: str,
              reason_code: str | None = None, note: str | None = None) -> None:
        """What ``decisions._apply`` does: the comment's new state, the decision, the event."""
        state = {"publish": "published", "publish_redacted": "published", "reject": "rejected",
                 "escalate": "escalated"}[action]
        public_reason, log_reason = None, note
        if action == "reject":
            reason = policy.REJECTION_REASONS[reason_code or ""]
            public_reason = reason.public_text
            log_reason = "; ".join(filter(None, [reason.code, note]))
        plan.state, plan.public_reason = state, public_reason
        plan.lock_version += 1
        if state == "published":
            plan.published_at = when
            if action == "publish_redacted":
                plan.redacted = plan.redacted.strip()
        self.rows.append((when, self._next(), plan.id, moderator, action, log_reason))
        self.event(when, moderator, MODERATOR_ROLES, f"engagement.{action}", "comment", plan.id,
                   {"state": state, "reason": log_reason, "campaign": plan.campaign_key})

    def mark(self, plans: list[Plan], when: datetime, moderator: str, key: str) -> None:
        """What ``mark_campaign`` does: one decision per comment, one event for the campaign."""
        ids = sorted(p.id for p in plans)
        for plan in plans:
            plan.campaign_key = key
            plan.lock_version += 1
            self.rows.append((when, self._next(), plan.id, moderator, "mark_campaign", key))
        self.event(when, moderator, MODERATOR_ROLES, "engagement.mark_campaign", "campaign", key,
                   {"comments": ids})

    def respond(self, plan: Plan, when: datetime, by: str, text: str) -> None:
        """What ``respond`` does: the response, the record's previous version, the event."""
        previous = {"redacted_text": plan.redacted, "official_response": None,
                    "official_response_by": None, "official_response_at": None}
        self.versions.append((plan.id, plan.lock_version, as_json_value(previous), by, when))
        plan.lock_version += 1
        plan.response = (text, by, when)
        self.event(when, by, STAFF_ROLES, "engagement.respond", "comment", plan.id,
                   {"replaced": False})


# ---------------------------------------------------------------------------
# Surveys
# ---------------------------------------------------------------------------

SURVEY_COLUMNS = ("id", "slug", "title", "description", "target_type", "target_id", "status",
                  "opens_at", "closes_at", "created_by", "created_at", "version", "updated_at")
QUESTION_COLUMNS = ("id", "survey_id", "position", "text", "help_text", "kind", "options",
                    "required", "min_value", "max_value", "condition_position",
                    "condition_value", "flags", "sensitive_category", "justification", "retired")
RESPONSE_COLUMNS = ("id", "survey_id", "district_id", "language", "submitted_at")
ANSWER_COLUMNS = ("id", "response_id", "question_id", "value", "redacted_value", "comment_id")
BALLOT_COLUMNS = ("id", "survey_id", "token_hash")
SUPPORT = ("Strongly support", "Somewhat support", "Not sure", "Somewhat oppose", "Strongly oppose")
SAFEGUARDS = ("Delete data that matches nothing within 30 days", "Never share with immigration enforcement",
              "No sharing with agencies outside the State", "Publish every location",
              "Independent audits published every year", "A warrant to search stored data")
LANGUAGES = ("English", "Spanish", "Vietnamese", "Chinese", "Russian", "Other", PREFER_NOT)
LANGUAGE_JUSTIFICATION = (
    "We ask only to decide which languages to translate notices into. Answers are reported "
    "only as totals, are never linked to your name, and you may skip this question.")


def _questions(topic: str, about: st.About, language: bool, number: bool) -> list[dict[str, Any]]:
    qs = [
        {"text": f"Overall, what do you think of {about.tech}?", "kind": "single_choice",
         "options": list(SUPPORT)},
        {"text": "I trust the county to handle information about me responsibly.",
         "kind": "likert", "options": list(LIKERT)},
        {"text": "Which safeguards matter most to you? Choose up to three.", "kind": "multi_choice",
         "options": list(SAFEGUARDS)},
        {"text": f"How would you rate the county's explanation of {topic.lower()}? (0 = poor, "
                 "10 = excellent)", "kind": "rating", "options": list(RATING)},
        {"text": "Which commission district do you live in?", "kind": "district", "options": []},
    ]
    if number:
        qs.append({"text": "How many times in the last year did you contact the county about "
                           "this?", "kind": "number", "options": [], "min_value": 0.0,
                   "max_value": 100.0})
    if language:
        qs.append({"text": "In which language would you prefer to receive county notices?",
                   "kind": "single_choice", "options": list(LANGUAGES),
                   "justification": LANGUAGE_JUSTIFICATION})
    qs.append({"text": "Is there anything else you want the county to know?", "kind": "long_text",
               "options": []})
    for q in qs:
        q["flags"] = lint_flags(q["text"], "", q["options"], q["kind"])
        q["sensitive_category"] = q["flags"][0]["topic"] if q["flags"] else None
    return qs


@dataclass
class Surveys:
    surveys: list[tuple[Any, ...]] = field(default_factory=list)
    questions: list[tuple[Any, ...]] = field(default_factory=list)
    responses: list[tuple[Any, ...]] = field(default_factory=list)
    #: (response id, question id, value, the comment holding free text or None)
    answers: list[tuple[int, int, str, Plan | None]] = field(default_factory=list)
    ballots: list[tuple[Any, ...]] = field(default_factory=list)
    texts: list[Plan] = field(default_factory=list)


def day_of(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)


def plan_surveys(rng: random.Random, n_surveys: int, n_responses: int, first: dict[str, int],
                 targets: dict[str, list[Target]], districts: list[District], now: datetime,
                 tz: ZoneInfo, salted: Callable[[str, Any], str], taken: set[str]) -> Surveys:
    out = Surveys()
    weights = [1 / (k + 1) ** 0.8 for k in range(n_surveys)]
    share = [n_responses * x / sum(weights) for x in weights]
    counts = [math.floor(x) for x in share]
    for k in sorted(range(n_surveys), key=lambda i: share[i] - counts[i], reverse=True)[
            :n_responses - sum(counts)]:
        counts[k] += 1
    question_id, response_id = first["question"], first["response"]
    for k in range(n_surveys):
        topic, kind = w.SURVEY_TOPICS[k % len(w.SURVEY_TOPICS)]
        title = topic if k < len(w.SURVEY_TOPICS) else f"{topic} ({k // len(w.SURVEY_TOPICS) + 1})"
        target = rng.choice(targets[kind]) if kind and targets.get(kind) else None
        about = target.about if target else st.About(tech=topic.lower())
        survey_id = first["survey"] + k
        if k < 3:
            opens = now - timedelta(days=rng.randint(5, 40))
            closes = now + timedelta(days=rng.randint(10, 40))
        else:
            opens = now - timedelta(days=rng.randint(60, 700))
            closes = opens + timedelta(days=rng.choice((30, 45, 60)))
        status = "open" if opens <= now < closes else "closed"
        slug = slugify(f"county {title}")[:110]
        candidate, m = slug, 1
        while candidate in taken:
            m += 1
            candidate = f"{slug}-{m}"
        taken.add(candidate)
        out.surveys.append((survey_id, candidate, title, (f"A short survey: {topic}. All questions "
                            "are optional; answers are reported only as totals."),
                            kind if target else None, target.id if target else None, status,
                            opens, closes, PRIVACY_OFFICE, opens - timedelta(days=2), 1, opens))
        language = "language" in topic.lower() or k % 5 == 1
        qs = _questions(topic, about, language, number=k % 2 == 0)
        ids = []
        for position, q in enumerate(qs, start=1):
            out.questions.append((question_id, survey_id, position, q["text"], "", q["kind"],
                                  q["options"], False, q.get("min_value"), q.get("max_value"),
                                  None, None, q["flags"], q["sensitive_category"],
                                  q.get("justification"), False))
            ids.append((question_id, q))
            question_id += 1
        salt_day = opens.date()
        window = (min(closes, now) - opens).total_seconds()
        for _ in range(counts[k]):
            spanish = rng.random() < 0.15
            lean = rng.random()
            submitted = day_of(opens + timedelta(seconds=rng.uniform(0, window)))
            district = rng.choice(districts) if rng.random() < 0.85 else None
            answers: list[tuple[int, int, str, Plan | None]] = []
            for qid, q in ids:
                if rng.random() < 0.07:
                    continue
                value: str
                plan: Plan | None = None
                match q["kind"]:
                    case "single_choice" if q.get("justification"):
                        value = "Spanish" if spanish else rng.choices(LANGUAGES, (80, 5, 6, 4, 3, 2, 4))[0]
                    case "single_choice":
                        value = SUPPORT[min(4, max(0, int((1 - lean) * 5 + rng.uniform(-0.8, 0.8))))]
                    case "likert":
                        value = LIKERT[min(4, max(0, int(lean * 5 + rng.uniform(-0.8, 0.8))))]
                    case "multi_choice":
                        chosen = rng.sample(SAFEGUARDS, k=rng.randint(1, 3))
                        value = json.dumps([o for o in SAFEGUARDS if o in chosen], ensure_ascii=False)
                    case "rating":
                        value = str(min(10, max(0, round(lean * 10 + rng.gauss(0, 1.5)))))
                    case "district":
                        if district is None:
                            continue
                        value = str(district.id)
                    case "number":
                        value = f"{float(min(100, int(rng.expovariate(0.4)))):g}"
                    case _:
                        if rng.random() > 0.3:
                            continue
                        about.street = rng.choice(streets(district.code if district else ""))
                        plan = Plan(Target("survey", survey_id, about), st.survey_text(rng, spanish, about),
                                    None, submitted, "survey",
                                    district_id=district.id if district else None, spanish=spanish)
                        out.texts.append(plan)
                        value = ""
                answers.append((response_id, qid, value, plan))
            if not answers:
                continue
            out.responses.append((response_id, survey_id, district.id if district else None,
                                  "es" if spanish else "en", submitted))
            out.answers += answers
            token = f"{rng.getrandbits(128):032x}"
            out.ballots.append((survey_id, salted(f"{survey_id}:{token}", salt_day)))
            response_id += 1
    return out


# ---------------------------------------------------------------------------
# Comments
# ---------------------------------------------------------------------------

def _when(rng: random.Random, target: Target, now: datetime, days: float = 730) -> datetime:
    if target.opens is not None and target.closes is not None:
        end = min(target.closes, now)
        return target.opens + timedelta(seconds=rng.uniform(0, max(60.0, (end - target.opens).total_seconds() - 60)))
    return now - timedelta(seconds=rng.uniform(300, days * 86400))


def plan_comments(rng: random.Random, n: int, targets: dict[str, list[Target]],
                  districts: list[District], now: datetime
                  ) -> tuple[list[Plan], list[st.Campaign]]:
    """``n`` comments sent through the form: about a fifth of them copies of campaign letters."""
    notices = [t for t in targets.get("notice", []) if t.opens is not None and t.opens < now]
    rng.shuffle(notices)
    # A few notices draw most comments: weights fall off with rank.
    notice_weights = [1 / (k + 1) ** 0.9 for k in range(len(notices))]
    kinds = [k for k in ("notice", "practice", "indicator", "general", "meeting")
             if k == "general" or (notices if k == "notice" else targets.get(k))]
    kind_weights = [{"notice": 55, "practice": 14, "indicator": 8, "general": 18, "meeting": 5}[k] for k in kinds]
    general = Target("general", None, st.About())
    plans: list[Plan] = []
    campaign_copies = round(n * 0.22) if notices else 0
    n_campaigns = max(1, min(30, round(campaign_copies / 700))) if campaign_copies >= 2 else 0
    campaigns: list[st.Campaign] = []
    sizes: list[int] = []
    if n_campaigns:
        cw = [1 / (k + 1) for k in range(n_campaigns)]
        sizes = [max(2, round(campaign_copies * x / sum(cw))) for x in cw]
    for k, size in enumerate(sizes):
        target = notices[k % len(notices)]
        campaigns.append(st.campaign(rng, k, f"campaign-{rng.getrandbits(32):08x}", target.about))
        end = min(target.closes or now, now)
        start = target.opens + timedelta(seconds=rng.uniform(0, max(60.0, (end - target.opens).total_seconds() * 0.7)))
        span = max(600.0, min((end - start).total_seconds() - 60, 10 * 86400))
        for _ in range(size):
            district = rng.choice(districts) if rng.random() < 0.8 else None
            target.about.district = district.name if district else "the county"
            target.about.street = rng.choice(streets(district.code if district else ""))
            first, last = st.person(rng)
            plans.append(Plan(target, campaigns[k].copy(rng, exact=rng.random() < 0.1),
                              campaigns[k].position, start + timedelta(seconds=rng.uniform(0, span)),
                              "campaign", district_id=district.id if district else None,
                              name=f"{first} {last}" if rng.random() < 0.5 else None,
                              email=st.email_of(rng, first, last) if rng.random() < 0.4 else None,
                              spanish=campaigns[k].spanish, campaign=k))
    for _ in range(max(0, n - len(plans))):
        kind = rng.choices(kinds, kind_weights)[0]
        if kind == "notice":
            target = rng.choices(notices, notice_weights)[0]
        elif kind == "general":
            target = general
        else:
            target = rng.choice(targets[kind])
        spanish = rng.random() < 0.12
        district = rng.choice(districts) if rng.random() < 0.8 else None
        target.about.district = district.name if district else "the county"
        target.about.street = rng.choice(streets(district.code if district else ""))
        special = st.comment_kind(rng)
        text, position = st.comment_text(rng, kind, special, spanish, target.about)
        first, last = st.person(rng)
        plans.append(Plan(target, text, position, _when(rng, target, now), special,
                          district_id=district.id if district else None,
                          name=f"{first} {last}" if rng.random() < 0.2 else None,
                          email=st.email_of(rng, first, last) if rng.random() < 0.15 else None,
                          spanish=spanish))
    return plans[:n], campaigns


def decide_all(rng: random.Random, plans: list[Plan], campaigns: list[st.Campaign],
               now: datetime) -> Decisions:
    """What moderators and staff decided, up to ``now``, each at its own moment."""
    out = Decisions()
    latest = now - timedelta(minutes=5)

    def delay(plan: Plan) -> datetime | None:
        age = (now - plan.submitted_at).total_seconds() / 86400
        waiting = 0.55 if age < 2 else 0.25 if age < 14 else 0.07
        if plan.kind == "survey":
            waiting += 0.15
        if rng.random() < waiting:
            return None
        when = plan.submitted_at + timedelta(minutes=10 + rng.expovariate(1 / (1.2 * 1440)))
        return when if when < latest else None

    members: dict[int, list[Plan]] = {}
    for plan in plans:
        if plan.campaign is not None:
            members.setdefault(plan.campaign, []).append(plan)
            continue
        when = delay(plan)
        if when is None:
            continue
        moderator = rng.choice(MODERATORS)
        roll = rng.random()
        if plan.kind in ("spam", "profane", "offtopic"):
            code = {"spam": "spam", "profane": "profanity", "offtopic": "off_topic"}[plan.kind]
            out.apply(plan, when, moderator, "reject", code)
        elif plan.kind == "threat":
            if roll < 0.5:
                out.apply(plan, when, moderator, "escalate", note=ESCALATION_NOTE)
            else:
                out.apply(plan, when, moderator, "reject", "threat", w.REJECT_NOTES["threat"])
        elif plan.kind == "private":
            out.apply(plan, when, moderator, "reject", "private_individual",
                      w.REJECT_NOTES["private_individual"])
        elif plan.still_personal:
            out.apply(plan, when, moderator, "reject", "personal_data", w.REJECT_NOTES["personal_data"])
        elif roll < 0.006:
            out.apply(plan, when, moderator, "escalate", note=ESCALATION_NOTE)
        elif roll < 0.016:
            out.apply(plan, when, moderator, "reject", "duplicate")
        elif plan.has_pii:
            out.apply(plan, when, moderator, "publish_redacted",
                      note=EXCERPT_NOTE if plan.kind == "survey" else REDACTION_NOTE)
        else:
            out.apply(plan, when, moderator, "publish")
    # Campaigns: once the letters stop arriving, a moderator marks the copies and publishes
    # them together (decide_campaign); later copies wait, unmarked, for the queue to suggest.
    for index, copies in sorted(members.items()):
        copies.sort(key=lambda p: p.submitted_at)
        settled = [p for p in copies if p.submitted_at < now - timedelta(days=2)]
        if len(settled) >= 5 and rng.random() < 0.85:
            marked_at = min(settled[-1].submitted_at + timedelta(hours=rng.uniform(1, 24)), latest)
            moderator = rng.choice(MODERATORS)
            out.mark(settled, marked_at, moderator, campaigns[index].key)
            decided_at = min(marked_at + timedelta(minutes=2), latest)
            for plan in settled:
                out.apply(plan, decided_at, moderator, "publish")
        else:
            for plan in copies:
                when = delay(plan)
                if when is not None:
                    out.apply(plan, when, rng.choice(MODERATORS), "publish")
    # Official responses to some published comments, by the department concerned.
    for plan in plans:
        if (plan.state == "published" and plan.campaign is None and plan.published_at is not None
                and plan.target.kind in ("notice", "practice", "indicator") and rng.random() < 0.015):
            when = plan.published_at + timedelta(hours=rng.uniform(12, 240))
            if when < latest:
                out.respond(plan, when, plan.target.contact,
                            RESPONSE_ES if plan.language == "es" else rng.choice(RESPONSES_EN))
    return out


COMMENT_COLUMNS = (
    "id", "target_type", "target_id", "raw_text", "redacted_text", "position", "name", "email",
    "author_ref", "district_id", "language", "state", "public_reason", "receipt_code", "flags",
    "urgency", "campaign_key", "submitted_at", "published_at", "raw_purged_at",
    "official_response", "official_response_by", "official_response_at", "lock_version",
)


def comment_row(p: Plan) -> tuple[Any, ...]:
    response, by, at = p.response or (None, None, None)
    return (p.id, p.target.kind, p.target.id, p.text, p.redacted, p.position, p.name, p.email,
            None, p.district_id, p.language, p.state, p.public_reason, p.receipt, p.flags,
            urgency(p.flags), p.campaign_key, p.submitted_at, p.published_at, None, response, by,
            at, p.lock_version)


DECISION_COLUMNS = ("id", "comment_id", "moderator", "action", "reason", "decided_at")
VERSION_COLUMNS = ("id", "record_type", "record_id", "version", "data", "changed_by",
                   "changed_at", "summary")
EVENT_COLUMNS = ("id", "occurred_at", "actor", "actor_roles", "action", "entity_type",
                 "entity_id", "detail", "prev_hash", "hash")


@dataclass
class _Event:
    """What ``compute_hash`` reads of an event (the columns its canonical form covers)."""

    occurred_at: datetime
    actor: str
    actor_roles: str
    action: str
    entity_type: str
    entity_id: str | None
    detail: dict[str, Any]


def chained_events(events: list[tuple[Any, ...]], first_id: int, head: str) -> tuple[list[tuple[Any, ...]], str]:
    """The events as rows, oldest first, each hashed after the one before (and ``head``)."""
    rows = []
    prev = head
    for k, (when, _seq, actor, roles, action, entity_type, entity_id, detail) in enumerate(sorted(events, key=lambda e: e[:2])):
        detail = as_json_value(detail)
        digest = compute_hash(prev, _Event(when, actor, roles, action, entity_type, entity_id, detail))  # type: ignore[arg-type]
        rows.append((first_id + k, when, actor, roles, action, entity_type, entity_id, detail, prev, digest))
        prev = digest
    return rows, prev
