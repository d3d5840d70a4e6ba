"""Residents' comments: screened before they are stored, published only after a human decides.

What residents may read goes out as :class:`PublicComment` and
:class:`CommentStatus`, which have no field for raw text or contact details:
the services below never hand a resident anything else.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

import moderation
from portal.auth.permissions import service
from portal.auth.roles import Actor
from portal.base import utcnow
from portal.engagement import policy
from portal.engagement.limits import count_submission
from portal.engagement.models import Comment
from portal.engagement.targets import commented_records, ensure_target_accepts_comments
from portal.engagement.vocab import COMMENT_STATES, MODERATION_ACTIONS, POSITIONS
from portal.errors import FieldError, NotFound, PortalError, ValidationFailed
from portal.exports import to_csv, to_json
from portal.geography.models import District
from portal.i18n import N_, _, number
from portal.settings import get_settings
from portal.textsafety import unstorable
from portal.timefmt import local

_RECEIPT_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud safely
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PII_DESCRIPTIONS = {
    "pii:ssn": N_("a Social Security number"),
    "pii:itin": N_("a taxpayer identification number (ITIN)"),
    "pii:credit_card": N_("a card number"),
    "pii:email": N_("an e-mail address"),
    "pii:phone": N_("a phone number"),
    "pii:address": N_("a street address"),
    "pii:name": N_("a person's name"),
}


class SubmissionRefused(PortalError):
    """A submission the abuse checks turned away, with a plain explanation."""


@dataclass(frozen=True)
class PersonalDataFound:
    kind: str
    description: str
    count: int


@dataclass(frozen=True)
class CommentPreview:
    """What the resident is shown before anything is stored."""

    personal_data: list[PersonalDataFound]
    redacted: str

    @property
    def has_personal_data(self) -> bool:
        return bool(self.personal_data)


@dataclass(frozen=True)
class Receipt:
    code: str
    state: str


@dataclass(frozen=True)
class CommentStatus:
    receipt_code: str
    state: str
    state_label: str
    submitted_at: datetime
    public_reason: str | None
    published_text: str | None
    #: When a moderator last referred it to the commission, and what the commission decided.
    referred_at: datetime | None = None
    commission_decision: str | None = None
    commission_decided_at: datetime | None = None


@dataclass(frozen=True)
class PublicComment:
    id: int
    target_type: str
    target_id: int | None
    text: str
    position: str | None
    district: str | None
    published_at: datetime | None
    official_response: str | None
    official_response_at: datetime | None


def _validate_text(text: str) -> str:
    if not isinstance(text, str) or len(text.strip()) < policy.MIN_TEXT_CHARS:
        raise ValidationFailed([FieldError("text", _("write your comment (at least a few words)"),
                                           label=_("text"))])
    if reason := unstorable(text):
        raise ValidationFailed([FieldError("text",
                                           _("your comment {reason}").format(reason=reason))])
    if len(text) > policy.MAX_TEXT_CHARS:
        raise ValidationFailed([FieldError(
            "text",
            _("comments are limited to {limit} characters; yours has {length}. Please shorten "
              "it or send it in parts.").format(limit=number(policy.MAX_TEXT_CHARS),
                                                length=number(len(text))),
            label=_("text"),
        )])
    return text.strip()


def _preview(text: str) -> tuple[moderation.ScreeningResult, CommentPreview]:
    result = moderation.screen(text)
    found = [
        PersonalDataFound(f.kind, _(_PII_DESCRIPTIONS.get(f.kind, f.kind)), len(f.spans))
        for f in result.flags
        if f.kind.startswith("pii:")
    ]
    return result, CommentPreview(found, result.redacted)


def flags_json(result: moderation.ScreeningResult) -> list[dict[str, object]]:
    """Screening flags as stored on a comment: kind, score, spans, detail."""
    return [
        {"kind": f.kind, "score": round(f.score, 3), "spans": [list(s) for s in f.spans],
         "detail": f.detail}
        for f in result.flags
    ]


@service("engagement.preview_comment")
def preview_comment(*, session: Session, actor: Actor, text: str) -> CommentPreview:
    """Screen a draft without storing it, so the resident can edit before sending."""
    return _preview(_validate_text(text))[1]


def new_receipt_code() -> str:
    raw = "".join(secrets.choice(_RECEIPT_ALPHABET) for _unused in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def _given_receipt(code: str) -> str:
    """A receipt code the form fixed before its first attempt: only the portal's own shape."""
    normal = normalise_receipt(code)
    letters = normal.replace("-", "")
    if len(letters) != 12 or any(c not in _RECEIPT_ALPHABET for c in letters):
        raise ValidationFailed([FieldError("receipt_code", _("not a receipt code this portal makes"),
                                           label=_("receipt_code"))])
    return normal


def _replayed(session: Session, code: str, target_type: str, target_id: int | None,
              text: str) -> Receipt | None:
    """The comment already stored under ``code``, when this is the same comment sent again.

    A code names one comment: the same code with another text or record is refused, never
    answered with somebody else's receipt.
    """
    stored = session.exec(select(Comment).where(Comment.receipt_code == code)).first()
    if stored is None:
        return None
    same = (stored.target_type == target_type and stored.target_id == target_id
            and (stored.raw_text is None or stored.raw_text == text))
    if not same:
        raise ValidationFailed([FieldError("receipt_code",
                                           _("this receipt code belongs to another comment"))])
    return Receipt(code=stored.receipt_code, state=stored.state)


def normalise_receipt(code: str) -> str:
    letters = re.sub(r"[^A-Z0-9]", "", (code or "").upper())
    if len(letters) == 12:
        return f"{letters[:4]}-{letters[4:8]}-{letters[8:]}"
    return (code or "").strip().upper()


def _validate_details(
    session: Session, position: str | None, name: str | None, email: str | None,
    district_id: int | None,
) -> tuple[str | None, str | None, str | None]:
    errors: list[FieldError] = []
    if position is not None and position not in POSITIONS:
        errors.append(FieldError("position", _("choose one of {choices} or leave it empty").format(
            choices=", ".join(POSITIONS))))
    name = (name or "").strip() or None
    email = (email or "").strip() or None
    if name is not None and len(name) > policy.MAX_NAME_CHARS:
        errors.append(FieldError("name", _("up to {limit} characters").format(
            limit=policy.MAX_NAME_CHARS), label=_("name")))
    for field, value in (("name", name), ("email", email)):
        if value is not None and (reason := unstorable(value)):
            errors.append(FieldError(field, _("this {reason}").format(reason=reason)))
    if email is not None and (len(email) > policy.MAX_EMAIL_CHARS or not _EMAIL.match(email)):
        errors.append(FieldError(
            "email", _("give an e-mail address like name@example.org, or leave it empty"),
            label=_("email")))
    if district_id is not None and session.get(District, district_id) is None:
        errors.append(FieldError("district", _("choose a district from the list, or leave it empty"),
                                 label=_("district")))
    if errors:
        raise ValidationFailed(errors)
    return position, name, email


def store_comment(
    session: Session,
    *,
    target_type: str,
    target_id: int | None,
    text: str,
    result: moderation.ScreeningResult,
    district_id: int | None = None,
    position: str | None = None,
    name: str | None = None,
    email: str | None = None,
    author_ref: str | None = None,
    now: datetime,
    receipt_code: str | None = None,
) -> Comment:
    """A screened text, pending moderation: raw text encrypted, redacted text for publication.

    The one way text from residents is stored — a comment, or a survey's free-text answer
    (which the moderators then see in the same queue) — after its caller has checked it.
    """
    code = receipt_code or new_receipt_code()
    while receipt_code is None and session.exec(
            select(Comment.id).where(Comment.receipt_code == code)).first() is not None:
        code = new_receipt_code()
    comment = Comment(
        target_type=target_type, target_id=target_id, raw_text=text,
        redacted_text=result.redacted, position=position, name=name, email=email,
        author_ref=author_ref, district_id=district_id, language=result.language,
        state="pending", receipt_code=code, flags=flags_json(result), submitted_at=now,
    )
    session.add(comment)
    session.flush()
    return comment


@service("engagement.submit_comment")
def submit_comment(
    *,
    session: Session,
    actor: Actor,
    target_type: str,
    target_id: int | None = None,
    text: str,
    position: str | None = None,
    name: str | None = None,
    email: str | None = None,
    district_id: int | None = None,
    personal_data_confirmed: bool = False,
    session_token: str | None = None,
    network: str | None = None,
    website: str = "",
    now: datetime | None = None,
    receipt_code: str | None = None,
) -> Receipt:
    """Store a comment as pending moderation and return its receipt.

    ``session_token`` and ``network`` only feed the abuse limits as keyed hashes; they
    are never stored. ``website`` is the hidden trap field that only bots fill in.
    Nothing about the device or network is kept.

    ``receipt_code``, fixed by the form before its first attempt, makes the submission
    idempotent: a resident whose connection dropped and who presses Send again gets the
    first attempt's receipt, and one comment is stored, even when both attempts race.
    """
    now = now or utcnow()
    code = _given_receipt(receipt_code) if receipt_code is not None else None
    if website.strip():
        raise SubmissionRefused(_(
            "Your comment was not accepted because a field meant to stay empty was filled in, "
            "which automated spam does. If you are a person, reload the page and try again."
        ))
    text = _validate_text(text)
    if code is not None and (again := _replayed(session, code, target_type, target_id, text)):
        return again
    position, name, email = _validate_details(session, position, name, email, district_id)
    ensure_target_accepts_comments(session, target_type, target_id, now)
    result, preview = _preview(text)
    if preview.has_personal_data and not personal_data_confirmed:
        kinds = ", ".join(p.description for p in preview.personal_data)
        raise ValidationFailed([FieldError(
            "text", _("your comment contains {kinds}. It will be removed before publication; "
                      "confirm to send it anyway, or edit it first.").format(kinds=kinds),
            label=_("text"),
        )])
    settings = get_settings()
    # The counters are the first write, so on SQLite this transaction takes the write lock
    # before it reads anything it relies on.
    count_submission(
        session, now=now, session_token=session_token, network=network,
        per_session=settings.comments_per_session_hour,
        per_network=settings.comments_per_network_hour,
    )
    try:
        # A savepoint: on PostgreSQL a refused insert would otherwise end the transaction.
        with session.begin_nested():
            comment = store_comment(
                session, target_type=target_type, target_id=target_id, text=text, result=result,
                position=position, name=name, email=email,
                author_ref=actor.subject if actor.is_signed_in else None,
                district_id=district_id, now=now, receipt_code=code,
            )
    except IntegrityError:
        # The other attempt of the same submission stored it a moment ago.
        again = _replayed(session, code, target_type, target_id, text) if code else None
        if again is None:
            raise
        return again
    return Receipt(code=comment.receipt_code, state=comment.state)


@service("engagement.comment_status")
def comment_status(*, session: Session, actor: Actor, receipt_code: str) -> CommentStatus:
    """What the holder of a receipt may know: state, public reason, published text."""
    code = normalise_receipt(receipt_code)
    comment = session.exec(select(Comment).where(Comment.receipt_code == code)).first()
    if comment is None:
        raise NotFound(_("No comment has that receipt code. Check it and try again."))
    from portal.engagement.referrals import referral_history

    referred_at, decision, decided_at = referral_history(session, comment.id)
    return CommentStatus(
        receipt_code=comment.receipt_code,
        state=comment.state,
        state_label=COMMENT_STATES.get(comment.state, comment.state),
        submitted_at=comment.submitted_at,
        public_reason=comment.public_reason if comment.state == "rejected" else None,
        published_text=comment.redacted_text if comment.state == "published" else None,
        referred_at=referred_at,
        commission_decision=MODERATION_ACTIONS.get(decision) if decision else None,
        commission_decided_at=decided_at,
    )


def _published_on(target_type: str, target_id: int | None) -> list[sa.ColumnElement[bool]]:
    """The published comments on one record (``target_id=None``: those about no record)."""
    return [Comment.state == "published", Comment.target_type == target_type,
            Comment.target_id.is_(None) if target_id is None else Comment.target_id == target_id]


def _public_query(*where: sa.ColumnElement[bool]):  # type: ignore[no-untyped-def]
    """What :class:`PublicComment` holds, newest first: never raw text or contact details."""
    return select(
        Comment.id, Comment.target_type, Comment.target_id, Comment.redacted_text,
        Comment.position, District.name, Comment.published_at, Comment.official_response,
        Comment.official_response_at,
    ).join(District, District.id == Comment.district_id, isouter=True).where(
        *where
    ).order_by(Comment.published_at.desc(), Comment.id.desc())


@service("engagement.published_comments")
def published_comments(
    *, session: Session, actor: Actor, target_type: str, target_id: int | None = None,
    target_ids: Collection[int] | None = None, limit: int | None = 200,
) -> list[PublicComment]:
    """Published comments on one target, newest first, as residents may see them.

    ``target_ids`` asks for the comments on any of those records of ``target_type`` at
    once (one query for a whole list, not one per record); ``limit=None`` for all of them.
    A record's page reads them a page at a time instead (:func:`published_comment_page`).
    """
    if target_ids is not None:
        if not target_ids:
            return []
        query = _public_query(Comment.state == "published", Comment.target_type == target_type,
                              Comment.target_id.in_(sorted(set(target_ids))))
    else:
        query = _public_query(*_published_on(target_type, target_id))
    if limit is not None:
        query = query.limit(max(1, min(limit, 1000)))
    return [PublicComment(*row) for row in session.exec(query).all()]


#: How many published comments a record's page shows first, and adds with "Show more".
PAGE_SIZE = 20
#: Where a page of published comments ends: its last comment's publication instant and id.
PageKey = tuple[datetime, int]


@dataclass(frozen=True)
class CommentPage:
    comments: list[PublicComment]  # newest first
    total: int  # every published comment on the record
    next: PageKey | None  # where the next page starts; None when none follows


@service("engagement.published_comment_page")
def published_comment_page(
    *, session: Session, actor: Actor, target_type: str, target_id: int | None = None,
    after: PageKey | None = None, limit: int = PAGE_SIZE,
) -> CommentPage:
    """One page of the published comments on a record, newest first, and how many it has.

    Keyset pagination: the page holds the ``limit`` comments that come after ``after`` (the
    ``next`` of the page before) in the order (publication instant, id), both descending,
    so reading page after page shows every published comment once and in order, those
    published at the same instant too, and a page deep in the list costs what the first
    does: both it and the count are read from ``ix_comment_published``. Every published
    comment has its instant: publishing sets it (``decisions._apply``).
    """
    limit = max(1, min(limit, 1000))
    where = _published_on(target_type, target_id)
    query = _public_query(*where)
    if after is not None:
        query = query.where(sa.tuple_(Comment.published_at, Comment.id) < sa.tuple_(
            sa.literal(after[0], Comment.__table__.c.published_at.type), sa.literal(after[1])))
    rows = [PublicComment(*row) for row in session.exec(query.limit(limit + 1)).all()]
    total = session.execute(sa.select(sa.func.count()).select_from(Comment).where(*where)
                            ).scalar_one()
    last = rows[limit - 1] if len(rows) > limit else None
    return CommentPage(comments=rows[:limit], total=total,
                       next=None if last is None or last.published_at is None
                       else (last.published_at, last.id))


#: The columns of ``/api/comments.csv``: what a comment's page shows, and what it is about.
PUBLIC_COLUMNS = ("id", "record_type", "record_id", "record_title", "record_url", "published_on",
                  "position", "district", "text", "official_response", "official_response_on")


def comments_file(session: Session, actor: Actor, fmt: str, base_url: str = "") -> bytes:
    """Every published comment as the pages show it, newest first, as CSV or JSON: its
    redacted text, position, district and date, the county's response, and the record it is
    about (only records whose page ``actor`` may open). What ``/api/comments.csv`` answers.

    Built from :class:`PublicComment`, which has no field for raw text, contact details or
    the receipt code, so none of them can reach the file.
    """

    def day(value: datetime | None) -> str | None:
        return None if value is None else local(value).date().isoformat()

    records = commented_records(session, actor)
    comments: list[PublicComment] = []
    for kind in dict.fromkeys(r.type for r in records):
        ids = [r.id for r in records if r.type == kind]
        if ids == [None]:  # about no record: the county in general
            comments += published_comments(session=session, actor=actor, target_type=kind, limit=None)
        else:
            comments += published_comments(session=session, actor=actor, target_type=kind, limit=None,
                                           target_ids=[i for i in ids if i is not None])
    comments.sort(key=lambda c: (c.published_at is not None, c.published_at, c.id), reverse=True)
    about = {(r.type, r.id): r for r in records}
    rows = []
    for c in comments:
        record = about[(c.target_type, c.target_id)]
        rows.append({
            "id": c.id, "record_type": record.type, "record_id": record.id,
            "record_title": record.title, "record_url": base_url.rstrip("/") + record.address,
            "published_on": day(c.published_at), "position": c.position, "district": c.district,
            "text": c.text, "official_response": c.official_response,
            "official_response_on": day(c.official_response_at) if c.official_response else None,
        })
    return to_json(rows) if fmt == "json" else to_csv(rows, PUBLIC_COLUMNS)
