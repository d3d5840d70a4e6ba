"""Running pages in AppTest as a given role (DESIGN.md §6).

Roles reach the page the way real sign-in delivers them: as the ID token's
``roles`` claim in ``st.user``.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from portal.auth.roles import Role
from portal.settings import PROJECT_ROOT

TIMEOUT = 30


def user_for(role: Role | None, email: str | None = None) -> dict[str, object]:
    if role is None or role is Role.RESIDENT:
        return {"is_logged_in": False}
    return {
        "is_logged_in": True,
        "email": email or f"{role.value}@alder-county.example",
        "sub": f"sub-{role.value}",
        "name": f"Test {role.value}",
        "roles": [role.value],
    }


def run_script(script: str, role: Role | None = None, *, email: str | None = None) -> AppTest:
    """Run one script (``streamlit_app.py`` or ``app_pages/x.py``) as ``role`` and return it."""
    at = AppTest.from_file(str(PROJECT_ROOT / script), default_timeout=TIMEOUT)
    at.user = user_for(role, email)  # type: ignore[attr-defined]
    at.run()
    return at


def texts(at: AppTest) -> str:
    """Everything a reader sees in text elements, joined, for 'does it say X' checks."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "text", "success",
                 "info", "warning", "error"):
        parts.extend(str(el.value) for el in getattr(at, kind))
    parts.extend(f"{m.label} {m.value}" for m in at.metric)
    return "\n".join(parts)


def plain(markdown: str) -> str:
    """A message as a reader sees it: the backslashes that keep quoted values inert removed."""
    import re

    return re.sub(r"\\(.)", r"\1", markdown)
