"""Deciding a batch in one round trip takes the decisions deciding each item alone would take."""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

import redis

from monitor.clock import FixedClock
from monitor.models import Item
from monitor.pipeline import Pipeline
from monitor.rules.loader import load_rules
from monitor.state.keys import Keys
from monitor.state.store import RedisStateStore
from tests.rules.conftest import T0, article, facts_from_text

RULES = Path(__file__).resolve().parents[2] / "rules"
EXTRA = """
rules:
  - id: odesa-outlets
    title: "Odesa"
    type: frequency
    fact: strike
    where: {places: {contains: Odesa}}
    frequency: {count: 2, window: 1h, distinct: source}
  - id: launched-change
    title: "change"
    type: change
    fact: strike
    where: {weapon: drone}
    change: {field: launched, group: "{{ fact.attacker }}"}
"""


def corpus(seed: int, size: int) -> list[Item]:
    """Strikes and troop reports that set records, repeat, corroborate and change values."""
    rng = random.Random(seed)
    items = []
    for n in range(size):
        strike = {
            "weapon": rng.choice(["drone", "missile"]),
            "attacker": rng.choice(["Russia", "Ukraine"]),
            "launched": rng.choice([40, 100, 150, 150, 300, 500]),
            "places": rng.sample(["Odesa", "Kyiv", "Sumy"], 1),
            "record_claim": rng.random() < 0.1,
            "theatre": "russia-ukraine",
        }
        nationality = rng.choice(["North Korean", "Cuban", "Nepali"])
        troops = {"nationality": nationality, "side": "Russia", "theatre": "russia-ukraine"}
        facts = {"strikes": [strike], "troops": [troops] if rng.random() < 0.3 else []}
        source = rng.choice(["reuters", "ap", "kyiv independent"])
        when = T0 + timedelta(minutes=5 * n)
        items.append(article(f"item {n % (size - 5)}", facts, source=source, published=when))
    return items


def decisions(
    client: redis.Redis, namespace: str, rules: list[Path], items: list[Item], batch: int
) -> list[tuple[str, str, str]]:
    ruleset, problems = load_rules(rules)
    assert not [p for p in problems if p.severity == "error"]
    clock = FixedClock(T0 + timedelta(days=1))
    pipeline = Pipeline(ruleset, RedisStateStore(client, Keys(namespace)), clock, extractor=facts_from_text)
    out: list[tuple[str, str, str]] = []
    for start in range(0, len(items), batch):
        for outcome in pipeline.process(items[start : start + batch]):
            out.extend((m.rule_id, m.item_id, d.reason) for m, d in outcome.decisions)
    return out


def test_batch_decisions_equal_one_item_at_a_time(
    redis_client: redis.Redis, namespace: str, tmp_path: Path
) -> None:
    (tmp_path / "extra.yaml").write_text(EXTRA, encoding="utf-8")
    rules = [RULES, tmp_path / "extra.yaml"]
    items = corpus(3, 120)
    alone = decisions(redis_client, f"{namespace}-alone", rules, items, 1)
    batched = decisions(redis_client, f"{namespace}-batched", rules, items, 64)
    reasons = {reason for *_, reason in alone}
    assert reasons >= {"first", "not_record", "baseline", "known_term", "counting", "unchanged"}
    assert batched == alone
