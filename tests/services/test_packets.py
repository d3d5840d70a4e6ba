"""Meeting packets: what reaches them, immutability, versions, the audit head they print."""

from __future__ import annotations

import hashlib
import io
import json
import uuid
from datetime import timedelta

import icalendar
import pytest
from pypdf import PdfReader
from sqlmodel import Session, select

from portal.audit.models import AuditEvent
from portal.auth.roles import RESIDENT, Actor, Role
from portal.base import utcnow
from portal.engagement.models import Comment
from portal.errors import Conflict, PermissionDenied, ValidationFailed
from portal.oversight.models import Packet
from portal.oversight.packets import (
    build_packet,
    canonical_json,
    list_packets,
    packet_file,
    preview_packet,
)
from portal.oversight.service import (
    add_agenda_item,
    list_notes,
    meetings_ics,
    save_note,
    update_meeting,
)
from portal.surveys.models import Survey
from tests import factories

STAFF = Actor(subject="clerk@x.example", roles=frozenset({Role.STAFF}), display_name="Clerk")
COMMISSIONER = Actor(subject="c@x.example", roles=frozenset({Role.COMMISSIONER}),
                     display_name="Commissioner Ortiz")
MODERATOR = Actor(subject="m@x.example", roles=frozenset({Role.MODERATOR}))

TOPICS = {
    "camera": "The cameras on Main Street record every car and keep the plates for a year.",
    "school": "Keep the licence plate readers away from the school drop-off lanes.",
    "audit": "Publish an audit of who searched the plate database and why, every month.",
}


def comment(session: Session, target_type: str, target_id: int, text: str, *,
            state: str = "published", days_ago: float = 1, district_id: int | None = None,
            position: str | None = None) -> Comment:
    row = Comment(target_type=target_type, target_id=target_id, raw_text=text,
                  redacted_text=text, state=state, receipt_code=uuid.uuid4().hex[:16],
                  district_id=district_id, position=position, language="en",
                  submitted_at=utcnow() - timedelta(days=days_ago))
    session.add(row)
    session.flush()
    return row


@pytest.fixture
def agenda(session: Session):
    """A meeting in a week with one item on a published notice and one with no record."""
    tech = factories.technology(session, name="Licence plate readers", open_days=10)
    meeting = factories.meeting(session, title="December meeting", days_from_now=7)
    item = add_agenda_item(session=session, actor=STAFF, meeting_id=meeting.id,
                           title="Licence plate readers: expansion", target_type="notice",
                           target_id=tech.id)
    add_agenda_item(session=session, actor=STAFF, meeting_id=meeting.id,
                    title="Public comment on other matters")
    session.commit()
    return meeting, item, tech


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_only_published_input_reaches_the_packet(session: Session, agenda) -> None:
    meeting, _item, tech = agenda
    for n in range(4):
        for key, text in TOPICS.items():
            comment(session, "notice", tech.id, f"{text} ({key} {n})", position="oppose")
    secrets = {state: f"zq{state}marker{uuid.uuid4().hex[:6]}"
               for state in ("pending", "rejected", "escalated")}
    for state, marker in secrets.items():
        comment(session, "notice", tech.id, f"The cameras {marker} must go.", state=state)
    survey = Survey(slug="lpr-survey", title="Plate readers survey", status="open",
                    target_type="notice", target_id=tech.id)
    session.add(survey)
    session.flush()
    answer = comment(session, "survey", survey.id, "As a parent I want the school lanes left alone.")
    hidden_answer = comment(session, "survey", survey.id, "zqsurveymarker stays out",
                            state="pending")
    session.commit()

    preview = preview_packet(session=session, actor=COMMISSIONER, meeting_id=meeting.id)
    packet = build_packet(session=session, actor=COMMISSIONER, meeting_id=meeting.id)
    session.commit()
    summary = packet.content["items"][0]["summary"]
    assert summary["count"] == 13
    assert (summary["comments"], summary["survey_answers"]) == (12, 1)
    members = {m for theme in summary["themes"] for m in theme["members"]}
    assert answer.id in members and hidden_answer.id not in members
    moderation = packet.content["items"][0]["moderation"]
    assert moderation == {"received": 17, "published": 13, "rejected": 1, "awaiting": 3,
                          "rejected_by_reason": {"No reason recorded": 1}}
    outputs = {
        "preview": json.dumps(preview),
        "json": packet_file(session=session, actor=RESIDENT, packet_id=packet.id,
                            kind="json").decode(),
        "markdown": packet_file(session=session, actor=RESIDENT, packet_id=packet.id,
                                kind="md").decode(),
        "pdf": pdf_text(packet.pdf),
    }
    for name, text in outputs.items():
        for marker in [*secrets.values(), "zqsurveymarker"]:
            assert marker not in text, (name, marker)
    assert "Licence plate readers: expansion" in outputs["pdf"]


def test_every_quote_is_the_published_text_at_its_offsets(session: Session, agenda) -> None:
    meeting, _item, tech = agenda
    ids = []
    for n in range(5):
        for text in TOPICS.values():
            ids.append(comment(session, "notice", tech.id, f"  {text} Number {n}.  ").id)
    session.commit()
    packet = build_packet(session=session, actor=STAFF, meeting_id=meeting.id)
    quotes = [q for t in packet.content["items"][0]["summary"]["themes"] for q in t["quotes"]]
    assert quotes
    for q in quotes:
        published = session.get(Comment, q["comment_id"]).redacted_text
        assert published[q["start"]:q["end"]] == q["text"]


def test_a_packet_never_changes_and_rebuilding_makes_a_new_version(session: Session, agenda) -> None:
    meeting, _item, tech = agenda
    comment(session, "notice", tech.id, TOPICS["camera"])
    session.commit()
    first = build_packet(session=session, actor=STAFF, meeting_id=meeting.id)
    session.commit()
    first_pdf, first_hash = first.pdf, first.content_hash
    assert first_hash == hashlib.sha256(canonical_json(first.content)).hexdigest()
    assert first.pdf_hash == hashlib.sha256(first.pdf).hexdigest()

    first.built_by = "someone else"
    with pytest.raises(PermissionError):
        session.flush()
    session.rollback()
    session.delete(session.get(Packet, first.id))
    with pytest.raises(PermissionError):
        session.flush()
    session.rollback()

    comment(session, "notice", tech.id, TOPICS["audit"])
    session.commit()
    second = build_packet(session=session, actor=STAFF, meeting_id=meeting.id)
    session.commit()
    versions = list_packets(session=session, actor=RESIDENT, meeting_id=meeting.id)
    assert [v.version for v in versions] == [2, 1]
    assert second.content_hash != first_hash
    again = packet_file(session=session, actor=RESIDENT, packet_id=first.id, kind="pdf")
    assert again == first_pdf


def test_the_packet_prints_the_audit_head_and_its_hash_is_audited(session: Session, agenda) -> None:
    meeting, _item, _tech = agenda
    before = session.exec(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    packet = build_packet(session=session, actor=COMMISSIONER, meeting_id=meeting.id)
    session.commit()
    assert packet.content["audit_head"]["event_id"] == before.id
    assert packet.content["audit_head"]["hash"] == before.hash
    assert (packet.audit_event_id, packet.audit_hash) == (before.id, before.hash)
    published = session.exec(select(AuditEvent).where(
        AuditEvent.action == "oversight.publish_packet")).one()
    assert published.id > before.id
    assert published.actor == COMMISSIONER.subject
    assert published.detail["content_hash"] == packet.content_hash
    assert published.detail["pdf_hash"] == packet.pdf_hash
    text = pdf_text(packet.pdf).replace("\n", "")
    assert before.hash in text
    assert packet.content_hash in text


def test_who_may_build_and_what_residents_may_read(session: Session, agenda) -> None:
    meeting, _item, _tech = agenda
    for actor in (RESIDENT, MODERATOR):
        with pytest.raises(PermissionDenied):
            build_packet(session=session, actor=actor, meeting_id=meeting.id)
        with pytest.raises(PermissionDenied):
            preview_packet(session=session, actor=actor, meeting_id=meeting.id)
    assert session.exec(select(Packet)).all() == []
    packet = build_packet(session=session, actor=STAFF, meeting_id=meeting.id)
    session.commit()
    assert packet_file(session=session, actor=RESIDENT, packet_id=packet.id, kind="pdf")[:5] == b"%PDF-"
    update_meeting(session=session, actor=STAFF, meeting_id=meeting.id, status="cancelled")
    with pytest.raises(ValidationFailed):
        build_packet(session=session, actor=STAFF, meeting_id=meeting.id)


def test_an_agenda_item_links_only_to_a_published_record(session: Session) -> None:
    meeting = factories.meeting(session)
    draft = factories.technology(session, is_published=False)
    survey = Survey(slug="draft-survey", title="Draft", status="draft")
    session.add(survey)
    session.flush()
    for target_type, target_id in (("notice", draft.id), ("practice", 9999),
                                   ("survey", survey.id), ("meeting", meeting.id),
                                   ("notice", None)):
        with pytest.raises(ValidationFailed):
            add_agenda_item(session=session, actor=STAFF, meeting_id=meeting.id, title="x",
                            target_type=target_type, target_id=target_id)
    practice = factories.practice(session)
    item = add_agenda_item(session=session, actor=STAFF, meeting_id=meeting.id, title="Practice",
                           target_type="practice", target_id=practice.id)
    assert item.input_to == meeting.scheduled_at
    with pytest.raises(ValidationFailed):
        add_agenda_item(session=session, actor=STAFF, meeting_id=meeting.id, title="Backwards",
                        target_type="practice", target_id=practice.id,
                        input_from=utcnow(), input_to=utcnow() - timedelta(days=1))


def test_input_outside_the_period_is_left_out(session: Session) -> None:
    tech = factories.technology(session, open_days=10)
    meeting = factories.meeting(session, days_from_now=7)
    add_agenda_item(session=session, actor=STAFF, meeting_id=meeting.id, title="Item",
                    target_type="notice", target_id=tech.id,
                    input_from=utcnow() - timedelta(days=10), input_to=utcnow())
    inside = comment(session, "notice", tech.id, TOPICS["camera"], days_ago=2)
    comment(session, "notice", tech.id, TOPICS["audit"], days_ago=20)
    session.commit()
    content = preview_packet(session=session, actor=STAFF, meeting_id=meeting.id)
    summary = content["items"][0]["summary"]
    assert summary["count"] == 1
    assert summary["themes"][0]["members"] == [inside.id]


def test_who_took_part_is_suppressed_and_the_ratio_uses_published_rates(session: Session, agenda) -> None:
    meeting, _item, tech = agenda
    north = factories.district(session, "N", name="North", population=100_000)
    south = factories.district(session, "S", name="South", population=50_000)
    east = factories.district(session, "E", name="East", population=50_000)
    for n in range(30):
        comment(session, "notice", tech.id, f"North comment {n} about cameras.", district_id=north.id)
    for n in range(12):
        comment(session, "notice", tech.id, f"South comment {n} about cameras.", district_id=south.id)
    for n in range(3):
        comment(session, "notice", tech.id, f"East comment {n} about cameras.", district_id=east.id)
    session.commit()
    part = preview_packet(session=session, actor=STAFF, meeting_id=meeting.id)["items"][0]["participation"]
    rows = {r["district"]: r for r in part["rows"]}
    assert rows["East"]["comments"] == "fewer than 11"
    assert rows["East"]["rate_per_10000"] == "—"
    # East's 3 could be worked out from the total and the others: one more is hidden.
    hidden = [r for r in part["rows"] if r["status"].startswith("suppressed")]
    assert len(hidden) >= 2
    published_rates = [float(r["rate_per_10000"]) for r in part["rows"]
                       if r["rate_per_10000"] not in ("—",)]
    if len(published_rates) >= 2:
        assert part["representation_ratio"] == f"{min(published_rates) / max(published_rates):.2f}"
    assert "3" not in {r["comments"] for r in part["rows"]}


def test_notes_are_the_commissions_until_a_packet_publishes_them(session: Session, agenda) -> None:
    meeting, item, _tech = agenda
    note = save_note(session=session, actor=COMMISSIONER, agenda_item_id=item.id,
                     text="Ask the department for the retention audit.")
    session.commit()
    with pytest.raises(PermissionDenied):
        list_notes(session=session, actor=STAFF, meeting_id=meeting.id)
    with pytest.raises(PermissionDenied):
        save_note(session=session, actor=STAFF, agenda_item_id=item.id, text="x")
    with pytest.raises(Conflict):
        save_note(session=session, actor=COMMISSIONER, agenda_item_id=item.id, text="Other",
                  expected_version=note.version + 1)
    session.rollback()
    assert list_notes(session=session, actor=COMMISSIONER, meeting_id=meeting.id)[item.id].text \
        .startswith("Ask the department")
    packet = build_packet(session=session, actor=COMMISSIONER, meeting_id=meeting.id)
    assert packet.content["items"][0]["notes"][0]["text"] == "Ask the department for the retention audit."
    assert "retention audit" in pdf_text(packet.pdf)


def test_meetings_calendar(session: Session, agenda) -> None:
    meeting, _item, _tech = agenda
    update_meeting(session=session, actor=STAFF, meeting_id=meeting.id,
                   link="https://meet.example.org/privacy")
    other = factories.meeting(session, title="Cancelled one", status="cancelled", days_from_now=30)
    session.commit()
    data = meetings_ics(session=session, actor=RESIDENT, base_url="https://portal.example.gov")
    events = {str(e["summary"]): e for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}
    assert set(events) == {"December meeting", "Cancelled one"}
    assert str(events["Cancelled one"]["status"]) == "CANCELLED"
    assert "https://meet.example.org/privacy" in str(events["December meeting"]["description"])
    assert str(events["December meeting"]["url"]).endswith(f"/meeting?id={meeting.id}")
    assert other.id


def test_a_sentence_many_copies_added_is_listed_once_with_its_count(session: Session, agenda) -> None:
    meeting, _item, tech = agenda
    letter = ("I oppose the expansion of licence plate readers. The county must not build a "
              "database of where residents drive.")
    for n in range(20):
        extra = " I live on Division Street." if n % 4 == 1 else (" Hold it at night." if n == 7 else "")
        comment(session, "notice", tech.id, letter + extra)
    session.commit()
    packet = build_packet(session=session, actor=STAFF, meeting_id=meeting.id)
    (campaign,) = packet.content["items"][0]["summary"]["campaigns"]
    assert campaign["copies"] == 20
    additions = {a["text"]: a for a in campaign["additions"]}
    assert set(additions) == {"I live on Division Street.", "Hold it at night."}
    assert additions["I live on Division Street."]["copies"] == 5
    assert len(additions["I live on Division Street."]["comment_ids"]) == 5
    assert "4 other copies adding the same sentence" in pdf_text(packet.pdf).replace("\n", " ")


def test_fewer_than_k_comments_are_not_broken_down_by_district(session: Session, agenda) -> None:
    meeting, _item, tech = agenda
    districts = [factories.district(session, code, population=10_000) for code in "ABCD"]
    for d in districts[:3]:
        comment(session, "notice", tech.id, f"One voice from {d.code} about the cameras.",
                district_id=d.id)
    session.commit()
    packet = build_packet(session=session, actor=STAFF, meeting_id=meeting.id)
    item = packet.content["items"][0]
    assert item["summary"]["count"] == 3
    assert item["participation"]["rows"] == []
    assert "not broken down by district" in item["participation"]["note"]
    assert "not broken down by district" in pdf_text(packet.pdf).replace("\n", " ")
