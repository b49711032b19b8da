"""The console's settings: `monitor run` refuses, before connecting, what cannot work."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli.main import cli
from monitor.settings import SlackSettings
from tests.conftest import RULES
from tests.slack.fake_slack import TOKEN
from tests.slack.slack_sender import SECRET


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
    monkeypatch.chdir(tmp_path)
    (tmp_path / "feeds.yaml").write_text("feeds: []\n")


@pytest.mark.parametrize(
    ("env", "config", "message"),
    [
        ({}, "interact: {enabled: true}", "interact.enabled needs SLACK_BOT_TOKEN"),
        (
            {"SLACK_BOT_TOKEN": TOKEN},
            "interact: {enabled: true}",
            "interact.enabled needs SLACK_SIGNING_SECRET",
        ),
        ({}, "digest: {channels: ['#air-desk']}", "digest.channels needs SLACK_BOT_TOKEN"),
        (
            {"SLACK_BOT_TOKEN": TOKEN, "SLACK_SIGNING_SECRET": SECRET},
            "interact: {enabled: true}\nmetrics: {port: 0}",
            "interact.enabled needs an HTTP server",
        ),
    ],
)
def test_run_refuses_a_console_that_cannot_work(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, env: dict[str, str], config: str, message: str
) -> None:
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    (tmp_path / "monitor.yaml").write_text(config + "\n")
    result = CliRunner().invoke(cli, ["run", "--rules", str(RULES), "--redis", "redis://127.0.0.1:1"])
    assert result.exit_code == 1, result.output
    assert message in result.output
    assert "Redis" not in result.output  # refused before connecting
    assert SECRET not in result.output


def test_silencers_are_user_or_group_ids() -> None:
    assert SlackSettings(silencers=["U0LEAD", "W0ENTERPRISE", "S0DESK"]).silencers[2] == "S0DESK"
    with pytest.raises(ValueError, match="'bob' is not a user ID"):
        SlackSettings(silencers=["bob"])
