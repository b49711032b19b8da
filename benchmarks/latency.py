"""Feed response to sink request: how long an alert waits from its feed's bytes to the send.

The path is the service's: ``parse_items`` (feedparser), the assembled pipeline (seen check,
extraction, rules, the decide script, the outbox) and the delivery worker calling the sink's
``send``, which for Slack is where the HTTP request is made. A first poll hands 200 feeds of
5 entries at once (all 1,000 items arrive together); steady state hands one feed with one new entry at a time.
"""

from __future__ import annotations

import asyncio
import statistics
import time
import uuid
from xml.sax.saxutils import escape

import redis

from benchmarks import workload
from monitor.assembly import assemble
from monitor.models import Alert
from monitor.rules.ruleset import RuleSet
from monitor.settings import ExtractSettings
from monitor.sources.feeds.parse import parse_items
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


def latencies(client: redis.Redis, ruleset: RuleSet, *, first_poll: bool) -> tuple[float, float, int]:
    """(p50 ms, p99 ms, alerts) from a feed's bytes in hand to its alerts' send calls."""
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
    arrived: dict[str, float] = {}

    async def run() -> None:
        for feed, doc in enumerate(docs):
            at = arrived_at if first_poll else time.perf_counter()
            parsed = parse_items(doc, {}, f"https://news.example/feed/{feed}", f"feed-{feed}")
            arrived.update((item.id, at) for item in parsed.items)
            await parts.pipeline.ingest(parsed.items)
            await parts.worker.drain()

    try:
        arrived_at = time.perf_counter()
        asyncio.run(run())
    finally:
        parts.close()
        RedisStateStore(client, state.keys).reset()
    waits = [(sink.sent[i] - arrived[i]) * 1000 for i in sink.sent if i in arrived]
    p50, p99 = _percentiles(waits) if waits else (0.0, 0.0)
    return p50, p99, len(waits)
