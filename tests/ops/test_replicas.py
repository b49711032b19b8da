"""Three `monitor run` replicas on one Redis, one SIGKILLed mid-run: every alert posted once, feeds
keep being polled."""

from __future__ import annotations

import asyncio
import signal
import time
from pathlib import Path

from tests.feeds.server import FeedServer
from tests.ops.conftest import (
    GrowingFeed,
    RedisServer,
    add_growing,
    drone_items,
    only_rule,
    outbox_empty,
    slack_env,
    spawn,
    stop,
    wait_for,
    write_feeds,
)
from tests.slack.fake_slack import FakeSlack

FEEDS, PER_FEED = 3, 6


async def test_three_replicas_one_killed_every_alert_once_and_polls_go_on(
    own_redis: RedisServer, feed_server: FeedServer, slack: FakeSlack, tmp_path: Path
) -> None:
    feeds = {
        f"feed-{n}": GrowingFeed(drone_items(PER_FEED, f"feed-{n}", first=100 * (n + 1)))
        for n in range(FEEDS)
    }
    for name, feed in feeds.items():
        add_growing(feed_server, f"/{name}", feed)
    feeds_file = write_feeds(tmp_path / "feeds.yaml", {name: feed_server.url(f"/{name}") for name in feeds})
    env = slack_env(
        own_redis.url,
        slack,
        MONITOR_SERVICE__LEASE_TTL="3s",
        MONITOR_SERVICE__START_SPREAD="2s",
        MONITOR_SERVICE__SHUTDOWN_GRACE="3s",
        MONITOR_DELIVERY__RETRY_EVERY="1s",
        MONITOR_DELIVERY__CLAIM_IDLE="5s",
        MONITOR_METRICS__PORT="0",
    )
    rules = only_rule(tmp_path, "mass-drone-attack")
    replicas = [
        await spawn(
            ["run", "--feeds", str(feeds_file), "--rules", str(rules), "--sink", "slack",
             "--consumer", f"replica-{n}", "-v"],
            env, tmp_path, tmp_path / f"replica-{n}.log",
        )
        for n in range(3)
    ]  # fmt: skip
    total = FEEDS * PER_FEED
    for step in range(total):  # one new entry a second, round robin over the feeds
        list(feeds.values())[step % FEEDS].reveal()
        if step == total // 3:
            await wait_for(lambda: len(slack.messages) >= 2, 30, "the first posts")
            replicas[0].send_signal(signal.SIGKILL)
            killed_at = time.monotonic()
        await asyncio.sleep(1)
    logs = "\n".join(p.read_text() for p in sorted(tmp_path.glob("replica-*.log")))
    await wait_for(lambda: len(slack.posts_by_alert()) >= total, 40, f"{total} alerts posted:\n{logs}")
    await wait_for(outbox_empty(own_redis), 30, "every alert acknowledged (none in flight)")

    def polled_after_kill() -> dict[str, int]:
        return {name: sum(1 for t in feed.polls if t > killed_at) for name, feed in feeds.items()}

    # the survivors keep polling every feed (a wait with a deadline, not a race with the clock:
    # the killed replica's leases lapse first, then each feed comes round on its 10 s interval)
    await wait_for(
        lambda: min(polled_after_kill().values()) >= 2, 40, "two polls of every feed after the kill"
    )
    exits = [await stop(p) for p in replicas[1:]]

    posts = slack.posts_by_alert()
    doubled = sum(n - 1 for n in posts.values() if n > 1)
    after_kill = polled_after_kill()
    print(
        f"\n3 replicas, one SIGKILLed: expected {total}, delivered {len(posts)}, duplicated {doubled}, "
        f"lost {total - len(posts)}; polls per feed after the kill {after_kill}"
    )
    assert await replicas[0].wait() == -signal.SIGKILL
    assert exits == [0, 0]
    assert len(posts) == total and doubled == 0
    assert None not in posts
    assert all(n >= 2 for n in after_kill.values()), after_kill
