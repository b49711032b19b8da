"""Slack unavailable for a while, then back: nothing lost, nothing doubled; the backlog is visible
in /metrics meanwhile. (The 60 s outage of the issue, at reduced scale: Slack answers 500 until
the service retried twice, then drops connections until it retried twice more.)"""

from __future__ import annotations

import re
from pathlib import Path

import httpx

from tests.feeds.server import FeedServer
from tests.ops.conftest import (
    GrowingFeed,
    RedisServer,
    add_growing,
    drone_items,
    free_port,
    only_rule,
    outbox_empty,
    slack_env,
    spawn,
    stop,
    wait_for,
    write_feeds,
)
from tests.slack.fake_slack import FakeSlack

ITEMS, ATTEMPTS = 8, 2


async def scrape(port: int) -> dict[str, float]:
    async with httpx.AsyncClient() as client:
        text = (await client.get(f"http://127.0.0.1:{port}/metrics")).text
    return {m[1]: float(m[2]) for m in re.finditer(r"^(\w+(?:\{[^}]*\})?) (\S+)$", text, re.M)}


async def test_slack_outage_then_recovery_loses_and_doubles_nothing(
    own_redis: RedisServer, feed_server: FeedServer, slack: FakeSlack, tmp_path: Path
) -> None:
    feed = GrowingFeed(drone_items(ITEMS, "outage"))
    feed.reveal(ITEMS)
    add_growing(feed_server, "/feed", feed)
    port = free_port()
    env = slack_env(
        own_redis.url, slack, MONITOR_SERVICE__START_SPREAD="0s", MONITOR_DELIVERY__RETRY_EVERY="1s"
    )
    slack.outage = "500"  # Slack answers 500 at first, then drops connections
    feeds = write_feeds(tmp_path / "feeds.yaml", {"outage": feed_server.url("/feed")})
    args = ["run", "--feeds", str(feeds), "--rules", str(only_rule(tmp_path, "mass-drone-attack"))]
    log = tmp_path / "run.log"
    process = await spawn([*args, "--sink", "slack", "--metrics-port", str(port), "-v"], env, tmp_path, log)

    await wait_for(lambda: slack.requests != [], 30, "a first delivery attempt")
    depths: list[float] = []
    for fault in ("500", "drop"):  # each fault until the service has retried through it twice
        slack.outage = fault
        target = len(slack.requests) + ATTEMPTS

        def attempted(n: int = target) -> bool:
            return len(slack.requests) >= n

        await wait_for(attempted, 60, f"{ATTEMPTS} attempts against {fault}")
        depths.append((await scrape(port)).get("monitor_outbox_depth", -1))
    attempts = len(slack.requests)
    slack.outage = None
    await wait_for(lambda: len(slack.posts_by_alert()) >= ITEMS, 40, f"all alerts posted:\n{log.read_text()}")
    metrics = await scrape(port)
    await wait_for(outbox_empty(own_redis), 30, "every alert acknowledged (none in flight)")
    assert await stop(process) == 0, log.read_text()

    posts = slack.posts_by_alert()
    doubled = sum(n - 1 for n in posts.values() if n > 1)
    print(
        f"\nSlack down for {attempts} attempts (500s, then dropped connections): expected {ITEMS}, "
        f"delivered {len(posts)}, "
        f"duplicated {doubled}, lost {ITEMS - len(posts)}; outbox depth during the outage up to "
        f"{max(depths):g}, {attempts} failed attempts"
    )
    assert max(depths) > 0 and len(posts) == ITEMS and doubled == 0
    assert metrics.get('monitor_delivery_retries_total{sink="slack"}', 0) > 0
    assert slack.messages and all(m.alert_id for m in slack.messages)
