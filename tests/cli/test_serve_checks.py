"""``portal serve`` refuses to start with unsafe sign-in settings, before writing anything."""

from __future__ import annotations

import secrets
from pathlib import Path

from tests.cli.test_cli import portal

GOOD = (
    "[auth]\n"
    'redirect_uri = "http://127.0.0.1:8501/oauth2callback"\n'
    f'cookie_secret = "{secrets.token_urlsafe(48)}"\n'
    'client_id = "portal"\n'
    f'client_secret = "{secrets.token_urlsafe(32)}"\n'
    'server_metadata_url = "http://127.0.0.1:9400/.well-known/openid-configuration"\n'
)


def serve(tmp_path: Path, secrets_text: str | None, **env: str):  # type: ignore[no-untyped-def]
    args = ["serve", "--port", "1"]
    if secrets_text is not None:
        path = tmp_path / "secrets.toml"
        path.write_text(secrets_text)
        args += ["--secrets", str(path)]
    # HOME points at an empty folder: the operator's own ~/.streamlit is not read.
    return portal(*args, db=tmp_path / "portal.db", env={"HOME": str(tmp_path), **env})


def test_placeholder_cookie_secret_refuses_to_start(tmp_path: Path) -> None:
    done = serve(tmp_path, GOOD.replace('cookie_secret = "', 'cookie_secret = "CHANGE-ME', 1))
    assert done.returncode == 1
    assert "refusing to start" in done.stderr
    assert "cookie_secret is missing or a placeholder" in done.stderr
    assert not (tmp_path / "portal.db").exists()


def test_the_example_secrets_refuse_to_start(tmp_path: Path) -> None:
    from portal.settings import PROJECT_ROOT

    done = serve(tmp_path, (PROJECT_ROOT / ".streamlit" / "secrets.example.toml").read_text())
    assert done.returncode == 1
    for key in ("cookie_secret", "client_id", "client_secret"):
        assert f"[auth] {key} is missing or a placeholder" in done.stderr


def test_demo_sign_in_in_production_refuses_to_start(tmp_path: Path) -> None:
    done = serve(tmp_path, GOOD, PORTAL_ENVIRONMENT="production", PORTAL_DEMO_SIGNIN="1")
    assert done.returncode == 1
    assert "PORTAL_DEMO_SIGNIN is on while PORTAL_ENVIRONMENT is production" in done.stderr
    assert not (tmp_path / "portal.db").exists()


def test_production_without_auth_refuses_to_start(tmp_path: Path) -> None:
    done = serve(tmp_path, "[other]\nkey = 1\n", PORTAL_ENVIRONMENT="production")
    assert done.returncode == 1
    assert "no [auth] section" in done.stderr


def test_a_missing_secrets_file_is_bad_input(tmp_path: Path) -> None:
    done = portal("serve", "--secrets", str(tmp_path / "nope.toml"), db=tmp_path / "portal.db")
    assert done.returncode == 1
    assert "no such secrets file" in done.stderr


def test_invalid_settings_are_reported_without_a_traceback(tmp_path: Path) -> None:
    done = serve(tmp_path, GOOD, PORTAL_DEMO_SIGNIN="maybe")
    assert done.returncode == 1
    assert "PORTAL_DEMO_SIGNIN" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_server_serves_the_database_serve_migrated(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Started from another folder than the project's, ``portal serve`` migrated
    ``var/portal.db`` there, then served the project's own (empty) one."""
    import os

    from portal import cli

    started: dict[str, object] = {}
    monkeypatch.chdir(tmp_path)
    # Set, then removed, so that the value serve sets is undone after the test.
    monkeypatch.setenv("PORTAL_DATABASE_URL", "unused")
    monkeypatch.delenv("PORTAL_DATABASE_URL")
    monkeypatch.setattr(os, "execv", lambda path, argv: started.update(argv=argv))
    monkeypatch.setattr(os, "chdir", lambda path: started.update(cwd=path))
    assert cli.main(["serve", "--port", "8999"]) == 0
    assert started["argv"]
    assert os.environ["PORTAL_DATABASE_URL"] == f"sqlite:///{tmp_path / 'var' / 'portal.db'}"
    assert (tmp_path / "var" / "portal.db").exists()
