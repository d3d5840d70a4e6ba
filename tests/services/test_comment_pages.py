"""Published comments a page at a time (keyset on publication instant and id, issue 18):
every published comment once, in order, through all pages; never an unpublished one."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session

from portal.auth.roles import RESIDENT
from portal.base import utcnow
from portal.engagement.comments import (
    PAGE_SIZE,
    CommentPage,
    published_comment_page,
    published_comments,
)
from tests import factories


def _walk(session: Session, limit: int, **target) -> tuple[list[int], list[CommentPage]]:  # type: ignore[no-untyped-def]
    ids: list[int] = []
    pages: list[CommentPage] = []
    after = None
    while True:
        page = published_comment_page(session=session, actor=RESIDENT, after=after, limit=limit,
                                      **target)
        pages.append(page)
        ids += [c.id for c in page.comments]
        after = page.next
        if after is None:
            return ids, pages
        assert len(pages) < 100, "the pages never end"


def _comments_with_ties(session: Session, **target) -> list[int]:  # type: ignore[no-untyped-def]
    """Eleven published comments, seven of them published at one instant (a batch decision),
    two at another, with pending, rejected and referred ones among them; their ids newest first."""
    now = utcnow()
    batch, pair = now - timedelta(hours=2), now - timedelta(days=1)
    instants = [now, batch, batch, pair, batch, batch, now - timedelta(days=3), batch, pair, batch]
    published = []
    for n, instant in enumerate(instants):
        published.append((instant, factories.stored_comment(
            session, f"Published {n}", published_at=instant, **target).id))
        if n % 3 == 0:
            for state in ("pending", "rejected", "referred"):
                factories.stored_comment(session, f"Not published {n} ({state})", state=state,
                                         **target)
    published.append((batch, factories.stored_comment(session, "Published last", published_at=batch,
                                                      **target).id))
    session.commit()
    return [i for _, i in sorted(published, reverse=True)]


def test_each_published_comment_once_and_in_order_through_all_pages(session: Session) -> None:
    tech = factories.technology(session, name="Plate readers")
    other = factories.technology(session, name="Drones")
    expected = _comments_with_ties(session, target_type="notice", target_id=tech.id)
    factories.stored_comment(session, "About another notice", target_type="notice",
                             target_id=other.id)
    factories.stored_comment(session, "A general comment")
    session.commit()

    for limit in (1, 2, 3, 7, 11, 50):
        ids, pages = _walk(session, limit, target_type="notice", target_id=tech.id)
        assert ids == expected, limit
        assert {p.total for p in pages} == {11}
        assert [len(p.comments) for p in pages[:-1]] == [limit] * (len(pages) - 1)
        # The last page is full or short, and no empty page follows a full one.
        assert 0 < len(pages[-1].comments) <= limit
    shown = [c.text for c in published_comment_page(
        session=session, actor=RESIDENT, target_type="notice", target_id=tech.id, limit=50).comments]
    assert all(t.startswith("Published") for t in shown) and len(shown) == 11
    # The same order as every other list of published comments (the API, the exports).
    assert expected == [c.id for c in published_comments(
        session=session, actor=RESIDENT, target_type="notice", target_id=tech.id, limit=None)]


def test_general_comments_page_apart_from_any_record(session: Session) -> None:
    tech = factories.technology(session, name="Plate readers")
    expected = _comments_with_ties(session)  # general: about no record
    factories.stored_comment(session, "About a notice", target_type="notice", target_id=tech.id)
    session.commit()
    ids, pages = _walk(session, 4, target_type="general")
    assert ids == expected and [len(p.comments) for p in pages] == [4, 4, 3]
    first = published_comment_page(session=session, actor=RESIDENT, target_type="general")
    assert len(first.comments) == 11 <= PAGE_SIZE and first.next is None and first.total == 11


def test_no_comment_is_lost_or_repeated_when_more_are_published_while_reading(session: Session) -> None:
    expected = _comments_with_ties(session)
    first = published_comment_page(session=session, actor=RESIDENT, target_type="general", limit=4)
    # Published after the reader's first page: newer than all, so it belongs before that page.
    newer = factories.stored_comment(session, "Published meanwhile", published_at=utcnow()).id
    session.commit()
    ids = [c.id for c in first.comments]
    after = first.next
    while after is not None:
        page = published_comment_page(session=session, actor=RESIDENT, target_type="general",
                                      after=after, limit=4)
        ids += [c.id for c in page.comments]
        after = page.next
        assert page.total == 12
    assert ids == expected and newer not in ids


def test_a_record_with_no_published_comment_has_an_empty_page(session: Session) -> None:
    tech = factories.technology(session, name="Plate readers")
    factories.stored_comment(session, "Waiting", state="pending", target_type="notice",
                             target_id=tech.id)
    session.commit()
    page = published_comment_page(session=session, actor=RESIDENT, target_type="notice",
                                  target_id=tech.id)
    assert page == CommentPage(comments=[], total=0, next=None)
