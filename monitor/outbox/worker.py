"""The delivery worker: send each outbox entry to every sink, confirm, then acknowledge."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from monitor.outbox.stream import OutboxEntry, RedisOutbox
from monitor.sinks.base import DeliveryError, Sink

log = logging.getLogger(__name__)

#: A retryable failure is retried on later passes; after this many deliveries it is dead-lettered.
MAX_DELIVERIES = 25
DEAD = "dead-lettered"


@dataclass
class DeliveryStats:
    delivered: int = 0
    retried: int = 0
    dead_lettered: int = 0
    last_retry_after: float = 0.0
    by_sink: dict[str, int] = field(default_factory=dict)


class DeliveryWorker:
    """Claim (the consumer group hands an entry to one worker), send, confirm, acknowledge.

    A sink's receipt is stored before the entry is acknowledged; a worker that crashes between
    the two leaves a pending entry whose redelivery skips every sink that already has a receipt.
    """

    def __init__(self, outbox: RedisOutbox, sinks: Sequence[Sink]) -> None:
        self.outbox = outbox
        self.sinks = list(sinks)
        self.stats = DeliveryStats()

    async def deliver(self, entry: OutboxEntry) -> bool:
        """Try every sink once; True when the entry is done (acknowledged)."""
        done = True
        for sink in self.sinks:
            if self.outbox.receipt(sink.name, entry.alert.alert_id) is not None:
                continue
            done = await self._send_one(sink, entry) and done
        if done:
            self.outbox.ack(entry.entry_id)
        return done

    async def _send_one(self, sink: Sink, entry: OutboxEntry) -> bool:
        alert = entry.alert
        try:
            receipt = await sink.send(alert)
        except DeliveryError as exc:
            if exc.retryable and entry.deliveries < MAX_DELIVERIES:
                self.stats.retried += 1
                self.stats.last_retry_after = max(self.stats.last_retry_after, exc.retry_after or 0)
                log.warning(
                    "delivery to %s of rule %s failed, will retry: %s",
                    sink.name,
                    alert.rule,
                    exc.reason,
                )
                return False
            log.warning("delivery to %s of rule %s dead-lettered: %s", sink.name, alert.rule, exc.reason)
            self.outbox.dead_letter(alert, sink.name, exc.reason)
            self.outbox.confirm(sink.name, alert.alert_id, DEAD)
            self.stats.dead_lettered += 1
            return True
        self.outbox.confirm(sink.name, alert.alert_id, receipt or "ok")
        self.stats.delivered += 1
        self.stats.by_sink[sink.name] = self.stats.by_sink.get(sink.name, 0) + 1
        return True

    async def run_once(self, block_ms: int | None = None) -> int:
        """Deliver new entries in stream order; returns how many were handled."""
        entries = self.outbox.read_new(block_ms=block_ms)
        for entry in entries:
            await self.deliver(entry)
        return len(entries)

    async def retry_pending(self, stale_ms: int = 60_000) -> int:
        """Retry this worker's unacknowledged entries and those a dead worker left behind."""
        entries = self.outbox.read_own_pending() + self.outbox.claim_stale(stale_ms)
        remaining = 0
        for entry in entries:
            if not await self.deliver(entry):
                remaining += 1
        return remaining

    async def drain(self, max_backoff: float = 30.0) -> None:
        """Deliver until the outbox is empty, backing off between passes over failures."""
        delay = 0.5
        while True:
            while await self.run_once():
                pass
            if self.outbox.depth() == 0:
                return
            self.stats.last_retry_after = 0.0
            if await self.retry_pending(stale_ms=0) == 0 and self.outbox.depth() == 0:
                return
            wait = max(delay, self.stats.last_retry_after)
            await asyncio.sleep(min(wait, max_backoff))
            delay = min(delay * 2, max_backoff)
