"""Configuration from ``PORTAL_*`` environment variables (DESIGN.md §3).

Built once per distinct ``PORTAL_*`` environment: building ``Settings`` costs
about 1.6 ms, and encryption asked for it once per stored value (the moderation
queue took seconds). Keying the cache on the variables themselves, rather than
caching forever, keeps tests and the CLI that change the environment correct:
a changed variable is a new key, never a stale value.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _default_database_url() -> str:
    return f"sqlite:///{Path(os.getcwd()) / 'var' / 'portal.db'}"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PORTAL_", extra="ignore", frozen=True)

    database_url: str = Field(default_factory=_default_database_url)
    environment: Literal["development", "production"] = "development"
    # Small-number suppression threshold k (DESIGN.md §2.6).
    suppression_k: int = Field(default=11, ge=1)
    # Days that unredacted comment text and contact details are kept (DESIGN.md §2.4).
    retention_days: int = Field(default=90, ge=1)
    timezone: str = "America/Los_Angeles"
    # The interface's language when a visitor has not chosen one (portal/i18n.py): every
    # page offers English and Spanish, and ``?lang=`` in an address overrides this.
    default_language: Literal["en", "es"] = "en"
    county_name: str = "Alder County"
    # Shown in every page's header and footer: the county's logo (an image file on the
    # server; none by default) and where residents reach its privacy office.
    logo_path: Path | None = None
    contact_email: str = "privacy@alder-county.example"
    # The local demo sign-in: off unless explicitly enabled.
    demo_signin: bool = False
    # Which ID-token claim carries roles, and how its values map to portal roles.
    roles_claim: str = "roles"
    role_map: dict[str, str] = Field(default_factory=dict)
    # Map tiles: with none configured, maps draw boundaries on a plain background.
    tile_url: str | None = None
    tile_attribution: str | None = None
    # Fernet keys (comma-separated, newest first) that encrypt raw comment text and contact
    # details at rest. Production refuses to start without them; development falls back to a
    # key file (``encryption_key_file``, default ``var/encryption.key`` in the project).
    encryption_keys: str | None = None
    encryption_key_file: Path | None = None
    # Ed25519 keys (base64 of the 32-byte private key, comma-separated, newest first) that sign
    # the audit log's checkpoints; separate from the encryption keys. Older keys stay listed so
    # their public halves still verify old checkpoints. Development falls back to a key file.
    checkpoint_keys: str | None = None
    checkpoint_key_file: Path | None = None
    # Abuse limits: comments per browser session per hour, and per network per hour. The
    # network is known only as a salted hash that changes every day (DESIGN.md §2.1).
    comments_per_session_hour: int = Field(default=5, ge=1)
    comments_per_network_hour: int = Field(default=30, ge=1)
    # Size limits for files staff import (pages and ``portal import``): a file larger than
    # this many MiB is refused before it is read (and the pages' uploads stop there too), an
    # XLSX whose contents unpack to more than ten times that is refused as a likely zip bomb,
    # and at most this many rows are imported at once.
    max_import_mb: int = Field(default=20, ge=1, le=2_000)
    max_import_rows: int = Field(default=20_000, ge=1)


def _portal_environment() -> tuple[tuple[str | bytes, str | bytes], ...]:
    """The ``PORTAL_*`` variables as a cache key.

    Read from the mapping under ``os.environ`` when there is one (CPython keeps it as
    ``_data``): decoding every variable through ``os.environ.items()`` cost 0.2 ms a
    call, which encryption paid once per stored value.
    """
    raw = getattr(os.environ, "_data", None)
    if isinstance(raw, dict):
        prefix: str | bytes = b"PORTAL_" if os.name == "posix" else "PORTAL_"
        return tuple(sorted((k, v) for k, v in raw.items()
                            if isinstance(k, type(prefix)) and k.startswith(prefix)))
    return tuple(sorted((k, v) for k, v in os.environ.items() if k.startswith("PORTAL_")))


@lru_cache(maxsize=16)
def _settings_for(environment: tuple[tuple[str, str], ...], cwd: str) -> Settings:
    return Settings()


def get_settings() -> Settings:
    """The settings in force; callers must not mutate the shared object."""
    return _settings_for(_portal_environment(), os.getcwd())
