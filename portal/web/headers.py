"""Response headers every answer carries (DESIGN.md §2: nothing reported to third parties)."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from portal.settings import get_settings

# Maps, fonts and scripts are served from the portal itself (DESIGN.md §4a), so every
# source is 'self'. What Streamlit 1.67 does not work without: inline styles and scripts
# (its emotion styles; the map component's page), blob: and data: images, frames and
# workers it makes in the browser. No 'unsafe-eval': the inventory, request-log and
# indicator charts (Plotly) and the maps drew with no policy violation without it
# (checked in Chromium, the console empty).
_DIRECTIVES = (
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline' blob:",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self' blob: data:",
    "worker-src 'self' blob:",
    # 'self': the map's component frame is the portal's own page.
    "frame-ancestors 'self'",
    "base-uri 'self'",
    "form-action 'self'",
)
CONTENT_SECURITY_POLICY = "; ".join(_DIRECTIVES)


def security_headers() -> list[tuple[bytes, bytes]]:
    headers = [
        # A resident's visit is not reported to the sites the portal links to.
        (b"referrer-policy", b"no-referrer"),
        (b"x-content-type-options", b"nosniff"),
        (b"x-frame-options", b"SAMEORIGIN"),
        (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    ]
    if get_settings().environment == "production":
        headers.append((b"strict-transport-security", b"max-age=31536000; includeSubDomains"))
    return headers


class SecurityHeaders:
    """ASGI middleware adding :func:`security_headers` to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = security_headers()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *(h for h in extra if h[0] not in present)]
            await send(message)

        await self.app(scope, receive, send_with_headers)
