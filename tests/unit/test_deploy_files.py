"""The deployment files hold together (compose.yaml, Dockerfile, deploy/; docs/deploy.md).

Where Docker's compose plugin is installed, ``docker compose config`` must accept the file;
the structural checks below run everywhere, Docker or not: the services exist, the replicas
wait for a healthy database and the migration, the proxy forwards websockets and keeps a
browser on one replica, every secret and settings file has its example, and the image's
command is ``portal serve``.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from portal.settings import PROJECT_ROOT

COMPOSE = PROJECT_ROOT / "compose.yaml"
DOCKERFILE = PROJECT_ROOT / "Dockerfile"
NGINX = PROJECT_ROOT / "deploy" / "nginx.conf"
PORT = 8501
HEALTH = "/_stcore/health"


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))


def _services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return compose["services"]


def _command(service: dict[str, Any]) -> list[str]:
    command = service.get("command", [])
    return shlex.split(command) if isinstance(command, str) else list(command)


def _replicas(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {name: s for name, s in _services(compose).items() if _command(s)[:2] == ["portal", "serve"]}


def _env_files(service: dict[str, Any]) -> list[str]:
    files = service.get("env_file", [])
    files = [files] if isinstance(files, str) else files
    return [f if isinstance(f, str) else f["path"] for f in files]


def _nginx() -> str:
    # Comments out: a directive only counts where nginx would read it.
    return re.sub(r"#[^\n]*", "", NGINX.read_text(encoding="utf-8"))


def test_docker_compose_accepts_the_file_where_docker_is_installed(tmp_path: Path) -> None:
    docker = shutil.which("docker")
    has_compose = docker is not None and subprocess.run(
        [docker, "compose", "version"], capture_output=True, timeout=60, check=False).returncode == 0
    if not has_compose:
        # No compose plugin here: the structural tests in this file are the check.
        assert COMPOSE.exists()
        return
    # A copy with each example in place of the secret it stands for, as an operator makes it.
    shutil.copy(COMPOSE, tmp_path / "compose.yaml")
    shutil.copy(DOCKERFILE, tmp_path / "Dockerfile")
    shutil.copytree(PROJECT_ROOT / "deploy", tmp_path / "deploy")
    for example in (tmp_path / "deploy").rglob("*.example"):
        shutil.copy(example, example.with_suffix(""))
    result = subprocess.run([docker, "compose", "-f", "compose.yaml", "config", "--quiet"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr


def test_the_services_are_all_there(compose: dict[str, Any]) -> None:
    services = _services(compose)
    assert {"db", "migrate", "proxy"} <= set(services)
    assert len(_replicas(compose)) >= 2
    assert _command(services["migrate"]) == ["portal", "db", "upgrade"]
    assert services["migrate"].get("restart") == "no"  # a one-shot job
    jobs = {" ".join(_command(s)) for s in services.values()}
    for verb in ("portal retention purge", "portal audit checkpoint"):
        assert any(verb in job for job in jobs), verb
        # ...and the command line knows the verb.
        run = subprocess.run([sys.executable, "-m", "portal", *verb.split()[1:], "--help"],
                             capture_output=True, text=True, timeout=120, check=False)
        assert run.returncode == 0, run.stderr


def test_the_database_is_kept_in_a_volume_and_checked(compose: dict[str, Any]) -> None:
    db = _services(compose)["db"]
    assert db["image"].startswith("postgres:")
    volumes = [v.split(":") for v in db["volumes"]]
    assert any(v[1] == "/var/lib/postgresql/data" and v[0] in compose["volumes"] for v in volumes)
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    # The password comes from a secret file, never from the compose file itself.
    assert "POSTGRES_PASSWORD" not in db["environment"]
    assert db["environment"]["POSTGRES_PASSWORD_FILE"] == "/run/secrets/postgres_password"


def test_replicas_wait_for_a_healthy_database_and_the_migration(compose: dict[str, Any]) -> None:
    services = _services(compose)
    for name, replica in _replicas(compose).items():
        assert replica["depends_on"]["db"]["condition"] == "service_healthy", name
        assert replica["depends_on"]["migrate"]["condition"] == "service_completed_successfully", name
        assert HEALTH in " ".join(replica["healthcheck"]["test"]), name
        assert str(PORT) in _command(replica) and "0.0.0.0" in _command(replica), name
        # The same settings, keys and sign-in secrets as every other container of the image.
        assert _env_files(replica) == _env_files(services["migrate"]), name
        assert replica["secrets"] == ["portal_auth"], name
    for name in ("retention-purge", "audit-checkpoint"):
        assert services[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"


def test_the_proxy_forwards_websockets_to_every_replica_and_is_sticky(compose: dict[str, Any]) -> None:
    proxy = _services(compose)["proxy"]
    mounted = {v.split(":")[0].removeprefix("./"): v.split(":")[1] for v in proxy["volumes"]}
    assert mounted["deploy/nginx.conf"] == "/etc/nginx/conf.d/default.conf"
    for name in _replicas(compose):
        assert proxy["depends_on"][name]["condition"] == "service_healthy", name
    assert proxy["healthcheck"]["test"]

    conf = _nginx()
    [upstream] = re.findall(r"upstream\s+(\w+)\s*\{([^}]*)\}", conf)
    name, body = upstream
    assert sorted(re.findall(r"server\s+([\w.-]+):(\d+)", body)) == sorted(
        (replica, str(PORT)) for replica in _replicas(compose))
    assert re.search(r"^\s*(ip_hash|hash\s+\$\S+(\s+consistent)?)\s*;", body, re.MULTILINE), "not sticky"
    assert re.search(rf"proxy_pass\s+http://{name}\s*;", conf)
    assert re.search(r"proxy_http_version\s+1\.1\s*;", conf)
    assert re.search(r"proxy_set_header\s+Upgrade\s+\$http_upgrade\s*;", conf)
    connection = re.search(r"proxy_set_header\s+Connection\s+(\$\w+)\s*;", conf).group(1)
    assert re.search(rf"map\s+\$http_upgrade\s+{re.escape(connection)}\s*\{{[^}}]*default\s+upgrade",
                     conf), "the Connection header does not carry the upgrade"
    # The replicas believe X-Forwarded-For from the proxy only: its fixed address.
    address = proxy["networks"]["portal"]["ipv4_address"]
    for replica in _replicas(compose).values():
        assert replica["environment"]["FORWARDED_ALLOW_IPS"] == address
    assert re.search(r"proxy_set_header\s+X-Forwarded-For\s+\$remote_addr\s*;", conf)
    # No visitor's address in the proxy's logs either.
    for log_format in re.findall(r"log_format\s+\w+\s+((?:'[^']*'\s*)+);", conf):
        assert "remote_addr" not in log_format and "forwarded_for" not in log_format
    assert "combined" not in re.findall(r"access_log\s+\S+\s*(\w*)", conf)


def test_every_secret_and_settings_file_has_its_example_and_is_never_committed(
    compose: dict[str, Any],
) -> None:
    referenced = {f for s in _services(compose).values() for f in _env_files(s)}
    referenced |= {secret["file"] for secret in compose["secrets"].values()}
    used = {name for s in _services(compose).values() for name in s.get("secrets", [])}
    assert used == set(compose["secrets"])
    assert referenced
    for path in referenced:
        example = PROJECT_ROOT / f"{path.removeprefix('./')}.example"
        assert example.is_file(), f"{path} has no example {example.name}"
        assert "CHANGE-ME" in example.read_text(encoding="utf-8"), example
        ignored = subprocess.run(["git", "check-ignore", "-q", "--no-index", path],
                                 cwd=PROJECT_ROOT, timeout=30, check=False)
        assert ignored.returncode == 0, f"{path} is not in .gitignore"


def test_the_example_settings_name_only_settings_the_portal_has() -> None:
    from portal.settings import Settings

    known = {f"PORTAL_{name.upper()}" for name in Settings.model_fields}
    example = PROJECT_ROOT / "deploy" / "portal.env.example"
    names = {line.split("=", 1)[0] for line in example.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")}
    assert names <= known, names - known
    assert {"PORTAL_ENVIRONMENT", "PORTAL_DATABASE_URL", "PORTAL_ENCRYPTION_KEYS",
            "PORTAL_CHECKPOINT_KEYS"} <= names


def _instructions() -> list[tuple[str, str]]:
    """The Dockerfile's instructions, continuation lines joined, comments out."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text(encoding="utf-8"))
    lines = [line.strip() for line in text.splitlines()]
    return [(line.split(None, 1)[0], line.split(None, 1)[1]) for line in lines
            if line and not line.startswith("#")]


def test_the_image_runs_portal_serve_as_a_user_with_a_health_check() -> None:
    instructions = _instructions()
    of = lambda keyword: [arguments for k, arguments in instructions if k == keyword]
    assert of("FROM") == ["python:3.11-slim"]
    [user] = of("USER")
    assert user not in ("root", "0")
    [command] = of("CMD")
    assert json.loads(command)[:2] == ["portal", "serve"]
    assert str(PORT) in json.loads(command) and of("EXPOSE") == [str(PORT)]
    [health] = of("HEALTHCHECK")
    assert f"127.0.0.1:{PORT}{HEALTH}" in health
    # (``portal serve`` answers HEALTH: every browser test's server waits on it.)
    ignored = (PROJECT_ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert ".streamlit/secrets.toml" in ignored and "deploy" in ignored and "var" in ignored
