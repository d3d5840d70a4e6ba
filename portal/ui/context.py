"""The database and the acting user, as a page sees them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import streamlit as st
from sqlalchemy.engine import Engine
from sqlmodel import Session

from portal.auth.grants import roles_granted_to
from portal.auth.roles import RESIDENT, ROLE_LABELS, Actor, Role, parse_roles
from portal.db import session_scope, shared_engine
from portal.settings import Settings, get_settings


def engine() -> Engine:
    return shared_engine()


@contextmanager
def db() -> Iterator[Session]:
    """A unit of work for one page action: committed if it succeeds, rolled back if not."""
    with session_scope(engine()) as session:
        yield session


def _claim_roles(user: Any, settings: Settings) -> frozenset[Role]:
    raw = user.get(settings.roles_claim)
    if isinstance(raw, str):
        raw = [v.strip() for v in raw.replace(";", ",").split(",")]
    if not isinstance(raw, (list, tuple)):
        return frozenset()
    mapped = [settings.role_map.get(v, v) for v in raw if isinstance(v, str)]
    return parse_roles(mapped)


def token_expired(user: Any, now: datetime | None = None) -> bool:
    """Streamlit does not check the ID token's expiry; the portal must (DESIGN.md §4a)."""
    exp = user.get("exp")
    if exp is None:
        return False
    try:
        expires = datetime.fromtimestamp(float(exp), UTC)
    except (TypeError, ValueError, OverflowError):
        return True
    return expires <= (now or datetime.now(UTC))


def sign_in_expired() -> bool:
    """Signed in through the provider once, but the ID token has expired since."""
    user = st.user
    return bool(user.get("is_logged_in")) and token_expired(user)


def current_actor() -> Actor:
    """Who is acting in this script run, rebuilt on every run.

    Grants are read from the database each time, so a revocation takes effect on
    the person's next action; an expired ID token counts as signed out.
    """
    settings = get_settings()
    user = st.user
    if user.get("is_logged_in"):
        if token_expired(user):
            return RESIDENT
        email = str(user.get("email") or "").strip().lower()
        sub = str(user.get("sub") or "").strip()
        subject = email or sub or "unknown"
        with db() as session:
            # An address the provider says it has not verified may be anyone's claim.
            trusted_email = "" if user.get("email_verified") is False else email
            granted = roles_granted_to(session, [trusted_email, sub])
        return Actor(
            subject=subject,
            roles=_claim_roles(user, settings) | granted,
            display_name=str(user.get("name") or subject),
            authenticated=True,
        )
    if settings.demo_signin:
        from portal.web.demo import demo_role

        chosen = demo_role(dict(st.context.cookies))
        if chosen is not None:
            return Actor(
                subject=f"demo-{chosen.value}@localhost",
                roles=frozenset({chosen}),
                display_name=f"Demo {ROLE_LABELS[chosen].lower()}",
                is_demo=True,
            )
    return RESIDENT


def site_url() -> str:
    """The portal's address as the visitor reached it, for links in feeds they download."""
    from urllib.parse import urlsplit

    url = st.context.url if hasattr(st, "context") else None
    if not url:
        return "http://localhost:8501"
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@contextmanager
def change_then_rerun() -> Iterator[Session]:
    """A write from a button: committed, then the page drawn again to show it.

    ``st.rerun`` raises to stop the script; raised inside ``db()`` it would roll the
    write back, so it comes only after the unit of work has committed. A service's
    refusal is shown as a message and nothing reruns.
    """
    from portal.ui.messages import reported

    done = False
    with reported():
        with db() as session:
            yield session
        done = True
    if done:
        st.rerun()


def browser_session_token() -> str:
    """A value that stays the same for this browser until it is closed, reloads included.

    It is the token inside Streamlit's XSRF cookie (``2|mask|masked token|time``: the
    mask changes with every response, the token does not), unmasked here. Without that
    cookie (a test harness), a random token for this page session. Callers store only a
    salted hash of it, never the token.
    """
    import binascii
    import secrets

    raw = st.context.cookies.get("_streamlit_xsrf", "").strip("\"'")
    parts = raw.split("|")
    if len(parts) == 4 and parts[0] == "2":
        try:
            mask, masked = binascii.a2b_hex(parts[1]), binascii.a2b_hex(parts[2])
        except (binascii.Error, ValueError):
            pass
        else:
            if mask and masked and len(masked) % len(mask) == 0:  # a 4-byte mask, repeated
                return bytes(a ^ b for a, b in zip(mask * (len(masked) // len(mask)), masked,
                                                   strict=True)).hex()
    return st.session_state.setdefault("browser_session_token", secrets.token_urlsafe(24))
