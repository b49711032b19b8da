"""Redis SIGKILLed under a running `monitor run` and restarted: one warning, polls resume, every
alert once."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from tests.feeds.server import FeedServer
from tests.ops.conftest import (
    GrowingFeed,
    RedisServer,
    RefusingPort,
    add_growing,
    base_env,
    drone_items,
    only_rule,
    outbox_empty,
    spawn,
    stop,
    wait_for,
    write_feeds,
)

ITEMS = 6


def written(path: Path) -> Counter[str]:
    if not path.exists():
        return Counter()
    return Counter(json.loads(line)["alert_id"] for line in path.read_text().splitlines() if line.strip())


async def test_redis_lost_while_running_pauses_then_resumes_without_realerting(
    own_redis: RedisServer, feed_server: FeedServer, tmp_path: Path
) -> None:
    feed = GrowingFeed(drone_items(ITEMS, "loss"))
    feed.reveal(ITEMS // 2)
    add_growing(feed_server, "/feed", feed)
    feeds = write_feeds(tmp_path / "feeds.yaml", {"loss": feed_server.url("/feed")})
    out, log = tmp_path / "alerts.jsonl", tmp_path / "run.log"
    env = base_env(
        REDIS_URL=own_redis.url, MONITOR_SERVICE__START_SPREAD="0s", MONITOR_DELIVERY__RETRY_EVERY="1s"
    )
    args = ["run", "--feeds", str(feeds), "--rules", str(only_rule(tmp_path, "mass-drone-attack"))]
    process = await spawn([*args, "--sink", f"jsonl:{out}", "--metrics-port", "0"], env, tmp_path, log)
    await wait_for(lambda: len(written(out)) == ITEMS // 2, 30, "the first alerts")

    own_redis.kill()
    feed.reveal(ITEMS)  # new entries while Redis is away: polled once it is back
    await wait_for(lambda: "unavailable" in log.read_text(), 30, "the outage noticed")
    async with RefusingPort(own_redis.port) as refusing:  # polls and deliveries stay paused
        await wait_for(lambda: refusing.attempts >= 2, 30, "two reconnect attempts while Redis is away")
    own_redis.start()
    await wait_for(lambda: len(written(out)) >= ITEMS, 40, f"the other alerts:\n{log.read_text()}")
    await wait_for(outbox_empty(own_redis), 30, "every alert acknowledged (none in flight)")
    assert await stop(process) == 0, log.read_text()

    got, text = written(out), log.read_text()
    doubled = sum(n - 1 for n in got.values() if n > 1)
    print(
        f"\nRedis lost under run: expected {ITEMS}, delivered {len(got)}, duplicated {doubled}, "
        f"lost {ITEMS - len(got)}"
    )
    assert len(got) == ITEMS and doubled == 0
    assert text.count("unavailable") == 1 and "reachable again" in text  # one warning, not a flood
    assert "Traceback" not in text
