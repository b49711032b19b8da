"""Stateful rule types, silences, inhibition and aggregation against the real Redis."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import redis

from monitor.clock import FixedClock
from monitor.outbox.stream import RedisOutbox
from monitor.pipeline import Pipeline
from monitor.rules.ruleset import RuleSet
from monitor.state.keys import Keys
from monitor.state.silences import SilenceStore
from monitor.state.store import RedisStateStore
from tests.rules.conftest import T0, article, facts_from_text

KYIV = {"strikes": [{"weapon": "drone", "launched": 5, "places": ["Kyiv"], "attacker": "Russia"}]}


def _pipeline(ruleset: RuleSet, store: RedisStateStore, clock: FixedClock) -> Pipeline:
    return Pipeline(ruleset, store, clock, extractor=facts_from_text)


def _reasons(pipeline: Pipeline, *items: object) -> list[str]:
    outcomes = pipeline.process(list(items))  # type: ignore[arg-type]
    return [d.reason for o in outcomes for _, d in o.decisions]


FREQUENCY = """
rules:
  - id: kyiv-outlets
    title: "Kyiv"
    type: frequency
    fact: strike
    where: {places: {contains: Kyiv}}
    frequency: {count: 3, window: 1h, distinct: source}
"""


def test_frequency_counts_distinct_sources_within_the_window(
    rules_from: Callable[[str], RuleSet], store: RedisStateStore
) -> None:
    clock = FixedClock(T0)
    pipeline = _pipeline(rules_from(FREQUENCY), store, clock)
    same = [article(f"a{i}", KYIV, source="one", published=T0) for i in range(3)]
    assert _reasons(pipeline, *same) == ["counting"] * 3
    late = article("b", KYIV, source="two", published=T0 + timedelta(hours=2))
    clock.now = T0 + timedelta(hours=2)
    assert _reasons(pipeline, late) == ["counting"]
    third = article("c", KYIV, source="three", published=T0 + timedelta(hours=2, minutes=5))
    fourth = article("d", KYIV, source="four", published=T0 + timedelta(hours=2, minutes=6))
    assert _reasons(pipeline, third, fourth) == ["counting", "first"]


def test_spike_compares_the_window_with_the_reference(
    rules_from: Callable[[str], RuleSet], store: RedisStateStore
) -> None:
    ruleset = rules_from(
        "rules:\n  - {id: s, title: t, type: spike, fact: strike,"
        " spike: {window: 1h, reference: 10h, ratio: 3, min_count: 3}}\n"
    )
    clock = FixedClock(T0)
    pipeline = _pipeline(ruleset, store, clock)
    # one match an hour for ten hours: a steady rate
    steady = [article(f"s{i}", KYIV, published=T0 - timedelta(hours=10 - i)) for i in range(10)]
    assert set(_reasons(pipeline, *steady)) == {"counting"}
    burst = [article(f"b{i}", KYIV, published=T0 + timedelta(minutes=i)) for i in range(4)]
    assert _reasons(pipeline, *burst) == ["counting", "counting", "first", "cooldown"]


def test_change_fires_when_the_tracked_value_rises(
    rules_from: Callable[[str], RuleSet], store: RedisStateStore
) -> None:
    ruleset = rules_from(
        "rules:\n  - {id: c, title: '{{ fact.count }}', type: change, fact: troops,"
        " dedup_key: '{{ fact.count }}',"
        " change: {field: count, group: '{{ fact.nationality }}', direction: up}}\n"
    )
    pipeline = _pipeline(ruleset, store, FixedClock(T0))

    def troops(title: str, count: int) -> object:
        return article(title, {"troops": [{"nationality": "North Korean", "count": count}]})

    assert _reasons(pipeline, troops("a", 10_000)) == ["baseline"]
    assert _reasons(pipeline, troops("b", 10_000)) == ["unchanged"]
    (outcome,) = pipeline.process([troops("c", 12_000)])  # type: ignore[list-item]
    ((_, decision),) = outcome.decisions
    assert (decision.reason, decision.previous) == ("first", 10_000)
    assert _reasons(pipeline, troops("d", 11_000)) == ["unchanged"]


def test_flatline_fires_when_a_source_is_silent_past_its_window(
    rules_from: Callable[[str], RuleSet], store: RedisStateStore
) -> None:
    ruleset = rules_from(
        "rules:\n  - {id: quiet, title: '{{ fact.name }} quiet {{ fact.silent_for }}', type: flatline,"
        " flatline: {watch: source, name: Ukrinform, window: 6h}}\n"
    )
    clock = FixedClock(T0)
    pipeline = _pipeline(ruleset, store, clock)
    assert pipeline.check_flatlines(T0) == []  # watching starts now
    clock.now = T0 + timedelta(hours=5)
    pipeline.process([article("x", source="ukrinform", published=clock.now)])
    assert pipeline.check_flatlines(T0 + timedelta(hours=10)) == []
    fired = pipeline.check_flatlines(T0 + timedelta(hours=12))
    assert [(m.title, d.reason) for m, d in fired] == [("Ukrinform quiet 7h00m", "first")]
    assert [d.reason for _, d in pipeline.check_flatlines(T0 + timedelta(hours=12, minutes=5))] == ["seen"]


def test_silence_holds_matching_alerts_back_until_it_ends(
    rules_from: Callable[[str], RuleSet], store: RedisStateStore, redis_client: redis.Redis, namespace: str
) -> None:
    ruleset = rules_from("rules:\n  - {id: r, title: t, type: any, fact: strike}\n")
    silences = SilenceStore(redis_client, Keys(namespace))
    silence = silences.add("r", {"attacker": "russia"}, 4 * 3600, "known story", T0)
    assert 0 < redis_client.pttl(Keys(namespace).silence(silence.id)) <= 4 * 3600 * 1000
    clock = FixedClock(T0 + timedelta(hours=1))
    pipeline = _pipeline(ruleset, store, clock)
    ukraine = {"strikes": [{"weapon": "drone", "attacker": "Ukraine"}]}
    assert _reasons(pipeline, article("a", KYIV), article("b", ukraine)) == ["silenced", "first"]
    assert [s.id for s in silences.active(clock.now)] == [silence.id]
    clock.now = T0 + timedelta(hours=5)
    assert _reasons(pipeline, article("c", KYIV)) == ["first"]


def test_silences_list_and_expire(redis_client: redis.Redis, namespace: str) -> None:
    silences = SilenceStore(redis_client, Keys(namespace))
    first = silences.add("*", {}, 3600, "one", T0)
    second = silences.add("r", {"source": "x"}, 7200, "two", T0 + timedelta(seconds=1))
    assert [s.id for s in silences.active(T0)] == [first.id, second.id]
    assert silences.expire(first.id)
    assert not silences.expire(first.id)
    assert [s.id for s in silences.active(T0)] == [second.id]
    assert silences.active(T0 + timedelta(hours=3)) == []


def test_higher_severity_inhibits_lower_of_the_same_story(
    rules_from: Callable[[str], RuleSet], store: RedisStateStore
) -> None:
    ruleset = rules_from(
        """
rules:
  - {id: low, title: t, type: any, fact: strike, severity: info, story: "kyiv"}
  - {id: high, title: t, type: any, fact: strike, severity: critical, story: "kyiv"}
  - {id: other, title: t, type: any, fact: strike, severity: info, story: "elsewhere"}
"""
    )
    pipeline = _pipeline(ruleset, store, FixedClock(T0))
    (outcome,) = pipeline.process([article("a", KYIV)])
    assert [(m.rule_id, d.reason) for m, d in outcome.decisions] == [
        ("high", "first"), ("low", "inhibited"), ("other", "first")
    ]  # fmt: skip


def test_aggregation_sends_one_alert_with_counts_per_group(
    rules_from: Callable[[str], RuleSet], store: RedisStateStore, redis_client: redis.Redis, namespace: str
) -> None:
    ruleset = rules_from(
        "rules:\n  - {id: agg, title: '{{ item.title }}', type: any, fact: strike,"
        " aggregation: {window: 1h, group: '{{ item.source }}'}}\n"
    )
    clock = FixedClock(T0)
    pipeline = _pipeline(ruleset, store, clock)
    items = [article(f"t{i}", KYIV, source="a" if i < 2 else "b") for i in range(3)]
    assert _reasons(pipeline, *items) == ["aggregated"] * 3
    assert pipeline.flush_aggregations(T0 + timedelta(minutes=30)) == []
    (alert,) = pipeline.flush_aggregations(T0 + timedelta(hours=1))
    assert alert.reason == "aggregated"
    assert alert.fact["groups"] == {"a": 2, "b": 1}
    assert alert.text.splitlines()[:2] == ["a: 2", "b: 1"]
    entries = RedisOutbox(redis_client, Keys(namespace)).read_new()
    assert [e.alert.reason for e in entries] == ["aggregated"]
    assert pipeline.flush_aggregations(T0 + timedelta(hours=2)) == []


def test_fired_alerts_carry_their_reason_into_the_outbox(
    rules_from: Callable[[str], RuleSet], store: RedisStateStore, redis_client: redis.Redis, namespace: str
) -> None:
    ruleset = rules_from(
        "rules:\n  - {id: r, title: '{{ fact.size }}', text: 'body {{ fact.size }}', type: record,"
        " fact: strike, record: {group: '{{ fact.attacker }}'}, dedup_key: '{{ fact.size }}'}\n"
    )
    pipeline = _pipeline(ruleset, store, FixedClock(T0))
    big = {"strikes": [{"weapon": "drone", "launched": 50, "attacker": "Russia"}]}
    assert _reasons(pipeline, article("a", KYIV), article("b", big), article("c", KYIV)) == [
        "baseline", "first", "not_record"
    ]  # fmt: skip
    (entry,) = RedisOutbox(redis_client, Keys(namespace)).read_new()
    assert (entry.alert.reason, entry.alert.previous, entry.alert.text) == ("first", 5, "body 50")
