"""The demo sign-in's role, kept in a cookie so a reload or a shared link keeps it.

Streamlit's session state dies with the browser tab's connection, so a demo
role held there was lost on every reload. Streamlit cannot set a cookie from a
script, so two small routes beside the app do: they answer only while demo
sign-in is on, which already lets anyone pick any role (DESIGN.md §4a).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from portal.auth.roles import Role
from portal.settings import get_settings

COOKIE = "portal_demo_role"
SIGN_IN = "/demo/sign-in"
SIGN_OUT = "/demo/sign-out"


def demo_role(cookies: dict[str, str]) -> Role | None:
    """The role a demo visitor picked, if demo sign-in is on and the cookie names one."""
    if not get_settings().demo_signin:
        return None
    value = cookies.get(COOKIE)
    if value in Role._value2member_map_ and value != Role.RESIDENT.value:
        return Role(value)
    return None


def _back_to(request: Request) -> str:
    """Only a path on this site: an open redirect would let a link send people anywhere."""
    target = request.query_params.get("next", "/")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


async def sign_in(request: Request) -> Response:
    if not get_settings().demo_signin:
        return PlainTextResponse("Demo sign-in is switched off.", status_code=404)
    role = request.query_params.get("role", "")
    if role not in Role._value2member_map_:
        return PlainTextResponse(f"No such role. Roles: {', '.join(r.value for r in Role)}.",
                                 status_code=400)
    response = RedirectResponse(_back_to(request), status_code=303)
    if role == Role.RESIDENT.value:
        response.delete_cookie(COOKIE, path="/")
    else:
        # Lax: a link from another site opens the portal without the role riding along on
        # a cross-site form post; HttpOnly: no script on the page needs to read it.
        response.set_cookie(COOKIE, role, path="/", httponly=True, samesite="lax")
    return response


async def sign_out(request: Request) -> Response:
    response = RedirectResponse(_back_to(request), status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response
