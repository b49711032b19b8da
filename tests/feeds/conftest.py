"""Fixtures for the feed tests: a local feed server, seed items, a controllable clock, pollers."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import redis

from monitor.models import Decision, Facts, Item, Match
from monitor.sources.feeds.coalesce import ItemProcessor
from monitor.sources.feeds.config import FeedConfig
from monitor.sources.feeds.feedstate import FeedStateStore
from monitor.sources.feeds.fetcher import Fetcher
from monitor.sources.feeds.limits import FetchLimits
from monitor.sources.feeds.outbound import OutboundPolicy
from monitor.sources.feeds.poller import FeedPoller
from monitor.sources.replay import replay_items
from monitor.state.keys import Keys
from monitor.state.store import RedisStateStore
from tests.conftest import SEEDS
from tests.feeds.server import FeedServer

#: Short bounds so hostile servers are cut off quickly.
#: The local servers of the tests listen on loopback, which feeds may not reach by default.
LOOPBACK = OutboundPolicy.allowing(["127.0.0.0/8"])
TEST_LIMITS = FetchLimits(
    connect_timeout=2.0, total_timeout=2.0, max_bytes=1024 * 1024, max_redirects=5, outbound=LOOPBACK
)


@dataclass
class FakeClock:
    """An injected clock the test moves by hand."""

    now: datetime = field(default_factory=lambda: datetime(2025, 7, 4, 12, 0, tzinfo=UTC))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@dataclass
class Processed:
    item: Item
    facts: Facts = field(default_factory=Facts)
    decisions: list[tuple[Match, Decision]] = field(default_factory=list)


class SeenOnlyProcessor:
    """The pipeline's seen stage alone, on the real Redis store (no extraction, no rules)."""

    def __init__(self, store: RedisStateStore) -> None:
        self.store = store
        self.items: list[Item] = []

    def process(self, items: Sequence[Item]) -> list[Processed]:
        unseen = self.store.unseen(item.id for item in items)
        fresh = [item for item in items if item.id in unseen]
        self.store.mark_seen(item.id for item in fresh)
        self.items.extend(fresh)
        return [Processed(item) for item in fresh]

    async def ingest(self, items: Sequence[Item]) -> tuple[list[Processed], float]:
        return self.process(items), 0.0


@pytest.fixture
async def server() -> AsyncIterator[FeedServer]:
    feed_server = FeedServer()
    await feed_server.start()
    yield feed_server
    await feed_server.close()


@pytest.fixture(scope="session")
def seed_items() -> list[Item]:
    """The seed articles as items, in time order (about fifteen)."""
    return replay_items([SEEDS])


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def states(redis_client: redis.Redis, namespace: str) -> FeedStateStore:
    return FeedStateStore(redis_client, Keys(namespace))


@pytest.fixture
def seen_processor(redis_client: redis.Redis, namespace: str) -> SeenOnlyProcessor:
    return SeenOnlyProcessor(RedisStateStore(redis_client, Keys(namespace)))


PollerFactory = Callable[..., FeedPoller]


@pytest.fixture
async def make_poller(
    states: FeedStateStore, clock: FakeClock, seen_processor: SeenOnlyProcessor
) -> AsyncIterator[PollerFactory]:
    """Pollers sharing this test's Redis namespace; each has its own Fetcher (a 'restart')."""
    made: list[FeedPoller] = []

    def factory(processor: ItemProcessor | None = None, limits: FetchLimits = TEST_LIMITS) -> FeedPoller:
        poller = FeedPoller(Fetcher(limits), states, processor or seen_processor, clock)
        made.append(poller)
        return poller

    yield factory
    for poller in made:
        poller.close()
        await poller.fetcher.aclose()


def feed(name: str, url: str, **extra: Any) -> FeedConfig:
    return FeedConfig(name=name, url=url, **extra)
