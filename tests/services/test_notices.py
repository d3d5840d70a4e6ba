"""Notices: lifecycle, immutable versions, diffs, the comment window and the feeds (both databases)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import feedparser
import icalendar
import pytest
from sqlmodel import Session, select

from portal.audit.models import AuditEvent, RecordVersion
from portal.audit.service import verify_chain
from portal.auth.roles import RESIDENT, Actor, Role
from portal.base import utcnow
from portal.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from portal.geography.models import District
from portal.notices.editing import (
    close_comment_period,
    create_technology,
    publish,
    save_draft,
    set_comment_period,
    set_status,
)
from portal.notices.feeds import comment_deadlines_ics, notices_atom
from portal.notices.models import DeploymentLocation, NoticeVersion, SurveillanceTechnology
from portal.notices.service import diff_versions, get_notice, list_deployments, list_technologies
from portal.notices.window import CommentPeriodClosed, ensure_open_for_comment, time_left
from tests import factories

STAFF = Actor(subject="clerk@x.example", roles=frozenset({Role.STAFF}))
SQUARE = {"type": "Polygon", "coordinates": [[[-123.0, 45.0], [-122.0, 45.0], [-122.0, 46.0],
                                              [-123.0, 46.0], [-123.0, 45.0]]]}
CONTENT = {"description": "Cameras on poles.", "purpose": "Find stolen cars.",
           "data_collected": "Plates and photos.", "retention": "90 days."}


def district(session: Session) -> District:
    row = District(code="D1", name="North", geometry=SQUARE)
    session.add(row)
    session.flush()
    return row


def new_notice(session: Session, **kw) -> SurveillanceTechnology:
    dep = factories.department(session)
    values = dict(slug="alpr", name="Plate readers", category="license_plate_reader",
                  department_id=dep.id, content=CONTENT,
                  locations=[{"label": "Main St", "latitude": 45.5, "longitude": -122.5}])
    values.update(kw)
    return create_technology(session=session, actor=STAFF, **values)


def test_a_draft_is_invisible_to_residents_until_published(session: Session) -> None:
    district(session)
    tech = new_notice(session)
    session.commit()
    assert list_technologies(session=session, actor=RESIDENT) == []
    with pytest.raises(NotFound):
        get_notice(session=session, actor=RESIDENT, slug="alpr")
    assert [r.slug for r in list_technologies(session=session, actor=STAFF,
                                              include_unpublished=True)] == ["alpr"]
    with pytest.raises(PermissionDenied):
        list_technologies(session=session, actor=RESIDENT, include_unpublished=True)

    publish(session=session, actor=STAFF, technology_id=tech.id)
    session.commit()
    page = get_notice(session=session, actor=RESIDENT, slug="alpr")
    assert page.version.version == 1
    assert [loc.label for loc in page.locations] == ["Main St"]
    assert page.locations[0].district_id is not None


def test_publishing_a_new_version_never_alters_the_earlier_one(session: Session) -> None:
    district(session)
    tech = new_notice(session)
    first = publish(session=session, actor=STAFF, technology_id=tech.id)
    session.commit()
    before = first.model_dump()
    before_locations = [loc.model_dump() for loc in session.exec(
        select(DeploymentLocation).where(DeploymentLocation.notice_version_id == first.id))]

    draft = save_draft(session=session, actor=STAFF, technology_id=tech.id,
                       content={"retention": "30 days.", "change_summary": "Shorter retention."},
                       locations=[{"label": "Oak Ave", "latitude": 45.6, "longitude": -122.4}])
    assert draft.version == 2 and draft.id != first.id
    # Residents still read version 1 while the draft exists.
    assert get_notice(session=session, actor=RESIDENT, slug="alpr").version.version == 1
    publish(session=session, actor=STAFF, technology_id=tech.id)
    session.commit()

    session.expire_all()
    again = session.get(NoticeVersion, first.id)
    assert again.model_dump() == before
    assert [loc.model_dump() for loc in session.exec(
        select(DeploymentLocation).where(DeploymentLocation.notice_version_id == first.id))] == before_locations
    page = get_notice(session=session, actor=RESIDENT, slug="alpr")
    assert [v.version for v in page.versions] == [1, 2]
    assert page.version.retention == "30 days."
    assert page.version.description == CONTENT["description"]  # carried over from version 1
    snapshots = session.exec(select(RecordVersion).where(RecordVersion.record_type == "notice_version")).all()
    assert [s.version for s in snapshots] == [1, 2]
    assert verify_chain(session).ok


def test_diff_lists_changed_fields_and_locations(session: Session) -> None:
    district(session)
    tech = new_notice(session)
    publish(session=session, actor=STAFF, technology_id=tech.id)
    save_draft(session=session, actor=STAFF, technology_id=tech.id,
               content={"retention": "30 days.", "fiscal_ongoing_cost": "1,200",
                        "change_summary": "Shorter retention."},
               locations=[{"label": "Oak Ave", "latitude": 45.6, "longitude": -122.4}])
    publish(session=session, actor=STAFF, technology_id=tech.id)
    session.commit()
    changes = diff_versions(session=session, actor=RESIDENT, technology_id=tech.id, old=1, new=2)
    assert [c.field for c in changes] == ["retention", "fiscal_ongoing_cost", "locations"]
    assert (changes[0].before, changes[0].after) == ("90 days.", "30 days.")
    assert changes[1].after == "1,200.00"
    assert "Main St" in changes[2].before and "Oak Ave" in changes[2].after
    assert diff_versions(session=session, actor=RESIDENT, technology_id=tech.id, old=2, new=2) == []
    with pytest.raises(NotFound):
        diff_versions(session=session, actor=RESIDENT, technology_id=tech.id, old=1, new=3)


def test_publish_refuses_an_incomplete_draft_and_a_missing_one(session: Session) -> None:
    tech = new_notice(session, content={"description": "Only this."}, locations=[])
    with pytest.raises(ValidationFailed) as caught:
        publish(session=session, actor=STAFF, technology_id=tech.id)
    assert {e.field for e in caught.value.errors} == {"purpose", "data_collected"}
    save_draft(session=session, actor=STAFF, technology_id=tech.id, content=CONTENT)
    publish(session=session, actor=STAFF, technology_id=tech.id)
    with pytest.raises(Conflict):
        publish(session=session, actor=STAFF, technology_id=tech.id)
    save_draft(session=session, actor=STAFF, technology_id=tech.id, content={"vendor": "Acme"})
    with pytest.raises(ValidationFailed, match="change_summary"):
        publish(session=session, actor=STAFF, technology_id=tech.id)


def test_residents_may_not_write(session: Session) -> None:
    tech = new_notice(session, locations=[])
    for call in (
        lambda: publish(session=session, actor=RESIDENT, technology_id=tech.id),
        lambda: save_draft(session=session, actor=RESIDENT, technology_id=tech.id, content={}),
        lambda: set_status(session=session, actor=RESIDENT, technology_id=tech.id, status="denied"),
    ):
        with pytest.raises(PermissionDenied):
            call()


def test_status_lifecycle_allowed_and_refused(session: Session) -> None:
    tech = new_notice(session, locations=[])
    set_status(session=session, actor=STAFF, technology_id=tech.id, status="under_review")
    set_status(session=session, actor=STAFF, technology_id=tech.id, status="approved")
    with pytest.raises(ValidationFailed, match="cannot become"):
        set_status(session=session, actor=STAFF, technology_id=tech.id, status="proposed")
    set_status(session=session, actor=STAFF, technology_id=tech.id, status="in_use")
    now = utcnow()
    set_comment_period(session=session, actor=STAFF, technology_id=tech.id,
                       opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=5))
    set_status(session=session, actor=STAFF, technology_id=tech.id, status="retired", now=now)
    assert tech.comment_closes_at == now  # retiring ends the open period
    with pytest.raises(ValidationFailed, match="final"):
        set_status(session=session, actor=STAFF, technology_id=tech.id, status="in_use")
    with pytest.raises(ValidationFailed, match="retired"):
        set_comment_period(session=session, actor=STAFF, technology_id=tech.id,
                           opens_at=now, closes_at=now + timedelta(days=1))
    with pytest.raises(ValidationFailed, match="unknown status"):
        set_status(session=session, actor=STAFF, technology_id=tech.id, status="paused")
    actions = session.exec(select(AuditEvent.action)).all()
    assert actions.count("notices.set_status") == 4


def test_comment_period_must_close_after_it_opens(session: Session) -> None:
    tech = new_notice(session, locations=[])
    now = utcnow()
    for closes in (now, now - timedelta(seconds=1)):
        with pytest.raises(ValidationFailed, match="must follow the opening"):
            set_comment_period(session=session, actor=STAFF, technology_id=tech.id,
                               opens_at=now, closes_at=closes)
    with pytest.raises(ValidationFailed, match="time zone"):
        set_comment_period(session=session, actor=STAFF, technology_id=tech.id,
                           opens_at=datetime(2030, 1, 1), closes_at=datetime(2030, 2, 1))
    assert tech.comment_opens_at is None


def test_comment_window_boundaries_opens_inclusive_closes_exclusive(session: Session, engine) -> None:
    tech = new_notice(session, locations=[])
    publish(session=session, actor=STAFF, technology_id=tech.id)
    opens = datetime(2030, 3, 1, 8, 0, tzinfo=UTC)
    closes = datetime(2030, 3, 31, 6, 59, tzinfo=UTC)
    set_comment_period(session=session, actor=STAFF, technology_id=tech.id, opens_at=opens,
                       closes_at=closes)
    session.commit()
    tiny = timedelta(microseconds=1)
    with Session(engine) as fresh:  # read back from the database, not the identity map
        with pytest.raises(CommentPeriodClosed, match="not opened yet"):
            ensure_open_for_comment(fresh, tech.id, opens - tiny)
        ensure_open_for_comment(fresh, tech.id, opens)
        ensure_open_for_comment(fresh, tech.id, closes - tiny)
        with pytest.raises(CommentPeriodClosed, match="has closed"):
            ensure_open_for_comment(fresh, tech.id, closes)
        with pytest.raises(NotFound):
            ensure_open_for_comment(fresh, 999_999, opens)


def test_comments_refused_on_drafts_closed_and_unscheduled_notices(session: Session) -> None:
    now = utcnow()
    draft = new_notice(session, locations=[])
    set_comment_period(session=session, actor=STAFF, technology_id=draft.id,
                       opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=1))
    with pytest.raises(CommentPeriodClosed, match="not open for comment"):
        ensure_open_for_comment(session, draft.id, now)
    plain = factories.technology(session)
    with pytest.raises(CommentPeriodClosed, match="no public comment period"):
        ensure_open_for_comment(session, plain.id, now)
    closing = factories.technology(session, open_days=3)
    ensure_open_for_comment(session, closing.id, now)
    close_comment_period(session=session, actor=STAFF, technology_id=closing.id, now=now)
    with pytest.raises(CommentPeriodClosed):
        ensure_open_for_comment(session, closing.id, now)
    with pytest.raises(ValidationFailed, match="no comment period is open"):
        close_comment_period(session=session, actor=STAFF, technology_id=closing.id, now=now)


def test_a_retired_technology_takes_no_comments_even_inside_its_period(session: Session) -> None:
    now = utcnow()
    retired = factories.technology(session, open_days=3, status="retired")
    with pytest.raises(CommentPeriodClosed, match="retired"):
        ensure_open_for_comment(session, retired.id, now)


def test_residents_are_not_told_that_a_draft_exists(session: Session) -> None:
    tech = factories.technology(session, open_days=3)
    save_draft(session=session, actor=STAFF, technology_id=tech.id,
               content={"purpose": "A new purpose."}, locations=[])
    (for_staff,) = [t for t in list_technologies(session=session, actor=STAFF) if t.id == tech.id]
    (for_residents,) = [t for t in list_technologies(session=session, actor=RESIDENT) if t.id == tech.id]
    assert for_staff.has_draft is True
    assert for_residents.has_draft is False


def test_list_puts_open_periods_first_closing_soonest(session: Session) -> None:
    factories.technology(session, name="Zeta", open_days=None)
    factories.technology(session, name="Late", open_days=20)
    factories.technology(session, name="Soon", open_days=2)
    factories.technology(session, name="Alpha")
    session.commit()
    rows = list_technologies(session=session, actor=RESIDENT)
    assert [r.name for r in rows] == ["Soon", "Late", "Alpha", "Zeta"]
    assert rows[0].comment_state == "open" and rows[2].comment_state == "none"
    assert rows[0].last_published_at is not None and rows[0].last_published_at.tzinfo is not None


def test_locations_outside_the_county_or_invalid_are_refused(session: Session) -> None:
    district(session)
    tech = new_notice(session, locations=[])
    cases = [
        ({"label": "Far", "latitude": 40.0, "longitude": -100.0}, "outside the county"),
        ({"label": "Bad", "latitude": "north", "longitude": -122.5}, "latitude and a longitude"),
        ({"label": "Open ring", "geometry": {"type": "Polygon", "coordinates": [[[-122.5, 45.5], [-122.4, 45.5], [-122.4, 45.6]]]}}, "must end where it starts"),
        ({"label": "Blob", "geometry": "{not json"}, "not valid JSON"),
        ({"label": "", "latitude": 45.5, "longitude": -122.5}, "needs a label"),
    ]
    for location, message in cases:
        with pytest.raises(ValidationFailed, match=message):
            save_draft(session=session, actor=STAFF, technology_id=tech.id, locations=[location])
    save_draft(session=session, actor=STAFF, technology_id=tech.id, locations=[
        {"label": "Zone", "geometry": {"type": "Feature", "geometry": SQUARE | {"coordinates": [[[-122.6, 45.4], [-122.5, 45.4], [-122.5, 45.5], [-122.6, 45.4]]]}}},
    ])
    publish(session=session, actor=STAFF, technology_id=tech.id)
    (point,) = list_deployments(session=session, actor=RESIDENT)
    assert point.geometry["type"] == "Polygon" and point.district_id is not None


def test_feed_and_calendar_parse_back(session: Session) -> None:
    tech = factories.technology(session, name="Drones & <b>cams</b>", open_days=10)
    hidden = factories.technology(session, name="Secret draft", is_published=False, open_days=10)
    session.commit()
    atom = notices_atom(session=session, actor=RESIDENT, base_url="https://portal.example.gov")
    feed = feedparser.parse(atom)
    assert not feed.bozo
    assert [e.title for e in feed.entries] == ["Drones & <b>cams</b>: New notice"]
    assert feed.entries[0].link == f"https://portal.example.gov/notice?technology={tech.slug}&version=1"
    assert feed.entries[0].id == f"tag:portal.example.gov,2026:notice/{tech.slug}/v1"

    ics = comment_deadlines_ics(session=session, actor=RESIDENT, base_url="https://portal.example.gov")
    (event,) = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    assert str(event["summary"]) == "Comments close: Drones & <b>cams</b>"
    closes = tech.comment_closes_at.replace(microsecond=0)
    # The deadline on its own day, not a block over the whole period.
    assert event.decoded("dtend") == closes
    assert closes - event.decoded("dtstart") == timedelta(minutes=30)
    (alarm,) = event.walk("VALARM")
    assert alarm.decoded("trigger") == -timedelta(days=1)
    assert hidden.name not in ics.decode()


def test_time_left_reads_plainly() -> None:
    now = datetime(2030, 1, 1, tzinfo=UTC)
    assert time_left(now + timedelta(days=3, hours=4, minutes=5), now) == "3 days, 4 hours"
    assert time_left(now + timedelta(hours=1, minutes=1), now) == "1 hour, 1 minute"
    assert time_left(now + timedelta(seconds=30), now) == "less than a minute"
