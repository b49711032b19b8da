"""One story, one alert: other outlets and revised figures are follow-ups, not new alerts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import redis

from monitor.models import Item
from monitor.outbox.stream import RedisOutbox
from monitor.pipeline import Pipeline
from monitor.rules.loader import load_rules
from monitor.state.keys import Keys
from monitor.state.store import RedisStateStore
from monitor.stories.joiner import StoryJoiner
from tests.conftest import RULES

T = datetime(2025, 7, 4, 5, 40, tzinfo=UTC)
WIRE = (
    "Russia launched 539 drones and 11 missiles at Ukraine overnight, Ukraine's air force said on Friday. "
    "Air defences shot down or jammed 476 of the drones. Kyiv was the main target: two people were "
    "killed and 26 wounded, the city administration said, and fires broke out in six districts."
)


def _item(item_id: str, source: str, text: str, at: datetime) -> Item:
    return Item(id=item_id, source=source, title=f"report {item_id}", text=text, published=at)


def test_a_story_alerts_once_and_its_revision_is_a_follow_up(
    redis_client: redis.Redis, namespace: str
) -> None:
    keys = Keys(namespace)
    rules, _ = load_rules([RULES])
    pipeline = Pipeline(rules, RedisStateStore(redis_client, keys), stories=StoryJoiner(redis_client, keys))
    earlier = "Russia launched 300 drones at Ukraine overnight, Ukraine's air force said."
    revision = (
        "Russia launched 550 drones at Ukraine overnight, the air force said, revising its count for Kyiv."
    )
    items = [
        _item("base", "air-force", earlier, T - timedelta(days=3)),  # the record's baseline
        _item("wire", "wire-a", WIRE, T),
        _item("copy", "daily-b", WIRE + " (Reporting by our bureau)", T + timedelta(hours=1)),
        _item("again", "daily-b", WIRE + " (Reporting by our bureau.)", T + timedelta(hours=2)),
        _item("revised", "wire-a", revision, T + timedelta(hours=5)),
    ]
    for item in items:  # one at a time, as items arrive
        pipeline.process([item])
    entries = RedisOutbox(redis_client, keys).read_new(count=100)
    sent = [(e.alert.rule, e.alert.item["id"], e.alert.reason) for e in entries]
    assert sent == [
        ("mass-drone-attack", "base", "first"),
        ("record-drone-attack", "wire", "first"),  # the mass alert of this story is listed in it
        ("mass-drone-attack", "copy", "cooldown"),  # another outlet: a follow-up in the thread
        ("record-drone-attack", "revised", "cooldown"),  # revised upward: no second record
    ]
    record = entries[1].alert
    assert "Also matched:\n• Mass drone attack by Russia: 539 drones launched" in record.text
    assert entries[3].alert.title == "Record drone attack by Russia: 550 drones"
    story = record.item["story_id"]
    assert {e.alert.item["story_id"] for e in entries[1:]} == {story}
