"""The delivery worker: send each outbox entry to every sink, confirm, then acknowledge."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from monitor.clock import EpochClock
from monitor.counts import Counts
from monitor.outbox.stream import OutboxEntry, RedisOutbox, entry_time
from monitor.settings import DeliverySettings
from monitor.sinks.base import DeliveryError, Sink

log = logging.getLogger(__name__)

#: Defaults of give_up_after and claim_idle: the settings model's (DeliverySettings says why).
_DEFAULTS = DeliverySettings()
DEAD = "dead-lettered"

Sleep = Callable[[float], Awaitable[None]]


class DeliveryObserver(Protocol):
    """Told about every delivery attempt's result (metrics)."""

    def delivered(self, sink: str, seconds: float) -> None: ...

    def retried(self, sink: str) -> None: ...

    def dead_lettered(self, sink: str) -> None: ...


@dataclass(frozen=True)
class Backoff:
    """Exponential backoff per sink: initial * factor ** (failures - 1), capped at maximum."""

    initial: float = 0.5
    factor: float = 2.0
    maximum: float = 30.0

    def delay(self, failures: int) -> float:
        return float(min(self.initial * self.factor ** max(failures - 1, 0), self.maximum))


class DeliveryWorker:
    """Claim (the consumer group hands an entry to one worker), send, confirm, acknowledge.

    A sink's receipt is stored before the entry is acknowledged; a worker that crashes between
    the two leaves a pending entry whose redelivery skips every sink that already has a receipt.
    A sink that fails retryably is paused (backoff, or its Retry-After) so a storm of 429s or
    an outage costs one request per pause, not one per entry; its entries stay pending.
    """

    def __init__(
        self,
        outbox: RedisOutbox,
        sinks: Sequence[Sink],
        *,
        clock: EpochClock = time.time,
        sleep: Sleep = asyncio.sleep,
        backoff: Backoff | None = None,
        give_up_after_s: float = _DEFAULTS.give_up_after,
        claim_idle_ms: int = int(_DEFAULTS.claim_idle * 1000),
        observer: DeliveryObserver | None = None,
    ) -> None:
        self.outbox = outbox
        self.sinks = list(sinks)
        #: delivered, retried, dead_lettered
        self.stats = Counts()
        self.clock = clock
        self.sleep = sleep
        self.backoff = backoff or Backoff()
        self.give_up_after_s = give_up_after_s
        self.claim_idle_ms = claim_idle_ms
        self.observer = observer
        self._paused: dict[str, float] = {}
        # (sink, alert id) -> receipt of sends whose confirmation did not reach Redis (it went
        # away): confirmed on the next attempt instead of sending again.
        self._unconfirmed: dict[tuple[str, str], str] = {}
        self._failures: dict[str, int] = {}

    async def deliver(self, entry: OutboxEntry) -> bool:
        """Try every sink once; True when the entry is done (acknowledged)."""
        done = True
        for sink in self.sinks:
            if self._confirm_held(sink.name, entry.alert.alert_id):
                continue
            if self.outbox.receipt(sink.name, entry.alert.alert_id) is not None:
                continue
            if self._paused.get(sink.name, 0.0) > self.clock():
                done = False
                continue
            done = await self._send_one(sink, entry) and done
        if done:
            self.outbox.ack(entry.entry_id)
        return done

    async def _send_one(self, sink: Sink, entry: OutboxEntry) -> bool:
        alert = entry.alert
        started = time.perf_counter()
        try:
            receipt = await sink.send(alert)
        except DeliveryError as exc:
            age = self.clock() - entry_time(entry.entry_id).timestamp()
            if exc.retryable and age < self.give_up_after_s:
                self._retry_later(sink, entry, exc)
                return False
            reason = exc.reason if not exc.retryable else f"gave up after {age:.0f}s: {exc.reason}"
            self._dead_letter(sink, entry, reason)
            return True
        self._failures.pop(sink.name, None)
        self._paused.pop(sink.name, None)
        self.stats["delivered"] += 1
        if self.observer is not None:
            self.observer.delivered(sink.name, time.perf_counter() - started)
        self._unconfirmed[(sink.name, alert.alert_id)] = receipt or "ok"
        self._confirm_held(sink.name, alert.alert_id)
        return True

    def _confirm_held(self, sink: str, alert_id: str) -> bool:
        """Store a receipt held in memory (raises RedisError while Redis is away); False if none."""
        receipt = self._unconfirmed.get((sink, alert_id))
        if receipt is None:
            return False
        self.outbox.confirm(sink, alert_id, receipt)
        del self._unconfirmed[(sink, alert_id)]
        return True

    def _retry_later(self, sink: Sink, entry: OutboxEntry, exc: DeliveryError) -> None:
        failures = self._failures.get(sink.name, 0) + 1
        self._failures[sink.name] = failures
        # Slack said how long (429 Retry-After): wait that, not a backoff grown by earlier 500s
        wait = exc.retry_after if exc.retry_after is not None else self.backoff.delay(failures)
        self._paused[sink.name] = self.clock() + wait
        self.stats["retried"] += 1
        if self.observer is not None:
            self.observer.retried(sink.name)
        log.warning(
            "delivery to %s of rule %s failed, retrying in %.1fs: %s",
            sink.name,
            entry.alert.rule,
            wait,
            exc.reason,
        )

    def _dead_letter(self, sink: Sink, entry: OutboxEntry, reason: str) -> None:
        alert = entry.alert
        log.warning("delivery to %s of rule %s dead-lettered: %s", sink.name, alert.rule, reason)
        self.outbox.dead_letter(alert, sink.name, reason)
        self.outbox.confirm(sink.name, alert.alert_id, DEAD)
        self.stats["dead_lettered"] += 1
        if self.observer is not None:
            self.observer.dead_lettered(sink.name)

    async def run_once(self, block_ms: int | None = None) -> int:
        """Deliver new entries in stream order; returns how many were handled."""
        entries = self.outbox.read_new(block_ms=block_ms)
        for entry in entries:
            await self.deliver(entry)
        return len(entries)

    async def retry_pending(self, stale_ms: int | None = None) -> int:
        """Retry this worker's unacknowledged entries and those a dead worker left behind."""
        idle = self.claim_idle_ms if stale_ms is None else stale_ms
        entries = self.outbox.read_own_pending() + self.outbox.claim_stale(idle)
        remaining = 0
        for entry in entries:
            if not await self.deliver(entry):
                remaining += 1
        return remaining

    async def drain(self, max_backoff: float = 30.0, until: float | None = None) -> None:
        """Deliver until the outbox is empty, waiting out paused sinks between passes.

        Entries left pending (by this consumer before a restart, or by a dead one) go first,
        so a story's first alert is finished before its follow-ups are sent. With ``until`` (a
        time of ``clock``), stop waiting then: once past it, one pass over new entries only
        (paused sinks skipped), and whatever is not delivered stays in the outbox.
        """
        passes = 0
        if (until is None or self.clock() < until) and self.outbox.pending().count:
            await self.retry_pending()
        while True:
            while await self.run_once():
                pass
            if self.outbox.depth() == 0 or (until is not None and self.clock() >= until):
                return
            if await self.retry_pending() == 0 and self.outbox.depth() == 0:
                return
            passes += 1
            wait = self._next_wake(passes, max_backoff)
            if until is not None:
                wait = max(0.0, min(wait, until - self.clock()))
            await self.sleep(wait)

    def _next_wake(self, passes: int, max_backoff: float) -> float:
        """Until the first paused sink may be tried; else the backoff of this pass."""
        now = self.clock()
        pauses = [until - now for until in self._paused.values() if until > now]
        wait = min(pauses) if pauses else self.backoff.delay(passes)
        return max(0.01, min(wait, max_backoff))
