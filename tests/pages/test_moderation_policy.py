"""The public moderation policy and monthly statistics, readable by everyone."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from portal.auth.roles import Actor, Role
from portal.engagement.decisions import decide
from tests import factories
from tests.apptest import run_script, texts


@pytest.mark.parametrize("role", [None, Role.STAFF, Role.MODERATOR, Role.COMMISSIONER, Role.ADMIN])
def test_everyone_reads_the_policy_and_statistics(session: Session, role: Role | None) -> None:
    mod = Actor(subject="m@x", roles=frozenset({Role.MODERATOR}))
    a = factories.submitted_comment(session, "Please publish the camera audit every year.")
    b = factories.submitted_comment(session, "Cheap watches at my shop, best prices!")
    factories.submitted_comment(session, "Another comment awaiting a decision.")
    decide(session=session, actor=mod, comment_id=a.id, lock_version=a.lock_version, action="publish")
    decide(session=session, actor=mod, comment_id=b.id, lock_version=b.lock_version,
           action="reject", reason_code="spam")
    session.commit()
    at = run_script("app_pages/moderation_policy.py", role)
    assert not at.exception
    assert "removed before publication" in texts(at)
    reasons, stats = at.dataframe[0].value, at.dataframe[1].value
    assert "Commercial advertising or spam." in list(reasons["Reason"])
    row = stats.iloc[0]
    assert (row["Received"], row["Published"], row["Not published"], row["Awaiting a decision"]) == (3, 1, 1, 1)
    assert row["Not published: Commercial advertising or spam."] == 1
    assert "cheap watches" not in texts(at).lower()


def test_the_policy_and_its_reasons_in_spanish(session: Session) -> None:
    mod = Actor(subject="m@x", roles=frozenset({Role.MODERATOR}))
    b = factories.submitted_comment(session, "Cheap watches at my shop, best prices!")
    decide(session=session, actor=mod, comment_id=b.id, lock_version=b.lock_version,
           action="reject", reason_code="spam")
    session.commit()
    at = run_script("app_pages/moderation_policy.py", query={"lang": "es"})
    assert not at.exception
    shown = texts(at)
    assert at.title[0].value == "Normas de moderación"
    assert "Una persona lee cada comentario antes de publicarlo" in shown
    assert "Every comment is read by a person" not in shown and "Your data" not in shown
    reasons, stats = at.dataframe[0].value, at.dataframe[1].value
    assert list(reasons.columns) == ["Motivo", "Qué significa"]
    assert "Publicidad comercial o correo basura." in list(reasons["Motivo"])
    # A reason stored in English counts under its Spanish name.
    assert stats.iloc[0]["No publicado: Publicidad comercial o correo basura."] == 1
    assert "Received" not in stats.columns


def test_the_figures_are_cached_yet_follow_every_comment_and_decision(session: Session) -> None:
    """Counted once for every visitor (0.3–0.55 s of PostgreSQL's time at county scale), and
    counted again as soon as a comment arrives or is decided, in this process or another."""
    mod = Actor(subject="m@x", roles=frozenset({Role.MODERATOR}))
    a = factories.submitted_comment(session, "Please publish the camera audit every year.")
    session.commit()
    at = run_script("app_pages/moderation_policy.py")

    def figures() -> tuple[int, int, int]:
        row = at.dataframe[1].value.iloc[0]
        return int(row["Received"]), int(row["Published"]), int(row["Awaiting a decision"])

    assert figures() == (1, 0, 1)
    at.run()
    assert figures() == (1, 0, 1)
    decide(session=session, actor=mod, comment_id=a.id, lock_version=a.lock_version, action="publish")
    session.commit()
    at.run()
    assert figures() == (1, 1, 0)
    factories.submitted_comment(session, "A second comment, still waiting.")
    session.commit()
    at.run()
    assert not at.exception
    assert figures() == (2, 1, 1)
