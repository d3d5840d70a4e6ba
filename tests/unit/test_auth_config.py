"""The checks that keep the portal from starting with unsafe sign-in secrets."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import pytest

from portal.auth.config import (
    AuthConfigError,
    Provider,
    auth_problems,
    check_startup,
    is_placeholder,
    providers,
    read_auth_section,
)
from portal.settings import PROJECT_ROOT, Settings


def good_auth(**overrides: Any) -> dict[str, Any]:
    auth: dict[str, Any] = {
        "redirect_uri": "https://portal.alder-county.gov/oauth2callback",
        "cookie_secret": secrets.token_urlsafe(48),
        "client_id": "2f1c9a7e-portal",
        "client_secret": secrets.token_urlsafe(32),
        "server_metadata_url": "https://login.microsoftonline.com/tenant-id/v2.0/.well-known/openid-configuration",
    }
    auth.update(overrides)
    return {k: v for k, v in auth.items() if v is not None}


DEV = Settings(database_url="sqlite://")
PROD = Settings(database_url="sqlite://", environment="production")


def test_a_real_configuration_passes_in_production() -> None:
    assert auth_problems(good_auth(), PROD) == []


def test_no_auth_is_fine_in_development_but_not_in_production() -> None:
    assert auth_problems(None, DEV) == []
    assert auth_problems({}, DEV) == []
    assert any("no [auth] section" in p for p in auth_problems(None, PROD))


def test_demo_sign_in_is_refused_in_production_with_or_without_auth() -> None:
    prod_demo = Settings(database_url="sqlite://", environment="production", demo_signin=True)
    for auth in (None, good_auth()):
        assert any("PORTAL_DEMO_SIGNIN" in p for p in auth_problems(auth, prod_demo))
    assert auth_problems(None, Settings(database_url="sqlite://", demo_signin=True)) == []


@pytest.mark.parametrize("value", ["CHANGE-ME", "change-me-please", " ", "", "<your cookie secret>",
                                   "your-secret-here", "xxx", 12345])
def test_placeholder_cookie_secrets_are_refused(value: object) -> None:
    problems = auth_problems(good_auth(cookie_secret=value), DEV)
    assert any("cookie_secret is missing or a placeholder" in p for p in problems)


def test_a_short_cookie_secret_is_refused() -> None:
    problems = auth_problems(good_auth(cookie_secret="k3Lp9-short-but-random"), DEV)
    assert problems == [(
        "[auth] cookie_secret is too short (22 characters; at least 32). Generate one with: "
        'python -c "import secrets; print(secrets.token_urlsafe(48))"'
    )]


def test_the_example_file_itself_is_refused_on_every_count() -> None:
    auth = read_auth_section([PROJECT_ROOT / ".streamlit" / "secrets.example.toml"])
    assert auth is not None
    text = "\n".join(auth_problems(auth, DEV))
    for expected in ("cookie_secret", "client_id", "client_secret",
                     "redirect_uri still names the example host",
                     "server_metadata_url still names the example host"):
        assert expected in text


@pytest.mark.parametrize("key", ["client_id", "client_secret"])
def test_placeholder_client_credentials_are_refused(key: str) -> None:
    problems = auth_problems(good_auth(**{key: "CHANGE-ME"}), DEV)
    assert problems == [f"[auth] {key} is missing or a placeholder: copy it from your identity provider."]


def test_redirect_uri_must_be_the_callback_and_https_in_production() -> None:
    wrong_path = auth_problems(good_auth(redirect_uri="https://portal.alder-county.gov/"), DEV)
    assert any("must end with /oauth2callback" in p for p in wrong_path)
    plain = good_auth(redirect_uri="http://portal.alder-county.gov/oauth2callback")
    assert auth_problems(plain, DEV) == []
    assert any("https in production" in p for p in auth_problems(plain, PROD))
    loopback = good_auth(redirect_uri="http://127.0.0.1:{port}/oauth2callback")
    assert auth_problems(loopback, PROD) == []


def test_a_real_host_containing_the_word_example_is_not_mistaken_for_the_example() -> None:
    auth = good_auth(redirect_uri="https://portal.examplecounty.gov/oauth2callback")
    assert auth_problems(auth, DEV) == []


def test_named_providers_are_each_checked() -> None:
    auth = {
        "redirect_uri": "https://portal.alder-county.gov/oauth2callback",
        "cookie_secret": secrets.token_urlsafe(48),
        "microsoft": {k: v for k, v in good_auth().items() if k.startswith(("client", "server"))},
        "keycloak": {"client_id": "portal", "client_secret": "CHANGE-ME",
                     "server_metadata_url": "not a url"},
    }
    assert providers(auth) == [Provider("microsoft"), Provider("keycloak")]
    assert Provider("microsoft").label == "Sign in with Microsoft"
    assert Provider(None).label == "Sign in"
    problems = auth_problems(auth, DEV)
    assert problems == [
        "[auth.keycloak] client_secret is missing or a placeholder: copy it from your identity provider.",
        ("[auth.keycloak] server_metadata_url is missing: give the provider's "
         "/.well-known/openid-configuration address."),
    ]


def test_auth_without_any_provider_is_refused() -> None:
    auth = {"redirect_uri": "https://portal.alder-county.gov/oauth2callback",
            "cookie_secret": secrets.token_urlsafe(48)}
    assert any("names no identity provider" in p for p in auth_problems(auth, DEV))


def test_random_secrets_are_never_taken_for_placeholders() -> None:
    assert not any(is_placeholder(secrets.token_urlsafe(48)) for _ in range(2000))


def test_later_secrets_files_replace_earlier_ones_and_bad_toml_is_reported(tmp_path: Path) -> None:
    first, second, broken = tmp_path / "a.toml", tmp_path / "b.toml", tmp_path / "c.toml"
    first.write_text('[auth]\ncookie_secret = "CHANGE-ME"\n')
    second.write_text('[auth]\ncookie_secret = "second"\n')
    broken.write_text("[auth\n")
    assert read_auth_section([first, second, tmp_path / "missing.toml"]) == {"cookie_secret": "second"}
    assert read_auth_section([tmp_path / "missing.toml"]) is None
    with pytest.raises(AuthConfigError, match="not valid TOML"):
        read_auth_section([broken])
    with pytest.raises(AuthConfigError) as refused:
        check_startup(DEV, [first])
    assert any("cookie_secret" in p for p in refused.value.problems)
