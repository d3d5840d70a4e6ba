"""Fifty residents submit at once (DESIGN.md §7): every comment stored exactly once."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from portal.auth.roles import RESIDENT
from portal.db import session_scope
from portal.engagement.comments import submit_comment
from portal.engagement.models import Comment


def test_fifty_concurrent_submissions_are_all_stored_once(engine: Engine) -> None:
    engine.pool.dispose()

    def send(i: int) -> str:
        with session_scope(engine) as session:
            return submit_comment(
                session=session, actor=RESIDENT, target_type="general",
                text=f"Resident {i}: please publish the surveillance audit for my block.",
                session_token=f"tab-{i}", network="198.51.100.7" if i % 2 else "203.0.113.9",
            ).code

    with ThreadPoolExecutor(max_workers=50) as pool:
        codes = list(pool.map(send, range(50)))
    assert len(set(codes)) == 50
    with Session(engine) as session:
        rows = session.exec(select(Comment.receipt_code, Comment.raw_text)).all()
    assert sorted(code for code, _ in rows) == sorted(codes)
    texts = sorted(text for _, text in rows)
    assert texts == sorted(f"Resident {i}: please publish the surveillance audit for my block." for i in range(50))
