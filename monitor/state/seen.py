"""Seen item ids in compact Redis sets: 8-byte digests bucketed per 30-day period, not a key each.

An item id is stored as a 63-bit digest (blake2b) in one of ``SEEN_BUCKETS`` sets of the
current period. Sets of integers that stay under Redis' ``set-max-intset-entries`` (512 by
default) are kept as sorted arrays of 8 bytes a member, so a seen item costs about 10 bytes
instead of a key of its own (about 240). A period's sets expire ``SEEN_TTL`` after the period
ends, and a lookup asks the current period and the ones before it that may still exist: an
item is remembered for at least SEEN_TTL and at most SEEN_TTL plus one period.

Two different ids share a digest with probability about n^2 / 2^64 over n ids remembered at
once (1 in 370,000 at 10 million): such an id would be taken as seen and skipped.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from hashlib import blake2b

import redis

from monitor.state.keys import SEEN_BUCKETS, SEEN_PERIOD, SEEN_TTL, Keys

#: Periods asked besides the current one: those whose sets may still hold a remembered id.
_PAST = -(-SEEN_TTL // SEEN_PERIOD)


def digest(item_id: str) -> int:
    """A 63-bit digest of an item id (non-negative, so Redis keeps it as an integer)."""
    return int.from_bytes(blake2b(item_id.encode("utf-8"), digest_size=8).digest(), "big") >> 1


class SeenItems:
    """Which item ids were processed before; ``now`` gives seconds since the epoch."""

    def __init__(self, client: redis.Redis, keys: Keys, now: Callable[[], float] = time.time) -> None:
        self.client = client
        self.keys = keys
        self.now = now

    def _period(self) -> int:
        return int(self.now()) // SEEN_PERIOD

    def unseen(self, item_ids: Iterable[str]) -> set[str]:
        """Ids not processed before, in one pipelined round trip."""
        ids = list(dict.fromkeys(item_ids))
        if not ids:
            return set()
        current = self._period()
        periods = range(current - _PAST, current + 1)
        pipe = self.client.pipeline(transaction=False)
        for item_id in ids:
            value = digest(item_id)
            for period in periods:
                pipe.sismember(self.keys.seen(period, value % SEEN_BUCKETS), str(value))
        flags = pipe.execute()
        step = len(periods)
        return {item_id for n, item_id in enumerate(ids) if not any(flags[n * step : (n + 1) * step])}

    def mark_seen(self, item_ids: Iterable[str]) -> None:
        """Remember the ids in the current period: one SADD and one EXPIREAT per bucket touched."""
        period = self._period()
        buckets: dict[int, list[int]] = defaultdict(list)
        for item_id in item_ids:
            value = digest(item_id)
            buckets[value % SEEN_BUCKETS].append(value)
        if not buckets:
            return
        expires = (period + 1) * SEEN_PERIOD + SEEN_TTL
        pipe = self.client.pipeline(transaction=False)
        for bucket, values in buckets.items():
            key = self.keys.seen(period, bucket)
            pipe.sadd(key, *values)
            pipe.expireat(key, expires)
        pipe.execute()
