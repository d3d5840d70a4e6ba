"""The identity provider configuration in ``secrets.toml`` and the checks that refuse to start.

Streamlit's ``st.login`` reads ``[auth]`` from ``secrets.toml`` and happily signs
cookies with ``cookie_secret = "CHANGE-ME"``: anyone who reads the example file
could then forge a staff session. So the portal refuses to start (``portal
serve``) and refuses to draw a page (``streamlit_app.py``) while any value is a
placeholder. No Streamlit import here: the command line uses it before Streamlit runs.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from portal.settings import PROJECT_ROOT, Settings

# Keys of ``[auth]`` itself; any other table inside it is a named provider.
_GENERAL_KEYS = frozenset({"redirect_uri", "cookie_secret", "expose_tokens", "client_kwargs"})
_PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")
# Long enough that a randomly generated secret never contains one by chance.
_PLACEHOLDER_MARKERS = ("change-me", "changeme", "change_me", "replace-me", "replace_me", "placeholder")
_PLACEHOLDER_VALUES = frozenset({"todo", "xxx", "secret", "none", "null", "client-id", "client-secret"})
# A cookie secret signs every session: demand at least 32 characters (about 190 bits
# from ``secrets.token_urlsafe``), well above the 14 bytes joserfc warns below.
MIN_COOKIE_SECRET = 32
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class AuthConfigError(Exception):
    """The sign-in configuration is unsafe; ``problems`` says what to fix."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


@dataclass(frozen=True)
class Provider:
    """One identity provider ``st.login`` can use; ``name`` is None for the flat ``[auth]`` form."""

    name: str | None

    @property
    def label(self) -> str:
        return "Sign in" if self.name is None else f"Sign in with {self.name.replace('-', ' ').title()}"


def is_placeholder(value: object) -> bool:
    if not isinstance(value, str):
        return True
    text = value.strip().lower()
    if not text or text in _PLACEHOLDER_VALUES or (text.startswith("<") and text.endswith(">")):
        return True
    if text.startswith(("your-", "your_", "your ")):
        return True
    return any(marker in text for marker in _PLACEHOLDER_MARKERS)


def _example_host(hostname: str | None) -> bool:
    """The example file's hosts (``*.example.gov``): reserved names, never a real provider."""
    return "example" in (hostname or "").lower().split(".")


def providers(auth: Mapping[str, Any]) -> list[Provider]:
    """The providers configured in ``[auth]``: the flat form first, then named tables."""
    found: list[Provider] = []
    if any(key in auth for key in _PROVIDER_KEYS):
        found.append(Provider(None))
    for key, value in auth.items():
        if key not in _GENERAL_KEYS and isinstance(value, Mapping):
            found.append(Provider(str(key)))
    return found


def _provider_section(auth: Mapping[str, Any], provider: Provider) -> Mapping[str, Any]:
    return auth if provider.name is None else auth[provider.name]


def auth_problems(auth: Mapping[str, Any] | None, settings: Settings) -> list[str]:
    """Why the portal must not start with this ``[auth]`` section and these settings.

    An empty list means it may. No ``[auth]`` at all is allowed outside production:
    the portal then serves residents only (and the demo sign-in, if enabled).
    """
    problems: list[str] = []
    if settings.environment == "production" and settings.demo_signin:
        problems.append(
            "PORTAL_DEMO_SIGNIN is on while PORTAL_ENVIRONMENT is production: the demo sign-in "
            "checks nobody's identity. Unset PORTAL_DEMO_SIGNIN."
        )
    if not auth:
        if settings.environment == "production":
            problems.append(
                "PORTAL_ENVIRONMENT is production but .streamlit/secrets.toml has no [auth] "
                "section: staff could not sign in. Configure your identity provider (see README)."
            )
        return problems

    cookie_secret = auth.get("cookie_secret")
    if is_placeholder(cookie_secret):
        problems.append(
            "[auth] cookie_secret is missing or a placeholder. Generate one with: "
            'python -c "import secrets; print(secrets.token_urlsafe(48))"'
        )
    elif len(str(cookie_secret)) < MIN_COOKIE_SECRET:
        problems.append(
            f"[auth] cookie_secret is too short ({len(str(cookie_secret))} characters; at least "
            f"{MIN_COOKIE_SECRET}). Generate one with: "
            'python -c "import secrets; print(secrets.token_urlsafe(48))"'
        )

    redirect_uri = auth.get("redirect_uri")
    if not isinstance(redirect_uri, str) or not redirect_uri.strip():
        problems.append("[auth] redirect_uri is missing: give the portal's address ending in /oauth2callback.")
    else:
        parts = urlsplit(redirect_uri.replace("{port}", "1"))
        if not parts.path.endswith("/oauth2callback"):
            problems.append(f"[auth] redirect_uri must end with /oauth2callback (it is {redirect_uri}).")
        if _example_host(parts.hostname):
            problems.append(f"[auth] redirect_uri still names the example host ({redirect_uri}).")
        if settings.environment == "production" and parts.scheme != "https" and parts.hostname not in _LOOPBACK:
            problems.append(f"[auth] redirect_uri must use https in production (it is {redirect_uri}).")

    found = providers(auth)
    if not found:
        problems.append(
            "[auth] names no identity provider: give client_id, client_secret and "
            "server_metadata_url (directly in [auth] or in an [auth.<name>] table)."
        )
    for provider in found:
        section = _provider_section(auth, provider)
        where = "[auth]" if provider.name is None else f"[auth.{provider.name}]"
        if provider.name is not None and "_" in provider.name:
            problems.append(f"{where}: a provider name may not contain an underscore.")
        for key in ("client_id", "client_secret"):
            if is_placeholder(section.get(key)):
                problems.append(f"{where} {key} is missing or a placeholder: copy it from your identity provider.")
        metadata = section.get("server_metadata_url")
        if not isinstance(metadata, str) or urlsplit(metadata).scheme not in ("http", "https"):
            problems.append(f"{where} server_metadata_url is missing: give the provider's "
                            "/.well-known/openid-configuration address.")
        elif _example_host(urlsplit(metadata).hostname):
            problems.append(f"{where} server_metadata_url still names the example host ({metadata}).")
    return problems


def default_secrets_files() -> list[Path]:
    """Where ``streamlit run`` looks, as ``portal serve`` starts it (cwd = project root)."""
    return [Path.home() / ".streamlit" / "secrets.toml", PROJECT_ROOT / ".streamlit" / "secrets.toml"]


def read_auth_section(files: Iterable[Path]) -> dict[str, Any] | None:
    """``[auth]`` as Streamlit will see it: later files replace earlier top-level keys."""
    merged: dict[str, Any] = {}
    for path in files:
        if path.is_file():
            try:
                merged.update(tomllib.loads(path.read_text(encoding="utf-8")))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
                raise AuthConfigError([f"{path} is not valid TOML: {error}"]) from error
    auth = merged.get("auth")
    return auth if isinstance(auth, dict) else None


def check_startup(settings: Settings, files: Iterable[Path]) -> None:
    """Raise ``AuthConfigError`` unless the portal may start with these secrets files."""
    problems = auth_problems(read_auth_section(files), settings)
    if problems:
        raise AuthConfigError(problems)
