"""A running Slack console for tests: the sink posting alerts with buttons to the fake Slack,
the interactivity endpoint on a real port, and a sender that signs requests as Slack does."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

import redis
from pydantic import SecretStr

from monitor.console import build_console
from monitor.interact.endpoint import ACTIONS_PATH, COMMANDS_PATH, InteractionEndpoint
from monitor.interact.server import InteractionServer
from monitor.models import Alert
from monitor.observability.metrics import Metrics
from monitor.settings import InteractSettings, Settings, SlackSettings
from monitor.sinks.slack.sink import SlackSink
from monitor.state.keys import Keys
from tests.slack.fake_slack import FakeSlack, Posted
from tests.slack.slack_sender import SECRET, SlackSender


@dataclass
class SettableClock:
    """The endpoint's clock: real time plus an offset a test moves forward (a replay later)."""

    offset: float = 0.0

    def __call__(self) -> float:
        import time

        return time.time() + self.offset


@dataclass
class Harness:
    fake: FakeSlack
    client: redis.Redis
    keys: Keys
    sink: SlackSink
    endpoint: InteractionEndpoint
    server: InteractionServer
    sender: SlackSender
    clock: SettableClock
    metrics: Metrics
    finished: int = 0
    _progress: asyncio.Event = field(default_factory=asyncio.Event)

    def _done(self) -> None:
        self.finished += 1
        self._progress.set()

    async def settled(self, jobs: int, timeout: float = 5.0) -> None:
        """Until ``jobs`` background jobs have finished since the start (deadline, no sleep)."""
        async with asyncio.timeout(timeout):
            while self.finished < jobs:
                self._progress.clear()
                await self._progress.wait()

    async def post_alert(self, alert: Alert) -> Posted:
        ts = await self.sink.send(alert)
        return next(m for m in self.fake.messages if m.ts == ts)

    async def click(self, message: Posted, action: str, value: str, user: str = "U0ANALYST") -> int:
        body = self.sender.click(message, action, value, user, self.fake.response_url(len(self.sender.sent)))
        return await self.sender.deliver(ACTIONS_PATH, body)

    async def submit(self, view: dict[str, Any], values: dict[str, Any], user: str = "U0ANALYST") -> int:
        return await self.sender.deliver(ACTIONS_PATH, self.sender.submit(view, values, user))

    async def command(self, text: str, user: str = "U0ANALYST") -> int:
        body = self.sender.command(text, self.fake.response_url(f"cmd{len(self.sender.sent)}"), user)
        return await self.sender.deliver(COMMANDS_PATH, body)

    def snapshot(self) -> dict[bytes, Any]:
        """Every key of the namespace with its value (to show a request changed nothing)."""
        found = {}
        for key in self.client.scan_iter(match=self.keys.pattern()):
            found[key] = self.client.dump(key)
        return found


async def start_console(
    fake: FakeSlack, client: redis.Redis, keys: Keys, slack: SlackSettings, **changes: Any
) -> Harness:
    slack = slack.model_copy(update={"signing_secret": SecretStr(SECRET), **changes})
    settings = Settings(slack=slack, interact=InteractSettings(enabled=True))
    clock = SettableClock()
    metrics = Metrics()
    rule_ids = lambda: ["mass-drone-attack", "record-drone-attack"]  # noqa: E731 (the rules in force)
    console = build_console(settings, client, keys, metrics=metrics, clock=clock, rule_ids=rule_ids)
    assert console.endpoint is not None
    server = InteractionServer(console.endpoint, "127.0.0.1", 0)
    await server.start()
    harness = Harness(
        fake, client, keys, SlackSink(slack, client, keys), console.endpoint, server,
        SlackSender(server.url), clock, metrics,
    )  # fmt: skip
    console.endpoint.done.append(harness._done)
    return harness
