"""`monitor run` as the README says, with the Slack console on: alerts carry buttons, a signed
click through the metrics port updates the message and stores feedback, the digest is posted
with its chart, and /metrics counts the Wrong."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import httpx
from PIL import Image

from monitor.interact.endpoint import ACTIONS_PATH, COMMANDS_PATH
from monitor.state.feedback import FeedbackStore
from monitor.state.keys import Keys
from tests.feeds.server import FeedServer
from tests.ops.conftest import (
    GrowingFeed,
    RedisServer,
    add_growing,
    drone_items,
    free_port,
    only_rule,
    slack_env,
    spawn,
    stop,
    write_feeds,
)
from tests.slack.fake_slack import CHANNELS, FakeSlack, Posted, Uploaded
from tests.slack.slack_sender import SECRET, SlackSender


async def test_monitor_run_with_the_console(
    own_redis: RedisServer, feed_server: FeedServer, slack: FakeSlack, tmp_path: Path
) -> None:
    feed = GrowingFeed(drone_items(2, "console"))
    feed.reveal(2)
    add_growing(feed_server, "/feed", feed)
    port = free_port()
    env = slack_env(
        own_redis.url, slack,
        SLACK_SIGNING_SECRET=SECRET,
        MONITOR_INTERACT__ENABLED="true",
        MONITOR_DIGEST__CHANNELS='["#air-desk"]',
        MONITOR_DIGEST__AT="00:00",  # always due: posted at start, once for the day
        MONITOR_SERVICE__START_SPREAD="0s",
    )  # fmt: skip
    feeds = write_feeds(tmp_path / "feeds.yaml", {"console": feed_server.url("/feed")})
    rules = only_rule(tmp_path, "mass-drone-attack")
    args = [
        "run",
        "--feeds",
        str(feeds),
        "--rules",
        str(rules),
        "--sink",
        "slack",
        "--metrics-port",
        str(port),
    ]
    log = tmp_path / "run.log"
    process = await spawn(args, env, tmp_path, log)
    try:
        shared: Callable[[], list[Uploaded]] = lambda: [f for f in slack.files.values() if f.channel]  # noqa: E731 (upload completed)
        alerts: Callable[[], list[Posted]] = lambda: [m for m in slack.messages if m.alert_id]  # noqa: E731 (the digest has none)
        await slack.wait_for(lambda: len(alerts()) == 2 and len(shared()) == 1, 60)
        [chart] = shared()
        assert chart.channel == CHANNELS["#air-desk"] and chart.filename == "drones-per-night.png"
        Image.open(io.BytesIO(chart.data)).verify()

        alert = alerts()[0]
        assert any(b["type"] == "actions" for b in alert.blocks)
        sender = SlackSender(f"http://127.0.0.1:{port}")
        body = sender.click(alert, "wrong", "not_single_attack", "U0ALICE")
        assert await sender.deliver(ACTIONS_PATH, body) == 200
        await slack.wait_for(lambda: alert.updates == 1, 10)
        [feedback] = FeedbackStore(own_redis.client(), Keys("default")).since()
        assert (feedback.rule, feedback.reason, feedback.user) == (
            "mass-drone-attack",
            "not_single_attack",
            "U0ALICE",
        )
        for n, text in enumerate(["silence record-drone-attack 1h x", "silence mass-drone-attack 1h quiet"]):
            body = sender.command(text, slack.response_url(f"cmd{n}"), "U0ALICE")
            assert await sender.deliver(COMMANDS_PATH, body) == 200
            await slack.wait_for(lambda n=n: len(slack.responses) == n + 1, 10)
        assert slack.responses[0]["text"] == "No rule `record-drone-attack` is loaded; nothing was silenced."
        assert slack.responses[1]["text"].startswith("Silence `")  # only mass-drone-attack runs here
        async with httpx.AsyncClient() as client:
            metrics = (await client.get(f"http://127.0.0.1:{port}/metrics")).text
        assert 'monitor_wrong_this_week{rule="mass-drone-attack"} 1.0' in metrics
    finally:
        assert await stop(process) == 0, log.read_text()
    assert SECRET not in log.read_text()
