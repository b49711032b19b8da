"""The long-running service behind ``monitor run``: feeds -> pipeline -> outbox -> sinks, until stopped."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import redis

from monitor.outbox.stream import RedisOutbox
from monitor.outbox.worker import DeliveryWorker
from monitor.pipeline import Pipeline
from monitor.rules.ruleset import RuleSet
from monitor.sinks.base import Sink
from monitor.sources.feeds.config import FeedConfig
from monitor.sources.feeds.feedstate import FeedStateStore
from monitor.sources.feeds.fetcher import Fetcher
from monitor.sources.feeds.limits import FetchLimits
from monitor.sources.feeds.poller import FeedPoller, PollResult
from monitor.sources.feeds.scheduler import CycleStats, FeedScheduler
from monitor.sources.feeds.watcher import ConfigWatcher
from monitor.state.keys import Keys
from monitor.state.store import RedisStateStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ServiceTimings:
    """How often the housekeeping loops run, in seconds."""

    reload_every: float = 3.0
    deliver_every: float = 1.0
    retry_every: float = 30.0
    summary_every: float = 60.0
    #: Flatline checks and aggregation flushes (Pipeline.tick).
    tick_every: float = 30.0
    #: Polls still running at shutdown get this long to finish before they are abandoned.
    stop_grace: float = 10.0
    #: First polls after start or reload are spread over this many seconds.
    start_spread: float = 10.0


class MonitorService:
    """Polls feeds on a schedule, runs new items through the pipeline and delivers the alerts."""

    def __init__(
        self,
        pipeline: Pipeline,
        poller: FeedPoller,
        worker: DeliveryWorker,
        feeds_path: Path,
        feeds: list[FeedConfig],
        timings: ServiceTimings | None = None,
    ) -> None:
        self.pipeline = pipeline
        self.poller = poller
        self.worker = worker
        self.timings = timings or ServiceTimings()
        self.scheduler = FeedScheduler(poller.poll, self._on_result, self.timings.start_spread)
        self.watcher = ConfigWatcher(feeds_path, self.scheduler.apply, feeds)
        self.cycle = CycleStats()
        #: Called with every poll result (metrics, tests).
        self.observers: list[Callable[[PollResult], None]] = []
        self._stop = asyncio.Event()
        self._wake = asyncio.Event()

    @classmethod
    def assemble(
        cls,
        client: redis.Redis,
        keys: Keys,
        rules: RuleSet,
        sinks: Sequence[Sink],
        feeds_path: Path,
        feeds: list[FeedConfig],
        limits: FetchLimits | None = None,
        timings: ServiceTimings | None = None,
    ) -> MonitorService:
        """The whole service from its parts: one place that shows how they connect."""
        pipeline = Pipeline(rules, RedisStateStore(client, keys))
        poller = FeedPoller(Fetcher(limits), FeedStateStore(client, keys), pipeline)
        worker = DeliveryWorker(RedisOutbox(client, keys), sinks)
        return cls(pipeline, poller, worker, feeds_path, feeds, timings)

    def stop(self) -> None:
        """Ask the service to stop (SIGTERM, SIGINT); ``run`` returns after a clean shutdown."""
        self._stop.set()

    async def run(self) -> None:
        """Run until ``stop``: scheduled polls, live reload, delivery; then shut down cleanly."""
        signals = self._install_signals()
        self.scheduler.start(self.watcher.current)
        self.scheduler.add_job(self._check_config, self.timings.reload_every, "reload")
        self.scheduler.add_job(self._log_cycle, self.timings.summary_every, "summary")
        self.scheduler.add_job(self._tick, self.timings.tick_every, "tick")
        delivery = asyncio.create_task(self._deliver_loop())
        log.info("monitor running: %d feeds", len(self.scheduler.feeds))
        try:
            await self._stop.wait()
        finally:
            await self.scheduler.stop(self.timings.stop_grace)
            # the ingest thread finishes the items it holds: they are decided and marked seen
            await asyncio.to_thread(self.poller.close)
            self._stop.set()
            self._wake.set()
            await delivery
            await self._close()
            for signum in signals:
                asyncio.get_running_loop().remove_signal_handler(signum)
        log.info("monitor stopped")

    def _install_signals(self) -> list[signal.Signals]:
        if threading.current_thread() is not threading.main_thread():
            return []
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGTERM, self.stop)
        loop.add_signal_handler(signal.SIGINT, self.stop)
        loop.add_signal_handler(signal.SIGHUP, self.watcher.reload)
        return [signal.SIGTERM, signal.SIGINT, signal.SIGHUP]

    async def _check_config(self) -> None:
        self.watcher.check()

    async def _tick(self) -> None:
        try:
            await self.poller.in_worker(self.pipeline.tick)
        except redis.RedisError as exc:
            log.warning("pipeline tick: Redis unavailable (%s)", type(exc).__name__)
            return
        self._wake.set()

    async def _log_cycle(self) -> None:
        if self.cycle.outcomes:
            log.info("%s", self.cycle.summary())
        self.cycle = CycleStats()

    def _on_result(self, result: PollResult) -> None:
        self.cycle.add(result)
        for observer in self.observers:
            observer(result)
        if result.fired:
            self._wake.set()

    async def _deliver_loop(self) -> None:
        """Deliver new alerts promptly and retry failed ones; one last pass after stop."""
        last_retry = time.monotonic()
        while True:
            stopping = self._stop.is_set()
            try:
                while await self.worker.run_once():
                    pass
                if stopping or time.monotonic() - last_retry >= self.timings.retry_every:
                    last_retry = time.monotonic()
                    await self.worker.retry_pending()
            except redis.RedisError as exc:
                log.warning("delivery: Redis unavailable (%s); retrying", type(exc).__name__)
            if stopping:
                return
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.timings.deliver_every)

    async def _close(self) -> None:
        await self.poller.fetcher.aclose()
        for sink in self.worker.sinks:
            await sink.close()
