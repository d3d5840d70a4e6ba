"""The published records an agenda item can be about, in brief.

An agenda item links to a notice, a sharing practice, an indicator or a survey. The
link must name a record that exists and that residents can see (a published notice,
a published indicator, an open or closed survey; every practice in the inventory is
public), so a packet never summarizes input on a draft nobody could read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, select

from portal.errors import FieldError, ValidationFailed
from portal.i18n import N_, _
from portal.indicators.models import Indicator
from portal.inventory.models import Department, SharingPractice
from portal.notices.models import NoticeVersion, SurveillanceTechnology
from portal.surveys.models import Survey

#: What an agenda item may be about.
TARGET_TYPES: dict[str, str] = {
    "notice": N_("Surveillance notice"),
    "practice": N_("Sharing practice"),
    "indicator": N_("Indicator"),
    "survey": N_("Survey"),
}
_PUBLIC_SURVEY = ("open", "closed")


@dataclass(frozen=True)
class Record:
    type: str
    id: int
    title: str
    #: The portal page and query that show it, e.g. ``/notice?technology=alpr``.
    address: str
    #: (label, value) pairs: the record in a few lines.
    brief: list[tuple[str, str]] = field(default_factory=list)


def _department(session: Session, department_id: int | None) -> str:
    department = session.get(Department, department_id) if department_id else None
    return department.name if department else "Not stated"


def _first_paragraph(text: str, limit: int = 600) -> str:
    first = (text or "").strip().split("\n\n")[0].strip()
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


def _notice(session: Session, row: SurveillanceTechnology) -> Record:
    from portal.notices.vocab import CATEGORIES, STATUSES
    from portal.timefmt import format_date

    version = session.exec(
        select(NoticeVersion)
        .where(NoticeVersion.technology_id == row.id, NoticeVersion.published_at.is_not(None))
        .order_by(NoticeVersion.version.desc()).limit(1)
    ).first()
    period = "No comment period"
    if row.comment_closes_at:
        opens = format_date(row.comment_opens_at) if row.comment_opens_at else "publication"
        period = f"{opens} to {format_date(row.comment_closes_at)}"
    brief = [
        ("Category", CATEGORIES.get(row.category, row.category)),
        ("Status", STATUSES.get(row.status, row.status)),
        ("Department", _department(session, row.department_id)),
        ("Comment period", period),
    ]
    if version is not None:
        brief += [("Notice version", str(version.version)),
                  ("What it is", _first_paragraph(version.description)),
                  ("Purpose", _first_paragraph(version.purpose))]
    return Record("notice", row.id or 0, row.name, f"/notice?technology={row.slug}", brief)


def _practice(session: Session, row: SharingPractice) -> Record:
    from portal.inventory.vocab import (
        LEGAL_BASIS_TYPES,
        PRACTICE_STATUSES,
        RECIPIENT_TYPES,
        SENSITIVE_CATEGORIES,
    )

    sensitive = ", ".join(SENSITIVE_CATEGORIES.get(c, c) for c in row.sensitive_categories)
    brief = [
        ("Department", _department(session, row.department_id)),
        ("Shared with", f"{row.recipient} ({RECIPIENT_TYPES.get(row.recipient_type, row.recipient_type)})"),
        ("Legal basis", LEGAL_BASIS_TYPES.get(row.legal_basis_type, row.legal_basis_type)),
        ("Sensitive categories", sensitive or "None"),
        ("Status", PRACTICE_STATUSES.get(row.status, row.status)),
        ("Purpose", _first_paragraph(row.purpose)),
    ]
    return Record("practice", row.id or 0, row.title, f"/inventory?practice={row.id}", brief)


def _indicator(session: Session, row: Indicator) -> Record:
    brief = [
        ("Department", _department(session, row.department_id)),
        ("Latest period", row.latest_period or "No values yet"),
        ("Source", row.source or "Not stated"),
        ("What it measures", _first_paragraph(row.description)),
    ]
    return Record("indicator", row.id or 0, row.name, f"/indicators?indicator={row.slug}", brief)


def _survey(session: Session, row: Survey) -> Record:
    from portal.surveys.vocab import STATUSES
    from portal.timefmt import format_date

    brief = [("Status", STATUSES.get(row.status, row.status))]
    if row.closes_at:
        brief.append(("Closes", format_date(row.closes_at)))
    brief.append(("About", _first_paragraph(row.description)))
    return Record("survey", row.id or 0, row.title, f"/surveys?survey={row.slug}", brief)


def published_record(session: Session, target_type: str | None, target_id: int | None) -> Record | None:
    """The published record an agenda item names, or ``None`` when it names none.

    Raises ``ValidationFailed`` when the link names a kind the portal does not know, or a
    record that does not exist or that residents cannot see.
    """
    if target_type is None and target_id is None:
        return None
    if target_type not in TARGET_TYPES:
        raise ValidationFailed([FieldError(
            "target_type", _("choose one of {choices} (or no record)").format(
                choices=", ".join(TARGET_TYPES)))])
    if target_id is None:
        raise ValidationFailed([FieldError("target_id", _("say which record the item is about"))])
    missing = ValidationFailed([FieldError("target_id", _(
        "no published {kind} has the id {id}").format(
            kind=_(TARGET_TYPES[target_type]).lower(), id=target_id))])
    if target_type == "notice":
        notice = session.get(SurveillanceTechnology, target_id)
        if notice is None or not notice.is_published:
            raise missing
        return _notice(session, notice)
    if target_type == "practice":
        practice = session.get(SharingPractice, target_id)
        if practice is None:
            raise missing
        return _practice(session, practice)
    if target_type == "indicator":
        indicator = session.get(Indicator, target_id)
        if indicator is None or not indicator.is_published:
            raise missing
        return _indicator(session, indicator)
    survey = session.get(Survey, target_id)
    if survey is None or survey.status not in _PUBLIC_SURVEY:
        raise missing
    return _survey(session, survey)


def published_choices(session: Session) -> dict[str, list[tuple[int, str]]]:
    """Every record an agenda item may link to, by kind, for the staff form."""
    notices = session.exec(
        select(SurveillanceTechnology.id, SurveillanceTechnology.name)
        .where(SurveillanceTechnology.is_published == True)
        .order_by(SurveillanceTechnology.name)).all()
    practices = session.exec(
        select(SharingPractice.id, SharingPractice.title).order_by(SharingPractice.title)).all()
    indicators = session.exec(
        select(Indicator.id, Indicator.name).where(Indicator.is_published == True)
        .order_by(Indicator.name)).all()
    surveys = session.exec(
        select(Survey.id, Survey.title).where(Survey.status.in_(_PUBLIC_SURVEY))
        .order_by(Survey.title)).all()
    return {"notice": list(notices), "practice": list(practices),
            "indicator": list(indicators), "survey": list(surveys)}


def linked_survey_ids(session: Session, target_type: str | None, target_id: int | None) -> list[int]:
    """The published surveys whose answers belong to an item: the item's own survey, or
    those staff attached to the item's record."""
    if target_type is None or target_id is None:
        return []
    if target_type == "survey":
        return [target_id]
    return list(session.exec(
        select(Survey.id).where(Survey.target_type == target_type, Survey.target_id == target_id,
                                Survey.status.in_(_PUBLIC_SURVEY)).order_by(Survey.id)).all())
