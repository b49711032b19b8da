"""A seed replay through the real pipeline posts exactly what the JSON-lines sink writes."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import redis

from monitor.models import Item
from monitor.outbox.stream import RedisOutbox
from monitor.outbox.worker import DeliveryWorker
from monitor.pipeline import Pipeline
from monitor.rules.loader import load_rules
from monitor.settings import SlackSettings
from monitor.sinks.base import Sink
from monitor.sinks.jsonl import JsonlSink
from monitor.sinks.slack.sink import SlackSink
from monitor.sources.replay import replay_items
from monitor.state.keys import Keys
from monitor.state.store import RedisStateStore
from monitor.stories.joiner import StoryJoiner
from tests.conftest import RULES, SEEDS
from tests.slack.fake_slack import CHANNELS, FakeSlack

FOLLOW_UPS = [
    {"id": "kp-1", "source": "kyiv-post", "url": "https://www.kyivpost.com/post/1",
     "title": "Russia launched 800 drones overnight", "published": "2025-09-08T09:00:00Z",
     "text": "Russia launched 800 drones and 13 missiles at Ukraine overnight, the Ukrainian Air "
             "Force said. Air defence neutralized 747 drones."},
]  # fmt: skip


async def _replay(items: list[Item], pipeline: Pipeline, worker: DeliveryWorker) -> None:
    for item in items:  # as `monitor replay` does: process one item, drain the outbox
        pipeline.process([item])
        await worker.drain()


async def test_seed_replay_posts_every_alert_once_in_its_channel_with_follow_ups_threaded(
    redis_client: redis.Redis,
    namespace: str,
    slack_settings: SlackSettings,
    fake_slack: FakeSlack,
    tmp_path: Path,
) -> None:
    keys = Keys(namespace)
    rules, problems = load_rules([RULES])
    assert not [p for p in problems if p.severity == "error"]
    pipeline = Pipeline(rules, RedisStateStore(redis_client, keys), stories=StoryJoiner(redis_client, keys))
    jsonl = tmp_path / "alerts.jsonl"
    sinks: list[Sink] = [JsonlSink(str(jsonl)), SlackSink(slack_settings, redis_client, keys)]
    worker = DeliveryWorker(RedisOutbox(redis_client, keys), sinks)
    await _replay(replay_items([SEEDS]), pipeline, worker)
    # the next morning another outlet reports the 800-drone attack: inside the rules' realert,
    # so no new alert, but a follow-up threaded under the first one
    follow_ups = tmp_path / "later" / "follow_ups.jsonl"
    follow_ups.parent.mkdir()
    follow_ups.write_text("".join(json.dumps(row) + "\n" for row in FOLLOW_UPS))
    await _replay(replay_items([follow_ups]), pipeline, worker)
    for sink in sinks:
        await sink.close()

    _check(fake_slack, [json.loads(line) for line in jsonl.read_text().splitlines()])


def _check(fake_slack: FakeSlack, written: list[dict[str, Any]]) -> None:
    assert len(written) >= 8
    assert Counter(m.alert_id for m in fake_slack.messages) == Counter(a["alert_id"] for a in written)
    assert max(fake_slack.posts_by_alert().values()) == 1
    by_id = {m.alert_id: m for m in fake_slack.messages}
    for alert in (a for a in written if a["reason"] != "cooldown"):  # a follow-up: its parent's
        expected = {"foreign-troops-new": "#troops", "mass-drone-attack": "#air-desk"}.get(
            alert["rule"], "#alerts"
        )
        assert by_id[alert["alert_id"]].channel == CHANNELS[expected], alert["rule"]
    # in threads: the follow-up, and the second record of the 2024-11-10 article's story (the
    # Russian 145 under the Ukrainian 34: one story, a message of equal severity in its thread)
    replies = [m for m in fake_slack.messages if m.thread_ts]
    assert len(replies) == 2
    [follow_up] = [a for a in written if a["reason"] == "cooldown"]
    assert (follow_up["rule"], follow_up["item"]["source"]) == ("mass-drone-attack", "kyiv-post")
    [second] = [a for a in written if a["title"] == "Record drone attack by Russia: 145 drones"]
    assert {r.alert_id for r in replies} == {follow_up["alert_id"], second["alert_id"]}
    replies = [r for r in replies if r.alert_id == follow_up["alert_id"]]
    # the follow-up joined the story of the 800-drone night, whose one message is the record
    # (the mass alert it inhibited is listed there); the parent keeps showing the record
    story = follow_up["item"]["story_id"]
    parent = next(a for a in written if a["item"].get("story_id") == story and a["reason"] == "first")
    assert parent["rule"] == "record-drone-attack" and parent["item"]["source"] == "seed-blog"
    [message] = [m for m in fake_slack.messages if m.ts == replies[0].thread_ts]
    assert message.alert_id == parent["alert_id"]
    assert message.updates == 1 and message.blocks[-1]["elements"][1]["text"] == "2 sources report this story"
    assert "Record drone attack by Russia: 800 drones" in json.dumps(message.blocks)
    print(
        f"replay: {len(written)} alerts written, {len(fake_slack.messages)} posted, {len(replies)} in threads"
    )
