"""The CLI keeps what one invocation loaded in click's context object: nothing leaks to the next."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli.main import cli
from tests.conftest import RULES


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for var in ("REDIS_URL", "SLACK_BOT_TOKEN", "SLACK_WEBHOOK_URL", "MONITOR_CONFIG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(tmp_path)


def shown(*args: str) -> dict[str, object]:
    result = CliRunner().invoke(cli, ["config", "show", "--json", *args])
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.output)
    return data


def test_one_invocations_config_file_does_not_reach_the_next(tmp_path: Path) -> None:
    config = tmp_path / "a.yaml"
    config.write_text("redis:\n  namespace: from-a\n")
    assert shown("--config", str(config))["redis"] == {
        "url": None,
        "namespace": "from-a",
        "data_dir": ".monitor",
    }
    assert shown()["redis"] == {"url": None, "namespace": "default", "data_dir": ".monitor"}


def test_the_redis_url_comes_from_the_settings_of_this_invocation(tmp_path: Path) -> None:
    config = tmp_path / "unreachable.yaml"
    config.write_text("redis:\n  url: redis://127.0.0.1:1/0\n")
    result = CliRunner().invoke(cli, ["outbox", "status", "--config", str(config)])
    assert result.exit_code == 2
    assert "127.0.0.1:1" in result.output


def test_a_bad_sink_is_refused_before_connecting(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "replay",
            str(tmp_path),
            "--rules",
            str(RULES),
            "--sink",
            "jsonl",
            "--redis",
            "redis://127.0.0.1:1/0",
        ],
    )
    assert result.exit_code == 1
    assert "jsonl sink needs a path" in result.output


def test_an_invalid_config_lists_every_error_and_starts_nothing(tmp_path: Path) -> None:
    config = tmp_path / "bad.yaml"
    config.write_text("extract:\n  workers: 0\nsinks: [nope]\n")
    result = CliRunner().invoke(cli, ["replay", str(tmp_path), "--config", str(config)])
    assert result.exit_code == 1
    assert f"{config}:2:3: extract.workers:" in result.output
    assert f"{config}:3:1: sinks: unknown sink 'nope'" in result.output
    assert "2 error(s) in the configuration; nothing was started" in result.output
