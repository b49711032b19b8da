"""A Redis client and one namespace's keys: what every Redis-backed part is constructed with."""

from __future__ import annotations

from dataclasses import dataclass

import redis

from monitor.state.keys import Keys


@dataclass(frozen=True)
class Namespace:
    """Where state lives: the connection and the key builder of one namespace."""

    client: redis.Redis
    keys: Keys
