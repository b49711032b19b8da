"""One alert per story across outlets: later reports are follow-ups, one per new outlet."""

from __future__ import annotations

from datetime import UTC, datetime

import redis

from monitor.models import Item
from monitor.outbox.stream import RedisOutbox
from monitor.pipeline import Pipeline
from monitor.rules.loader import load_rules
from monitor.state.keys import Keys
from monitor.state.store import RedisStateStore
from monitor.stories.joiner import StoryJoiner
from tests.conftest import RULES

REPORT = "Russia launched 412 drones at Ukraine overnight, Ukraine's air force said."


def _item(n: int, source: str) -> Item:
    published = datetime(2025, 6, 1, 6, n, tzinfo=UTC)
    return Item(id=f"fu-{n}", source=source, title=f"Report {n}", text=REPORT, published=published)


def test_each_new_outlet_queues_one_follow_up(redis_client: redis.Redis, namespace: str) -> None:
    keys = Keys(namespace)
    rules, _ = load_rules([RULES])
    pipeline = Pipeline(rules, RedisStateStore(redis_client, keys), stories=StoryJoiner(redis_client, keys))
    outbox = RedisOutbox(redis_client, keys)
    sources = ["kyiv-post", "reuters", "kyiv-post", "reuters", "ukrinform"]
    for n, source in enumerate(sources):
        pipeline.process([_item(n, source)])
    entries = outbox.read_new(count=100)
    mass = [e.alert for e in entries if e.alert.rule == "mass-drone-attack"]
    assert [(a.reason, a.item["source"]) for a in mass] == [
        ("first", "kyiv-post"),
        ("cooldown", "reuters"),
        ("cooldown", "ukrinform"),
    ]
    assert pipeline.tally.fired == len([e for e in entries if e.alert.reason == "first"])
