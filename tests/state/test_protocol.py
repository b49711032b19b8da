"""The StateStore protocol says everything the pipeline calls, and RedisStateStore keeps it."""

from __future__ import annotations

import inspect
from datetime import UTC, datetime, timedelta

import redis

from monitor.models import Match, StateCheck
from monitor.pipeline import Pipeline
from monitor.rules.ruleset import RuleSet
from monitor.state.keys import Keys
from monitor.state.store import DecideRequest, RedisStateStore, StateStore

T0 = datetime(2025, 9, 7, 12, tzinfo=UTC)


def _members(cls: type) -> set[str]:
    return {name for name in vars(cls) if not name.startswith("_")}


def _record(value: int, item: str) -> Match:
    return Match(
        rule_id="record-drone-attack",
        item_id=item,
        title="t",
        severity="critical",
        realert_s=3600,
        fact_kind="strike",
        fact={"size": value},
        dedup_key=f"Russia:{value}",
        check=StateCheck(kind="record", group="Russia", value=value),
    )


def test_the_protocol_declares_what_the_pipeline_calls_on_its_store() -> None:
    source = inspect.getsource(Pipeline)
    called = {name for name in _members(StateStore) if f"self.store.{name}" in source}
    assert called == _members(StateStore)  # nothing declared that the pipeline does not use
    for line in source.splitlines():
        if "self.store." in line:
            name = line.split("self.store.", 1)[1].split("(", 1)[0].split(".", 1)[0]
            assert name in _members(StateStore), f"the pipeline calls store.{name}, not in StateStore"


def test_the_redis_store_is_a_state_store(redis_client: redis.Redis, namespace: str) -> None:
    store: StateStore = RedisStateStore(redis_client, Keys(namespace))  # mypy checks the shape
    assert _members(StateStore) <= set(dir(store))
    Pipeline(RuleSet(()), store)  # accepted as it is: no isinstance inside


def test_one_decide_path_in_order_within_a_batch(redis_client: redis.Redis, namespace: str) -> None:
    store = RedisStateStore(redis_client, Keys(namespace))
    batch = [DecideRequest(_record(v, f"i{v}"), f"a{v}", "{}", 60, now=T0) for v in (100, 90, 150)]
    assert [d.reason for d in store.decide_many(batch)] == ["baseline", "not_record", "first"]
    # the one-match form is the same path: it sees the state the batch left
    assert store.decide(_record(120, "i120"), "a120", "{}", 60, now=T0).reason == "not_record"
    assert store.record("record-drone-attack", "Russia") == 150


def test_flatline_memory_touch_and_last_seen(redis_client: redis.Redis, namespace: str) -> None:
    store = RedisStateStore(redis_client, Keys(namespace))
    assert store.last_seen("source", "ukrinform", T0) == T0  # watching starts when first asked
    later = T0 + timedelta(hours=3)
    store.touch("source", ["ukrinform", "kyiv-post"], later)
    assert store.last_seen("source", "ukrinform", later + timedelta(hours=1)) == later
    assert store.last_seen("source", "kyiv-post", later) == later


def test_silences_and_aggregations_share_the_namespace(redis_client: redis.Redis, namespace: str) -> None:
    store = RedisStateStore(redis_client, Keys(namespace))
    silence = store.silences.add("record-drone-attack", {}, 600, "drill", T0)
    assert [s.id for s in store.silences.active(T0 + timedelta(minutes=5))] == [silence.id]
    assert store.silences.active(T0 + timedelta(minutes=11)) == []
    assert store.aggregations.due(T0) == []


def test_reset_deletes_this_namespace_only(redis_client: redis.Redis, namespace: str) -> None:
    mine, other = (
        RedisStateStore(redis_client, Keys(namespace)),
        RedisStateStore(redis_client, Keys(f"{namespace}-b")),
    )
    mine.mark_seen(["x"])
    other.mark_seen(["x"])
    assert mine.reset() >= 1
    assert mine.unseen(["x"]) == {"x"} and other.unseen(["x"]) == set()
