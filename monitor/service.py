"""The long-running service behind ``monitor run``: feeds -> pipeline -> outbox -> sinks, until stopped."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import redis

from monitor.assembly import assemble
from monitor.counts import Counts
from monitor.observability.metrics import Metrics
from monitor.observability.server import ReadyCheck
from monitor.outbox.worker import DeliveryObserver, DeliveryWorker
from monitor.pipeline import Pipeline
from monitor.rules.reload import RulesReloader
from monitor.rules.ruleset import RuleSet
from monitor.settings import DeliverySettings, ExtractSettings, ServiceSettings, Settings
from monitor.sinks.base import Sink
from monitor.sources.feeds.config import FeedConfig
from monitor.sources.feeds.feedstate import FeedStateStore
from monitor.sources.feeds.fetcher import Fetcher
from monitor.sources.feeds.leased import LeasedPoller
from monitor.sources.feeds.limits import FetchLimits
from monitor.sources.feeds.poller import FeedPoller, PollResult
from monitor.sources.feeds.scheduler import FeedScheduler, count_poll, cycle_summary
from monitor.sources.feeds.watcher import ConfigWatcher
from monitor.state.connection import RedisHealth
from monitor.state.keys import Keys
from monitor.state.lease import LeaseStore
from monitor.state.namespace import Namespace

if TYPE_CHECKING:  # the console's modules (Slack client, digest) load only when it is built
    from monitor.console import Console

log = logging.getLogger(__name__)

#: The defaults of the timings below are the settings model's (one place for defaults).
_SERVICE, _DELIVERY = ServiceSettings(), DeliverySettings()


@dataclass(frozen=True)
class ServiceTimings:
    """How often the housekeeping loops run, and the bounds of leases and shutdown, in seconds."""

    reload_every: float = _SERVICE.reload_every
    #: How long the delivery loop sleeps when nothing woke it (new alerts wake it at once).
    deliver_every: float = 1.0
    retry_every: float = _DELIVERY.retry_every
    summary_every: float = _SERVICE.summary_every
    #: Flatline checks and aggregation flushes (Pipeline.tick).
    tick_every: float = _SERVICE.tick_every
    #: Polls still running at shutdown get this long to finish before they are abandoned; the
    #: final delivery pass gets as long again.
    stop_grace: float = _SERVICE.shutdown_grace
    #: First polls after start or reload are spread over this many seconds.
    start_spread: float = _SERVICE.start_spread
    lease_ttl: float = _SERVICE.lease_ttl
    claim_idle: float = _DELIVERY.claim_idle
    give_up_after: float = _DELIVERY.give_up_after

    @classmethod
    def from_settings(cls, settings: Settings) -> ServiceTimings:
        service, delivery = settings.service, settings.delivery
        return cls(
            reload_every=service.reload_every,
            retry_every=delivery.retry_every,
            summary_every=service.summary_every,
            tick_every=service.tick_every,
            start_spread=service.start_spread,
            stop_grace=service.shutdown_grace,
            lease_ttl=service.lease_ttl,
            claim_idle=delivery.claim_idle,
            give_up_after=delivery.give_up_after,
        )


class DeliveryTally:
    """Counts deliveries for the summary line, and passes each result on (to the metrics)."""

    def __init__(self, then: DeliveryObserver | None = None) -> None:
        self.then = then
        self.counts = Counts()

    def delivered(self, sink: str, seconds: float) -> None:
        self.counts["delivered"] += 1
        if self.then is not None:
            self.then.delivered(sink, seconds)

    def retried(self, sink: str) -> None:
        self.counts["delivery_retries"] += 1
        if self.then is not None:
            self.then.retried(sink)

    def dead_lettered(self, sink: str) -> None:
        self.counts["dead_letters"] += 1
        if self.then is not None:
            self.then.dead_lettered(sink)


@dataclass
class Extras:
    """Optional parts: replica leases, metrics, rule reloading and the Redis URL for messages."""

    leases: LeaseStore | None = None
    metrics: Metrics | None = None
    reloader: RulesReloader | None = None
    redis_url: str = ""
    observers: list[Callable[[PollResult], None]] = field(default_factory=list)
    #: Delivery results for the summary line (assemble puts it between the worker and metrics).
    deliveries: DeliveryTally = field(default_factory=DeliveryTally)
    #: The Slack console: interactivity endpoint and morning digest (monitor/console.py).
    console: Console | None = None


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
        extras: Extras | None = None,
    ) -> None:
        self.pipeline = pipeline
        self.poller = poller
        self.worker = worker
        self.timings = timings or ServiceTimings()
        extras = extras or Extras()
        self.metrics = extras.metrics
        self.reloader = extras.reloader
        self.console = extras.console
        self.polls = LeasedPoller(poller, extras.leases) if extras.leases else poller
        self.health = RedisHealth(
            worker.outbox.client, extras.redis_url, probe_key=worker.outbox.keys.health_probe()
        )
        self.scheduler = FeedScheduler(self._poll, self._on_result, self.timings.start_spread)
        self.watcher = ConfigWatcher(feeds_path, self.scheduler.apply, feeds)
        #: Poll results since the last summary line (monitor.sources.feeds.scheduler.count_poll).
        self.cycle = Counts()
        self.deliveries = extras.deliveries
        self._cycle_started = time.monotonic()
        #: Called with every poll result (metrics, tests).
        self.observers: list[Callable[[PollResult], None]] = extras.observers
        self._stop = asyncio.Event()
        self._wake = asyncio.Event()
        self._reconnect: asyncio.Task[None] | None = None
        self._rules_seen = self.reloader.fingerprint() if self.reloader else None
        if self.metrics is not None:
            self.metrics.watch_feeds(lambda: poller.states.load_many(self.scheduler.feeds.values()))

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
        *,
        extract: ExtractSettings | None = None,
        consumer: str = "worker-1",
        replicas: bool = False,
        extras: Extras | None = None,
    ) -> MonitorService:
        """The service around the parts ``monitor.assembly.assemble`` builds, plus the feeds."""
        timings = timings or ServiceTimings()
        extras = extras or Extras()
        delivery = DeliverySettings(claim_idle=timings.claim_idle, give_up_after=timings.give_up_after)
        extras.deliveries = DeliveryTally(then=extras.metrics)
        parts = assemble(
            Namespace(client, keys), rules, sinks,
            extract=extract, delivery=delivery, consumer=consumer, observer=extras.deliveries,
        )  # fmt: skip
        poller = FeedPoller(Fetcher(limits), FeedStateStore(client, keys), parts.pipeline)
        if replicas:
            extras.leases = LeaseStore(client, keys, consumer, timings.lease_ttl)
        if extras.metrics is not None:
            extras.metrics.watch_outbox(parts.outbox.depth, parts.outbox.dead_letter_count)
        return cls(parts.pipeline, poller, parts.worker, feeds_path, feeds, timings, extras)

    def ready_checks(self) -> dict[str, ReadyCheck]:
        """The /readyz checks (name -> check): Redis reachable, rules loaded, scheduler running;
        each answers False rather than raising."""

        async def redis_ready() -> bool:
            return self.health.up and await asyncio.to_thread(self.health.ping)

        async def rules_ready() -> bool:
            return bool(self.pipeline.rules.rules)

        async def scheduler_ready() -> bool:
            return bool(self.scheduler.scheduler.running) and not self.stopping

        return {"redis": redis_ready, "rules": rules_ready, "scheduler": scheduler_ready}

    def stop(self) -> None:
        """Ask the service to stop (SIGTERM, SIGINT); ``run`` returns after a clean shutdown."""
        self._stop.set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    async def run(self) -> None:
        """Run until ``stop``: scheduled polls, live reload, delivery; then shut down cleanly."""
        signals = self._install_signals()
        self.scheduler.start(self.watcher.current)
        self.scheduler.add_job(self._check_config, self.timings.reload_every, "reload")
        self.scheduler.add_job(self._log_cycle, self.timings.summary_every, "summary")
        self.scheduler.add_job(self._tick, self.timings.tick_every, "tick")
        if self.console is not None and self.console.digest is not None:
            self.scheduler.add_job(self._digest, 60.0, "digest", at_start=True)
        delivery = asyncio.create_task(self._deliver_loop())
        log.info("monitor running: %d feeds", len(self.scheduler.feeds))
        try:
            await self._stop.wait()
        finally:
            await self._shutdown(delivery)
            for signum in signals:
                asyncio.get_running_loop().remove_signal_handler(signum)
        log.info("monitor stopped")

    async def _shutdown(self, delivery: asyncio.Task[None]) -> None:
        """No new polls; in-flight ones finish (or are cancelled, releasing their leases) within
        the grace, the ingest thread finishes its items, then one last bounded delivery pass."""
        grace = self.timings.stop_grace
        log.info("stopping: no new polls; in-flight work gets %gs", grace)
        await self.scheduler.stop(grace)
        if self.console is not None and self.console.endpoint is not None:
            await self.console.endpoint.close(grace)
        await asyncio.to_thread(self.poller.close)
        await asyncio.to_thread(self.pipeline.close)
        self._stop.set()
        self._wake.set()
        try:
            await asyncio.wait_for(delivery, grace)
        except TimeoutError:
            log.warning("delivery: not finished within %gs; pending alerts go out on the next start", grace)
        if self._reconnect is not None:
            self._reconnect.cancel()
            await asyncio.gather(self._reconnect, return_exceptions=True)
        await self._close()

    def _install_signals(self) -> list[signal.Signals]:
        if threading.current_thread() is not threading.main_thread():
            return []
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGTERM, self.stop)
        loop.add_signal_handler(signal.SIGINT, self.stop)
        loop.add_signal_handler(signal.SIGHUP, self.watcher.reload)
        return [signal.SIGTERM, signal.SIGINT, signal.SIGHUP]

    # -- polls, and Redis going away ----------------------------------------------------------

    async def _poll(self, feed: FeedConfig) -> PollResult:
        if not self.health.up:
            return PollResult(feed.name, "paused", reason="Redis unavailable")
        started = time.perf_counter()
        try:
            result = await self.polls.poll(feed)
        except redis.RedisError as exc:
            self._redis_lost(exc)
            return PollResult(feed.name, "paused", reason="Redis unavailable")
        if self.metrics is not None:
            self.metrics.observe_poll(result, time.perf_counter() - started)
        return result

    def _redis_lost(self, exc: redis.RedisError) -> None:
        """Pause polls and deliveries (one warning), reconnect in the background, then resume."""
        self.health.lost(exc, "polls and deliveries")
        if self.metrics is not None:
            self.metrics.redis_up.set(0)
        if self._reconnect is None or self._reconnect.done():
            self._reconnect = asyncio.create_task(self._reconnect_loop())

    async def _reconnect_loop(self) -> None:
        if await self.health.wait_up(self._stop):
            if self.metrics is not None:
                self.metrics.redis_up.set(1)
            self._wake.set()  # pending deliveries first; polls resume on their schedule

    def _on_result(self, result: PollResult) -> None:
        count_poll(self.cycle, result)
        for observer in self.observers:
            observer(result)
        if result.fired:
            self._wake.set()

    # -- housekeeping ---------------------------------------------------------------------------

    async def _check_config(self) -> None:
        self.watcher.check()
        if self.reloader is not None:
            await self._check_rules(self.reloader)

    async def _check_rules(self, reloader: RulesReloader) -> None:
        seen = await asyncio.to_thread(reloader.fingerprint)
        if seen == self._rules_seen:
            return
        self._rules_seen = seen
        ruleset = await asyncio.to_thread(reloader.check)
        if ruleset is None:  # the change has errors (each logged with file:line:col)
            if self.metrics is not None:
                self.metrics.rule_reload_errors.inc()
            return

        def swap() -> None:  # on the ingest thread: never in the middle of an item
            self.pipeline.rules = ruleset

        await self.pipeline.on_ingest_thread(swap)

    async def _tick(self) -> None:
        if not self.health.up:
            return
        try:
            await self.pipeline.on_ingest_thread(self.pipeline.tick)
        except redis.RedisError as exc:
            self._redis_lost(exc)
            return
        self._wake.set()

    async def _digest(self) -> None:
        digest = self.console.digest if self.console is not None else None
        if digest is None or not self.health.up:
            return
        try:
            await digest.run_due()
        except redis.RedisError as exc:
            self._redis_lost(exc)

    async def _log_cycle(self) -> None:
        """The summary line, every summary_every, whether or not anything happened."""
        now = time.monotonic()
        self.cycle.update(self.deliveries.counts)
        log.info("%s", cycle_summary(self.cycle, round(now - self._cycle_started)))
        self.cycle, self.deliveries.counts, self._cycle_started = Counts(), Counts(), now

    # -- delivery ---------------------------------------------------------------------------------

    async def _deliver_loop(self) -> None:
        """Deliver new alerts promptly and retry failed ones; one last pass after stop."""
        last_retry = time.monotonic()
        while True:
            stopping = self._stop.is_set()
            if self.health.up:
                retry = stopping or time.monotonic() - last_retry >= self.timings.retry_every
                try:
                    await self._deliver_pass(retry)
                except redis.RedisError as exc:
                    self._redis_lost(exc)
                if retry:
                    last_retry = time.monotonic()
            if stopping:
                return
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.timings.deliver_every)

    async def _deliver_pass(self, retry: bool) -> None:
        while await self.worker.run_once():
            pass
        if retry:
            await self.worker.retry_pending()

    async def _close(self) -> None:
        await self.poller.fetcher.aclose()
        for sink in self.worker.sinks:
            await sink.close()
