"""Dry run: ``--sink slack-dry`` prints the Block Kit JSON that would be posted, calling no API."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from monitor.cli.main import cli
from tests.conftest import RULES, SEEDS
from tests.slack.fake_slack import check_message


@pytest.mark.parametrize(
    ("sink", "env"),
    [
        ("slack-dry", {}),
        ("slack", {"MONITOR_SLACK__DRY_RUN": "1", "SLACK_BOT_TOKEN": "xoxb-1-DRYsecret"}),
        ("slack --dry-run", {"SLACK_BOT_TOKEN": "xoxb-1-DRYsecret"}),
    ],
)
def test_replay_prints_block_kit_json(
    redis_url: str, namespace: str, monkeypatch: pytest.MonkeyPatch, sink: str, env: dict[str, str]
) -> None:
    monkeypatch.setenv("MONITOR_SLACK__DEFAULT_CHANNEL", "#alerts")
    monkeypatch.setenv("MONITOR_SLACK__CHANNELS_BY_RULE", '{"foreign-troops-new": "#troops"}')
    monkeypatch.setenv("MONITOR_SLACK__API_URL", "http://127.0.0.1:9/api/")  # nothing listens there
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    sink, *flags = sink.split()
    args = ["replay", str(SEEDS), "--rules", str(RULES), "--sink", sink, *flags, "--redis", redis_url]
    result = CliRunner().invoke(cli, [*args, "--namespace", namespace, "--fresh"])
    assert result.exit_code == 0, result.output
    payloads = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(payloads) >= 8  # the seeds: 8 alerts, one per story and rule (issue 12)
    assert {p["channel"] for p in payloads} == {"#alerts", "#troops"}
    for payload in payloads:
        assert check_message(payload) is None
        assert payload["blocks"][0]["type"] == "header"
    assert "DRYsecret" not in result.output
