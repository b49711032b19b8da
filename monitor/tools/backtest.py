"""Backtests: rules run over a corpus in a throw-away namespace, hits gathered per rule."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import redis

from monitor.assembly import assemble
from monitor.clock import FixedClock
from monitor.models import Item
from monitor.pipeline import Extractor, Pipeline, event_time
from monitor.rules.ruleset import RuleSet
from monitor.settings import ExtractSettings
from monitor.state.keys import Keys
from monitor.state.namespace import Namespace
from monitor.tools.lookahead import LookaheadExtractor

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
#: Items decided in order in one round of the pipeline, extracted (by every worker) while the
#: batch before them is decided. Windows count each item at its own publication time, so
#: batching changes no decision; a batch's clock (alert times) is the latest publication time in it.
BATCH = 256


@dataclass(frozen=True)
class Hit:
    """One alert a backtest fired."""

    rule: str
    dedup_key: str
    item_id: str
    title: str
    item_title: str
    at: datetime

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.rule, self.dedup_key, self.item_id)


@dataclass
class RuleHits:
    rule: str
    hits: list[Hit] = field(default_factory=list)

    @property
    def first(self) -> datetime | None:
        return min((h.at for h in self.hits), default=None)

    @property
    def last(self) -> datetime | None:
        return max((h.at for h in self.hits), default=None)


@dataclass
class BacktestResult:
    rules: dict[str, RuleHits]
    items: int

    @property
    def hits(self) -> list[Hit]:
        return [h for r in self.rules.values() for h in r.hits]


def backtest(
    client: redis.Redis,
    ruleset: RuleSet,
    items: Sequence[Item],
    extractor: Extractor | None = None,
    extract: ExtractSettings | None = None,
) -> BacktestResult:
    """Run ``items`` (in order) through the rules in corpus time; the namespace is deleted after."""
    clock = FixedClock(_EPOCH)
    state = Namespace(client, Keys(f"backtest-{uuid.uuid4().hex[:12]}"))
    ahead = LookaheadExtractor(extract) if extractor is None else None
    parts = assemble(state, ruleset, clock=clock, extract=extract, extractor=extractor or ahead)
    pipeline, store = parts.pipeline, parts.store
    result = BacktestResult({r.rule.id: RuleHits(r.rule.id) for r in ruleset.rules}, len(items))
    batches = [items[start : start + BATCH] for start in range(0, len(items), BATCH)]
    try:
        for number, batch in enumerate(batches):
            if ahead is not None:  # batch N+1 is extracted in the workers while batch N is decided
                ahead.submit_next(batches, number)
            _run_batch(pipeline, clock, batch, result)
    finally:
        parts.close()
        if ahead is not None:
            ahead.close()
        store.reset()
    return result


def _run_batch(pipeline: Pipeline, clock: FixedClock, batch: Sequence[Item], result: BacktestResult) -> None:
    """One batch: extracted together (in the worker pool), decided in corpus order."""
    # corpus time: the clock follows publication times, never going back
    times: dict[str, datetime] = {}
    for item in batch:
        clock.now = max(clock.now, event_time(item, datetime.now(UTC)))
        times.setdefault(item.id, clock.now)
    for outcome in pipeline.process(batch):
        item = outcome.item
        for match, decision in outcome.decisions:
            if decision.fire or decision.reason in {"aggregated", "held"}:
                hit = Hit(match.rule_id, match.dedup_key, item.id, match.title, item.title, times[item.id])
                result.rules[match.rule_id].hits.append(hit)


@dataclass(frozen=True)
class Comparison:
    """Alerts one rule set fires on a corpus that the other does not, and the reverse."""

    added: list[Hit]
    removed: list[Hit]


def compare(before: BacktestResult, after: BacktestResult) -> Comparison:
    old = {h.key: h for h in before.hits}
    new = {h.key: h for h in after.hits}
    return Comparison(
        added=[h for k, h in new.items() if k not in old], removed=[h for k, h in old.items() if k not in new]
    )
