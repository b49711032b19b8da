"""The compose file and the Dockerfile, checked without a Docker engine: structure and commands."""

from __future__ import annotations

import json
import shlex
from pathlib import Path
from typing import Any

import click
import pytest
import yaml
from click.testing import CliRunner

from monitor.cli.main import cli
from tests.conftest import ROOT

COMPOSE: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES: dict[str, Any] = COMPOSE["services"]


def _command_of(args: list[str]) -> tuple[click.Command, list[str]]:
    """The click command an argv (after `monitor`) runs, and its remaining arguments."""
    command: click.Command = cli
    rest = list(args)
    while isinstance(command, click.Group) and rest:
        found = command.get_command(click.Context(command), rest[0])
        if found is None:
            break
        command, _ = found, rest.pop(0)
    return command, rest


def _check_argv(argv: list[str]) -> None:
    assert argv[0] == "monitor", argv
    command, rest = _command_of(argv[1:])
    assert not isinstance(command, click.Group), f"{argv}: not a command"
    options = {opt for param in command.params for opt in getattr(param, "opts", [])}
    for arg in rest:
        if arg.startswith("-"):
            assert arg.split("=")[0] in options, f"{argv}: {arg} is not an option of monitor {command.name}"
    # and click itself accepts the command line (shown by --help on the same path)
    result = CliRunner().invoke(cli, [*argv[1 : len(argv) - len(rest)], "--help"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("name", ["monitor", "monitor-demo", "corpus"])
def test_service_commands_match_the_cli(name: str) -> None:
    _check_argv(SERVICES[name]["command"])


def test_redis_persists_with_appendonly_on_a_volume() -> None:
    redis = SERVICES["redis"]
    assert redis["image"].startswith("redis:")
    command = redis["command"]
    assert command[command.index("--appendonly") + 1] == "yes"
    assert any(v.endswith(":/data") for v in redis["volumes"])
    assert "redis-data" in COMPOSE["volumes"]


@pytest.mark.parametrize("name", ["monitor", "monitor-demo"])
def test_monitor_services(name: str) -> None:
    service = SERVICES[name]
    assert service["image"] == "monitor:latest"
    assert service["restart"] == "unless-stopped"
    assert "/healthz" in " ".join(service["healthcheck"]["test"])
    assert "9108" in " ".join(service["healthcheck"]["test"])
    assert service["depends_on"]["redis"]["condition"] == "service_healthy"
    env = service["environment"]
    assert env["REDIS_URL"].startswith("redis://redis:")
    assert {"SLACK_BOT_TOKEN", "SLACK_WEBHOOK_URL"} <= set(env)
    assert env["SLACK_BOT_TOKEN"].startswith("${")  # from the environment, never in the file
    mounts = {v.split(":")[1]: v.split(":")[0] for v in service["volumes"]}
    assert mounts["/app/rules"] == "./rules"
    argv = service["command"]
    assert mounts[argv[argv.index("--feeds") + 1]].endswith(".yaml")
    for source in mounts.values():
        assert (ROOT / source).exists(), source


def test_demo_profile_serves_the_corpus_to_the_demo_monitor() -> None:
    corpus, demo = SERVICES["corpus"], SERVICES["monitor-demo"]
    assert corpus["profiles"] == ["demo"] and demo["profiles"] == ["demo"]
    port = corpus["command"][corpus["command"].index("--port") + 1]
    feeds = yaml.safe_load((ROOT / "demo" / "feeds.yaml").read_text())["feeds"]
    assert [f["url"] for f in feeds] == [f"http://corpus:{port}/feed.xml"]
    assert "profiles" not in SERVICES["monitor"] and "profiles" not in SERVICES["redis"]


def _instructions(path: Path) -> list[tuple[str, str]]:
    lines, joined = [], ""
    for raw in path.read_text().splitlines():
        if raw.strip().startswith("#") and not joined:
            continue
        joined += raw.rstrip("\\").strip() + " " if raw.endswith("\\") else raw.strip()
        if not raw.endswith("\\"):
            if joined:
                keyword, _, rest = joined.partition(" ")
                lines.append((keyword.upper(), rest.strip()))
            joined = ""
    return lines


def _stages(steps: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    stages: list[list[tuple[str, str]]] = []
    for keyword, rest in steps:
        if keyword == "FROM":
            stages.append([])
        stages[-1].append((keyword, rest))
    return stages


def test_dockerfile_slim_non_root_and_runs_monitor_run() -> None:
    *_, final = _stages(_instructions(ROOT / "Dockerfile"))
    assert final[0][0] == "FROM" and "slim" in final[0][1]
    users = [rest for keyword, rest in final if keyword == "USER"]
    assert users and users[-1] not in {"root", "0"}
    assert any(k == "RUN" and "useradd" in r for k, r in final)
    cmd = [rest for keyword, rest in final if keyword == "CMD"][-1]
    argv = json.loads(cmd) if cmd.startswith("[") else shlex.split(cmd)
    assert argv[:2] == ["monitor", "run"]
    _check_argv(argv)
    health = [rest for keyword, rest in final if keyword == "HEALTHCHECK"][-1]
    assert "/healthz" in health


def test_dockerfile_installs_the_wheel_built_from_the_repository() -> None:
    """The image installs the built wheel, as tests/packaging/test_wheel.py does, never the tree."""
    build, final = _stages(_instructions(ROOT / "Dockerfile"))
    stage = build[0][1].split()[-1]  # FROM image AS name
    copied = {part for keyword, rest in build if keyword == "COPY" for part in rest.split()[:-1]}
    assert {"pyproject.toml", "README.md", "monitor"} <= copied  # README.md: the long description
    built = next(r for k, r in build if k == "RUN" and "pip wheel" in r)
    wheel_dir = built.split("--wheel-dir")[1].split()[0]
    assert any(k == "COPY" and f"--from={stage} {wheel_dir}" in r for k, r in final)
    install = next(r for k, r in final if k == "RUN" and "pip install" in r)
    assert f"{wheel_dir}/monitor-" in install and ".whl" in install
    assert "pip install ." not in install
    assert not any(k == "COPY" and r.startswith("monitor ") for k, r in final)


def test_every_service_has_a_healthcheck() -> None:
    for name, service in SERVICES.items():
        assert service.get("healthcheck", {}).get("test"), f"{name} has no healthcheck"


def test_metrics_are_published_on_loopback_only() -> None:
    for name in ("monitor", "monitor-demo"):
        ports = SERVICES[name]["ports"]
        assert ports and all(str(p).startswith("127.0.0.1:") and str(p).endswith(":9108") for p in ports)
    # `docker compose up --scale monitor=3` needs a host port per replica
    low, high = SERVICES["monitor"]["ports"][0].split(":")[1].split("-")
    assert int(high) - int(low) + 1 >= 3
    published = [p.split(":")[1] for s in SERVICES.values() for p in s.get("ports", [])]
    assert len(published) == len(set(published))


def test_dockerignore_keeps_secrets_and_state_out_of_the_image() -> None:
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".env", ".monitor", ".git"} <= set(ignored)
