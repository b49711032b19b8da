"""The one clock type: a callable returning an aware UTC datetime, injected wherever time matters."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

#: Every component that reads the time takes one of these (tests pass a FixedClock).
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The real clock."""
    return datetime.now(UTC)


@dataclass
class FixedClock:
    """A clock that says what it is told (examples, backtests and explain run in corpus time)."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now
