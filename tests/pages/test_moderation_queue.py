from sqlmodel import Session

from portal.auth.roles import Role
from portal.engagement.models import Comment
from tests.apptest import run_script, texts


def _comment(session: Session, text: str, state: str = "pending") -> None:
    session.add(Comment(target_type="general", raw_text=text, redacted_text=text, state=state,
                        receipt_code=f"R-{abs(hash(text)) % 10**8}",
                        flags=[{"kind": "pii:phone", "score": 1.0, "spans": [[0, 3]]}]))
    session.commit()


def test_moderator_sees_pending_comments(session: Session) -> None:
    _comment(session, "Please stop the drones. Call me at 555-0100.")
    _comment(session, "Already published", state="published")
    at = run_script("app_pages/moderation_queue.py", Role.MODERATOR)
    assert not at.exception
    frame = at.dataframe[0].value
    assert list(frame["Text"]) == ["Please stop the drones. Call me at 555-0100."]
    assert list(frame["Flags"]) == ["pii:phone"]


def test_other_roles_are_refused(session: Session) -> None:
    _comment(session, "raw text that only moderators may read")
    for role in (None, Role.STAFF, Role.COMMISSIONER):
        at = run_script("app_pages/moderation_queue.py", role)
        assert not at.exception
        assert "raw text that only moderators may read" not in texts(at)
        assert not at.dataframe
        assert any("may not do this" in e.value for e in at.error)
