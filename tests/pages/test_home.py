from sqlmodel import Session

from portal.auth.roles import Role
from tests import factories
from tests.apptest import run_script, texts


def test_home_shows_the_figures_from_the_database(session: Session) -> None:
    factories.practice(session, sensitive_categories=["immigration_status"], mechanism="informal")
    factories.practice(session)
    factories.practice(session, status="retired", sensitive_categories=["health"])
    factories.technology(session, name="Licence plate readers on Route 9", open_days=10)
    factories.technology(session, name="Closed camera notice")
    factories.meeting(session, title="December regular meeting")
    factories.indicator(session, "published-one")
    factories.indicator(session, "draft-one", is_published=False)
    session.commit()

    at = run_script("app_pages/home.py")

    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    # Retired practices are in the inventory but not in this figure, and the label says so.
    assert metrics["Current data-sharing practices"] == "2"
    assert metrics["Involving sensitive data"] == "1"
    assert metrics["Shared informally"] == "1"
    assert metrics["Surveillance technologies"] == "2"
    assert metrics["Indicators"] == "1"
    shown = texts(at)
    assert "Licence plate readers on Route 9" in shown
    assert "Closed camera notice" not in shown
    assert "December regular meeting" in shown


def test_home_on_an_empty_database_says_so(database_url: str) -> None:
    at = run_script("app_pages/home.py", Role.STAFF)
    assert not at.exception
    shown = texts(at)
    assert "No surveillance technology notice is open for comment right now." in shown
    assert "No meeting has been scheduled yet." in shown


def test_hostile_titles_are_shown_as_text(session: Session) -> None:
    factories.technology(session, name="[click](https://evil.example) ![x](https://evil.example/p.png)", open_days=3)
    session.commit()
    at = run_script("app_pages/home.py")
    markdown = "\n".join(m.value for m in at.markdown)
    assert "](https://evil.example)" not in markdown
    assert r"\[click\]" in markdown


def test_open_for_comment_items_link_to_their_notices(session: Session) -> None:
    readers = factories.technology(session, name="Licence plate readers on Route 9", open_days=10)
    drones = factories.technology(session, name="Police drones", open_days=3)
    session.commit()

    at = run_script("app_pages/home.py")

    assert not at.exception
    # Run on its own the page has no navigation, so link_to writes the same address as a link.
    markdown = "\n".join(m.value for m in at.markdown)
    for tech in (readers, drones):
        assert f"[{tech.name}](/notice?technology={tech.slug})" in markdown
        assert f"**{tech.name}**" not in markdown
    captions = [c.value for c in at.caption]
    assert sum(c.startswith("Comments close ") for c in captions) == 2
