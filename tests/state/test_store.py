"""The Redis state store: seen items in one round trip, atomic record / first-sighting decisions."""

from __future__ import annotations

import threading

import redis

from monitor.models import Match, StateCheck
from monitor.state.keys import Keys
from monitor.state.store import DecideRequest, RedisStateStore


def _match(value: int, *, claim: bool = False, key: str | None = None, item: str = "i1") -> Match:
    return Match(
        rule_id="record-drone-attack",
        item_id=item,
        title="t",
        severity="critical",
        realert_s=3600,
        fact_kind="strike",
        fact={"size": value},
        dedup_key=key or f"Russia:{value}",
        check=StateCheck(kind="record", group="Russia", value=value, claim=claim),
    )


def test_unseen_and_mark_seen(redis_client: redis.Redis, namespace: str) -> None:
    store = RedisStateStore(redis_client, Keys(namespace))
    assert store.unseen(["a", "b"]) == {"a", "b"}
    store.mark_seen(["a"])
    assert store.unseen(["a", "b", "a"]) == {"b"}


def test_record_baseline_then_new_maximum(redis_client: redis.Redis, namespace: str) -> None:
    store = RedisStateStore(redis_client, Keys(namespace))
    assert store.decide(_match(100), "a1", "{}", 60).reason == "baseline"
    assert store.decide(_match(90, item="i2"), "a2", "{}", 60).reason == "not_record"
    decision = store.decide(_match(150, item="i3"), "a3", "{}", 60)
    assert (decision.fire, decision.reason, decision.previous) == (True, "first", 100)
    assert store.record("record-drone-attack", "Russia") == 150


def test_record_figures_of_the_baseline_story_raise_it(redis_client: redis.Redis, namespace: str) -> None:
    """Two governors' counts in one article, or a copy with a higher figure: one attack, so the
    story that set the baseline cannot beat itself; another story can, and its own later
    figures still compare with what came before it."""
    store = RedisStateStore(redis_client, Keys(namespace))

    def decide(value: int, item: str, story: str, alert: str) -> tuple[str, int | None]:
        request = DecideRequest(_match(value, item=item), alert, "{}", 60, story_id=story)
        decision = store.decide_many([request])[0]
        return decision.reason, decision.previous

    assert decide(1, "i1", "s1", "a1") == ("baseline", None)
    assert decide(2, "i1", "s1", "a2") == ("baseline", None)
    assert decide(5, "i2", "s1", "a3") == ("baseline", None)
    assert store.record("record-drone-attack", "Russia") == 5
    assert decide(4, "i3", "s2", "a4") == ("not_record", 5)
    assert decide(9, "i3", "s2", "a5") == ("first", 5)
    assert decide(12, "i4", "s2", "a6") == ("first", 5)
    assert store.record("record-drone-attack", "Russia") == 12


def test_record_without_story_compares_items(redis_client: redis.Redis, namespace: str) -> None:
    store = RedisStateStore(redis_client, Keys(namespace))
    assert store.decide(_match(3), "a1", "{}", 60).reason == "baseline"
    assert store.decide(_match(7), "a2", "{}", 60).reason == "baseline"
    assert store.decide(_match(8, item="i2"), "a3", "{}", 60).reason == "first"


def test_record_claim_fires_without_baseline(redis_client: redis.Redis, namespace: str) -> None:
    store = RedisStateStore(redis_client, Keys(namespace))
    decision = store.decide(_match(34, claim=True), "a1", "{}", 60)
    assert decision.fire and decision.previous is None
    again = store.decide(_match(34, claim=True), "a1", "{}", 60)
    assert (again.fire, again.reason) == (False, "seen")
    other = store.decide(_match(34, claim=True, item="i9"), "a9", "{}", 60)
    assert (other.fire, other.reason) == (False, "cooldown")


def test_new_term_fires_once(redis_client: redis.Redis, namespace: str) -> None:
    store = RedisStateStore(redis_client, Keys(namespace))

    def term(name: str, item: str) -> Match:
        check = StateCheck(kind="new_term", group="all", term=name)
        return Match(
            rule_id="foreign-troops-new",
            item_id=item,
            title="t",
            severity="critical",
            realert_s=60,
            fact_kind="troops",
            fact={},
            dedup_key=name,
            check=check,
        )

    assert store.decide(term("yemeni", "i1"), "a1", "{}", 60).fire
    assert store.decide(term("yemeni", "i2"), "a2", "{}", 60).reason == "known_term"
    assert store.decide(term("nepali", "i2"), "a3", "{}", 60).fire


def test_concurrent_deciders_never_both_fire(redis_url: str, namespace: str) -> None:
    """Eight connections race to claim the same records; each new maximum fires exactly once."""
    keys = Keys(namespace)
    fired: list[int] = []
    lock = threading.Lock()

    def worker(offset: int) -> None:
        client = redis.Redis.from_url(redis_url)
        store = RedisStateStore(client, keys)
        for value in range(1, 60):
            match = _match(value, claim=True, item=f"item-{value}")
            if store.decide(match, f"alert-{value}", "{}", 60).fire:
                with lock:
                    fired.append(value)
        client.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(fired) == list(range(1, 60))
    assert int(redis_client_len(redis_url, keys)) == 59


def redis_client_len(url: str, keys: Keys) -> int:
    client = redis.Redis.from_url(url)
    try:
        return int(client.xlen(keys.outbox()))
    finally:
        client.close()
