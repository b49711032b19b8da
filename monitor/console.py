"""The Slack console's parts for ``monitor run``, assembled in one place: the interactivity
endpoint (buttons, modals, /monitor) and the morning digest job."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import redis

from monitor.clock import EpochClock
from monitor.digest.compose import DigestSources
from monitor.digest.post import DigestJob, DigestPoster
from monitor.interact.actions import ConsoleActions
from monitor.interact.api import ConsoleApi, Silencers
from monitor.interact.endpoint import InteractionEndpoint
from monitor.interact.slash import RuleIds, SlashCommands
from monitor.interact.verify import RequestGuard
from monitor.observability.metrics import Metrics
from monitor.outbox.stream import RedisOutbox
from monitor.settings import Settings, SettingsError
from monitor.sources.feeds.config import FeedConfig
from monitor.sources.feeds.feedstate import FeedStateStore
from monitor.state.feedback import FeedbackStore
from monitor.state.figures import FigureStore
from monitor.state.keys import Keys
from monitor.state.silences import SilenceStore


@dataclass
class Console:
    """What the service runs besides polling and delivery; either part may be off."""

    endpoint: InteractionEndpoint | None = None
    digest: DigestJob | None = None


def _token(settings: Settings, what: str) -> str:
    if settings.slack.bot_token is None:
        raise SettingsError(f"{what} needs SLACK_BOT_TOKEN (a bot token with chat:write)")
    return settings.slack.bot_token.get_secret_value()


def check_console(settings: Settings) -> None:
    """SettingsError when the console is asked for without what it needs (checked at start)."""
    if settings.interact.enabled:
        _token(settings, "interact.enabled")
        if settings.slack.signing_secret is None:
            raise SettingsError("interact.enabled needs SLACK_SIGNING_SECRET (the app's signing secret)")
    if settings.digest.channels:
        _token(settings, "digest.channels")


def build_console(
    settings: Settings,
    client: redis.Redis,
    keys: Keys,
    *,
    outbox: RedisOutbox | None = None,
    metrics: Metrics | None = None,
    feeds: Sequence[FeedConfig] = (),
    clock: EpochClock = time.time,
    rule_ids: RuleIds | None = None,
) -> Console:
    """The endpoint when ``interact.enabled``, the digest when ``digest.channels`` is set."""
    check_console(settings)
    slack = settings.slack
    console = Console()
    if metrics is not None:
        metrics.watch_feedback(FeedbackStore(client, keys).wrong_per_rule)
    if settings.interact.enabled:
        assert slack.signing_secret is not None  # check_console
        api = ConsoleApi(_token(settings, "interact"), slack.api_url, slack.timeout_s)
        silencers = Silencers(slack.silencers, api)
        counts = (lambda: (outbox.depth(), outbox.dead_letter_count())) if outbox is not None else None
        console.endpoint = InteractionEndpoint(
            RequestGuard(slack.signing_secret, client, keys, clock),
            ConsoleActions(api, silencers, client, keys),
            SlashCommands(api, silencers, client, keys, counts, rule_ids=rule_ids),
            observer=metrics,
        )
    if settings.digest.channels:
        poster = DigestPoster(_token(settings, "digest.channels"), slack.api_url, slack.timeout_s)
        sources = DigestSources(
            FigureStore(client, keys), SilenceStore(client, keys), list(feeds), FeedStateStore(client, keys)
        )
        console.digest = DigestJob(settings.digest, sources, poster, client, keys)
    return console
