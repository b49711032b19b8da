"""One settings model: the example documents every field, file errors are positioned, env wins."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from pydantic import BaseModel

from monitor.cli.main import cli
from monitor.settings import Settings, load_settings
from tests.conftest import ROOT

EXAMPLE = ROOT / "monitor.example.yaml"
BAD = """\
redis:
  namespace: ""
  bogus: 1
metrics:
  port: 99999
sinks: [console, nope]
service:
  lease_ttl: soon
slack:
  default_channel: "bad channel"
"""


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for var in (
        "REDIS_URL",
        "SLACK_BOT_TOKEN",
        "SLACK_WEBHOOK_URL",
        "SLACK_SIGNING_SECRET",
        "MONITOR_CONFIG",
    ):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(tmp_path)  # no monitor.yaml or .env of the repository's


def field_paths(model: type[BaseModel], prefix: str = "") -> set[str]:
    paths = set()
    for name, info in model.model_fields.items():
        paths.add(prefix + name)
        annotation = info.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            paths |= field_paths(annotation, f"{prefix}{name}.")
    return paths


def yaml_paths(data: object, prefix: str = "") -> set[str]:
    if not isinstance(data, dict):
        return set()
    found = set()
    for key, value in data.items():
        found.add(prefix + str(key))
        if key not in {"channels_by_severity", "channels_by_rule"}:
            found |= yaml_paths(value, f"{prefix}{key}.")
    return found


def test_the_example_documents_every_setting_and_loads() -> None:
    import yaml

    documented = yaml_paths(yaml.safe_load(EXAMPLE.read_text()))
    assert field_paths(Settings) - documented == set()
    assert documented - field_paths(Settings) == set()
    assert load_settings(EXAMPLE) == Settings()  # it shows the defaults


def test_every_config_error_is_reported_at_start_with_file_line_col(tmp_path: Path) -> None:
    config = tmp_path / "monitor.yaml"
    config.write_text(BAD)
    result = CliRunner().invoke(cli, ["run", "--config", str(config)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[:6] == [
        f"{config}:2:3: redis.namespace: String should have at least 1 character",
        f"{config}:3:3: redis.bogus: unknown key (not allowed here)",
        f"{config}:5:3: metrics.port: Input should be less than or equal to 65535",
        f"{config}:6:1: sinks: unknown sink 'nope' (known: console, jsonl, slack, slack-dry)",
        f"{config}:8:3: service.lease_ttl: bad duration 'soon': use e.g. 90s, 30m, 6h, 2d, 1w or 1h30m",
        f"{config}:10:3: slack.default_channel: must be a channel name like '#alerts' or an ID like "
        "'C0123ABCD'",
    ]
    assert "6 error(s) in the configuration; nothing was started" in lines[6]
    assert "Traceback" not in result.output


def test_syntax_errors_and_env_errors_are_reported_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "monitor.yaml"
    config.write_text("metrics:\n  port: [1\n")
    monkeypatch.setenv("MONITOR_LOG__FORMAT", "xml")
    result = CliRunner().invoke(cli, ["config", "show"])  # ./monitor.yaml is the default
    assert result.exit_code == 1
    assert result.output.startswith(f"{config.name}:3:1: YAML syntax error")
    assert "MONITOR_LOG__FORMAT (config: log.format): Input should be 'text' or 'json'" in result.output


def test_env_overrides_the_file_and_show_masks_secrets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "custom.yaml"
    config.write_text("redis:\n  namespace: from-file\nmetrics:\n  port: 9200\nlog:\n  level: info\n")
    (tmp_path / ".env").write_text(
        "MONITOR_METRICS__PORT=9300\nSLACK_WEBHOOK_URL=https://hooks.slack.com/services/T/B/DOTENVsecret\n"
    )
    monkeypatch.setenv("MONITOR_REDIS__NAMESPACE", "from-env")
    monkeypatch.setenv("REDIS_URL", "redis://:hunter2@redis.internal:6379/1")
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1-SECRETtoken")
    result = CliRunner().invoke(cli, ["config", "show", "--config", str(config)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "namespace: from-env" in out and "port: 9300" in out and "level: info" in out
    assert "url: redis://:***@redis.internal:6379/1" in out
    assert "bot_token: '**********'" in out and "webhook_url: '**********'" in out
    assert "hunter2" not in out and "SECRET" not in out and "DOTENVsecret" not in out


def test_a_missing_config_file_is_an_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["config", "show", "--config", str(tmp_path / "nope.yaml")])
    assert result.exit_code != 0
    assert "nope.yaml" in result.output
