"""APScheduler wiring: one job per enabled feed (jitter, one instance, coalesced), applied live on reload."""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from monitor.counts import Counts
from monitor.settings import ServiceSettings
from monitor.sources.feeds.config import FeedConfig
from monitor.sources.feeds.poller import PollResult

log = logging.getLogger(__name__)

PollFunc = Callable[[FeedConfig], Awaitable[PollResult]]
MAX_JITTER = 30.0


def count_poll(cycle: Counts, result: PollResult) -> None:
    """Count one poll result: its outcome, and the new items and alerts it brought."""
    cycle[result.outcome] += 1
    cycle["new_items"] += result.new
    cycle["alerts"] += result.fired


def cycle_summary(cycle: Counts, seconds: float) -> str:
    """The one INFO line per period: polls, new items, alerts, deliveries and errors, from the
    counts ``count_poll`` (and the delivery observer) kept; said even when nothing happened."""
    failed = cycle["failed"] + cycle["unparsable"] + cycle["gone"]
    polled = cycle["ok"] + cycle["not-modified"] + failed
    others = cycle["leased"] + cycle["skipped"]
    paused = f"; {cycle['paused']} polls paused (Redis away)" if cycle["paused"] else ""
    unparsable = f", {cycle['unparsable']} of them unparsable" if cycle["unparsable"] else ""
    return (
        f"last {seconds:g}s: {polled} feeds polled ({cycle['ok']} changed, {cycle['not-modified']} "
        f"unchanged, {failed} failed{unparsable}), {others} left to other replicas or not due; "
        f"{cycle['new_items']} new items, {cycle['alerts']} alerts; {cycle['delivered']} delivered, "
        f"{cycle['delivery_retries']} delivery retries, {cycle['dead_letters']} dead letters{paused}"
    )


def jitter_for(interval: float) -> float:
    return min(interval / 10, MAX_JITTER)


class FeedScheduler:
    """Keeps one APScheduler job per enabled feed in step with the configuration."""

    def __init__(
        self,
        poll: PollFunc,
        on_result: Callable[[PollResult], None] | None = None,
        start_spread: float = ServiceSettings().start_spread,
    ) -> None:
        self.poll = poll
        self.on_result = on_result
        self.start_spread = start_spread
        self.scheduler = AsyncIOScheduler(timezone=UTC)
        self.feeds: dict[str, FeedConfig] = {}
        self._running: set[asyncio.Task[None]] = set()

    def start(self, feeds: list[FeedConfig]) -> None:
        self.scheduler.start()
        self.apply(feeds)

    def apply(self, feeds: list[FeedConfig]) -> None:
        """Add, replace and remove jobs so that exactly the enabled feeds are scheduled."""
        wanted = {feed.name: feed for feed in feeds if feed.enabled}
        for name in sorted(set(self.feeds) - set(wanted)):
            self.scheduler.remove_job(_job_id(name))
            log.info("feed %s: removed from the schedule", name)
        for name, feed in wanted.items():
            if self.feeds.get(name) != feed:
                self._schedule(feed)
                log.info("feed %s: scheduled every %gs", name, feed.interval)
        self.feeds = wanted

    def _schedule(self, feed: FeedConfig) -> None:
        spread = min(self.start_spread, feed.interval)
        first = datetime.now(UTC) + timedelta(seconds=random.uniform(0, spread))
        self.scheduler.add_job(
            self._run,
            trigger=IntervalTrigger(seconds=feed.interval, jitter=jitter_for(feed.interval)),
            args=[feed.name],
            id=_job_id(feed.name),
            name=feed.name,
            replace_existing=True,
            max_instances=1,
            coalesce=True,
            misfire_grace_time=int(feed.interval),
            next_run_time=first,
        )

    async def _run(self, name: str) -> None:
        feed = self.feeds.get(name)
        task = asyncio.current_task()
        if feed is None or task is None:
            return
        self._running.add(task)
        try:
            result = await self.poll(feed)
        except Exception as exc:  # Redis down, a bug: log it, keep the scheduler and other feeds going
            log.error("feed %s: poll failed: %s: %s", name, type(exc).__name__, exc)
            return
        finally:
            self._running.discard(task)
        if self.on_result is not None:
            self.on_result(result)

    def add_job(
        self, func: Callable[[], Awaitable[None]], every: float, job_id: str, *, at_start: bool = False
    ) -> None:
        """A periodic housekeeping job (reload check, summary line) on the same scheduler;
        ``at_start`` runs it once right away too (a digest due while the service was down)."""
        first = {"next_run_time": datetime.now(UTC)} if at_start else {}
        self.scheduler.add_job(
            func, trigger=IntervalTrigger(seconds=every), id=job_id, max_instances=1, coalesce=True, **first
        )

    async def stop(self, grace: float) -> None:
        """Stop scheduling; polls in flight get ``grace`` seconds to finish, then are cancelled."""
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        running = set(self._running)
        if not running:
            return
        _, pending = await asyncio.wait(running, timeout=grace)
        for task in pending:
            task.cancel()
        if pending:
            log.warning("abandoned %d polls in flight at shutdown; they are retried next start", len(pending))
            await asyncio.gather(*pending, return_exceptions=True)


def _job_id(name: str) -> str:
    return f"feed:{name}"
