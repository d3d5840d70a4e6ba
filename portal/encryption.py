"""Encryption at rest for what only moderators may read (DESIGN.md §2.4).

Raw comment text and optional contact details are sealed with Fernet before
they reach the database, so a copy of the database alone reveals neither.
Keys come from ``PORTAL_ENCRYPTION_KEYS`` (comma-separated, newest first);
``MultiFernet`` decrypts with any of them and ``portal keys rotate``
re-encrypts every value with the newest. Production refuses to run without
keys; development creates a local key file under ``var/`` and says so.

Columns use :class:`EncryptedText`, so services read and write plain strings
and nothing outside this module handles a token.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import sys
import threading
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from portal.errors import PortalError
from portal.i18n import _
from portal.settings import PROJECT_ROOT, Settings, get_settings

log = logging.getLogger(__name__)

DEV_WARNING = (
    "portal: WARNING: no PORTAL_ENCRYPTION_KEYS set; using the development key file {path}. "
    "Anyone with that file can read raw comments. Set PORTAL_ENCRYPTION_KEYS in production."
)


class KeyMissing(PortalError):
    """Production without an encryption key: the portal must not start."""


class CannotDecrypt(PortalError):
    """A stored value was sealed with a key the portal no longer has."""


def default_key_file(settings: Settings) -> Path:
    return settings.encryption_key_file or PROJECT_ROOT / "var" / "encryption.key"


def _read_key_file(path: Path) -> list[str]:
    """The file's keys, read again only when the file changes (``portal keys rotate``).

    Every sealed or opened value asks for the keys, so reading the file each time
    cost more than the encryption itself.
    """
    stat = path.stat()
    return list(_key_file_contents(str(path), stat.st_mtime_ns, stat.st_size))


@lru_cache(maxsize=8)
def _key_file_contents(path: str, mtime_ns: int, size: int) -> tuple[str, ...]:
    text = Path(path).read_text()
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def create_key_file(path: Path, key: str) -> None:
    """Create the development key file once, even when threads or processes race.

    The key is written to a private temporary file first and then linked into
    place, so nobody can ever read the key file half-written (empty).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key + "\n")
    try:
        os.link(temporary, path)
    except FileExistsError:
        pass
    finally:
        temporary.unlink()


def keys_in_force(listed: str | None, key_file: Path, *, production: bool,
                  refusal: Callable[[], PortalError],
                  new_key: Callable[[], str]) -> tuple[list[str], Path | None]:
    """Keys from a ``PORTAL_*_KEYS`` setting (comma-separated, newest first) or, outside
    production, from a development key file created with ``new_key()`` on first use.

    The one rule for every key the portal holds (encryption, checkpoint signing); returns the
    keys and the file they came from, if any. ``refusal()`` makes the error production
    gives without keys (made only then: its message is in the reader's language).
    """
    if listed:
        keys = [k.strip() for k in listed.split(",") if k.strip()]
        if keys:
            return keys, None
    if production:
        raise refusal()
    if not key_file.exists():
        create_key_file(key_file, new_key())
    keys = _read_key_file(key_file)
    if not keys:
        raise type(refusal())(_("the key file {path} is empty").format(path=key_file))
    return keys, key_file


def configured_keys(settings: Settings | None = None) -> tuple[list[str], Path | None]:
    """The keys in force (newest first) and the key file they came from, if any."""
    settings = settings or get_settings()
    keys, path = keys_in_force(
        settings.encryption_keys, default_key_file(settings),
        production=settings.environment == "production",
        refusal=lambda: KeyMissing(_(
            "PORTAL_ENCRYPTION_KEYS is not set. In production the portal refuses to start "
            "without a key: generate one with `portal keys generate`.")),
        new_key=lambda: Fernet.generate_key().decode())
    if path is not None:
        _warn_once(str(path))
    return keys, path


@lru_cache(maxsize=8)
def _warn_once(path: str) -> None:
    print(DEV_WARNING.format(path=path), file=sys.stderr)


@lru_cache(maxsize=8)
def _cipher_for(keys: tuple[str, ...]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(k.encode()) for k in keys])
    except (ValueError, TypeError) as error:
        raise KeyMissing(_("an encryption key is not a valid Fernet key: {error}").format(
            error=error)) from None


def cipher() -> MultiFernet:
    keys, _ = configured_keys()
    return _cipher_for(tuple(keys))


def require_keys() -> None:
    """Fail now (at start-up) rather than on the first comment."""
    cipher()


def seal(text: str | None) -> str | None:
    if text is None:
        return None
    return cipher().encrypt(text.encode("utf-8", "surrogatepass")).decode("ascii")


def unseal(token: str | None) -> str | None:
    if token is None:
        return None
    try:
        return cipher().decrypt(token.encode("ascii")).decode("utf-8", "surrogatepass")
    except (InvalidToken, UnicodeEncodeError):
        raise CannotDecrypt(_(
            "a stored comment cannot be decrypted with the configured keys "
            "(was a key removed from PORTAL_ENCRYPTION_KEYS?)"
        )) from None


def rotate_token(token: str) -> str:
    return cipher().rotate(token.encode("ascii")).decode("ascii")


def daily_salt(day: date) -> bytes:
    """A secret that changes every day: hashes salted with it cannot be linked across days."""
    keys, _ = configured_keys()
    return hmac.new(keys[-1].encode(), f"salt:{day.isoformat()}".encode(), hashlib.sha256).digest()


def salted_hash(value: str, day: date) -> str:
    return hmac.new(daily_salt(day), value.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()


class EncryptedText(sa.types.TypeDecorator):
    """Text sealed with Fernet on the way in and opened on the way out."""

    impl = sa.Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        return seal(value)

    def process_result_value(self, value: Any, dialect: Any) -> str | None:
        return unseal(value)


def encrypted_columns() -> list[tuple[str, str]]:
    """Every ``(table, column)`` stored encrypted, read from the tables themselves, so the
    privacy notice names what the code really encrypts rather than a list kept by hand."""
    from sqlmodel import SQLModel

    from portal.registry import import_models

    import_models()
    return sorted(
        (table.name, column.name)
        for table in SQLModel.metadata.tables.values()
        for column in table.columns
        if isinstance(column.type, EncryptedText)
    )
