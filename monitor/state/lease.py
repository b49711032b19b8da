"""Leases in Redis: one holder at a time per name (SET NX PX with a token), lapsing on their own."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import redis

from monitor.state.keys import Keys

# Compare-and-delete / compare-and-extend: only the holder's token may release or renew.
_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""
_RENEW = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
"""


@dataclass(frozen=True)
class Lease:
    """A held lease: its key and the token that proves who holds it."""

    name: str
    key: str
    token: str


class LeaseStore:
    """Feed-poll leases of one owner (a replica); a replica that dies has its leases expire."""

    def __init__(self, client: redis.Redis, keys: Keys, owner: str, ttl_s: float) -> None:
        self.client = client
        self.keys = keys
        self.owner = owner
        self.ttl_ms = max(int(ttl_s * 1000), 1)
        self._release: Any = client.register_script(_RELEASE)
        self._renew: Any = client.register_script(_RENEW)

    def acquire(self, name: str) -> Lease | None:
        """The lease on ``name`` if nobody holds it, else None."""
        lease = Lease(name, self.keys.lease(name), f"{self.owner}:{uuid.uuid4().hex}")
        taken = self.client.set(lease.key, lease.token, nx=True, px=self.ttl_ms)
        return lease if taken else None

    def renew(self, lease: Lease) -> bool:
        """Extend a lease still held; False when it lapsed (or was taken over) meanwhile."""
        return bool(self._renew(keys=[lease.key], args=[lease.token, self.ttl_ms]))

    def release(self, lease: Lease) -> bool:
        """Give a lease back; False when it had lapsed already (never deletes another's lease)."""
        return bool(self._release(keys=[lease.key], args=[lease.token]))

    def holder(self, name: str) -> str | None:
        """The owner holding ``name`` now, if any."""
        value = self.client.get(self.keys.lease(name))
        if value is None:
            return None
        text = value.decode() if isinstance(value, bytes) else str(value)
        return text.rsplit(":", maxsplit=1)[0]
