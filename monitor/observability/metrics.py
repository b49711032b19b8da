"""The monitor's Prometheus metrics, in a registry of its own (tests can create several)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from monitor.sources.feeds.feedstate import FeedState
from monitor.sources.feeds.poller import PollResult

#: Poll and delivery latencies: from a fast 304 to a slow feed or a Slack call near its timeout.
_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)


class Metrics:
    """Counters, gauges and histograms the service updates; ``render`` gives the exposition text."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry()
        self._ingest_metrics(self.registry)
        self._delivery_metrics(self.registry)
        self.redis_up = Gauge(
            "monitor_redis_up", "1 while Redis answers, 0 during an outage.", registry=self.registry
        )
        self.redis_up.set(1)  # connected at start, or the process would not be running
        self.interactions = Counter(
            "monitor_slack_interactions",
            "Slack requests (action, command) by verdict: ok, unsigned, stale, bad_signature, duplicate.",
            ["kind", "verdict"],
            registry=self.registry,
        )

    def _ingest_metrics(self, r: CollectorRegistry) -> None:
        self.polls = Counter(
            "monitor_feed_polls", "Feed polls by feed and outcome.", ["feed", "outcome"], registry=r
        )
        self.http = Counter(
            "monitor_feed_http_responses", "HTTP answers by feed and status.", ["feed", "status"], registry=r
        )
        self.items = Counter(
            "monitor_items", "Feed items by state: new (processed) or seen before.", ["state"], registry=r
        )
        self.facts = Counter(
            "monitor_facts_extracted", "Facts extracted from new items, by kind.", ["kind"], registry=r
        )
        self.decisions = Counter(
            "monitor_alerts",
            "Rule matches decided, by rule and reason (first = fired).",
            ["rule", "reason"],
            registry=r,
        )
        self.poll_seconds = Histogram(
            "monitor_poll_seconds", "Duration of one feed poll.", buckets=_BUCKETS, registry=r
        )
        self.process_seconds = Histogram(
            "monitor_process_seconds",
            "Parsing and processing of one changed feed.",
            buckets=_BUCKETS,
            registry=r,
        )
        self.rule_reload_errors = Counter(
            "monitor_rule_reload_errors", "Rule reloads refused because the files had errors.", registry=r
        )

    def _delivery_metrics(self, r: CollectorRegistry) -> None:
        self.deliveries = Counter("monitor_deliveries", "Alerts delivered, by sink.", ["sink"], registry=r)
        self.retries = Counter(
            "monitor_delivery_retries", "Retryable delivery failures, by sink.", ["sink"], registry=r
        )
        self.dead = Counter(
            "monitor_dead_letters", "Deliveries dead-lettered, by sink.", ["sink"], registry=r
        )
        self.delivery_seconds = Histogram(
            "monitor_delivery_seconds", "One delivery to one sink.", ["sink"], buckets=_BUCKETS, registry=r
        )

    def watch_outbox(self, depth: Callable[[], int], dead_letters: Callable[[], int]) -> None:
        """Report outbox depth and dead letters at scrape time (nothing when Redis is down)."""
        self.registry.register(_OutboxCollector(depth, dead_letters))

    def watch_feeds(self, states: Callable[[], Mapping[str, FeedState]]) -> None:
        """Per-feed gauges read from the stored feed states at scrape time (shared by replicas)."""
        self.registry.register(_FeedCollector(states))

    def watch_feedback(self, wrong_per_rule: Callable[[], dict[str, int]]) -> None:
        """Report this ISO week's Wrong count per rule at scrape time (read from Redis)."""
        self.registry.register(_FeedbackCollector(wrong_per_rule))

    def interaction(self, kind: str, verdict: str) -> None:
        self.interactions.labels(kind, verdict).inc()

    def observe_poll(self, result: PollResult, seconds: float) -> None:
        self.polls.labels(result.feed, result.outcome).inc()
        if result.status is not None:
            self.http.labels(result.feed, str(result.status)).inc()
        if result.parsed:
            self.items.labels("new").inc(result.new)
            self.items.labels("seen").inc(max(result.items - result.new, 0))
            self.process_seconds.observe(result.parse_seconds + result.process_seconds)
        for kind, count in result.facts:
            self.facts.labels(kind).inc(count)
        for rule, reason in result.decisions:
            self.decisions.labels(rule, reason).inc()
        if result.outcome not in {"skipped", "disabled", "leased", "paused"}:
            self.poll_seconds.observe(seconds)

    # DeliveryObserver (monitor.outbox.worker)

    def delivered(self, sink: str, seconds: float) -> None:
        self.deliveries.labels(sink).inc()
        self.delivery_seconds.labels(sink).observe(seconds)

    def retried(self, sink: str) -> None:
        self.retries.labels(sink).inc()

    def dead_lettered(self, sink: str) -> None:
        self.dead.labels(sink).inc()

    def render(self) -> bytes:
        return generate_latest(self.registry)


class _OutboxCollector(Collector):
    def __init__(self, depth: Callable[[], int], dead_letters: Callable[[], int]) -> None:
        self.depth = depth
        self.dead_letters = dead_letters

    def collect(self) -> Iterator[Metric]:
        try:
            depth, dead = self.depth(), self.dead_letters()
        except Exception:  # Redis down: leave the gauges out of this scrape rather than fail it
            return
        yield GaugeMetricFamily(
            "monitor_outbox_depth", "Alerts in the outbox not yet acknowledged.", value=depth
        )
        yield GaugeMetricFamily(
            "monitor_outbox_dead_letters", "Alerts in the dead-letter stream.", value=dead
        )

    def describe(self) -> Iterator[Metric]:
        return iter(())


class _FeedCollector(Collector):
    """Unix timestamps of each feed's last successful poll and last new item, and its failures in
    a row: Prometheus alerts on a stale or failing feed (``time() - ... > 3600``)."""

    def __init__(self, states: Callable[[], Mapping[str, FeedState]]) -> None:
        self.states = states

    def collect(self) -> Iterator[Metric]:
        try:
            states = self.states()
        except Exception:  # Redis down: leave the gauges out of this scrape rather than fail it
            return
        success = GaugeMetricFamily(
            "monitor_feed_last_success_timestamp_seconds",
            "When the feed last answered with a feed (Unix time).",
            labels=["feed"],
        )
        new_item = GaugeMetricFamily(
            "monitor_feed_last_new_item_timestamp_seconds",
            "When the feed last had an item not seen before (Unix time).",
            labels=["feed"],
        )
        errors = GaugeMetricFamily(
            "monitor_feed_consecutive_errors",
            "Failed polls in a row (a document that cannot be parsed counts).",
            labels=["feed"],
        )
        for name, state in sorted(states.items()):
            if state.last_success is not None:
                success.add_metric([name], state.last_success.timestamp())
            if state.last_new_item is not None:
                new_item.add_metric([name], state.last_new_item.timestamp())
            errors.add_metric([name], state.errors)
        yield from (success, new_item, errors)


class _FeedbackCollector(Collector):
    def __init__(self, wrong_per_rule: Callable[[], dict[str, int]]) -> None:
        self.wrong_per_rule = wrong_per_rule

    def collect(self) -> Iterator[Metric]:
        try:
            counts = self.wrong_per_rule()
        except Exception:  # Redis down: leave the gauge out of this scrape
            return
        family = GaugeMetricFamily(
            "monitor_wrong_this_week", "Alerts marked Wrong in Slack this ISO week, by rule.", labels=["rule"]
        )
        for rule, count in sorted(counts.items()):
            family.add_metric([rule], count)
        yield family

    def describe(self) -> Iterator[Metric]:
        return iter(())
