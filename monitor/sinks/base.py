"""The Sink protocol and the error a sink raises, saying whether a retry can succeed."""

from __future__ import annotations

from typing import Protocol

from monitor.errors import MonitorError
from monitor.models import Alert


class DeliveryError(MonitorError):
    """A failed delivery. ``retryable`` failures are retried; the others are dead-lettered."""

    def __init__(self, reason: str, *, retryable: bool, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retryable = retryable
        self.retry_after = retry_after


class Sink(Protocol):
    """Delivers alerts somewhere. ``send`` returns a receipt (e.g. a message id) or raises."""

    name: str

    async def send(self, alert: Alert) -> str: ...

    async def close(self) -> None: ...
