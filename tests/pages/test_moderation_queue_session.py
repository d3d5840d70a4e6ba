"""A moderator's long session on the queue holds no more than its latest run (issue 18).

Streamlit keeps the metadata of every widget id a session has drawn until the session ends,
and a widget's metadata holds its ``format_func``, a function of the page script that holds
all of that run's names: the comments listed and their raw text. So the queue's widgets must
keep their ids from one decision to the next; when they did not (a picker whose options
changed, a form per comment), ``portal serve`` grew by about 2 MiB a decision at county
scale (``python bench/moderator_session.py``).
"""

from __future__ import annotations

import gc

from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from portal.auth.roles import Role
from portal.engagement.models import Comment, CommentQueueItem
from tests import factories
from tests.apptest import run_script

#: Unlike one another: a copy-paste campaign would add its own buttons, keyed by its comments.
TEXTS = [
    "Comment 0: please publish how long the plate readers keep what they read.",
    "Comment 1: the drones fly over the school every morning; who watches the footage?",
    "Comment 2: I support the gunshot sensors if the yearly audit is published.",
    "Comment 3: the library should not share borrowing records with the sheriff.",
    "Comment 4: how many requests for camera footage did the county refuse last year?",
    "Comment 5: the body cameras must record every stop, and the recordings kept a year.",
]


def _widget_ids(at: AppTest) -> set[str]:
    kinds = ("selectbox", "radio", "text_area", "text_input", "button")
    return {w.id for kind in kinds for w in getattr(at, kind)} | {
        w.id for w in at.get("download_button")}


def _record(at: AppTest, action: str = "publish", reason: str = "") -> str:
    """Decide the comment the form shows; the confirmation shown."""
    next(r for r in at.radio if r.label == "Decision").set_value(action)
    if reason:
        next(s for s in at.selectbox if s.label.startswith("Reason from")).set_value(reason)
    next(b for b in at.button if b.label == "Record decision").click().run()
    assert not at.exception
    [shown] = [s.value for s in at.success]
    return shown


def _shown_comment(at: AppTest) -> int:
    return int(next(s for s in at.selectbox if s.label == "Comment").value)


def test_deciding_one_comment_after_another_keeps_the_widgets_ids(session: Session) -> None:
    comments = [factories.submitted_comment(session, t) for t in TEXTS]
    session.commit()
    at = run_script("app_pages/moderation_queue.py", Role.MODERATOR)
    assert not at.exception
    first = _widget_ids(at)
    for n, comment in enumerate(comments[:4]):
        assert _shown_comment(at) == comment.id
        # The form is this comment's: its text to publish, not the one decided before.
        box = next(t for t in at.text_area if t.label.startswith("Text to publish"))
        assert box.value == comment.redacted_text
        shown = _record(at, *(("reject", "off_topic") if n % 2 else ("publish",)))
        assert shown.startswith(f"Comment #{comment.id}:")
        at.run()  # the queue read again, as picking the next comment does
        assert not at.exception
        assert _widget_ids(at) == first
    session.expire_all()
    assert [session.get(Comment, c.id).state for c in comments] == [
        "published", "rejected", "published", "rejected", "pending", "pending"]


def test_a_long_session_keeps_the_comments_of_its_latest_runs_only(session: Session) -> None:
    for t in TEXTS:
        factories.submitted_comment(session, t)
    session.commit()
    at = run_script("app_pages/moderation_queue.py", Role.MODERATOR)
    for _ in range(5):
        _record(at)
        at.run()
    assert not at.exception
    gc.collect()
    alive = sum(isinstance(o, CommentQueueItem) for o in gc.get_objects())
    # The latest run's queue (1 comment left) and the one before it (2): 5 decided
    # comments in 10 runs held 6 + 5 + ... + 1 = 21 when every decision kept its run.
    assert alive <= 3, alive


def test_a_refused_decision_keeps_what_the_moderator_wrote(session: Session) -> None:
    comment = factories.submitted_comment(session, TEXTS[0])
    factories.submitted_comment(session, TEXTS[1])
    session.commit()
    at = run_script("app_pages/moderation_queue.py", Role.MODERATOR)
    next(t for t in at.text_area if t.label.startswith("Text to publish")).set_value(
        "Comment 0: please publish how long the readers keep what they read.")
    next(r for r in at.radio if r.label == "Decision").set_value("reject")
    next(b for b in at.button if b.label == "Record decision").click().run()
    assert any("reason from the moderation policy" in e.value for e in at.error)
    assert _shown_comment(at) == comment.id
    box = next(t for t in at.text_area if t.label.startswith("Text to publish"))
    assert box.value == "Comment 0: please publish how long the readers keep what they read."
    assert next(r for r in at.radio if r.label == "Decision").value == "reject"


def test_picking_another_comment_shows_its_own_form(session: Session) -> None:
    comments = [factories.submitted_comment(session, t) for t in TEXTS[:3]]
    session.commit()
    at = run_script("app_pages/moderation_queue.py", Role.MODERATOR)
    next(s for s in at.selectbox if s.label == "Comment").set_value(comments[2].id).run()
    box = next(t for t in at.text_area if t.label.startswith("Text to publish"))
    assert box.value == comments[2].redacted_text
    assert _record(at).startswith(f"Comment #{comments[2].id}:")
    at.run()
    # The comment picked is decided: the first waiting one is shown, with its text.
    assert _shown_comment(at) == comments[0].id
    box = next(t for t in at.text_area if t.label.startswith("Text to publish"))
    assert box.value == comments[0].redacted_text
