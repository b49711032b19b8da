"""Feed response to sink request: how long an alert waits from its feed's bytes to the send.

The path is the service's (monitor/sources/feeds/poller.py): each feed parsed in the parser
worker pool, its new items handed to the pipeline through the coalescing ingest (feeds parsed
while a batch is decided go together in the next one; sources/feeds/coalesce.py), the
assembled pipeline (seen check, extraction in the worker pool, rules, the decide script, the
outbox) and the delivery worker calling the sink's ``send``, which for Slack is where the HTTP
request is made. A first poll has 200 feeds of 5 entries answer at once (1,000 items arrive
together, every feed polled concurrently); steady state hands one feed with one new entry at a
time. The worker pools are started before the clock starts, as in a running service.
"""

from __future__ import annotations

import asyncio
import cProfile
import statistics
import time
import uuid
from xml.sax.saxutils import escape

import redis

from benchmarks import workload
from monitor.assembly import Parts, assemble
from monitor.models import Alert, Article
from monitor.rules.ruleset import RuleSet
from monitor.settings import ExtractSettings
from monitor.sources.feeds.coalesce import CoalescingProcessor
from monitor.sources.feeds.parsepool import ParserPool
from monitor.state.keys import Keys
from monitor.state.namespace import Namespace
from monitor.state.store import RedisStateStore

FEEDS = 200
FIRST_POLL_ENTRIES = 5


class TimingSink:
    """Notes when each alert reaches ``send``."""

    name = "timing"

    def __init__(self) -> None:
        self.sent: dict[str, float] = {}

    async def send(self, alert: Alert) -> str:
        self.sent.setdefault(str(alert.item["id"]), time.perf_counter())
        return alert.alert_id

    async def close(self) -> None:
        return None


def _document(feed: int, entries: list[tuple[str, str, str]]) -> bytes:
    body = "".join(
        f"<item><guid>{guid}</guid><title>{escape(title)}</title><link>https://news.example/{guid}</link>"
        f"<description>{escape(text)}</description></item>"
        for guid, title, text in entries
    )
    head = f'<?xml version="1.0"?><rss version="2.0"><channel><title>f{feed}</title>'
    return f"{head}{body}</channel></rss>".encode()


def _percentiles(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return statistics.median(ordered), p99


async def _warm(parsers: ParserPool, parts: Parts) -> None:
    """Start the parser and extraction workers (a running service has them up)."""
    docs = [_document(n, [(f"warm-{n}", "t", "x")]) for n in range(2)]
    await asyncio.gather(*(parsers.parse(d, {}, "https://news.example/warm", "warm", ()) for d in docs))
    warm = [Article(item_id=f"warm-{n}", title="t", text="Russia launched 50 drones.") for n in range(64)]
    await parts.pipeline.on_ingest_thread(lambda: parts.pipeline.extractor(warm))


def latencies(
    client: redis.Redis, ruleset: RuleSet, *, first_poll: bool, profile: cProfile.Profile | None = None
) -> tuple[float, float, int]:
    """(p50 ms, p99 ms, alerts) from a feed's bytes in hand to its alerts' send calls;
    ``profile``: enabled on the pipeline's ingest thread once the workers are warm."""
    per_feed = FIRST_POLL_ENTRIES if first_poll else 1
    items = workload.corpus(FEEDS * per_feed, seed=11 if first_poll else 13)
    tag = uuid.uuid4().hex[:8]
    docs = [
        _document(f, [(f"{tag}-{i.id}", i.title, i.text) for i in items[f * per_feed : (f + 1) * per_feed]])
        for f in range(FEEDS)
    ]
    sink = TimingSink()
    state = Namespace(client, Keys(f"bench-latency-{tag}"))
    parts = assemble(state, ruleset, [sink], extract=ExtractSettings(mode="process"))
    parsers = ParserPool()
    ingest = CoalescingProcessor(parts.pipeline)
    arrived: dict[str, float] = {}

    async def one(feed: int, doc: bytes, at: float) -> None:
        parsed = await parsers.parse(doc, {}, f"https://news.example/feed/{feed}", f"feed-{feed}", ())
        arrived.update((item.id, at) for item in parsed.items)
        await ingest.ingest(parsed.items)
        await parts.worker.drain()

    async def run() -> None:
        await _warm(parsers, parts)
        if profile is not None:
            await parts.pipeline.on_ingest_thread(profile.enable)
        if first_poll:
            at = time.perf_counter()
            await asyncio.gather(*(one(feed, doc, at) for feed, doc in enumerate(docs)))
        else:
            for feed, doc in enumerate(docs):
                await one(feed, doc, time.perf_counter())

    try:
        asyncio.run(run())
    finally:
        if profile is not None:
            asyncio.run(parts.pipeline.on_ingest_thread(profile.disable))
        parsers.close()
        parts.close()
        RedisStateStore(client, state.keys).reset()
    waits = [(sink.sent[i] - arrived[i]) * 1000 for i in sink.sent if i in arrived]
    p50, p99 = _percentiles(waits) if waits else (0.0, 0.0)
    return p50, p99, len(waits)
