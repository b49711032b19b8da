"""A feed that costs feedparser minutes is parsed under a deadline in a worker that is replaced
when it overruns: the slow feed fails and backs off, the other feeds' polls go on meanwhile."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import timedelta

import pytest
import redis

from monitor.sources.feeds.feedstate import FeedStateStore
from monitor.sources.feeds.fetcher import Fetcher
from monitor.sources.feeds.parsepool import MAX_ENTRIES, MAX_TAG_BYTES, ParseLimits
from monitor.sources.feeds.poller import FeedPoller, PollResult
from monitor.state.keys import Keys
from monitor.state.store import RedisStateStore
from tests.feeds.conftest import TEST_LIMITS, FakeClock, SeenOnlyProcessor, feed
from tests.feeds.server import FeedServer, Route, rss
from tests.ops.conftest import drone_items


def _attribute_heavy(items: int, attributes: int) -> bytes:
    """Valid RSS whose descriptions carry ``attributes`` attributes each (feedparser is
    quadratic in them: 5,000 cost about 0.3 s per element)."""
    attrs = " ".join(f'a{i}="x"' for i in range(attributes))
    body = "".join(
        f"<item><title>t{k}</title><description {attrs}>d</description></item>" for k in range(items)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>{body}</channel></rss>'.encode()


@pytest.mark.timeout(60)
async def test_a_slow_feed_overruns_its_deadline_alone(
    server: FeedServer, redis_client: redis.Redis, namespace: str
) -> None:
    server.routes["/slow"] = Route(body=_attribute_heavy(items=12, attributes=5_000))  # ~4 s of parsing
    server.routes["/good"] = Route(body=rss(drone_items(3, "good")))
    keys, clock = Keys(namespace), FakeClock()
    states = FeedStateStore(redis_client, keys)
    poller = FeedPoller(
        Fetcher(dataclasses.replace(TEST_LIMITS, total_timeout=10.0)),
        states,
        SeenOnlyProcessor(RedisStateStore(redis_client, keys)),
        clock,
        parse_limits=ParseLimits(workers=2, deadline=1.0),
    )
    finished: list[str] = []

    async def poll(name: str) -> PollResult:
        result = await poller.poll(feed(name, server.url(f"/{name}")))
        finished.append(name)
        return result

    try:
        slow = asyncio.create_task(poll("slow"))
        good = await poll("good")
        assert good.outcome == "ok" and good.new == 3
        assert finished == ["good"]  # done while the slow feed was still parsing
        result = await slow
        assert result.outcome == "failed"
        assert result.reason == "cannot parse: parsing took longer than 1s"
        assert poller.parsers.replaced == 1
        state = states.load(feed("slow", server.url("/slow")))
        assert state.errors == 1 and state.last_error == result.reason
        assert state.next_allowed is not None and state.next_allowed > clock()
        # the replaced worker is gone; parsing goes on in a fresh one
        clock.advance(timedelta(hours=1).total_seconds())
        server.routes["/good"] = Route(body=rss(drone_items(4, "good")))
        again = await poll("good")
        assert again.outcome == "ok" and again.new == 1
    finally:
        await asyncio.to_thread(poller.close)
        await poller.fetcher.aclose()


@pytest.mark.timeout(60)
async def test_an_attribute_flood_is_refused_before_parsing(
    server: FeedServer, redis_client: redis.Redis, namespace: str
) -> None:
    server.routes["/flood"] = Route(body=_attribute_heavy(items=1, attributes=100_000))  # 1.1 MB
    keys = Keys(namespace)
    poller = FeedPoller(
        Fetcher(dataclasses.replace(TEST_LIMITS, max_bytes=4 * 1024 * 1024)),
        FeedStateStore(redis_client, keys),
        SeenOnlyProcessor(RedisStateStore(redis_client, keys)),
        FakeClock(),
    )
    try:
        result = await poller.poll(feed("flood", server.url("/flood")))
    finally:
        await asyncio.to_thread(poller.close)
        await poller.fetcher.aclose()
    assert result.outcome == "failed"
    assert (
        result.reason
        == f"refused document: an element tag longer than {MAX_TAG_BYTES} bytes (attribute flood)"
    )
    assert poller.parsers.replaced == 0


@pytest.mark.timeout(60)
async def test_a_flood_of_entries_is_cut_to_the_entry_cap(
    server: FeedServer, redis_client: redis.Redis, namespace: str, caplog: pytest.LogCaptureFixture
) -> None:
    server.routes["/many"] = Route(body=rss(drone_items(MAX_ENTRIES + 200, "many")))
    keys = Keys(namespace)
    poller = FeedPoller(
        Fetcher(TEST_LIMITS),
        FeedStateStore(redis_client, keys),
        SeenOnlyProcessor(RedisStateStore(redis_client, keys)),
        FakeClock(),
    )
    try:
        result = await poller.poll(feed("many", server.url("/many")))
    finally:
        await asyncio.to_thread(poller.close)
        await poller.fetcher.aclose()
    assert result.outcome == "ok" and result.new == MAX_ENTRIES
    assert f"feed many: {MAX_ENTRIES + 200} entries, only the first {MAX_ENTRIES} taken" in caplog.text
