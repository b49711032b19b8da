"""The one place the parts are put together. Every entry point (``run``, ``replay``, backtests,
rule examples, the benchmarks) gets its pipeline, outbox and delivery worker from ``assemble``:
they differ in settings, never in wiring.

    Namespace (Redis + keys) ──> RedisStateStore ──┐
    rules ─────────────────────────────────────────┼──> Pipeline ──> RedisOutbox ──> DeliveryWorker ──> sinks
    extract settings ──> extractor (thread/process)┘
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from monitor.clock import Clock, utc_now
from monitor.outbox.stream import RedisOutbox
from monitor.outbox.worker import DeliveryObserver, DeliveryWorker
from monitor.pipeline import BatchExtractor, Extractor, InlineExtractor, Pipeline
from monitor.rules.ruleset import RuleSet
from monitor.settings import DeliverySettings, ExtractSettings
from monitor.sinks.base import Sink
from monitor.state.figures import FigureStore
from monitor.state.namespace import Namespace
from monitor.state.store import RedisStateStore
from monitor.stories.disputes import DisputeTies
from monitor.stories.joiner import StoryJoiner


@dataclass
class Parts:
    """What ``assemble`` built; ``close`` stops the ingest thread and extraction workers."""

    pipeline: Pipeline
    store: RedisStateStore
    outbox: RedisOutbox
    worker: DeliveryWorker

    def close(self) -> None:
        self.pipeline.close()


def extractor_for(settings: ExtractSettings, extractor: Extractor | None = None) -> BatchExtractor:
    """The extraction path the settings choose; a given per-article function (tools, tests) runs
    on the ingest thread."""
    if extractor is not None:
        return InlineExtractor(extractor)
    if settings.mode == "thread":
        return InlineExtractor()
    from monitor.extract.pool import ProcessExtractor  # the pipeline loads without the extractor

    return ProcessExtractor(settings.workers)


def delivery_worker(
    state: Namespace,
    sinks: Sequence[Sink],
    delivery: DeliverySettings | None = None,
    *,
    consumer: str = "worker-1",
    observer: DeliveryObserver | None = None,
) -> DeliveryWorker:
    """The outbox of a namespace and its delivery worker (``monitor outbox deliver`` needs no more)."""
    delivery = delivery or DeliverySettings()
    return DeliveryWorker(
        RedisOutbox(state.client, state.keys, consumer),
        sinks,
        give_up_after_s=delivery.give_up_after,
        claim_idle_ms=int(delivery.claim_idle * 1000),
        observer=observer,
    )


def assemble(
    state: Namespace,
    rules: RuleSet,
    sinks: Sequence[Sink] = (),
    *,
    extract: ExtractSettings | None = None,
    delivery: DeliverySettings | None = None,
    clock: Clock = utc_now,
    extractor: Extractor | None = None,
    consumer: str = "worker-1",
    observer: DeliveryObserver | None = None,
) -> Parts:
    """Pipeline, outbox and delivery worker over one namespace, as the settings describe them."""
    store = RedisStateStore(state.client, state.keys)
    joiner = StoryJoiner(state.client, state.keys)  # shared by replicas through Redis
    pipeline = Pipeline(
        rules,
        store,
        clock,
        batch_extractor=extractor_for(extract or ExtractSettings(), extractor),
        figures=FigureStore(state.client, state.keys),  # what the morning digest reads
        stories=joiner,
        disputes=DisputeTies(state.client, state.keys, joiner),  # denials to the story disputed
    )
    worker = delivery_worker(state, sinks, delivery, consumer=consumer, observer=observer)
    return Parts(pipeline, store, worker.outbox, worker)
