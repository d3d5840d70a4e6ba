"""The commission's packet for a meeting: per agenda item, what residents said, counted honestly
and quoted exactly (docs/packet-format.md).

A packet is built from one snapshot of the database and published at once as a new
version: its JSON content, the SHA-256 of that content, the PDF and the Markdown drawn
from it, and the audit chain's head at the time of building (printed in the packet, so
anyone holding it can later check that no earlier event was deleted or rewritten). The
content hash and the PDF's hash go into the audit log with the publication. Rows are
never updated (portal/oversight/models.py refuses it); rebuilding makes version n+1 and
older versions stay downloadable.

Only published input is summarized: portal/oversight/input.py filters by moderation
state once, in SQL, before the summarizer sees any text.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from moderation.summarize import Summary, sentences
from portal.audit.models import AuditEvent
from portal.audit.service import GENESIS, lock_chain, record_event
from portal.auth.permissions import service
from portal.auth.roles import SYSTEM, Actor
from portal.base import utcnow
from portal.errors import FieldError, NotFound, ValidationFailed
from portal.i18n import LANGUAGES, SOURCE_LANGUAGE, _, using_language
from portal.oversight.input import (
    InputComment,
    item_sources,
    moderation_statistics,
    participation,
    summarize_input,
)
from portal.oversight.models import AgendaItem, CommissionNote, Meeting, Packet
from portal.oversight.service import meeting_or_404
from portal.settings import get_settings
from portal.timefmt import local

FORMAT = 1
#: A campaign's text is quoted up to about this many characters (whole sentences).
CAMPAIGN_QUOTE = 600

Progress = Callable[[float, str], None]
#: Translated drawings of published versions, by (content hash, kind, language): the last few
#: asked for, so a meeting's readers do not each wait for the same PDF to be drawn again.
_DRAWN: OrderedDict[tuple[str, str, str], bytes] = OrderedDict()
_DRAWN_KEPT = 8
_DRAWN_LOCK = threading.Lock()


@dataclass(frozen=True)
class PacketInfo:
    """A published version, without its files (a list of versions reads no PDF)."""

    id: int
    meeting_id: int
    version: int
    built_at: datetime
    built_by: str
    content_hash: str
    pdf_hash: str
    audit_event_id: int | None
    audit_hash: str


def canonical_json(content: dict[str, Any]) -> bytes:
    """The bytes ``content_hash`` is taken over: keys sorted, UTF-8, no spaces."""
    return json.dumps(content, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


def content_hash(content: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(content)).hexdigest()


def _iso(dt: datetime | None) -> str | None:
    return None if dt is None else local(dt).isoformat(timespec="seconds")


def _quote(q: Any) -> dict[str, Any]:
    return {"comment_id": q.id, "text": q.text, "start": q.start, "end": q.end}


def _opening(comment_id: int, text: str) -> dict[str, Any]:
    """The campaign's text as quoted: its first whole sentences, up to CAMPAIGN_QUOTE."""
    spans = sentences(text)
    if not spans:
        start = len(text) - len(text.lstrip())
        return {"comment_id": comment_id, "text": text.strip(), "start": start,
                "end": start + len(text.strip())}
    start, end = spans[0]
    for s, e in spans[1:]:
        if e - start > CAMPAIGN_QUOTE:
            break
        end = e
    return {"comment_id": comment_id, "text": text[start:end], "start": start, "end": end}


def _additions(quotes: list[Any]) -> list[dict[str, Any]]:
    """The sentences edited copies added, each once: the first copy's exact quote, with how
    many copies added the same sentence and which (a hundred "I live on Division Street."
    are one line with its count, not a hundred)."""
    out: dict[str, dict[str, Any]] = {}
    for q in quotes:
        key = " ".join(q.text.lower().split())
        if key in out:
            out[key]["copies"] += 1
            out[key]["comment_ids"].append(q.id)
        else:
            out[key] = {**_quote(q), "copies": 1, "comment_ids": [q.id]}
    return sorted(out.values(), key=lambda a: (-a["copies"], a["comment_ids"][0]))


def _summary_json(summary: Summary, comments: list[InputComment]) -> dict[str, Any]:
    texts = {c.id: c.text for c in comments}
    return {
        "count": summary.count,
        "comments": sum(1 for c in comments if c.source == "comment"),
        "survey_answers": sum(1 for c in comments if c.source == "survey"),
        "positions": dict(summary.positions),
        "themes": [
            {"id": t.id, "label": t.label, "keywords": list(t.keywords), "size": t.size,
             "members": list(t.members), "quotes": [_quote(q) for q in t.quotes],
             "positions": dict(t.positions)}
            for t in summary.themes
        ],
        "campaigns": [
            {"id": c.id, "representative": c.representative, "copies": c.copies,
             "similarity": round(c.similarity, 4), "members": list(c.members),
             "quote": _opening(int(c.representative), texts[int(c.representative)]),
             "additions": _additions(c.additions)}
            for c in summary.campaigns
        ],
        "unthemed": list(summary.unthemed),
    }


def _survey_json(session: Session, survey_id: int) -> dict[str, Any]:
    from portal.surveys.results import survey_results

    results = survey_results(session=session, actor=SYSTEM, survey_id=survey_id)
    return {
        "id": results.survey_id, "title": results.title, "status": results.status,
        "responses": results.responses_shown,
        "questions": [
            {"position": q.position, "text": q.text, "kind": q.kind,
             "answered": q.answered_shown,
             "options": [{"option": o.option, "count": o.shown, "percent": o.percent,
                          "status": str(o.status)} for o in q.options],
             "summary": q.summary}
            for q in results.questions if not q.retired
        ],
    }


def _audit_head(session: Session) -> dict[str, Any]:
    last = session.exec(select(AuditEvent.id, AuditEvent.hash)
                        .order_by(AuditEvent.id.desc()).limit(1)).first()
    events = session.execute(sa.select(sa.func.count()).select_from(AuditEvent)).scalar_one()
    if last is None:
        return {"event_id": None, "hash": GENESIS, "events": 0}
    return {"event_id": last[0], "hash": last[1], "events": events}


def _item_json(session: Session, meeting: Meeting, item: AgendaItem, k: int,
               findings: dict[int, list[dict[str, str]]], note: CommissionNote | None
               ) -> dict[str, Any]:
    sources = item_sources(session, item, meeting)
    record = sources.record
    out: dict[str, Any] = {
        "position": item.position, "title": item.title, "description": item.description,
        "record": None, "input_period": {"from": _iso(sources.start), "to": _iso(sources.end)},
        "summary": None, "participation": None, "surveys": [], "findings": [],
        "moderation": None,
        "notes": [] if note is None or not note.text else [
            {"text": note.text, "by": note.updated_by, "at": _iso(note.updated_at)}],
    }
    if record is None:
        return out  # no record, or unpublished since: the packet says nothing of a draft
    out["record"] = {"type": record.type, "id": record.id, "title": record.title,
                     "address": record.address, "brief": [list(pair) for pair in record.brief]}
    comments = sources.comments
    out["summary"] = _summary_json(summarize_input(comments), comments)
    out["participation"] = participation(session, comments, k)
    out["surveys"] = [_survey_json(session, sid) for sid in sources.survey_ids]
    out["findings"] = findings.get(record.id, []) if record.type == "practice" else []
    out["moderation"] = moderation_statistics(session, **sources.about)
    return out


def _findings_by_practice(session: Session) -> dict[int, list[dict[str, str]]]:
    from portal.inventory.compliance import SEVERITIES
    from portal.inventory.findings import compliance_findings

    out: dict[int, list[dict[str, str]]] = {}
    for f in compliance_findings(session=session, actor=SYSTEM):
        out.setdefault(f.practice_id, []).append(
            {"practice": f.practice, "rule": f.rule_id,
             "severity": SEVERITIES.get(f.severity, f.severity), "detail": f.detail})
    return out


def _content(session: Session, actor: Actor, meeting: Meeting, version: int, now: datetime,
             progress: Progress) -> dict[str, Any]:
    settings = get_settings()
    k = settings.suppression_k
    items = session.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting.id)
                         .order_by(AgendaItem.position)).all()
    notes = {n.agenda_item_id: n for n in session.exec(
        select(CommissionNote).where(CommissionNote.agenda_item_id.in_([i.id for i in items])))}
    findings = _findings_by_practice(session) if any(
        i.target_type == "practice" for i in items) else {}
    out_items = []
    for n, item in enumerate(items):
        progress(0.1 + 0.7 * n / max(len(items), 1), f"Summarizing item {item.position}: {item.title}")
        out_items.append(_item_json(session, meeting, item, k, findings, notes.get(item.id)))
    return {
        "format": FORMAT,
        "county": settings.county_name,
        "meeting": {"id": meeting.id, "title": meeting.title,
                    "scheduled_at": _iso(meeting.scheduled_at), "location": meeting.location,
                    "link": meeting.link, "status": meeting.status,
                    "description": meeting.description},
        "version": version,
        "built_at": _iso(now),
        "built_by": actor.display_name or actor.subject,
        "suppression_k": k,
        "audit_head": _audit_head(session),
        "items": out_items,
    }


@service("oversight.preview_packet")
def preview_packet(*, session: Session, actor: Actor, meeting_id: int,
                   now: datetime | None = None) -> dict[str, Any]:
    """The content the next version would hold, built and not stored (nothing is audited)."""
    meeting = meeting_or_404(session, meeting_id)
    return _content(session, actor, meeting, _next_version(session, meeting_id), now or utcnow(),
                    lambda _f, _m: None)


def _next_version(session: Session, meeting_id: int) -> int:
    latest = session.execute(sa.select(sa.func.max(Packet.version))
                             .where(Packet.meeting_id == meeting_id)).scalar_one()
    return (latest or 0) + 1


@service("oversight.build_packet")
def build_packet(*, session: Session, actor: Actor, meeting_id: int, now: datetime | None = None,
                 progress: Progress | None = None) -> Packet:
    """Build and publish the next version of the meeting's packet (see the module docstring)."""
    from portal.oversight.packet_markdown import packet_markdown
    from portal.oversight.packet_pdf import packet_pdf

    report = progress or (lambda _f, _m: None)
    meeting = meeting_or_404(session, meeting_id)
    if meeting.status == "cancelled":
        raise ValidationFailed([FieldError("meeting", _("this meeting was cancelled: no packet"))])
    lock_chain(session)  # the head printed is the head the publication event follows
    report(0.05, "Reading the agenda")
    content = _content(session, actor, meeting, _next_version(session, meeting_id),
                       now or utcnow(), report)
    digest = content_hash(content)
    report(0.85, "Drawing the PDF")
    pdf = packet_pdf(content, content_hash=digest)
    markdown = packet_markdown(content, content_hash=digest)
    head = content["audit_head"]
    packet = Packet(
        meeting_id=meeting_id, version=content["version"], built_by=content["built_by"],
        content=content, content_hash=digest, pdf=pdf,
        pdf_hash=hashlib.sha256(pdf).hexdigest(), markdown=markdown,
        audit_event_id=head["event_id"], audit_hash=head["hash"],
    )
    if now is not None:
        packet.built_at = now
    session.add(packet)
    session.flush()
    record_event(session, actor=actor, action="oversight.publish_packet", entity_type="packet",
                 entity_id=packet.id, detail={
                     "meeting_id": meeting_id, "version": packet.version,
                     "content_hash": digest, "pdf_hash": packet.pdf_hash,
                     "audit_head": head})
    from portal.audit.checkpoints import sign_checkpoint

    sign_checkpoint(session, reason="packet")  # the head that includes this publication
    report(1.0, f"Published version {packet.version}")
    return packet


def _info(p: Any) -> PacketInfo:
    return PacketInfo(p.id, p.meeting_id, p.version, p.built_at, p.built_by, p.content_hash,
                      p.pdf_hash, p.audit_event_id, p.audit_hash)


@service("oversight.list_packets")
def list_packets(*, session: Session, actor: Actor, meeting_id: int) -> list[PacketInfo]:
    """Every published version of the meeting's packet, newest first."""
    rows = session.execute(
        sa.select(Packet.id, Packet.meeting_id, Packet.version, Packet.built_at, Packet.built_by,
                  Packet.content_hash, Packet.pdf_hash, Packet.audit_event_id, Packet.audit_hash)
        .where(Packet.meeting_id == meeting_id).order_by(Packet.version.desc())).all()
    return [_info(r) for r in rows]


@service("oversight.get_packet")
def packet_file(*, session: Session, actor: Actor, packet_id: int, kind: str,
                language: str = SOURCE_LANGUAGE) -> bytes:
    """One published version as ``pdf``, ``json`` or ``md``.

    In English, the PDF and Markdown are the bytes stored at publication (the PDF's hash is
    in the audit log). In another language they are drawn from the version's stored JSON
    with the portal's words translated: the same figures and quotes, the same content hash
    printed, saying that it is a translation (docs/packet-format.md). The JSON is always
    the published one: its keys and values are what scripts read."""
    if kind not in ("pdf", "json", "md"):
        raise ValidationFailed([FieldError("kind", _("choose pdf, json or md"))])
    if language not in LANGUAGES:
        raise ValidationFailed([FieldError("language", _("choose {choices}").format(
            choices=", ".join(LANGUAGES)))])
    if kind == "json" or language == SOURCE_LANGUAGE:
        packet = session.get(Packet, packet_id)
        if packet is None:
            raise NotFound(_("No packet {id}.").format(id=packet_id))
        if kind == "pdf":
            return packet.pdf or b""
        if kind == "json":
            return json.dumps(packet.content, ensure_ascii=False, indent=2).encode("utf-8")
        return packet.markdown.encode("utf-8")
    row = session.execute(sa.select(Packet.content, Packet.content_hash)
                          .where(Packet.id == packet_id)).first()
    if row is None:
        raise NotFound(_("No packet {id}.").format(id=packet_id))
    return _translated(row[1], kind, language, row[0])


def _translated(digest: str, kind: str, language: str, content: dict[str, Any]) -> bytes:
    """A published version's PDF or Markdown in ``language``, kept for the next reader: a
    packet never changes, so its content hash names the drawing (a few seconds for a PDF)."""
    key = (digest, kind, language)
    with _DRAWN_LOCK:
        drawn = _DRAWN.get(key)
        if drawn is not None:
            _DRAWN.move_to_end(key)
            return drawn
    from portal.oversight.packet_markdown import packet_markdown
    from portal.oversight.packet_pdf import packet_pdf

    with using_language(language):
        drawn = (packet_pdf(content, content_hash=digest) if kind == "pdf"
                 else packet_markdown(content, content_hash=digest).encode("utf-8"))
    with _DRAWN_LOCK:
        _DRAWN[key] = drawn
        while len(_DRAWN) > _DRAWN_KEPT:
            _DRAWN.popitem(last=False)
    return drawn


@service("oversight.get_packet_content")
def packet_content(*, session: Session, actor: Actor, packet_id: int) -> dict[str, Any]:
    """One published version's content (docs/packet-format.md), for the page to show."""
    content = session.execute(sa.select(Packet.content).where(Packet.id == packet_id)).scalar()
    if content is None:
        raise NotFound(_("No packet {id}.").format(id=packet_id))
    return dict(content)


__all__ = ["PacketInfo", "build_packet", "canonical_json", "content_hash", "list_packets",
           "packet_content", "packet_file", "preview_packet"]
