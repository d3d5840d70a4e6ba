"""The demo sign-in page, and the routes that keep the chosen role in a cookie."""

from __future__ import annotations

import pytest
from starlette.applications import Starlette
from starlette.routing import Route
from starlette.testclient import TestClient

from portal.auth.roles import Role
from portal.web import demo
from tests.apptest import run_script


def test_refuses_unless_enabled(database_url: str) -> None:
    at = run_script("app_pages/demo_signin.py")
    assert any("switched off" in e.value for e in at.error)
    assert not at.get("html")


def test_offers_every_role_as_a_link_that_keeps_it(database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORTAL_DEMO_SIGNIN", "1")
    at = run_script("app_pages/demo_signin.py")
    assert not at.exception
    html = at.get("html")[0].proto.body
    for role in Role:
        assert f'href="/demo/sign-in?role={role.value}&amp;next=/demo-sign-in"' in html
    assert "Resident (current)" in html


def client() -> TestClient:
    app = Starlette(routes=[Route(demo.SIGN_IN, demo.sign_in), Route(demo.SIGN_OUT, demo.sign_out)])
    return TestClient(app, follow_redirects=False)


def test_the_route_sets_the_cookie_and_goes_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORTAL_DEMO_SIGNIN", "1")
    answer = client().get(demo.SIGN_IN, params={"role": "moderator", "next": "/audit-log"})
    assert answer.status_code == 303 and answer.headers["location"] == "/audit-log"
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith(f"{demo.COOKIE}=moderator;") and "HttpOnly" in cookie
    assert demo.demo_role({demo.COOKIE: "moderator"}) is Role.MODERATOR
    out = client().get(demo.SIGN_OUT)
    assert out.status_code == 303 and f'{demo.COOKIE}="";' in out.headers["set-cookie"]


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)"])
def test_the_route_never_sends_people_off_the_site(monkeypatch: pytest.MonkeyPatch, target: str) -> None:
    monkeypatch.setenv("PORTAL_DEMO_SIGNIN", "1")
    answer = client().get(demo.SIGN_IN, params={"role": "moderator", "next": target})
    assert answer.headers["location"] == "/"


def test_nothing_is_kept_or_read_while_demo_sign_in_is_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PORTAL_DEMO_SIGNIN", raising=False)
    assert client().get(demo.SIGN_IN, params={"role": "admin"}).status_code == 404
    assert demo.demo_role({demo.COOKIE: "admin"}) is None


def test_an_unknown_role_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORTAL_DEMO_SIGNIN", "1")
    answer = client().get(demo.SIGN_IN, params={"role": "superuser"})
    assert answer.status_code == 400 and "set-cookie" not in answer.headers


def test_the_roles_in_spanish_come_back_in_spanish(database_url: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORTAL_DEMO_SIGNIN", "1")
    at = run_script("app_pages/demo_signin.py", query={"lang": "es"})
    assert not at.exception
    assert at.title[0].value == "Acceso de demostración" and at.subheader[0].value == "Actuar como"
    html = at.get("html")[0].proto.body
    assert "Residente (actual)" in html and "Moderador" in html and ">Resident<" not in html
    assert 'role=moderator&amp;next=/demo-sign-in%3Flang%3Des"' in html
