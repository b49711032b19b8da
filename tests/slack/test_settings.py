"""Slack settings: env names, the config file, clear errors at start, secrets kept secret."""

from __future__ import annotations

from pathlib import Path

import pytest
import redis
from click.testing import CliRunner

from monitor.cli.main import cli
from monitor.settings import SettingsError, load_settings
from monitor.sinks.registry import SinkSpecError, build_sink
from monitor.sinks.slack.sink import SlackSink
from monitor.sinks.slack.webhook import WebhookSink
from monitor.state.keys import Keys
from monitor.state.namespace import Namespace

TOKEN = "xoxb-9999-8888-SECRETsecret"
HOOK = "https://hooks.slack.com/services/T1/B1/HOOKsecret"


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("SLACK_BOT_TOKEN", "SLACK_WEBHOOK_URL", "MONITOR_CONFIG"):
        monkeypatch.delenv(var, raising=False)


def test_env_names_and_nested_monitor_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("MONITOR_SLACK__DEFAULT_CHANNEL", "#alerts")
    monkeypatch.setenv("MONITOR_SLACK__CHANNELS_BY_RULE", '{"mass-drone-attack": "#air-desk"}')
    settings = load_settings()
    assert settings.slack.bot_token is not None and settings.slack.bot_token.get_secret_value() == TOKEN
    assert settings.slack.mode == "bot"
    assert settings.slack.channels_by_rule == {"mass-drone-attack": "#air-desk"}
    assert TOKEN not in repr(settings) and TOKEN not in str(settings)
    assert TOKEN not in settings.model_dump_json()


def test_config_file_below_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    config = tmp_path / "monitor.yaml"
    config.write_text(
        "slack:\n  default_channel: '#alerts'\n  channels_by_severity: {critical: '#oncall'}\n"
        "  oncall_group: S0ONCALL\n"
    )
    monkeypatch.setenv("SLACK_WEBHOOK_URL", HOOK)
    monkeypatch.setenv("MONITOR_SLACK__DEFAULT_CHANNEL", "#air-desk")
    slack = load_settings(config).slack
    assert (slack.default_channel, slack.channels_by_severity, slack.oncall_group) == (
        "#air-desk",
        {"critical": "#oncall"},
        "S0ONCALL",
    )
    assert slack.mode == "webhook"


@pytest.mark.parametrize(
    ("var", "value", "named"),
    [
        ("SLACK_BOT_TOKEN", "not-a-token-SECRET", "SLACK_BOT_TOKEN"),
        ("SLACK_BOT_TOKEN", "xapp-1-SECRET", "SLACK_BOT_TOKEN"),
        ("SLACK_BOT_TOKEN", "xoxb-SECRET with space", "SLACK_BOT_TOKEN"),
        ("SLACK_WEBHOOK_URL", "hooks.slack.com/SECRET", "SLACK_WEBHOOK_URL"),
        ("SLACK_WEBHOOK_URL", "http://hooks.slack.com/SECRET", "SLACK_WEBHOOK_URL"),
        ("MONITOR_SLACK__ONCALL_GROUP", "on-call", "MONITOR_SLACK__ONCALL_GROUP"),
        ("MONITOR_SLACK__DEFAULT_CHANNEL", "alerts channel", "MONITOR_SLACK__DEFAULT_CHANNEL"),
    ],
)
def test_malformed_settings_name_the_setting_not_the_value(
    monkeypatch: pytest.MonkeyPatch, var: str, value: str, named: str
) -> None:
    monkeypatch.setenv(var, value)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert named in str(caught.value)
    assert "SECRET" not in str(caught.value) and value not in str(caught.value)


def test_missing_credentials_fail_when_the_sink_is_built(
    monkeypatch: pytest.MonkeyPatch, redis_client: redis.Redis, namespace: str
) -> None:
    state = Namespace(redis_client, Keys(namespace))
    with pytest.raises(SinkSpecError, match=r"SLACK_BOT_TOKEN .* or SLACK_WEBHOOK_URL"):
        build_sink("slack", load_settings(), state)
    monkeypatch.setenv("SLACK_BOT_TOKEN", TOKEN)
    with pytest.raises(SinkSpecError, match="MONITOR_SLACK__DEFAULT_CHANNEL"):
        build_sink("slack", load_settings(), state)
    assert isinstance(build_sink("slack:#alerts", load_settings(), state), SlackSink)
    monkeypatch.delenv("SLACK_BOT_TOKEN")
    monkeypatch.setenv("SLACK_WEBHOOK_URL", HOOK)
    sink = build_sink("slack", load_settings(), state)
    assert isinstance(sink, WebhookSink) and "HOOKsecret" not in repr(sink)


def test_cli_reports_a_bad_token_at_start_without_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxq-SECRET")
    result = CliRunner().invoke(
        cli, ["outbox", "deliver", "--sink", "slack", "--redis", "redis://127.0.0.1:1"]
    )
    assert result.exit_code == 1
    assert "SLACK_BOT_TOKEN" in result.output and "SECRET" not in result.output
    assert "Traceback" not in result.output
