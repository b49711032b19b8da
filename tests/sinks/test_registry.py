"""The sink registry: specs checked before anything connects, sinks built from settings and state."""

from __future__ import annotations

from pathlib import Path

import pytest
import redis
from pydantic import SecretStr

from monitor.settings import Settings, SlackSettings
from monitor.sinks.jsonl import JsonlSink
from monitor.sinks.registry import SinkSpecError, build_sink, check_sink, dry_run_specs
from monitor.sinks.slack.dry import DrySlackSink
from monitor.sinks.slack.sink import SlackSink
from monitor.state.keys import Keys
from monitor.state.namespace import Namespace

TOKEN = "xoxb-1-2-registryTOKEN"


def settings(**slack: object) -> Settings:
    return Settings.model_construct(slack=SlackSettings(**slack))


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("nope", "unknown sink 'nope' in --sink 'nope' (known: console, jsonl, slack, slack-dry)"),
        ("jsonl", "jsonl sink needs a path"),
        ("slack", "--sink slack: the slack sink needs SLACK_BOT_TOKEN"),
        ("slack:not a channel", "--sink slack: --sink slack:not a channel: not a channel name"),
    ],
)
def test_bad_specs_are_refused_without_building_anything(spec: str, message: str) -> None:
    with pytest.raises(SinkSpecError) as caught:
        check_sink(spec, settings())
    assert message in str(caught.value)


def test_sinks_are_built_from_the_given_settings_and_namespace(
    redis_client: redis.Redis, namespace: str, tmp_path: Path
) -> None:
    state = Namespace(redis_client, Keys(namespace))
    bot = settings(bot_token=SecretStr(TOKEN), default_channel="#alerts")
    slack = build_sink("slack:#air-desk", bot, state)
    assert isinstance(slack, SlackSink) and slack.settings.default_channel == "#air-desk"
    assert isinstance(build_sink(f"jsonl:{tmp_path / 'a.jsonl'}", bot, state), JsonlSink)
    # a dry run needs no credentials: it posts nothing
    assert isinstance(build_sink("slack-dry", settings(), state), DrySlackSink)


def test_dry_run_turns_every_slack_sink_into_its_dry_twin() -> None:
    assert dry_run_specs(("console", "slack", "slack:#x", "jsonl:-")) == (
        "console",
        "slack-dry",
        "slack-dry:#x",
        "jsonl:-",
    )
