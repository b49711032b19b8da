"""The pipeline works through the StateStore protocol alone: a store that is not a RedisStateStore
(here one that delegates to the real one and records the calls) gets flatlines, silences and
aggregation like the Redis store does. Before, the pipeline checked isinstance and flatline rules
silently did nothing with any other store."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta

from monitor.clock import FixedClock
from monitor.models import Decision
from monitor.pipeline import Pipeline
from monitor.rules.ruleset import RuleSet
from monitor.state.store import (
    Aggregations,
    DecideRequest,
    Holds,
    Notices,
    RedisStateStore,
    Silences,
    StateStore,
)
from tests.rules.conftest import T0, article, facts_from_text


class RecordingStore:
    """A StateStore by protocol only: every call is noted, then answered by the real store."""

    def __init__(self, inner: RedisStateStore) -> None:
        self.inner = inner
        self.calls: list[str] = []

    @property
    def silences(self) -> Silences:
        self.calls.append("silences")
        return self.inner.silences

    @property
    def aggregations(self) -> Aggregations:
        self.calls.append("aggregations")
        return self.inner.aggregations

    @property
    def holds(self) -> Holds:
        self.calls.append("holds")
        return self.inner.holds

    @property
    def notices(self) -> Notices:
        self.calls.append("notices")
        return self.inner.notices

    def unseen(self, item_ids: Iterable[str]) -> set[str]:
        self.calls.append("unseen")
        return self.inner.unseen(item_ids)

    def mark_seen(self, item_ids: Iterable[str]) -> None:
        self.calls.append("mark_seen")
        self.inner.mark_seen(item_ids)

    def decide_many(self, requests: Sequence[DecideRequest]) -> list[Decision]:
        self.calls.append("decide_many")
        return self.inner.decide_many(requests)

    def touch(self, watch: str, names: Iterable[str], moment: datetime) -> None:
        self.calls.append("touch")
        self.inner.touch(watch, names, moment)

    def last_seen(self, watch: str, name: str, now: datetime) -> datetime:
        self.calls.append("last_seen")
        return self.inner.last_seen(watch, name, now)


def test_flatlines_fire_with_a_store_that_is_not_the_redis_one(
    rules_from: Callable[[str], RuleSet], store: RedisStateStore
) -> None:
    ruleset = rules_from(
        "rules:\n  - {id: quiet, title: '{{ fact.name }} quiet', type: flatline,"
        " flatline: {watch: source, name: Ukrinform, window: 6h}}\n"
    )
    recording = RecordingStore(store)
    protocol: StateStore = recording
    clock = FixedClock(T0)
    pipeline = Pipeline(ruleset, protocol, clock, extractor=facts_from_text)
    assert pipeline.check_flatlines(T0) == []
    clock.now = T0 + timedelta(hours=1)
    pipeline.process([article("x", source="ukrinform", published=clock.now)])
    fired = pipeline.check_flatlines(T0 + timedelta(hours=8))
    assert [(m.title, d.reason) for m, d in fired] == [("Ukrinform quiet", "first")]
    pipeline.tick(T0 + timedelta(hours=9))
    assert {
        "unseen",
        "mark_seen",
        "touch",
        "last_seen",
        "decide_many",
        "silences",
        "aggregations",
        "holds",
        "notices",
    } <= set(recording.calls)
