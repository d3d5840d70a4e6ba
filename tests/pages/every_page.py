"""Every registered page, opened over the demo county: for checks that must hold on all of
them (charts with words and tables, no English left on a Spanish page). Built from the
registry, so a new page is checked without anyone adding it to a list."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from portal import registry
from portal.auth.roles import SYSTEM, Role
from portal.db import make_engine
from portal.demo.loader import load_demo
from tests.apptest import run_script

#: Detail views, by page, that the bare page does not draw.
DETAILS: dict[str, list[dict[str, str]]] = {
    "notice": [{"technology": "alpr-fixed"}],
    "indicators": [{"indicator": "traffic-stops"}, {"indicator": "eviction-filings"}],
    "surveys": [{"survey": "alpr-expansion-2026"}, {"survey": "data-sharing-priorities-2026"}],
    "inventory": [{"practice": "1"}],
    "meeting": [{"meeting": "1"}, {"meeting": "2"}],
}
CASES: list[tuple[str, dict[str, str]]] = [
    (spec.script, query) for spec in registry.all_pages()
    for query in [{}, *DETAILS.get(spec.url_path, [])]]


def case_id(case: tuple[str, dict[str, str]]) -> str:
    script, query = case
    return script.removeprefix("app_pages/").removesuffix(".py") + (
        "?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


@contextmanager
def demo_county(directory: Path, template: Path) -> Iterator[None]:
    """``PORTAL_DATABASE_URL`` at a copy of the migrated template with the demo county in it."""
    path = directory / "demo.db"
    shutil.copy(template, path)
    url = f"sqlite:///{path}"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PORTAL_DATABASE_URL", url)
        engine = make_engine(url)
        with Session(engine) as session:
            load_demo(session=session, actor=SYSTEM)
            session.commit()
        engine.dispose()
        yield


def run_every_page(extra: dict[str, str] | None = None) -> Iterator[tuple[tuple[str, dict[str, str]], AppTest]]:
    """Each case run as the administrator (who may open every page), with ``extra`` in the
    address; a page that raises fails the caller."""
    for script, query in CASES:
        at = run_script(script, Role.ADMIN, query={**query, **(extra or {})})
        assert not at.exception, (script, query, at.exception)
        yield (script, query), at
