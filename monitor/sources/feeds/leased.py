"""Polls shared by replicas: a feed is polled under its Redis lease, by one replica at a time."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import timedelta

import redis

from monitor.sources.feeds.config import FeedConfig
from monitor.sources.feeds.poller import FeedPoller, PollResult
from monitor.state.lease import Lease, LeaseStore

log = logging.getLogger(__name__)

#: A feed another replica polled less than this fraction of its interval ago is left alone:
#: every replica schedules every feed, so without it N replicas would poll N times as often.
RECENT = 0.5


class LeasedPoller:
    """Takes the feed's lease, polls, releases; the lease is renewed while a slow poll runs.

    Without the lease (another replica is polling) or shortly after another replica's poll,
    the result is ``leased`` / ``skipped`` and nothing is fetched. A poll cancelled at shutdown
    releases its lease; a replica that dies has its leases lapse after the TTL.
    """

    def __init__(self, poller: FeedPoller, leases: LeaseStore) -> None:
        self.poller = poller
        self.leases = leases

    async def poll(self, feed: FeedConfig) -> PollResult:
        lease = self.leases.acquire(feed.name)
        if lease is None:
            return PollResult(feed.name, "leased", reason="another replica is polling it")
        renewing = asyncio.create_task(self._renew(lease))
        try:
            if self._polled_recently(feed):
                return PollResult(feed.name, "skipped", reason="polled by another replica")
            return await self.poller.poll(feed)
        finally:
            renewing.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await renewing
            self._release(lease)

    def _polled_recently(self, feed: FeedConfig) -> bool:
        state = self.poller.states.load(feed)
        if state.last_poll is None:
            return False
        return self.poller.clock() - state.last_poll < timedelta(seconds=feed.interval * RECENT)

    async def _renew(self, lease: Lease) -> None:
        every = self.leases.ttl_ms / 3000
        while True:
            await asyncio.sleep(every)
            try:
                held = await asyncio.to_thread(self.leases.renew, lease)
            except redis.RedisError:
                continue  # the poll itself will fail and report the outage
            if not held:
                log.warning("feed %s: poll lease lapsed during the poll (lease TTL too short?)", lease.name)
                return

    def _release(self, lease: Lease) -> None:
        with contextlib.suppress(redis.RedisError):  # Redis is away: the lease lapses after its TTL
            self.leases.release(lease)
