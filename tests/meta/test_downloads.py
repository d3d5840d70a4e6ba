"""Every download button leaves the page alone when clicked.

A button's file made on click (``data`` a callable) is registered under an id that lasts one
script run. With Streamlit's default ``on_click="rerun"`` the click starts a run that revokes
that id while the browser is still asking for the file, and a second click during the run asks
for an id already gone: the resident gets nothing and no message. Seen as a download that never
came in tests/browser/test_notices_browser.py on CI. A download changes nothing on the page, so
no button needs the run.
"""

from __future__ import annotations

import ast
from pathlib import Path

from portal.settings import PROJECT_ROOT


def _download_buttons() -> list[tuple[str, ast.Call]]:
    found = []
    for folder in ("app_pages", "portal"):
        for path in sorted((PROJECT_ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr == "download_button"):
                    found.append((f"{Path(path).relative_to(PROJECT_ROOT)}:{node.lineno}", node))
    return found


def _ignores_click(call: ast.Call) -> bool:
    return any(k.arg == "on_click" and isinstance(k.value, ast.Constant) and k.value.value == "ignore"
               for k in call.keywords)


def test_the_download_buttons_are_found() -> None:
    places = [where for where, _ in _download_buttons()]
    assert any(p.startswith("app_pages/notices.py") for p in places)
    assert len(places) >= 15


def test_every_download_button_ignores_its_click() -> None:
    assert [where for where, call in _download_buttons() if not _ignores_click(call)] == []
