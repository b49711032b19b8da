"""What lets replicas share one Redis: feed-poll leases, and decisions that fire once under a race."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import redis

from monitor.pipeline import Pipeline
from monitor.rules.loader import load_rules
from monitor.state.keys import Keys
from monitor.state.lease import LeaseStore
from monitor.state.store import RedisStateStore
from tests.ops.conftest import drone_items, only_rule


def test_a_lease_has_one_holder_and_only_it_releases_or_renews(
    redis_client: redis.Redis, namespace: str
) -> None:
    keys = Keys(namespace)
    one, two = LeaseStore(redis_client, keys, "host-1", 30), LeaseStore(redis_client, keys, "host-2", 30)
    held = one.acquire("kyiv")
    assert held is not None and two.acquire("kyiv") is None
    assert two.holder("kyiv") == "host-1"
    assert not two.release(held.__class__(held.name, held.key, "host-2:forged"))
    assert one.renew(held) and one.release(held)
    assert not one.release(held)  # already gone: never deletes a lease someone else took since
    taken = two.acquire("kyiv")
    assert taken is not None and not one.renew(held)
    assert redis_client.pttl(keys.lease("kyiv")) > 0  # every lease expires on its own


def test_a_dead_holders_lease_lapses(redis_client: redis.Redis, namespace: str) -> None:
    keys = Keys(namespace)
    dead = LeaseStore(redis_client, keys, "dead", 0.05)
    assert dead.acquire("feed") is not None
    live = LeaseStore(redis_client, keys, "live", 30)
    deadline = time.monotonic() + 10
    while live.acquire("feed") is None:  # the lease lapses after its 50 ms TTL
        assert time.monotonic() < deadline
        time.sleep(0.01)


def test_replicas_racing_on_the_same_items_fire_each_alert_once(
    redis_url: str, redis_client: redis.Redis, namespace: str, tmp_path: Path
) -> None:
    rules, problems = load_rules([only_rule(tmp_path, "mass-drone-attack")])
    assert not [p for p in problems if p.severity == "error"]
    items = drone_items(30, "race")
    keys, fired, start = Keys(namespace), [], threading.Barrier(4)

    def replica() -> None:
        client = redis.Redis.from_url(redis_url)
        pipeline = Pipeline(rules, RedisStateStore(client, keys))
        start.wait()
        for item in items:  # each replica gets the same items, racing to decide them
            for outcome in pipeline.process([item]):
                fired.extend(outcome.decisions)
        client.close()

    threads = [threading.Thread(target=replica) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    firing = [match.item_id for match, decision in fired if decision.fire]
    print(f"\n4 replicas racing on {len(items)} items: {len(fired)} decisions, {len(firing)} fired")
    assert sorted(firing) == sorted(item.id for item in items)
    assert redis_client.xlen(keys.outbox()) == len(items)
