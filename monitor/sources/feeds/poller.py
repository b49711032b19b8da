"""One poll of one feed: fetch (conditionally), parse, hand new items to the pipeline, save state."""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from monitor.clock import Clock, utc_now
from monitor.models.kinds import count_by_kind
from monitor.sources.feeds.coalesce import CoalescingProcessor, ItemProcessor, ProcessedItem
from monitor.sources.feeds.config import FeedConfig
from monitor.sources.feeds.feedstate import FeedState, FeedStateStore
from monitor.sources.feeds.fetcher import Fetcher, FetchError, FetchResult, parse_retry_after
from monitor.sources.feeds.limits import BackoffPolicy
from monitor.sources.feeds.parse import ParsedFeed
from monitor.sources.feeds.parsepool import ParseLimits, ParserPool, ParseTimeoutError
from monitor.sources.feeds.xmlguard import UnsafeXmlError

log = logging.getLogger(__name__)

THROTTLED = frozenset({429, 503})


@dataclass(frozen=True)
class PollResult:
    """What one poll did; ``parsed`` is False whenever no body was parsed (304, errors, skips)."""

    feed: str
    #: ok, not-modified, failed, unparsable (200 but not a feed), gone, skipped, disabled;
    #: leased, paused (service)
    outcome: str
    status: int | None = None
    parsed: bool = False
    entries: int = 0
    new: int = 0
    fired: int = 0
    reason: str | None = None
    #: Time spent parsing the body and running its items through the pipeline (for metrics).
    parse_seconds: float = 0.0
    process_seconds: float = 0.0
    #: Items in the document (new or seen before), facts of the new ones by kind, and each
    #: decision taken as (rule, reason) (for metrics).
    items: int = 0
    facts: tuple[tuple[str, int], ...] = ()
    decisions: tuple[tuple[str, str], ...] = ()


def count_facts(outcomes: Sequence[ProcessedItem]) -> tuple[tuple[str, int], ...]:
    """Facts of the processed items by kind (strikes, troops, ...), kinds with none left out."""
    counts: Counter[str] = Counter()
    for outcome in outcomes:
        counts.update(count_by_kind(outcome.facts))
    return tuple(sorted(counts.items()))


def decided(outcomes: Sequence[ProcessedItem]) -> tuple[tuple[str, str], ...]:
    """(rule, reason) of every decision taken on the processed items."""
    return tuple(
        (match.rule_id, decision.reason) for outcome in outcomes for match, decision in outcome.decisions
    )


class FeedPoller:
    """Polls feeds; state is saved only after the pipeline decided and marked the new items."""

    def __init__(
        self,
        fetcher: Fetcher,
        states: FeedStateStore,
        processor: ItemProcessor,
        clock: Clock = utc_now,
        backoff: BackoffPolicy | None = None,
        parse_limits: ParseLimits | None = None,
    ) -> None:
        self.fetcher = fetcher
        self.states = states
        # feeds parsed while the pipeline is busy are processed together (sources/feeds/coalesce.py)
        self.processor = CoalescingProcessor(processor)
        self.clock = clock
        self.backoff = backoff or BackoffPolicy()
        # feedparser runs in worker processes: parsing overlaps with fetching and processing
        # instead of holding the GIL against them, a parser crash on hostile bytes costs a
        # worker process, not the service, and a parse past its deadline costs its worker.
        self.parsers = ParserPool(parse_limits)

    def close(self) -> None:
        """Stop the parser processes (a parse in progress is abandoned)."""
        self.parsers.close()

    async def _parse_elsewhere(
        self, feed: FeedConfig, result: FetchResult, body: bytes
    ) -> tuple[ParsedFeed, float]:
        started = time.perf_counter()
        parsed = await self.parsers.parse(body, result.headers, result.final_url, feed.name, feed.tags)
        return parsed, time.perf_counter() - started

    async def poll(self, feed: FeedConfig) -> PollResult:
        """Poll ``feed`` once if it is due; never raises for anything the feed or server does."""
        now = self.clock()
        state = self.states.load(feed)
        if state.disabled:
            return PollResult(feed.name, "disabled", state.last_status, reason=state.disabled_reason)
        if not state.due(now):
            return PollResult(feed.name, "skipped", state.last_status)
        state = state.model_copy(update={"since": state.since or now, "last_poll": now})
        try:
            result = await self.fetcher.fetch(state.url or feed.url, state.validators(), feed.headers)
        except FetchError as exc:
            return self._failed(feed, state, now, None, str(exc))
        if result.moved_to:
            log.info("feed %s: moved permanently; polling the new address from now on", feed.name)
            state = state.model_copy(update={"url": result.moved_to})
        return await self._answered(feed, state, now, result)

    async def _answered(
        self, feed: FeedConfig, state: FeedState, now: datetime, result: FetchResult
    ) -> PollResult:
        status = result.status
        if result.not_modified:
            self._succeeded(feed, state, now, status, result)
            return PollResult(feed.name, "not-modified", status)
        if result.ok and result.body is not None:
            return await self._ingest(feed, state, now, result, result.body)
        if status == 410:
            log.warning("feed %s: gone (HTTP 410), disabled until its configuration changes", feed.name)
            self._save(feed, state, last_status=status, disabled=True, disabled_reason="HTTP 410 Gone")
            return PollResult(feed.name, "gone", status, reason="HTTP 410 Gone")
        retry_after = None
        if status in THROTTLED:
            retry_after = parse_retry_after(result.headers.get("retry-after"), now)
        return self._failed(feed, state, now, status, f"HTTP {status}", retry_after)

    async def _ingest(
        self, feed: FeedConfig, state: FeedState, now: datetime, result: FetchResult, body: bytes
    ) -> PollResult:
        try:
            parsed, parse_s = await self._parse_elsewhere(feed, result, body)
        except UnsafeXmlError as exc:
            return self._failed(feed, state, now, result.status, f"refused document: {exc}")
        except ParseTimeoutError as exc:  # the slow feed is failed and backed off; others poll on
            return self._failed(feed, state, now, result.status, f"cannot parse: {exc}")
        except Exception as exc:  # feedparser on untrusted bytes: contain whatever it raises
            return self._failed(feed, state, now, result.status, f"cannot parse: {type(exc).__name__}")
        if parsed.error:
            reason = f"{parsed.warning}; {parsed.error}" if parsed.warning else parsed.error
            return self._failed(feed, state, now, result.status, reason, outcome="unparsable")
        self._log_document(feed, state, parsed)
        state = state.model_copy(update={"last_problem": parsed.problem})
        outcomes, process_s = await self.processor.ingest(parsed.items)
        fired = sum(1 for outcome in outcomes for _, decision in outcome.decisions if decision.fire)
        self._succeeded(feed, state, now, result.status, result, len(outcomes))
        new = len(outcomes)
        return PollResult(
            feed.name, "ok", result.status, True, parsed.entries, new, fired, None, parse_s, process_s,
            items=len(parsed.items), facts=count_facts(outcomes), decisions=decided(outcomes),
        )  # fmt: skip

    @staticmethod
    def _log_document(feed: FeedConfig, state: FeedState, parsed: ParsedFeed) -> None:
        """The screen's warning; a malformed document once per change (the DTD removal's
        leftovers, such as undefined entities, are part of that one warning)."""
        if parsed.warning:
            log.warning("feed %s: %s", feed.name, parsed.warning)
        elif parsed.problem and parsed.problem != state.last_problem:
            log.warning("feed %s: malformed document, entries recovered: %s", feed.name, parsed.problem)
        elif state.last_problem and not parsed.problem:
            log.info("feed %s: the document is well-formed again", feed.name)

    def _succeeded(
        self,
        feed: FeedConfig,
        state: FeedState,
        now: datetime,
        status: int,
        result: FetchResult,
        new: int = 0,
    ) -> None:
        validators = result.validators(state.validators())
        if state.errors:
            log.info("feed %s: polled fine again after %d failed poll(s)", feed.name, state.errors)
        self._save(
            feed,
            state,
            etag=validators.etag,
            last_modified=validators.last_modified,
            last_success=now,
            last_status=status,
            last_error=None,
            last_new_item=now if new else state.last_new_item,
            errors=0,
            next_poll=now + timedelta(seconds=feed.interval),
            next_allowed=None,
        )

    def _failed(
        self,
        feed: FeedConfig,
        state: FeedState,
        now: datetime,
        status: int | None,
        reason: str,
        retry_after: float | None = None,
        outcome: str = "failed",
    ) -> PollResult:
        errors = state.errors + 1
        if retry_after is not None:
            wait = self.backoff.retry_after(retry_after)
        else:
            wait = self.backoff.delay(errors, feed.interval)
        next_allowed = now + timedelta(seconds=wait)
        # one warning when a feed starts failing or fails differently; the same failure again is debug
        level = logging.DEBUG if reason == state.last_error else logging.WARNING
        message = "feed %s: %s (failure %d in a row, next try after %ds)"
        log.log(level, message, feed.name, reason, errors, wait)
        self._save(
            feed,
            state,
            last_status=status,
            last_error=reason,
            errors=errors,
            next_poll=max(next_allowed, now + timedelta(seconds=feed.interval)),
            next_allowed=next_allowed,
        )
        return PollResult(feed.name, outcome, status, reason=reason)

    def _save(self, feed: FeedConfig, state: FeedState, **changes: object) -> None:
        self.states.save(feed.name, state.model_copy(update=changes))
