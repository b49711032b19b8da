"""Matching cost against the number of rules: the engine vs a naive loop of one re.search per rule.

Run: /work/venv/bin/python benchmarks/bench_rules.py [--articles 1000]
Generated keyword rules (10, 100, 1,000, 10,000) over ~4 KB generated articles; matching only
(``evaluate`` with empty Facts on item-level rules), no state. Prints articles/second and ratios.
"""

from __future__ import annotations

import argparse
import random
import re
import time

from monitor.models import Facts, Item
from monitor.rules.compiled import RuleCompiler
from monitor.rules.engine import evaluate
from monitor.rules.lists import ListResolver
from monitor.rules.model import Rule
from monitor.rules.ruleset import RuleSet

RULE_COUNTS = (10, 100, 1_000, 10_000)
FILLER = [f"w{i}" for i in range(3_000)] + ["Kyiv", "drones", "Russia", "missiles", "attack", "the", "of"]
KEYWORDS = [f"kw{i}x" for i in range(20_000)]


def make_ruleset(count: int, rng: random.Random) -> RuleSet:
    compiler = RuleCompiler(ListResolver({}))
    rules = []
    for i in range(count):
        words = rng.sample(KEYWORDS, 2)
        rule = Rule.model_validate(
            {"id": f"r{i}", "title": "t", "type": "any", "fact": "item", "keywords": {"any": words}}
        )
        rules.append(compiler.build(rule, lambda loc, msg: None, i))
    return RuleSet(tuple(rules))


def make_articles(count: int, rng: random.Random) -> list[Item]:
    items = []
    for i in range(count):
        words = [rng.choice(FILLER) for _ in range(700)] + rng.sample(KEYWORDS, 5)
        rng.shuffle(words)
        text = " ".join(words)[:4_096]
        items.append(Item(id=str(i), source="bench", title=f"article {i}", text=text))
    return items


def engine_rate(ruleset: RuleSet, items: list[Item]) -> tuple[float, int]:
    facts = Facts()
    for item in items[:50]:  # warm up caches before timing
        evaluate(ruleset, item, facts)
    started = time.perf_counter()
    hits = sum(len(evaluate(ruleset, item, facts)) for item in items)
    return len(items) / (time.perf_counter() - started), hits


def naive_rate(ruleset: RuleSet, items: list[Item]) -> tuple[float, int]:
    patterns = [
        re.compile("|".join(rf"\b{re.escape(w)}\b" for w in sorted(r.keywords)), re.IGNORECASE)
        for r in ruleset.rules
    ]
    started = time.perf_counter()
    hits = 0
    for item in items:
        text = f"{item.title}\n{item.text}"
        hits += sum(1 for p in patterns if p.search(text))
    return len(items) / (time.perf_counter() - started), hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1_000)
    parser.add_argument("--naive-articles", type=int, default=100, help="Articles for the slow baseline.")
    args = parser.parse_args()
    rng = random.Random(5)
    items = make_articles(args.articles, rng)
    print(f"{args.articles} articles, {sum(len(i.text) for i in items) / len(items):.0f} chars each")
    print(f"{'rules':>7} {'engine art/s':>13} {'naive art/s':>12} {'speed-up':>9} {'hits':>6}")
    rates: dict[int, float] = {}
    for count in RULE_COUNTS:
        ruleset = make_ruleset(count, rng)
        rate, hits = engine_rate(ruleset, items)
        sample = items[: args.naive_articles]
        naive, naive_hits = naive_rate(ruleset, sample)
        engine_sample_hits = sum(len(evaluate(ruleset, i, Facts())) for i in sample)
        assert naive_hits == engine_sample_hits, (naive_hits, engine_sample_hits)
        rates[count] = rate
        print(f"{count:>7} {rate:>13.0f} {naive:>12.0f} {rate / naive:>8.1f}x {hits:>6}")
    print(f"time per article, 10,000 rules vs 10 rules: {rates[10] / rates[10_000]:.2f}x (target <= 3x)")


if __name__ == "__main__":
    main()
