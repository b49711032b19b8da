"""Building the Slack sink for ``--sink slack[:CHANNEL]`` from the settings, failing early."""

from __future__ import annotations

from monitor.settings import Settings, SettingsError, SlackSettings, load_settings
from monitor.sinks.base import Sink
from monitor.sinks.slack.dry import DrySlackSink
from monitor.sinks.slack.sink import SlackSink
from monitor.sinks.slack.webhook import WebhookSink


def _with_channel(settings: SlackSettings, channel: str) -> SlackSettings:
    if not channel:
        return settings
    data = settings.model_dump()
    data["default_channel"] = channel
    try:
        return SlackSettings.model_validate(data)
    except ValueError:
        raise SettingsError(f"--sink slack:{channel}: not a channel name like '#alerts' or an ID") from None


def build_slack_sink(arg: str, settings: Settings | None = None, *, dry_run: bool = False) -> Sink:
    """The sink the settings ask for: dry run, bot (token) or webhook. SettingsError if unusable."""
    slack = _with_channel((settings or load_settings()).slack, arg)
    if dry_run or slack.dry_run:
        return DrySlackSink(slack)
    slack.require_delivery()
    if slack.mode == "bot":
        return SlackSink(slack)
    return WebhookSink(slack)
