"""Bounds on what one feed fetch may cost: time, bytes, redirects, backoff; and the User-Agent."""

from __future__ import annotations

from dataclasses import dataclass, field

from monitor import __version__
from monitor.sources.feeds.outbound import OutboundPolicy

PROJECT_URL = "https://github.com/monitor-project/monitor"
USER_AGENT = f"monitor/{__version__} (+{PROJECT_URL})"
MIB = 1024 * 1024


@dataclass(frozen=True)
class FetchLimits:
    """Per-fetch bounds; tests shrink them so hostile servers are cut off quickly."""

    connect_timeout: float = 10.0
    #: Deadline for the whole fetch (every redirect hop, headers and body).
    total_timeout: float = 30.0
    #: Largest body accepted, counted after decompression while streaming.
    max_bytes: int = 15 * MIB
    max_redirects: int = 5
    #: Most simultaneous connections of the shared client (and polls in flight).
    max_connections: int = 100
    #: Which addresses fetches and their redirects may connect to (public ones by default).
    outbound: OutboundPolicy = field(default_factory=OutboundPolicy)


@dataclass(frozen=True)
class BackoffPolicy:
    """How long a failing feed waits: its interval doubled per consecutive error, capped."""

    cap: float = 3600.0
    #: Longest Retry-After honoured; a server asking for a week gets this instead.
    max_retry_after: float = 86_400.0

    def delay(self, errors: int, interval: float) -> float:
        """Seconds before the next poll after ``errors`` consecutive failures (never below interval)."""
        if errors <= 0:
            return interval
        backoff = interval * float(2 ** min(errors - 1, 30))
        return max(interval, min(backoff, self.cap))

    def retry_after(self, seconds: float) -> float:
        """Seconds to wait when the server said Retry-After (bounded, never below zero)."""
        return max(0.0, min(seconds, self.max_retry_after))
