"""One notice page: content, versions, what changed, the comment period and its map list."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from portal.auth.roles import Actor, Role
from portal.base import utcnow
from portal.geography.models import District
from portal.notices.editing import publish, save_draft
from portal.settings import PROJECT_ROOT
from tests import factories
from tests.apptest import TIMEOUT, plain, texts

STAFF = Actor(subject="clerk@x.example", roles=frozenset({Role.STAFF}))
SQUARE = {"type": "Polygon", "coordinates": [[[-123.0, 45.0], [-122.0, 45.0], [-122.0, 46.0],
                                              [-123.0, 46.0], [-123.0, 45.0]]]}


def two_versions(session: Session):
    session.add(District(code="D1", name="North", geometry=SQUARE))
    tech = factories.technology(session, name="Plate readers", open_days=3)
    save_draft(session=session, actor=STAFF, technology_id=tech.id,
               content={"purpose": "Find *stolen* cars.", "data_collected": "Plates.",
                        "retention": "30 days.", "change_summary": "Retention set."},
               locations=[{"label": "Main St [x](http://evil.example)", "latitude": 45.5,
                           "longitude": -122.5}])
    publish(session=session, actor=STAFF, technology_id=tech.id)
    session.commit()
    return tech


def open_notice(slug: str, role: Role | None = None, version: int | None = None) -> AppTest:
    at = AppTest.from_file(str(PROJECT_ROOT / "app_pages/notice.py"), default_timeout=TIMEOUT)
    at.user = {"is_logged_in": False} if role is None else {  # type: ignore[attr-defined]
        "is_logged_in": True, "email": "s@x.example", "roles": [role.value]}
    at.query_params["technology"] = slug
    if version is not None:
        at.query_params["version"] = str(version)
    at.run()
    return at


def test_resident_reads_the_current_version_with_its_period_and_locations(session: Session) -> None:
    tech = two_versions(session)
    at = open_notice(tech.slug)
    assert not at.exception
    shown = texts(at)
    assert "Version 2" in shown
    assert "Open for public comment until" in shown and "left)" in shown
    assert r"30 days\." in shown
    # Text from the database is shown literally, never as Markdown.
    assert r"Find \*stolen\* cars\." in shown
    locations = at.dataframe[0].value
    assert list(locations["Location"]) == ["Main St [x](http://evil.example)"]
    assert list(locations["District"]) == ["North"]
    assert any(h.value == "Comments" for h in at.header)
    assert "Published comments (0)" in shown
    # The period is open, so residents can comment right here.
    assert any(b.label == "Check and send" for b in at.button)


def test_no_comment_form_once_the_period_has_closed(session: Session) -> None:
    now = utcnow()
    tech = factories.technology(session, name="Closed", comment_opens_at=now - timedelta(days=40),
                                comment_closes_at=now - timedelta(days=10))
    session.commit()
    at = open_notice(tech.slug)
    assert not at.exception
    assert not any(b.label == "Check and send" for b in at.button)
    assert "Comments can be sent while the public comment period is open." in texts(at)


def test_what_changed_between_versions(session: Session) -> None:
    tech = two_versions(session)
    at = open_notice(tech.slug)
    shown = texts(at)
    assert "4 parts differ between version 1 and version 2" in shown
    for part in ("Purpose", "How long data is kept", "Where it is deployed"):
        assert f"**{part}**" in [m.value for m in at.markdown]
    assert r"Added “30 days\.”" in shown
    assert "30 days." in [t.value for t in at.text]
    # A record's words stay inert in the comparison too.
    # (An invisible word joiner after "http" keeps the address from becoming a link.)
    assert (r"Added “Main St \[x\]\(http" "\u2060" r"\:\/\/evil\.example\) \(45\.50000, \-122\.50000\)”"
            in shown)


def test_an_earlier_version_is_kept_and_marked(session: Session) -> None:
    tech = two_versions(session)
    at = open_notice(tech.slug, version=1)
    assert not at.exception
    shown = texts(at)
    assert "You are reading an earlier version" in shown
    assert r"30 days\." not in [m.value for m in at.markdown]  # (only in "What changed")
    version_box = next(s for s in at.selectbox if s.label == "Version")
    version_box.set_value(2).run()
    assert "earlier version" not in texts(at)


def test_a_draft_only_technology_is_not_offered(session: Session) -> None:
    factories.technology(session, name="Secret", is_published=False)
    session.commit()
    at = open_notice("tech-unknown", Role.MODERATOR)
    assert not at.exception
    assert "No notice has been published yet." in texts(at)


def test_closed_period_is_stated_with_its_dates(session: Session) -> None:
    now = utcnow()
    tech = factories.technology(session, name="Old", comment_opens_at=now - timedelta(days=40),
                                comment_closes_at=now - timedelta(days=10))
    session.commit()
    at = open_notice(tech.slug, Role.COMMISSIONER)
    assert "The public comment period ran from" in texts(at)


def test_an_open_survey_about_the_notice_is_offered(session: Session) -> None:
    from portal.surveys import builder

    tech = two_versions(session)
    survey = builder.create_survey(session=session, actor=STAFF, values={
        "slug": "plates", "title": "Plate readers: your view", "target_type": "notice",
        "target_id": tech.id})
    builder.add_question(session=session, actor=STAFF, survey_id=survey.id, values={
        "kind": "single_choice", "text": "Support?", "options": ["Yes", "No"]})
    session.commit()
    assert "Answer the survey" not in texts(open_notice(tech.slug))  # a draft is not offered
    builder.publish_survey(session=session, actor=STAFF, survey_id=survey.id)
    session.commit()
    at = open_notice(tech.slug)
    assert "Answer the survey" in texts(at)
    # The survey's title is its link's label, made inert (a label is Markdown).
    links = "".join(str(p.proto) for p in at.get("page_link"))
    assert "Plate readers: your view" in plain(texts(at)) + links


def test_a_long_field_changed_at_its_end_shows_the_change_in_full(session: Session) -> None:
    """About 3,000 characters, one sentence changed at the end: a resident sees the change."""
    tech = factories.technology(session, name="Body cameras")
    opening = "\n\n".join(
        f"Rule {n}: officers record *every* public contact [see policy {n}] and keep the "
        "camera switched on until the contact ends, except where the law says otherwise."
        for n in range(1, 20))
    before = opening + "\n\nFootage is deleted after thirty days."
    after = opening + "\n\nFootage is deleted after ninety days, unless a court orders otherwise."
    assert len(before) > 3_000
    for n, policy in enumerate((before, after)):
        save_draft(session=session, actor=STAFF, technology_id=tech.id,
                   content={"purpose": "Evidence.", "data_collected": "Video.",
                            "use_policy": policy, "change_summary": f"Policy, edit {n}."})
        publish(session=session, actor=STAFF, technology_id=tech.id)
    session.commit()
    at = open_notice(tech.slug)
    assert not at.exception
    # Each version's whole text, as plain text (never Markdown), cut nowhere.
    plain = [t.value for t in at.text]
    assert before in plain and after in plain
    # And the change itself, word for word, in a sentence.
    change = next(m.value for m in at.markdown if "thirty" in m.value)
    assert "ninety" in change and "court orders otherwise" in change
    assert not any("*every*" in m.value for m in at.markdown)  # Markdown stays inert


def test_a_notice_shows_its_newest_comments_and_the_rest_on_request(session: Session) -> None:
    tech = two_versions(session)
    for n in range(23):
        factories.stored_comment(session, f"Comment number {n} about plate readers.",
                                 target_type="notice", target_id=tech.id,
                                 published_at=utcnow() - timedelta(hours=n))
    factories.stored_comment(session, "Comment number 99, still waiting.", state="pending",
                             target_type="notice", target_id=tech.id)
    session.commit()
    at = open_notice(tech.slug)
    shown = [m.value for m in at.markdown if m.value.startswith("Comment number")]
    assert "Published comments (23)" in texts(at) and len(shown) == 20
    assert shown[0].startswith("Comment number 0 ") and shown[-1].startswith("Comment number 19 ")
    [more] = [b for b in at.button if b.label.startswith("Show")]
    assert more.label == "Show 3 more comments (3 not yet shown)"
    more.click().run()
    assert not at.exception
    shown = [m.value for m in at.markdown if m.value.startswith("Comment number")]
    assert [s.split(" ")[2] for s in shown] == [str(n) for n in range(23)]
    assert not any(b.label.startswith("Show") for b in at.button)
    assert "still waiting" not in texts(at)


def test_the_notice_in_spanish(session: Session) -> None:
    """?lang=es: headings, field names, the comment period and the comment form in Spanish;
    the county's own words (the name, the purpose) as written."""
    from portal.i18n import using_language

    tech = two_versions(session)
    at = AppTest.from_file(str(PROJECT_ROOT / "app_pages/notice.py"), default_timeout=TIMEOUT)
    at.user = {"is_logged_in": False}  # type: ignore[attr-defined]
    at.query_params["technology"] = tech.slug
    at.query_params["lang"] = "es"
    # AppTest formats select box options in the test's thread: read them in Spanish too.
    with using_language("es"):
        at.run()
        assert not at.exception
        shown = texts(at)
        assert at.title[0].value == "Aviso de tecnología de vigilancia"
        assert "Abierto a comentarios del público hasta el" in shown and "(quedan " in shown
        assert "**Finalidad**" in shown and "Qué es y cómo funciona" in shown
        assert r"Find \*stolen\* cars\." in shown
        assert "Versión 2 (vigente)" in [o for s in at.selectbox for o in s.options]
        assert {"Ubicación", "Distrito", "Latitud"} <= set(at.dataframe[0].value.columns)
        assert any(h.value == "Comentarios" for h in at.header)
        assert [t.label for t in at.text_area] == ["Su comentario (obligatorio)"]
        for english in ("Open for public comment until", "What it is and how it works",
                        "Cost and vendor", "Not stated", "Add your comment", "What changed"):
            assert english not in shown, english
