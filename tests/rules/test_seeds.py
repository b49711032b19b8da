"""The shipped rules on the seed corpus: the alerts of the earlier acceptance, and none twice."""

from __future__ import annotations

import redis

from monitor.pipeline import Pipeline
from monitor.rules.loader import load_rules
from monitor.sources.replay import replay_items
from monitor.state.keys import Keys
from monitor.state.store import RedisStateStore
from monitor.stories.joiner import StoryJoiner
from tests.conftest import RULES, SEEDS


def test_seed_replay_fires_the_accepted_alerts_once(redis_client: redis.Redis, namespace: str) -> None:
    ruleset, problems = load_rules([RULES])
    assert problems == []
    keys = Keys(namespace)
    pipeline = Pipeline(ruleset, RedisStateStore(redis_client, keys), stories=StoryJoiner(redis_client, keys))
    items = replay_items([SEEDS])
    outcomes = pipeline.process(items)
    fired = sorted((m.rule_id, m.title) for o in outcomes for m, d in o.decisions if d.fire)
    assert fired == sorted([
        ("record-drone-attack", "Record drone attack by Russia: 145 drones"),
        ("record-drone-attack", "Record drone attack by Russia: 800 drones"),
        ("record-drone-attack", "Record drone attack by Ukraine: 34 drones"),
        ("foreign-troops-new", "First report of North Korean troops in the war"),
        ("foreign-troops-new", "First report of Yemeni troops in the war"),
        ("foreign-troops-new", "First report of Nepali troops in the war"),
        ("foreign-troops-new", "First report of Indian troops in the war"),
        ("new-strategic-weapon", "First reported use of Oreshnik in the war"),
    ])  # fmt: skip
    # one story, one message: the mass alerts of the two record nights are inhibited by their
    # record and listed in its message
    inhibited = sorted(m.title for o in outcomes for m, d in o.decisions if d.reason == "inhibited")
    assert inhibited == [
        "Mass drone attack by Russia: 145 drones launched",
        "Mass drone attack by Russia: over 800 drones launched",
    ]
    assert not [d for o in pipeline.process(items) for _, d in o.decisions]
