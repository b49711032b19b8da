"""Windows on event time: dedup, inhibition, silences and aggregation decided on the item's
time, whatever the wall clock says and in whatever order late items arrive."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import redis

from monitor.models import Item, Match
from monitor.state.keys import Keys
from monitor.state.silences import SilenceStore, silenced_by
from monitor.state.store import DecideRequest, RedisStateStore

T = datetime(2024, 11, 10, 6, tzinfo=UTC)
HOUR = 3600.0


def _match(item: str, *, severity: str = "warning", rule: str = "mass", key: str = "Russia:110") -> Match:
    return Match(
        rule_id=rule,
        item_id=item,
        title="t",
        severity=severity,
        realert_s=24 * HOUR,
        fact_kind="strike",
        fact={"size": 110, "attacker": "Russia"},
        dedup_key=key,
        story="night",
    )


def _reason(store: RedisStateStore, item: str, at: datetime, **options: str) -> str:
    match = _match(item, **options)
    return store.decide(match, f"alert-{item}", "{}", match.realert_s, at=at).reason


def test_dedup_counts_event_time_not_the_wall_clock(redis_client: redis.Redis, namespace: str) -> None:
    store = RedisStateStore(redis_client, Keys(namespace))
    assert _reason(store, "a", T) == "first"
    assert _reason(store, "a", T) == "seen"  # the same item again (a retried batch)
    assert _reason(store, "b", T + timedelta(hours=23)) == "cooldown"
    assert _reason(store, "c", T + timedelta(days=365)) == "first"  # same figure a year later
    assert _reason(store, "d", T + timedelta(hours=25)) == "first"  # the next window
    # late items, decided for their own time: within a window already alerted, or before any
    assert _reason(store, "e", T - timedelta(hours=3)) == "cooldown"
    assert _reason(store, "f", T - timedelta(days=30)) == "first"
    assert _reason(store, "g", T - timedelta(days=30, hours=-2)) == "cooldown"


def test_inhibition_holds_within_the_realert_of_the_higher_alert(
    redis_client: redis.Redis, namespace: str
) -> None:
    store = RedisStateStore(redis_client, Keys(namespace))
    assert _reason(store, "a", T, severity="critical", rule="record", key="record") == "first"
    assert _reason(store, "b", T + timedelta(hours=2)) == "inhibited"
    assert _reason(store, "c", T - timedelta(hours=2), key="other") == "inhibited"  # late, same night
    assert _reason(store, "d", T + timedelta(days=2), key="later") == "first"


def test_a_batch_is_one_atomic_call_deciding_in_order(redis_client: redis.Redis, namespace: str) -> None:
    store = RedisStateStore(redis_client, Keys(namespace))
    requests = [
        DecideRequest(_match(item), f"alert-{item}", "{}", 24 * HOUR, at=T + timedelta(hours=hours))
        for item, hours in (("a", 0), ("b", 1), ("c", 30), ("a", 0))
    ]
    assert [d.reason for d in store.decide_many(requests)] == ["first", "cooldown", "first", "seen"]


def test_silences_cover_what_happened_while_they_were_in_force(
    redis_client: redis.Redis, namespace: str
) -> None:
    silences = SilenceStore(redis_client, Keys(namespace))
    now = datetime.now(UTC)
    silence = silences.add("mass", {}, 4 * HOUR, "known story", now)
    item = Item(id="x", source="s", title="t")
    active = silences.active(now)
    assert silenced_by(active, _match("x"), item, now + timedelta(hours=1)) == silence
    assert silenced_by(active, _match("x"), item, T) is None  # a replay of 2024 is not muted
    assert silenced_by(active, _match("x"), item, now + timedelta(hours=5)) is None


def test_aggregation_buffers_are_windows_of_event_time(redis_client: redis.Redis, namespace: str) -> None:
    store = RedisStateStore(redis_client, Keys(namespace))

    def held(item: str, at: datetime) -> str:
        match = _match(item, key=item).model_copy(update={"aggregate_s": HOUR, "aggregate_group": "g"})
        return store.decide(match, f"alert-{item}", "{}", 1, at=at).reason

    # arriving out of order: a 2024 item between two of 2025 does not join their buffer
    late = T + timedelta(days=365)
    assert [held("a", late), held("b", T), held("c", late + timedelta(minutes=5))] == ["aggregated"] * 3
    due = store.aggregations.due(late + timedelta(hours=1))
    assert sorted(len(buffer.held) for buffer in due) == [1, 2]
    assert store.aggregations.due(T + timedelta(minutes=59)) == []
