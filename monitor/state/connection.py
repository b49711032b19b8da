"""Connecting to Redis: the server at REDIS_URL, or an embedded one (state/embedded.py) when none is set."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import time
from dataclasses import dataclass
from pathlib import Path

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from monitor.errors import UnavailableError
from monitor.state.embedded import EmbeddedRedis, EmbeddedRedisError
from monitor.state.errors import RedisProblem, classify

log = logging.getLogger(__name__)

#: One immediate retry on a fresh connection (a pooled one dies with a Redis restart); longer
#: outages are the caller's to handle (RedisHealth), never by blocking inside a command.
RETRY = Retry(NoBackoff(), 1)


class RedisUnavailableError(UnavailableError):
    """Redis could not be reached; the message names the URL with any password masked."""


_USERINFO_PASSWORD = re.compile(r"(//[^/?#@:]*:)[^/?#@]*@")
_QUERY_SECRET = re.compile(r"([?&](?:password|username|user)=)[^&#]*", re.IGNORECASE)


def mask_url(url: str) -> str:
    """The URL with its password (userinfo or ?password=) replaced by '***'; never raises, even
    for a malformed URL (it is matched as text, not parsed)."""
    return _QUERY_SECRET.sub(r"\1***", _USERINFO_PASSWORD.sub(r"\1***@", url))


@dataclass
class RedisConnection:
    """An open client, the URL it talks to, and the embedded server it owns (if any)."""

    client: redis.Redis
    url: str
    embedded: EmbeddedRedis | None = None

    def close(self) -> None:
        self.client.close()
        if self.embedded is not None:
            self.embedded.stop()  # only a server this process started; it saves its data
            self.embedded = None


def connect(url: str | None, data_dir: Path) -> RedisConnection:
    """Connect to ``url``; without one, start an embedded Redis keeping data in ``data_dir``."""
    if url:
        try:
            client = redis.Redis.from_url(url, socket_connect_timeout=5, socket_timeout=30, retry=RETRY)
        except (ValueError, TypeError) as exc:
            reason = str(exc).splitlines()[0][:120] if "://" not in str(exc) else type(exc).__name__
            raise RedisUnavailableError(f"invalid Redis URL {mask_url(url)}: {reason}") from None
        _ping(client, url)
        return RedisConnection(client, url)
    return _start_embedded(data_dir)


def _start_embedded(data_dir: Path) -> RedisConnection:
    server = EmbeddedRedis(data_dir)
    try:
        url = server.start()
    except (EmbeddedRedisError, OSError) as exc:
        raise RedisUnavailableError(f"cannot start the embedded Redis in {data_dir}: {exc}") from None
    client = redis.Redis.from_url(url, socket_timeout=30, retry=RETRY)
    _ping(client, url)
    log.debug("embedded Redis at %s (%s)", url, "started" if server.owned else "shared")
    return RedisConnection(client, url, embedded=server)


def _ping(client: redis.Redis, url: str) -> None:
    try:
        client.ping()
    except redis.AuthenticationError:  # a ConnectionError subclass: first
        raise RedisUnavailableError(f"Redis at {mask_url(url)} rejected the credentials") from None
    except (redis.ConnectionError, redis.TimeoutError, OSError) as exc:
        reason = type(exc).__name__
        raise RedisUnavailableError(f"cannot reach Redis at {mask_url(url)} ({reason})") from None
    except (redis.RedisError, ValueError) as exc:
        problem = classify(exc, mask_url(url))
        raise RedisUnavailableError(problem.message) from None


class RedisHealth:
    """Whether Redis answers. Losing it logs one warning; ``wait_up`` reconnects with backoff.

    Callers report a ``redis.RedisError`` with ``lost``; while Redis is down they pause their
    work instead of failing item after item, then resume when ``wait_up`` returns True.
    """

    def __init__(
        self,
        client: redis.Redis,
        url: str,
        initial: float = 0.2,
        maximum: float = 5.0,
        probe_key: str = "monitor:health-probe",
    ) -> None:
        self.client = client
        #: Written (10 s TTL) to tell when a full or read-only Redis takes writes again.
        self.probe_key = probe_key
        #: Why Redis is (or last was) unusable; None before the first failure.
        self.problem: RedisProblem | None = None
        self.url = mask_url(url) if url else _describe(client)
        self.initial = initial
        self.maximum = maximum
        self.up = True
        self._since = 0.0
        self._lock = asyncio.Lock()

    def lost(self, exc: BaseException, paused: str) -> None:
        """Note that Redis failed; the first report of an outage logs one warning."""
        if not self.up:
            return
        self.up = False
        self._since = time.monotonic()
        self.problem = classify(exc, self.url)
        waiting = "probing with a write" if self.problem.needs_write_probe else "reconnecting"
        log.warning("%s: %s paused; %s with backoff", self.problem.message, paused, waiting)

    def ping(self) -> bool:
        """Redis answers (and, after it refused writes for being full or read-only, takes one)."""
        try:
            if not self.up and self.problem is not None and self.problem.needs_write_probe:
                return bool(self.client.set(self.probe_key, "1", px=10_000))
            return bool(self.client.ping())
        except (redis.RedisError, OSError):
            return False

    async def wait_up(self, stop: asyncio.Event | None = None) -> bool:
        """Ping with exponential backoff until Redis answers (True) or ``stop`` is set (False)."""
        async with self._lock:
            delay = self.initial
            while not self.up:
                if stop is not None and stop.is_set():
                    return False
                if await asyncio.to_thread(self.ping):
                    self.up = True
                    again = "writable" if self.problem and self.problem.needs_write_probe else "reachable"
                    log.warning("Redis at %s %s again after %.1fs; resuming", self.url, again, self._down())
                    break
                await _sleep_or_stop(delay, stop)
                delay = min(delay * 2, self.maximum)
            return True

    def _down(self) -> float:
        return time.monotonic() - self._since


def _describe(client: redis.Redis) -> str:
    kwargs = client.connection_pool.connection_kwargs
    if "path" in kwargs:
        return f"unix://{kwargs['path']}"
    return f"{kwargs.get('host', 'localhost')}:{kwargs.get('port', 6379)}"


async def _sleep_or_stop(delay: float, stop: asyncio.Event | None) -> None:
    if stop is None:
        await asyncio.sleep(delay)
        return
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), delay)
