"""One story, one alert: other outlets and revised figures are follow-ups, not new alerts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

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


EQUAL = """rules:
  - id: russian-drones
    title: "Russian drones: {{ fact.launched }}"
    severity: warning
    type: any
    fact: strike
    where: {weapon: drone, attacker: Russia}
    dedup_key: "ru:{{ story_id }}"
    story: "{{ story_id }}"
    realert: 24h
  - id: drones-over-500
    title: "Over 500 drones: {{ fact.launched }}"
    severity: warning
    type: threshold
    fact: strike
    where: {weapon: drone}
    threshold: {field: launched, gte: 500}
    dedup_key: "big:{{ story_id }}"
    story: "{{ story_id }}"
    realert: 24h
  - id: drones-any
    title: "Drones: {{ fact.launched }}"
    severity: info
    type: any
    fact: strike
    where: {weapon: drone}
    dedup_key: "any:{{ story_id }}"
    story: "{{ story_id }}"
    realert: 24h
"""


def test_two_rules_of_one_severity_make_one_message(
    redis_client: redis.Redis, namespace: str, tmp_path: Path
) -> None:
    """The first rule by rule order keeps the message and lists the other of its severity (and
    the lower one) under "Also matched"; they are inhibited, also when the batch is retried, and
    a later outlet's report is a follow-up of the one message, not a second message."""
    (tmp_path / "equal.yaml").write_text(EQUAL, encoding="utf-8")
    keys = Keys(namespace)
    rules, problems = load_rules([tmp_path])
    assert not [p for p in problems if p.severity == "error"]
    pipeline = Pipeline(rules, RedisStateStore(redis_client, keys), stories=StoryJoiner(redis_client, keys))
    (outcome,) = pipeline.process([_item("wire", "wire-a", WIRE, T)])
    decided = [(m.rule_id, d.reason) for m, d in outcome.decisions]
    assert decided == [
        ("russian-drones", "first"),
        ("drones-over-500", "inhibited"),
        ("drones-any", "inhibited"),
    ]
    entries = RedisOutbox(redis_client, keys).read_new(count=100)
    assert [(e.alert.rule, e.alert.reason) for e in entries] == [("russian-drones", "first")]
    assert entries[0].alert.text == (
        "Also matched:\n• Over 500 drones: 539 (drones-over-500, warning)\n• Drones: 539 (drones-any, info)"
    )
    # the same decisions when the item is decided again (a batch retried after a failure)
    retried = pipeline._decide_all(
        [pipeline._match(pipeline._joined_all([_item("wire", "wire-a", WIRE, T)], [outcome.facts], T)[0])]
    )
    assert [d.reason for _, d in retried[0].decisions] == ["seen", "inhibited", "inhibited"]
    own = "Kyiv was attacked by 539 Russian drones overnight, the city's military administration said."
    pipeline.process([_item("city", "kyiv-city", own, T + timedelta(hours=1))])
    later = RedisOutbox(redis_client, keys).read_new(count=100)
    assert [(e.alert.rule, e.alert.reason) for e in later] == [("russian-drones", "cooldown")]
