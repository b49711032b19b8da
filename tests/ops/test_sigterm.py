"""SIGTERM in the middle of a slow poll: exit 0 promptly, lease released; the next start neither
loses nor repeats items."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from pathlib import Path

from aiohttp import web

from monitor.state.keys import Keys
from tests.feeds.server import FeedServer, Route, rss
from tests.ops.conftest import (
    GrowingFeed,
    RedisServer,
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


def written(path: Path) -> Counter[str]:
    if not path.exists():
        return Counter()
    return Counter(json.loads(line)["alert_id"] for line in path.read_text().splitlines() if line.strip())


async def test_sigterm_during_a_slow_poll_then_restart(
    own_redis: RedisServer, feed_server: FeedServer, tmp_path: Path
) -> None:
    fast, slow_items = GrowingFeed(drone_items(3, "fast")), drone_items(3, "slow", first=500)
    fast.reveal(3)
    add_growing(feed_server, "/fast", fast)
    slow = {"hits": 0, "delay": 60.0}

    async def slow_feed(request: web.Request) -> web.StreamResponse:
        slow["hits"] += 1
        await asyncio.sleep(slow["delay"])  # the first run is stopped while this poll waits
        return web.Response(body=rss(slow_items), content_type="application/rss+xml")

    feed_server.routes["/slow"] = Route(handler=slow_feed)
    feeds = write_feeds(
        tmp_path / "feeds.yaml", {"fast": feed_server.url("/fast"), "slow": feed_server.url("/slow")}
    )
    out = tmp_path / "alerts.jsonl"
    env = base_env(
        REDIS_URL=own_redis.url, MONITOR_SERVICE__START_SPREAD="0s", MONITOR_SERVICE__SHUTDOWN_GRACE="2s"
    )
    args = ["run", "--feeds", str(feeds), "--rules", str(only_rule(tmp_path, "mass-drone-attack"))]
    args += ["--sink", f"jsonl:{out}", "--metrics-port", "0", "-v"]

    first = await spawn(args, env, tmp_path, tmp_path / "first.log")
    await wait_for(lambda: slow["hits"] == 1 and len(written(out)) == 3, 30, "the fast feed's alerts")
    assert await stop(first, timeout=30) == 0, (tmp_path / "first.log").read_text()
    assert not own_redis.client().exists(Keys().lease("slow"))  # released, not left to expire

    slow["delay"] = 0.0
    second = await spawn(args, env, tmp_path, tmp_path / "second.log")
    await wait_for(lambda: len(written(out)) >= 6, 30, "the slow feed's alerts")
    await wait_for(outbox_empty(own_redis), 30, "every alert acknowledged (none in flight)")
    assert await stop(second, timeout=30) == 0, (tmp_path / "second.log").read_text()

    got = written(out)
    doubled = sum(n - 1 for n in got.values() if n > 1)
    print(
        f"\nSIGTERM mid-poll, restart: expected 6, delivered {len(got)}, duplicated {doubled}, "
        f"lost {6 - len(got)}"
    )
    assert len(got) == 6 and doubled == 0
