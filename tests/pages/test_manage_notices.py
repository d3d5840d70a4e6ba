"""Staff manage notices; everyone else is refused by the service, with a message."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from portal.auth.roles import Role
from portal.notices.models import NoticeVersion, SurveillanceTechnology
from tests import factories
from tests.apptest import plain, run_script, texts


@pytest.mark.parametrize("role", [None, Role.MODERATOR, Role.COMMISSIONER], ids=str)
def test_others_are_refused(session: Session, role: Role | None) -> None:
    factories.technology(session)
    session.commit()
    at = run_script("app_pages/manage_notices.py", role)
    assert not at.exception
    assert any("may not do this: notices.list" in e.value for e in at.error)
    assert not at.text_area and not at.button


def test_staff_create_a_draft_then_publish_it(session: Session) -> None:
    dep = factories.department(session, name="Police Department")
    session.commit()
    at = run_script("app_pages/manage_notices.py", Role.STAFF)
    assert not at.exception
    assert at.selectbox[0].value == "__new__"
    next(t for t in at.text_input if t.label == "Name").set_value("Drones")
    next(t for t in at.text_input if t.label.startswith("Short name")).set_value("drones")
    next(t for t in at.text_area if t.label == "What it is").set_value("Small aircraft.")
    next(b for b in at.button if b.label == "Create draft").click().run()
    assert not at.exception
    assert "Draft created" in texts(at)
    tech = session.exec(select(SurveillanceTechnology)).one()
    assert (tech.slug, tech.is_published, tech.department_id) == ("drones", False, dep.id)

    next(t for t in at.text_area if t.label == "Purpose").set_value("Search and rescue.")
    next(t for t in at.text_area if t.label == "What data it collects").set_value("Video.")
    next(b for b in at.button if b.label == "Save draft").click().run()
    assert "Draft saved." in texts(at)
    next(b for b in at.button if b.label == "Publish the draft").click().run()
    assert not at.exception
    assert "Version 1 is published." in texts(at)
    session.expire_all()
    version = session.exec(select(NoticeVersion)).one()
    assert version.published_at is not None and version.purpose == "Search and rescue."


def test_publishing_an_incomplete_draft_shows_why(session: Session) -> None:
    from portal.auth.roles import Actor
    from portal.notices.editing import save_draft

    tech = factories.technology(session)  # version 1 has a description only
    save_draft(session=session, actor=Actor("s@x.example", frozenset({Role.STAFF})),
               technology_id=tech.id, content={"vendor": "Acme"})
    session.commit()
    at = run_script("app_pages/manage_notices.py", Role.STAFF)
    assert "draft of version 2 in progress" in texts(at)
    next(b for b in at.button if b.label == "Publish the draft").click().run()
    assert any("purpose: needed before publishing" in plain(e.value) for e in at.error)


def test_comment_period_closing_before_it_opens_is_refused(session: Session) -> None:
    from datetime import date

    factories.technology(session)
    session.commit()
    at = run_script("app_pages/manage_notices.py", Role.ADMIN)
    next(d for d in at.date_input if d.label == "Opens on").set_value(date(2030, 5, 10))
    next(d for d in at.date_input if d.label == "Closes at the end of").set_value(date(2030, 5, 1))
    next(b for b in at.button if b.label == "Set the comment period").click().run()
    assert any("must follow the opening date" in e.value for e in at.error)
    assert session.exec(select(SurveillanceTechnology.comment_opens_at)).one() is None


def test_status_change_offers_only_allowed_next_statuses(session: Session) -> None:
    factories.technology(session, status="approved")
    session.commit()
    at = run_script("app_pages/manage_notices.py", Role.STAFF)
    box = next(s for s in at.selectbox if s.label == "Change the status to")
    assert box.options == ["In use", "Retired"]
    box.set_value("retired")
    next(b for b in at.button if b.label == "Change status").click().run()
    assert "Status is now Retired." in texts(at)
    session.expire_all()
    assert session.exec(select(SurveillanceTechnology.status)).one() == "retired"
