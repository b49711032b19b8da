"""Outbox fixtures: the Slack fakes (shared with tests/slack) and a fake clock."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

from tests.slack.conftest import fake_slack, outbox, slack_settings

__all__ = ["FakeTime", "fake_slack", "fake_time", "outbox", "slack_settings"]


@dataclass
class FakeTime:
    """Wall-clock time plus an offset that ``sleep`` advances instantly; hooks run per sleep."""

    offset: float = 0.0
    sleeps: list[float] = field(default_factory=list)
    on_sleep: Callable[[FakeTime], None] | None = None

    def clock(self) -> float:
        return time.time() + self.offset

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.offset += seconds
        if self.on_sleep is not None:
            self.on_sleep(self)
        await asyncio.sleep(0)


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()
