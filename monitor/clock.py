"""The clock types: callables returning the time, injected wherever time matters (never read directly)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

#: Every component that reads the time takes one of these (tests pass a FixedClock).
Clock = Callable[[], datetime]
#: The same clock as seconds since the epoch (time.time), where the time is compared with
#: Redis stream ids and Slack timestamps (the delivery worker, the Slack send ledger).
EpochClock = Callable[[], float]


def utc_now() -> datetime:
    """The real clock."""
    return datetime.now(UTC)


@dataclass
class FixedClock:
    """A clock that says what it is told (examples, backtests and explain run in corpus time)."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now
