"""Surveillance technology notices: reading them, drafting, publishing, comment periods.

A published ``NoticeVersion`` is never changed again: staff edit a draft (a
version whose ``published_at`` is None), which starts as a copy of the latest
published version and its locations, and publishing it makes it the current
notice. Residents never see a draft, nor a technology that was never published.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, func, select

from portal.auth.permissions import allowed, service
from portal.auth.roles import Actor
from portal.base import utcnow
from portal.errors import NotFound, PermissionDenied
from portal.i18n import _
from portal.inventory.models import Department
from portal.notices import vocab
from portal.notices.models import DeploymentLocation, NoticeVersion, SurveillanceTechnology
from portal.notices.window import accepts_comments, comment_state

# ---------------------------------------------------------------------------
# What pages read
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class TechnologySummary:
    id: int
    slug: str
    name: str
    category: str
    department: str
    status: str
    is_published: bool
    opens_at: datetime | None
    closes_at: datetime | None
    comment_state: str  # window.comment_state
    latest_version: int | None
    last_published_at: datetime | None
    has_draft: bool


@dataclass(frozen=True)
class NoticePage:
    technology: SurveillanceTechnology
    department: str
    versions: list[NoticeVersion]  # oldest first; a draft (staff only) comes last
    version: NoticeVersion  # the one shown
    locations: list[DeploymentLocation]
    comment_state: str
    accepting_comments: bool  # portal.notices.window.refusal: the one rule


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class DeploymentPoint:
    technology_id: int
    slug: str
    name: str
    status: str
    label: str
    district_id: int | None
    latitude: float | None
    longitude: float | None
    geometry: dict[str, Any] | None


def _may_edit(actor: Actor) -> bool:
    return allowed(actor, "notices.save_draft")


def _published_versions(session: Session, technology_id: int) -> list[NoticeVersion]:
    return list(session.exec(
        select(NoticeVersion)
        .where(NoticeVersion.technology_id == technology_id,
               NoticeVersion.published_at.is_not(None))
        .order_by(NoticeVersion.version)
    ).all())


def _draft(session: Session, technology_id: int) -> NoticeVersion | None:
    return session.exec(
        select(NoticeVersion)
        .where(NoticeVersion.technology_id == technology_id, NoticeVersion.published_at.is_(None))
        .order_by(NoticeVersion.version.desc())
    ).first()


def _locations(session: Session, version_id: int) -> list[DeploymentLocation]:
    return list(session.exec(
        select(DeploymentLocation)
        .where(DeploymentLocation.notice_version_id == version_id)
        .order_by(DeploymentLocation.id)
    ).all())


@service("notices.list")
def list_technologies(
    *,
    session: Session,
    actor: Actor,
    now: datetime | None = None,
    include_unpublished: bool = False,
) -> list[TechnologySummary]:
    """Every technology residents may see: open comment periods first (closing soonest)."""
    if include_unpublished and not _may_edit(actor):
        raise PermissionDenied("notices.list unpublished", {r.value for r in actor.roles})
    now = now or utcnow()
    may_edit = _may_edit(actor)
    published = (
        select(NoticeVersion.technology_id, func.max(NoticeVersion.version).label("latest"),
               func.max(NoticeVersion.published_at).label("last"))
        .where(NoticeVersion.published_at.is_not(None))
        .group_by(NoticeVersion.technology_id)
        .subquery()
    )
    drafts = (
        select(NoticeVersion.technology_id)
        .where(NoticeVersion.published_at.is_(None))
        .distinct()
        .subquery()
    )
    query = (
        select(SurveillanceTechnology, Department.name, published.c.latest, published.c.last,
               drafts.c.technology_id)
        .join(Department, Department.id == SurveillanceTechnology.department_id)
        .outerjoin(published, published.c.technology_id == SurveillanceTechnology.id)
        .outerjoin(drafts, drafts.c.technology_id == SurveillanceTechnology.id)
    )
    if not include_unpublished:
        query = query.where(SurveillanceTechnology.is_published == sa.true(),
                            published.c.latest.is_not(None))
    rows = []
    for tech, department, latest, last, draft in session.exec(query).all():
        state = comment_state(tech, now)
        rows.append(TechnologySummary(
            id=tech.id, slug=tech.slug, name=tech.name, category=tech.category,  # type: ignore[arg-type]
            department=department, status=tech.status, is_published=tech.is_published,
            opens_at=tech.comment_opens_at, closes_at=tech.comment_closes_at,
            comment_state=state, latest_version=latest,
            # Residents are not told that a draft exists.
            last_published_at=_aware(last), has_draft=draft is not None and may_edit,
        ))
    def key(r: TechnologySummary) -> tuple[int, float, str]:
        if r.comment_state == "open":
            return (0, r.closes_at.timestamp(), r.name.lower())  # type: ignore[union-attr]
        if r.comment_state == "upcoming":
            return (1, r.opens_at.timestamp(), r.name.lower())  # type: ignore[union-attr]
        return (2, 0.0, r.name.lower())

    rows.sort(key=key)
    return rows


def _aware(value: Any) -> datetime | None:
    """Aggregates bypass the column type: SQLite hands back text or naive values."""
    if value is None or isinstance(value, datetime) and value.tzinfo is not None:
        return value
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    from datetime import UTC

    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def _technology(session: Session, actor: Actor, *, slug: str | None = None,
                technology_id: int | None = None) -> SurveillanceTechnology:
    if technology_id is not None:
        tech = session.get(SurveillanceTechnology, technology_id)
    else:
        tech = session.exec(
            select(SurveillanceTechnology).where(SurveillanceTechnology.slug == slug)
        ).first()
    if tech is None or (not tech.is_published and not _may_edit(actor)):
        raise NotFound(_("No published notice by that name."))
    return tech


@service("notices.get")
def get_notice(
    *,
    session: Session,
    actor: Actor,
    slug: str | None = None,
    technology_id: int | None = None,
    version: int | None = None,
    include_draft: bool = False,
    now: datetime | None = None,
) -> NoticePage:
    """One notice as residents read it: the latest published version unless ``version`` is given.

    ``include_draft`` (staff only) adds the draft to ``versions`` and shows it by default.
    """
    if include_draft and not _may_edit(actor):
        raise PermissionDenied("notices.get draft", {r.value for r in actor.roles})
    tech = _technology(session, actor, slug=slug, technology_id=technology_id)
    versions = _published_versions(session, tech.id)  # type: ignore[arg-type]
    if include_draft:
        draft = _draft(session, tech.id)  # type: ignore[arg-type]
        if draft is not None:
            versions.append(draft)
    if not versions:
        raise NotFound(_("This technology has no published notice yet."))
    if version is None:
        shown = versions[-1]
    else:
        shown = next((v for v in versions if v.version == version), None)
        if shown is None:
            raise NotFound(_("No published version {version} of this notice.").format(
                version=version))
    department = session.get(Department, tech.department_id)
    return NoticePage(
        technology=tech, department=department.name if department else "",
        versions=versions, version=shown, locations=_locations(session, shown.id),  # type: ignore[arg-type]
        comment_state=comment_state(tech, now or utcnow()),
        accepting_comments=accepts_comments(tech, now or utcnow()),
    )


def _shown(value: Any) -> str:
    if value is None or value == "" or value == {}:
        return ""
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, dict):
        return "\n".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


def diff_notice(
    old: NoticeVersion, new: NoticeVersion,
    old_locations: list[DeploymentLocation], new_locations: list[DeploymentLocation],
) -> list[FieldChange]:
    """The fields that differ between two versions, in the ordinance's order."""
    changes = []
    labels = {**vocab.TEXT_FIELDS, **vocab.OTHER_FIELDS}
    for name, label in labels.items():
        if name == "change_summary":
            continue
        before, after = _shown(getattr(old, name)), _shown(getattr(new, name))
        if before != after:
            changes.append(FieldChange(name, label, before, after))

    def place(loc: DeploymentLocation) -> str:
        if loc.geometry:
            return f"{loc.label} (area)"
        return f"{loc.label} ({loc.latitude:.5f}, {loc.longitude:.5f})"

    before_places = sorted(place(loc) for loc in old_locations)
    after_places = sorted(place(loc) for loc in new_locations)
    if before_places != after_places:
        changes.append(FieldChange(
            "locations", "Where it is deployed", "\n".join(before_places), "\n".join(after_places)))
    return changes


@service("notices.diff")
def diff_versions(
    *, session: Session, actor: Actor, technology_id: int, old: int, new: int,
    include_draft: bool = False,
) -> list[FieldChange]:
    page = get_notice(session=session, actor=actor, technology_id=technology_id,
                      include_draft=include_draft)
    by_number = {v.version: v for v in page.versions}
    missing = [n for n in (old, new) if n not in by_number]
    if missing:
        raise NotFound(_("No published version {version} of this notice.").format(
            version=missing[0]))
    a, b = by_number[old], by_number[new]
    return diff_notice(a, b, _locations(session, a.id), _locations(session, b.id))  # type: ignore[arg-type]


@service("notices.deployments")
def list_deployments(*, session: Session, actor: Actor) -> list[DeploymentPoint]:
    """Where each published technology is deployed now: its latest published version's locations."""
    latest = (
        select(NoticeVersion.technology_id, func.max(NoticeVersion.version).label("version"))
        .where(NoticeVersion.published_at.is_not(None))
        .group_by(NoticeVersion.technology_id)
        .subquery()
    )
    query = (
        select(DeploymentLocation.technology_id, SurveillanceTechnology.slug,
               SurveillanceTechnology.name, SurveillanceTechnology.status,
               DeploymentLocation.label, DeploymentLocation.district_id,
               DeploymentLocation.latitude, DeploymentLocation.longitude,
               DeploymentLocation.geometry)
        .join(NoticeVersion, NoticeVersion.id == DeploymentLocation.notice_version_id)
        .join(latest, sa.and_(latest.c.technology_id == NoticeVersion.technology_id,
                              latest.c.version == NoticeVersion.version))
        .join(SurveillanceTechnology,
              SurveillanceTechnology.id == DeploymentLocation.technology_id)
        .where(SurveillanceTechnology.is_published == sa.true())
        .order_by(SurveillanceTechnology.name, DeploymentLocation.id)
    )
    return [DeploymentPoint(*row) for row in session.exec(query).all()]
