"""Seen items: exact answers for ids marked and not, remembered for SEEN_TTL, compact in Redis."""

from __future__ import annotations

import time

import redis

from monitor.state.keys import SEEN_BUCKETS, SEEN_PERIOD, SEEN_TTL, Keys
from monitor.state.seen import SeenItems, digest


class Clock:
    """Starts at the real time (Redis expires keys in real time) and moves forward only."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


def test_marked_ids_are_seen_and_others_not(redis_client: redis.Redis, namespace: str) -> None:
    seen = SeenItems(redis_client, Keys(namespace))
    marked = [f"https://news.example/{n}" for n in range(3_000)]
    others = [f"https://news.example/other/{n}" for n in range(3_000)]
    seen.mark_seen(marked)
    assert seen.unseen(marked) == set()
    assert seen.unseen(others) == set(others)  # no false positive among 3,000 fresh ids
    assert seen.unseen(["a", "a", marked[0]]) == {"a"}


def test_remembered_for_the_ttl_then_forgotten(redis_client: redis.Redis, namespace: str) -> None:
    clock = Clock()
    seen = SeenItems(redis_client, Keys(namespace), now=clock)
    seen.mark_seen(["item"])
    start = clock.now
    clock.now = start + SEEN_TTL  # still inside the window (periods are asked back to SEEN_TTL)
    assert seen.unseen(["item"]) == set()
    clock.now = start + SEEN_TTL + 2 * SEEN_PERIOD
    assert seen.unseen(["item"]) == {"item"}


def test_sets_expire_after_their_period(redis_client: redis.Redis, namespace: str) -> None:
    keys, now = Keys(namespace), time.time()
    SeenItems(redis_client, keys, now=lambda: now).mark_seen(["item"])
    key = keys.seen(int(now) // SEEN_PERIOD, digest("item") % SEEN_BUCKETS)
    expires_at = (int(now) // SEEN_PERIOD + 1) * SEEN_PERIOD + SEEN_TTL
    assert SEEN_TTL <= expires_at - now <= SEEN_TTL + SEEN_PERIOD
    assert abs(int(redis_client.ttl(key)) - (expires_at - now)) < 60


def test_ids_are_stored_as_compact_integer_sets(redis_client: redis.Redis, namespace: str) -> None:
    keys = Keys(namespace)
    SeenItems(redis_client, keys).mark_seen([f"id-{n}" for n in range(5_000)])
    encodings = {redis_client.object("encoding", k) for k in redis_client.scan_iter(keys.pattern())}
    assert encodings == {b"intset"}
