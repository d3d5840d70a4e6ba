"""The input behind an agenda item: the packet's counts, filters' facts, reading marks."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import Session

from portal.auth.roles import RESIDENT, Actor, Role
from portal.base import utcnow
from portal.errors import NotFound, PermissionDenied
from portal.oversight.packets import build_packet
from portal.oversight.reading import item_input, item_input_version, mark_read
from portal.oversight.service import add_agenda_item
from portal.surveys.models import Survey
from tests import factories
from tests.services.test_packets import TOPICS, comment

COMMISSIONER = Actor(subject="chair@x.example", roles=frozenset({Role.COMMISSIONER}))
OTHER = Actor(subject="vice@x.example", roles=frozenset({Role.COMMISSIONER}))
STAFF = Actor(subject="clerk@x.example", roles=frozenset({Role.STAFF}))
MODERATOR = Actor(subject="m@x.example", roles=frozenset({Role.MODERATOR}))


@pytest.fixture
def item(session: Session):
    tech = factories.technology(session, open_days=10)
    district = factories.district(session, "N", name="North", population=80_000)
    meeting = factories.meeting(session, days_from_now=7)
    item = add_agenda_item(session=session, actor=STAFF, meeting_id=meeting.id, title="Readers",
                           target_type="notice", target_id=tech.id,
                           input_from=utcnow() - timedelta(days=30))
    for n in range(6):
        for text in TOPICS.values():
            comment(session, "notice", tech.id, f"{text} Point {n}.", district_id=district.id,
                    position="oppose" if n % 2 else "support")
    for _ in range(12):
        comment(session, "notice", tech.id, "Stop the plate readers now, they track every one of us all day long.")
    comment(session, "notice", tech.id, "Too old to count.", days_ago=45)
    comment(session, "notice", tech.id, "Not published yet.", state="pending")
    survey = Survey(slug="s", title="Survey", status="open", target_type="notice",
                    target_id=tech.id)
    session.add(survey)
    session.flush()
    comment(session, "survey", survey.id, "I answered the survey about school lanes.")
    session.commit()
    return meeting, item


def test_counts_are_the_packets_for_the_same_period(session: Session, item) -> None:
    meeting, agenda_item = item
    data = item_input(session=session, actor=COMMISSIONER, agenda_item_id=agenda_item.id)
    packet = build_packet(session=session, actor=COMMISSIONER, meeting_id=meeting.id)
    summary = packet.content["items"][0]["summary"]
    assert (data.count, data.comments, data.survey_answers) == (
        summary["count"], summary["comments"], summary["survey_answers"]) == (31, 30, 1)
    assert data.positions == summary["positions"]
    assert data.themes == [t["label"] for t in summary["themes"]]
    assert {e.id for e in data.entries} == {m for t in summary["themes"] for m in t["members"]} \
        | set(summary["unthemed"])
    assert data.campaigns == {c["id"]: c["copies"] for c in summary["campaigns"]}
    assert 12 in data.campaigns.values()  # the copies of one letter
    for campaign in summary["campaigns"]:
        assert {e.id for e in data.entries if e.campaign == campaign["id"]} == set(campaign["members"])
    assert {e.district for e in data.entries} == {"North", None}


def test_only_the_commission_reads_it(session: Session, item) -> None:
    _meeting, agenda_item = item
    for actor in (RESIDENT, STAFF, MODERATOR):
        with pytest.raises(PermissionDenied):
            item_input(session=session, actor=actor, agenda_item_id=agenda_item.id)
        with pytest.raises(PermissionDenied):
            mark_read(session=session, actor=actor, comment_ids=[1])


def test_reading_marks_are_each_commissioners_own(session: Session, item) -> None:
    _meeting, agenda_item = item
    data = item_input(session=session, actor=COMMISSIONER, agenda_item_id=agenda_item.id)
    first, second = data.entries[0].id, data.entries[1].id
    before = item_input_version(session=session, actor=COMMISSIONER, agenda_item_id=agenda_item.id)
    assert mark_read(session=session, actor=COMMISSIONER, comment_ids=[first, second]) == 2
    assert mark_read(session=session, actor=COMMISSIONER, comment_ids=[first]) == 0
    session.commit()
    mine = item_input(session=session, actor=COMMISSIONER, agenda_item_id=agenda_item.id)
    theirs = item_input(session=session, actor=OTHER, agenda_item_id=agenda_item.id)
    assert {e.id for e in mine.entries if e.read} == {first, second}
    assert not any(e.read for e in theirs.entries)
    assert mark_read(session=session, actor=COMMISSIONER, comment_ids=[first], read=False) == 1
    assert item_input_version(session=session, actor=COMMISSIONER,
                              agenda_item_id=agenda_item.id) == before


def test_only_published_comments_can_be_marked(session: Session, item) -> None:
    from sqlmodel import select

    from portal.engagement.models import Comment

    pending = session.exec(select(Comment.id).where(Comment.state == "pending")).one()
    with pytest.raises(NotFound):
        mark_read(session=session, actor=COMMISSIONER, comment_ids=[pending])


def test_the_version_changes_when_input_is_published(session: Session, item) -> None:
    _meeting, agenda_item = item
    before = item_input_version(session=session, actor=COMMISSIONER, agenda_item_id=agenda_item.id)
    comment(session, "notice", agenda_item.target_id, "A new published comment.")
    session.commit()
    assert item_input_version(session=session, actor=COMMISSIONER,
                              agenda_item_id=agenda_item.id) != before
