"""Building the Slack sink for ``--sink slack[:CHANNEL]`` from the settings, failing early."""

from __future__ import annotations

from monitor.settings import Settings, SettingsError, SlackSettings
from monitor.sinks.base import Sink
from monitor.sinks.slack.dry import DrySlackSink
from monitor.sinks.slack.sink import SlackSink
from monitor.sinks.slack.webhook import WebhookSink
from monitor.state.namespace import Namespace


def _with_channel(settings: SlackSettings, channel: str) -> SlackSettings:
    if not channel:
        return settings
    data = settings.model_dump()
    data["default_channel"] = channel
    try:
        return SlackSettings.model_validate(data)
    except ValueError:
        raise SettingsError(f"--sink slack:{channel}: not a channel name like '#alerts' or an ID") from None


def slack_settings_for(arg: str, settings: Settings, *, dry_run: bool = False) -> SlackSettings:
    """The Slack settings ``slack[:CHANNEL]`` runs with; SettingsError if they cannot post."""
    slack = _with_channel(settings.slack, arg)
    if not (dry_run or slack.dry_run):
        slack.require_delivery()
    return slack


def build_slack_sink(arg: str, settings: Settings, state: Namespace, *, dry_run: bool = False) -> Sink:
    """The sink the settings ask for: dry run, bot (token) or webhook. SettingsError if unusable."""
    slack = slack_settings_for(arg, settings, dry_run=dry_run)
    if dry_run or slack.dry_run:
        return DrySlackSink(slack)
    if slack.mode == "bot":
        return SlackSink(slack, state.client, state.keys)
    return WebhookSink(slack)
