"""Evidence for What Works Cities certification, counted from the portal's live records.

What Works Cities (Bloomberg Philanthropies) certifies local governments against a
standard whose Data Management (DM) and Open Data (OD) criteria the portal helps meet.
:func:`wwc_evidence` counts, for each criterion the portal supports, what the records show
today, with SQL counts and the areas' own services (compliance findings, the audit chain's
verification, the notice list, request statistics, the export registry), and judges each
criterion by the explicit rules below. A status is the portal's own reading of its records,
not a certification: the assessors decide; this page gathers what they will ask to see.

Statuses are ``met``, ``partial`` (some evidence, not all the rule asks) and ``not yet``
(no evidence). "Current" practices are those not retired.

- **DM2 data inventory.** *met*: at least one dataset and one active sharing practice;
  every dataset has a known classification and a retention policy; datasets from at least
  80% of the departments; and the inventory changed in the last 365 days. *partial*: any
  dataset or practice. (Every dataset names a steward department and every practice a
  dataset: the schema requires both, so they are reported, not tested.)
- **DM3 sharing data.** *met*: at least one current practice, each stating a legal basis
  or naming an agreement, and at least one request in the published request transparency
  log. *partial*: any current practice or published request.
- **DM5 privacy.** *met*: at least one published surveillance notice; every published,
  not retired notice has had a public comment period; and no comment keeps its raw text
  past the retention period (``PORTAL_RETENTION_DAYS``). *partial*: any published notice.
  The suppression threshold *k* and the sensitive-question linter are reported, not tested:
  they are in force in every installation.
- **DM6 security.** *met*: the audit chain verifies, holds at least one event, and no
  critical or high compliance finding is open. *partial*: the chain verifies and holds
  events, but critical or high findings are open. *not yet*: the chain is empty or broken.
- **DM7 community input** (the standard's qualitative data practices). *met*: at least
  one published comment, one meeting of the commission held, and one packet published.
  *partial*: any comment received, survey published, or meeting held.
- **DM8 disaggregated data.** *met*: at least one published indicator with values broken
  down by district and one with values broken down by a demographic group. *partial*: any
  published indicator.
- **OD1–OD3 open data.** *met*: the DCAT-US ``data.json`` catalog lists at least one
  dataset, and the inventory, the request log and the indicators export each have
  something to export (a current practice, a published request, a published indicator
  with values). *partial*: any one of these. The exports themselves are read from the
  areas' manifests (``portal export KIND``).

``RULES`` says each rule in one sentence for the page; keep it in step with this list.
People counts (survey responses, people covered by requests) are shown with small-number
suppression like everywhere else (DESIGN.md §2.6).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlmodel import Session

from portal.audit.checkpoints import verify_from_checkpoint
from portal.audit.models import AuditEvent
from portal.auth.permissions import service
from portal.auth.roles import Actor
from portal.base import utcnow
from portal.disclosure import Figure, primary_status, shown, shown_text
from portal.engagement.models import Comment
from portal.geography.models import District
from portal.i18n import N_, _, ngettext, number
from portal.indicators.models import Indicator, IndicatorValue
from portal.inventory.compliance import SEVERITIES
from portal.inventory.findings import compliance_findings
from portal.inventory.models import Dataset, Department, SharingPractice
from portal.inventory.vocab import CLASSIFICATIONS
from portal.notices.service import list_technologies
from portal.oversight.models import Meeting, Packet
from portal.registry import exporters
from portal.requests.models import InformationRequest
from portal.requests.service import request_statistics
from portal.settings import get_settings
from portal.surveys.models import Survey, SurveyQuestion, SurveyResponse
from portal.timefmt import format_date, format_datetime, local

MET = "met"
PARTIAL = "partial"
NOT_YET = "not yet"
STATUS_LABELS: dict[str, str] = {MET: N_("Met"), PARTIAL: N_("Partly met"), NOT_YET: N_("Not yet met")}

#: DM2: the share of departments whose datasets the inventory must cover.
DEPARTMENT_COVERAGE = 0.8
#: DM2: how recently the inventory must have changed.
FRESH = timedelta(days=365)

#: Each criterion's rule in one sentence, as the page shows it (the module docstring has them
#: in full; both must say the same).
RULES: dict[str, str] = {
    "DM2": N_("Met when the inventory holds datasets and active practices, every dataset has a "
              "classification and a retention policy, datasets cover at least 80% of departments, "
              "and the inventory changed in the last year."),
    "DM3": N_("Met when every current practice states a legal basis or names an agreement and the "
              "request transparency log publishes at least one request."),
    "DM5": N_("Met when notices are published, every notice not retired has had a public comment "
              "period, and no comment keeps its raw text past the retention period."),
    "DM6": N_("Met when the audit chain verifies intact and no critical or high compliance finding "
              "is open; not yet when the chain is empty or broken."),
    "DM7": N_("Met when a comment has been published, a commission meeting held and a meeting "
              "packet published."),
    "DM8": N_("Met when published indicators are broken down both by district and by demographic "
              "group."),
    "OD1–OD3": N_("Met when the data.json catalog lists datasets and the inventory, request log and "
                  "indicators exports each have records to export."),
}


class Link(NamedTuple):
    """A page of the portal that shows the evidence: its label, url path and query."""

    label: str
    page: str
    query: dict[str, str] | None = None


@dataclass(frozen=True)
class Criterion:
    code: str
    title: str
    status: str  # MET | PARTIAL | NOT_YET
    evidence: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    latest: datetime | None = None

    @property
    def status_label(self) -> str:
        return _(STATUS_LABELS[self.status])

    @property
    def rule(self) -> str:
        """The rule that decides the status, in one sentence."""
        return _(RULES[self.code])


#: A count and its noun, in the language in force ("1 dataset", "3 datasets").
_NOUNS: dict[str, Any] = {
    "dataset": lambda n: ngettext("{n} dataset", "{n} datasets", n),
    "sharing practice": lambda n: ngettext("{n} sharing practice", "{n} sharing practices", n),
    "department": lambda n: ngettext("{n} department", "{n} departments", n),
    "current sharing practice": lambda n: ngettext("{n} current sharing practice",
                                                   "{n} current sharing practices", n),
    "request": lambda n: ngettext("{n} request", "{n} requests", n),
    "surveillance technology notice": lambda n: ngettext(
        "{n} surveillance technology notice", "{n} surveillance technology notices", n),
    "survey question": lambda n: ngettext("{n} survey question", "{n} survey questions", n),
    "comment": lambda n: ngettext("{n} comment", "{n} comments", n),
    "open compliance finding": lambda n: ngettext("{n} open compliance finding",
                                                  "{n} open compliance findings", n),
    "event": lambda n: ngettext("{n} event", "{n} events", n),
    "survey": lambda n: ngettext("{n} survey", "{n} surveys", n),
    "commission meeting": lambda n: ngettext("{n} commission meeting", "{n} commission meetings", n),
    "meeting packet": lambda n: ngettext("{n} meeting packet", "{n} meeting packets", n),
    "meeting": lambda n: ngettext("{n} meeting", "{n} meetings", n),
    "published indicator": lambda n: ngettext("{n} published indicator",
                                              "{n} published indicators", n),
    "value row": lambda n: ngettext("{n} value row", "{n} value rows", n),
    "district": lambda n: ngettext("{n} district", "{n} districts", n),
    "current practice": lambda n: ngettext("{n} current practice", "{n} current practices", n),
    "published request": lambda n: ngettext("{n} published request", "{n} published requests", n),
}


def _n(count: int, noun: str) -> str:
    return _NOUNS[noun](count).format(n=number(count))


def _aware(value: Any) -> datetime | None:
    """Aggregates can bypass the column type: SQLite may hand back text or naive values."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _latest(*values: Any) -> datetime | None:
    found = [v for v in (_aware(x) for x in values) if v is not None]
    return max(found) if found else None


def _status(met: bool, partial: bool) -> str:
    return MET if met else PARTIAL if partial else NOT_YET


def _one(session: Session, *columns: Any, where: Iterable[Any] = (), source: Any = None) -> Any:
    query = sa.select(*columns)
    if source is not None:
        query = query.select_from(source)
    return session.execute(query.where(*where)).one()


def _people(count: int, k: int) -> str:
    return shown(count, primary_status(Figure(count), k), k)


# ---------------------------------------------------------------------------
# The criteria
# ---------------------------------------------------------------------------
# Each builder returns its criterion and records in ``facts`` the counts that open data
# (OD1–OD3) judges, so nothing is counted twice.


def _inventory(session: Session, now: datetime, facts: dict[str, int]) -> Criterion:
    d, p = Dataset, SharingPractice
    datasets, public, classified, retention, ds_created = _one(
        session, sa.func.count(d.id), sa.func.count(d.id).filter(d.access_level == "public"),
        sa.func.count(d.id).filter(d.classification.in_(list(CLASSIFICATIONS))),
        sa.func.count(d.retention_policy_days), sa.func.max(d.created_at))
    stewarded = session.execute(sa.select(sa.func.count(d.id)).join(
        Department, Department.id == d.department_id)).scalar_one()
    departments, covered = _one(
        session, sa.func.count(Department.id),
        sa.select(sa.func.count(sa.distinct(d.department_id))).scalar_subquery())
    practices, active, updated, created = _one(
        session, sa.func.count(p.id), sa.func.count(p.id).filter(p.status == "active"),
        sa.func.max(p.updated_at), sa.func.max(p.created_at))
    facts.update(datasets=datasets, public_datasets=public)
    latest = _latest(ds_created, updated, created)
    coverage = covered / departments if departments else 0.0
    evidence = [
        _("{datasets} and {practices} in the inventory ({active} active).").format(
            datasets=_n(datasets, "dataset"), practices=_n(practices, "sharing practice"),
            active=number(active)),
        _("{stewarded} of {datasets} datasets name a steward department; {classified} carry "
          "a classification; {retention} state a retention policy.").format(
            stewarded=number(stewarded), datasets=number(datasets), classified=number(classified),
            retention=number(retention)),
        _("Datasets from {covered} of {departments} ({coverage}).").format(
            covered=number(covered), departments=_n(departments, "department"),
            coverage=f"{coverage:.0%}"),
    ]
    met = (datasets > 0 and active > 0 and classified == datasets and retention == datasets
           and coverage >= DEPARTMENT_COVERAGE and latest is not None and now - latest <= FRESH)
    return Criterion(
        "DM2", _("Maintaining a comprehensive data inventory"),
        _status(met, datasets > 0 or practices > 0), evidence,
        [Link(_("Sharing inventory"), "inventory"), Link(_("Definitions"), "definitions")], latest)


def _sharing(session: Session, actor: Actor, facts: dict[str, int]) -> Criterion:
    p = SharingPractice
    named = sa.func.coalesce(p.agreement_title, "") != ""
    stated = p.legal_basis_type != "none_stated"
    current, agreement, basis, documented, informal, updated = _one(
        session, sa.func.count(p.id), sa.func.count(p.id).filter(named),
        sa.func.count(p.id).filter(stated), sa.func.count(p.id).filter(sa.or_(named, stated)),
        sa.func.count(p.id).filter(p.mechanism == "informal"), sa.func.max(p.updated_at),
        where=[p.status != "retired"])
    stats = request_statistics(session=session, actor=actor)
    logged = session.execute(sa.select(sa.func.max(InformationRequest.created_at))
                             .where(InformationRequest.status == "published")).scalar_one()
    facts.update(practices=current, requests=stats.requests)
    evidence = [
        _("{current}: {agreement} under a named agreement, {basis} with a stated legal basis, "
          "{informal} informal.").format(
            current=_n(current, "current sharing practice"), agreement=number(agreement),
            basis=number(basis), informal=number(informal)),
        _("{undocumented} of them state neither a legal basis nor an agreement.").format(
            undocumented=number(current - documented)),
        _("{requests} for residents' information in the published request transparency log "
          "(people covered: {people}).").format(requests=_n(stats.requests, "request"),
                                                people=shown_text(stats.people_shown)),
    ]
    met = current > 0 and documented == current and stats.requests > 0
    return Criterion(
        "DM3", _("Sharing data"), _status(met, current > 0 or stats.requests > 0), evidence,
        [Link(_("Sharing inventory"), "inventory"),
         Link(_("Request transparency log"), "request-log")],
        _latest(updated, logged))


def _privacy(session: Session, actor: Actor, now: datetime) -> Criterion:
    settings = get_settings()
    notices = list_technologies(session=session, actor=actor, now=now)
    live = [n for n in notices if n.status != "retired"]
    with_period = sum(1 for n in live if n.comment_state != "none")
    open_now = sum(1 for n in notices if n.comment_state == "open")
    q = SurveyQuestion
    flagged, justified = _one(
        session, sa.func.count(q.id),
        sa.func.count(q.id).filter(sa.func.coalesce(q.justification, "") != ""),
        where=[sa.func.json_array_length(q.flags) > 0, q.retired == sa.false()])
    cutoff = now - timedelta(days=settings.retention_days)
    overdue = session.execute(sa.select(sa.func.count(Comment.id)).where(
        Comment.submitted_at < cutoff, Comment.raw_text.is_not(None))).scalar_one()
    purged = session.execute(sa.select(sa.func.max(AuditEvent.occurred_at))
                             .where(AuditEvent.action == "engagement.retention_purge")).scalar_one()
    k = settings.suppression_k
    evidence = [
        _("{notices} published; {with_period} of the {live} not retired have had a public "
          "comment period ({open_now} open now).").format(
            notices=_n(len(notices), "surveillance technology notice"),
            with_period=number(with_period), live=number(len(live)), open_now=number(open_now)),
        _("The sensitive-question linter flagged {flagged}, {justified} of them with a written "
          "justification shown to respondents.").format(
            flagged=_n(flagged, "survey question"), justified=number(justified)),
        _("Counts of fewer than {k} people are suppressed everywhere (k = {k}).").format(k=k),
        (_("Raw comment text is kept {days} days; {overdue} kept it longer (the purge is due).")
         if overdue else _("Raw comment text is kept {days} days; {overdue} kept it longer.")).format(
            days=settings.retention_days, overdue=_n(overdue, "comment")),
    ]
    met = bool(notices) and with_period == len(live) and overdue == 0
    return Criterion(
        "DM5", _("Protecting data privacy and confidentiality"), _status(met, bool(notices)),
        evidence,
        [Link(_("Surveillance technologies"), "notices"),
         Link(_("Moderation policy"), "moderation-policy"), Link(_("Build surveys"), "manage-surveys")],
        _latest(purged, *(n.last_published_at for n in notices)))


def _security(session: Session, actor: Actor, now: datetime,
              practices: Iterable[Mapping[str, Any]] | None) -> Criterion:
    findings = compliance_findings(session=session, actor=actor, on=local(now).date(),
                                   practices=practices)
    by_severity = Counter(f.severity for f in findings)
    # As the audit log page does on every view: from the newest signed checkpoint, whose
    # signature vouches for the events before it (re-hashing 90,000 events took 3.6 s).
    chain = verify_from_checkpoint(session)
    last = session.execute(sa.select(sa.func.max(AuditEvent.occurred_at))).scalar_one()
    severities = ", ".join(f"{number(by_severity.get(key, 0))} {_(label).lower()}"
                           for key, label in SEVERITIES.items())
    evidence = [_("{findings}: {severities}.").format(
        findings=_n(len(findings), "open compliance finding"), severities=severities)]
    if chain.ok and chain.checkpoint is None:
        evidence.append(_("The audit log's hash chain of {events} verifies intact.").format(
            events=_n(chain.events, "event")))
    elif chain.ok:
        evidence.append(_("The audit log's hash chain of {events} verifies intact from its newest "
                          "signed checkpoint (number {checkpoint}), whose signature vouches for "
                          "the {vouched} up to it.").format(
            events=_n(chain.events, "event"), checkpoint=chain.checkpoint.id,
            vouched=_n(chain.vouched, "event")))
    elif chain.bad_signature and chain.checkpoint is not None:
        # The reason is the audit module's own English words (the command line's too).
        evidence.append(f"The audit log's newest signed checkpoint (number "
                        f"{chain.checkpoint.id}) {chain.reason}.")
    else:
        evidence.append(f"The audit log's hash chain is broken at event {chain.first_broken_id}: "
                        f"it {chain.reason}.")
    serious = by_severity.get("critical", 0) + by_severity.get("high", 0)
    intact = chain.ok and chain.events > 0
    return Criterion(
        "DM6", _("Managing data security"), _status(intact and serious == 0, intact), evidence,
        [Link(_("Compliance findings"), "compliance"), Link(_("Audit log"), "audit-log")],
        _aware(last))


def _community(session: Session, now: datetime) -> Criterion:
    c = Comment
    # Free-text survey answers are stored as comments too; they count as survey responses.
    received, published, last_comment = _one(
        session, sa.func.count(c.id), sa.func.count(c.id).filter(c.state == "published"),
        sa.func.max(c.submitted_at), where=[c.target_type != "survey"])
    surveys = session.execute(sa.select(sa.func.count(Survey.id))
                              .where(Survey.status.in_(("open", "closed")))).scalar_one()
    responses = session.execute(sa.select(sa.func.count(SurveyResponse.id))).scalar_one()
    m = Meeting
    held, upcoming, last_held = _one(
        session, sa.func.count(m.id).filter(m.status == "held"),
        sa.func.count(m.id).filter(m.status == "scheduled", m.scheduled_at > now),
        sa.func.max(m.scheduled_at).filter(m.status == "held"))
    packets, packet_meetings, last_packet = _one(
        session, sa.func.count(Packet.id), sa.func.count(sa.distinct(Packet.meeting_id)),
        sa.func.max(Packet.built_at))
    evidence = [
        _("{received} received from residents; {published} published after moderation.").format(
            received=_n(received, "comment"), published=number(published)),
        _("{surveys} published; responses: {responses}.").format(
            surveys=_n(surveys, "survey"),
            responses=shown_text(_people(responses, get_settings().suppression_k))),
        _("{held} held, {upcoming} scheduled.").format(held=_n(held, "commission meeting"),
                                                      upcoming=number(upcoming)),
        _("{packets} published, for {meetings}.").format(
            packets=_n(packets, "meeting packet"), meetings=_n(packet_meetings, "meeting")),
    ]
    met = published > 0 and held > 0 and packets > 0
    return Criterion(
        "DM7", _("Qualitative data practices: community input"),
        _status(met, received > 0 or surveys > 0 or held > 0), evidence,
        [Link(_("Commission meetings"), "meetings"), Link(_("Surveys"), "surveys"),
         Link(_("Moderation policy"), "moderation-policy")],
        _latest(last_comment, last_held, last_packet))


def _disaggregated(session: Session, facts: dict[str, int]) -> Criterion:
    published = Indicator.is_published == sa.true()
    indicators, updated = _one(session, sa.func.count(Indicator.id),
                               sa.func.max(Indicator.updated_at), where=[published])
    v = IndicatorValue
    # One row per indicator, then added up here: three count(DISTINCT …) over the 1,000,000
    # values of §7's county took 0.59 s on PostgreSQL, grouped by indicator 0.22 s.
    per_indicator = session.execute(
        sa.select(sa.func.count(v.id),
                  sa.func.max(sa.case((v.district_id.is_not(None), 1), else_=0)),
                  sa.func.max(sa.case((v.group_dimension != "all", 1), else_=0)))
        .select_from(sa.join(v, Indicator, Indicator.id == v.indicator_id))
        .where(published).group_by(v.indicator_id)).all()
    rows = sum(count for count, _district, _group in per_indicator)
    with_values = len(per_indicator)
    by_district = sum(district for _count, district, _group in per_indicator)
    by_group = sum(group for _count, _district, group in per_indicator)
    districts = session.execute(sa.select(sa.func.count(District.id))).scalar_one()
    facts.update(indicators=with_values)
    k = get_settings().suppression_k
    evidence = [
        _("{indicators}, {with_values} with values ({rows}).").format(
            indicators=_n(indicators, "published indicator"), with_values=number(with_values),
            rows=_n(rows, "value row")),
        _("{by_district} broken down by district ({districts} on the map), {by_group} by "
          "demographic group.").format(by_district=number(by_district),
                                       districts=_n(districts, "district"), by_group=number(by_group)),
        _("Cells about fewer than {k} people are suppressed, with complementary suppression.").format(
            k=k),
    ]
    return Criterion(
        "DM8", _("Disaggregated data for decision-making"),
        _status(by_district > 0 and by_group > 0, indicators > 0), evidence,
        [Link(_("Data by district and group"), "indicators")], _aware(updated))


def _open_data(facts: dict[str, int], latest: datetime | None) -> Criterion:
    kinds = exporters()
    offered = "; ".join(f"{kind} ({', '.join(e.formats)})" for kind, e in kinds.items())
    datasets = facts["datasets"]
    # export_catalog writes one entry per dataset: the count is the catalog's.
    filled = [facts["practices"] > 0, facts["requests"] > 0, facts["indicators"] > 0]
    evidence = [
        _("The DCAT-US data.json catalog lists {datasets} ({public} with public access).").format(
            datasets=_n(datasets, "dataset"), public=number(facts["public_datasets"])),
        _("{n} exports, each also a command (portal export KIND): {offered}.").format(
            n=len(kinds), offered=offered),
        _("To export: {practices}, {requests}, {indicators} with values.").format(
            practices=_n(facts["practices"], "current practice"),
            requests=_n(facts["requests"], "published request"),
            indicators=_n(facts["indicators"], "published indicator")),
    ]
    return Criterion(
        "OD1–OD3", _("Open data"),
        _status(datasets > 0 and all(filled), datasets > 0 or any(filled)), evidence,
        [Link(_("Sharing inventory (CSV, JSON, data.json)"), "inventory"),
         Link(_("Request transparency log (CSV)"), "request-log"),
         Link(_("Surveillance technologies (Atom, iCalendar)"), "notices"),
         Link(_("Data by district and group"), "indicators")],
        latest)


@service("oversight.evidence")
def wwc_evidence(*, session: Session, actor: Actor, now: datetime | None = None,
                 practices: Iterable[Mapping[str, Any]] | None = None) -> list[Criterion]:
    """Each supported What Works Cities criterion: its status, evidence, pages and latest date.

    ``practices``: ``list_practices``' rows for ``now``'s county date when the caller holds
    them (the pages' cache), for the compliance findings (``compliance_findings``)."""
    now = now or utcnow()
    facts: dict[str, int] = {}
    inventory = _inventory(session, now, facts)
    sharing = _sharing(session, actor, facts)
    disaggregated = _disaggregated(session, facts)
    return [
        inventory,
        sharing,
        _privacy(session, actor, now),
        _security(session, actor, now, practices),
        _community(session, now),
        disaggregated,
        _open_data(facts, _latest(inventory.latest, sharing.latest, disaggregated.latest)),
    ]


# ---------------------------------------------------------------------------
# The PDF
# ---------------------------------------------------------------------------

#: Type sizes tried in turn until the table fits on one page.
_PDF_SIZES = (8.5, 8.0, 7.5, 7.0, 6.5, 6.0)


def _draw(criteria: list[Criterion], county: str, generated_at: datetime, size: float) -> Any:
    from portal.pdf import MUTED_COLOUR, Document

    doc = Document(title="What Works Cities evidence", county=county, created=generated_at,
                   subject="Evidence for What Works Cities certification criteria")
    doc.set_auto_page_break(True, margin=16)
    doc.add_page()
    doc.heading("What Works Cities evidence", 1)
    doc.paragraph(
        f"The evidence {county}'s data transparency portal holds for the What Works Cities "
        "certification criteria it supports, counted from its live records on "
        f"{format_datetime(generated_at)}. A status is the portal's reading of its own records "
        "by the rules it publishes; certification is decided by What Works Cities.",
        size=9, colour=MUTED_COLOUR)
    doc.table(
        ["Criterion", "Status", "Evidence", "Latest evidence"],
        [[f"{c.code}\n{c.title}", c.status_label, "\n".join(f"• {e}" for e in c.evidence),
          format_date(c.latest) if c.latest else "none yet"] for c in criteria],
        col_widths=(20, 11, 55, 14), size=size)
    doc.paragraph("Met: every condition of the criterion's rule holds. Partly met: some evidence, "
                  "not all the rule asks. Not yet met: no evidence in the portal yet.",
                  size=max(size - 0.5, 6), colour=MUTED_COLOUR, after=0)
    return doc


def evidence_pdf(criteria: list[Criterion], *, county: str, generated_at: datetime) -> bytes:
    """The criteria as a one-page PDF table: criterion, status, evidence, latest evidence.

    The type shrinks until everything fits on one page: twice the evidence the portal writes
    today still fits (tests/services/test_evidence.py); much more would run over at 6 pt.
    """
    for size in _PDF_SIZES:
        doc = _draw(criteria, county, generated_at, size)
        if doc.page == 1:
            break
    return doc.output()  # type: ignore[no-any-return]
