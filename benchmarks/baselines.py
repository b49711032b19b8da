"""The two baselines every rules scenario is compared with, run in the same process and run.

Both are given the facts (they do no extraction at all) and pay one Redis call per item (a
``SET NX`` of the item id), as the simplest correct monitor would.

* fair naive: tokenize the item once, then check every rule in turn: keywords by set lookup,
  ``where:`` conditions and the threshold by plain comparisons;
* regex: the old loop, one compiled regular expression per rule with keywords, searched over the
  whole text, then the same conditions.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Sequence
from typing import Any

import redis

from monitor.models import Facts, Item
from monitor.models.kinds import facts_of
from monitor.rules.compiled import CompiledRule
from monitor.rules.conditions import FactNode
from monitor.rules.engine import passes_bounds
from monitor.rules.predicates import check_field
from monitor.rules.ruleset import RuleSet

_WORD = re.compile(r"\w[\w'-]*")


def _conditions(compiled: CompiledRule) -> list[FactNode]:
    return [n for n in compiled.condition.children if isinstance(n, FactNode)]


def _fact_ok(compiled: CompiledRule, tests: list[FactNode], fact: dict[str, Any]) -> bool:
    if not all(check_field(fact.get(t.name), t.check) for t in tests):
        return False
    spec: Any = compiled.rule.spec
    if compiled.rule.type == "threshold":
        return passes_bounds(fact.get(spec.field), spec.gte, spec.gt, spec.lte, spec.lt)
    return True


def _matches(compiled: CompiledRule, tests: list[FactNode], facts: Facts) -> int:
    return sum(1 for fact in facts_of(compiled.rule.fact, facts) if _fact_ok(compiled, tests, fact))


def fair_naive(ruleset: RuleSet) -> Callable[[Item, Facts], int]:
    """Matches of one item by the fair naive loop (the caller adds the Redis call)."""
    rules = [(r, _conditions(r), [tuple(w.split()) for w in r.keywords]) for r in ruleset.enabled]

    def run(item: Item, facts: Facts) -> int:
        tokens = set(_WORD.findall(f"{item.title}\n{item.text}".casefold()))
        hits = 0
        for compiled, tests, phrases in rules:
            if phrases and not all(all(t in tokens for t in phrase) for phrase in phrases):
                continue
            hits += _matches(compiled, tests, facts)
        return hits

    return run


def one_regex_per_rule(ruleset: RuleSet) -> Callable[[Item, Facts], int]:
    """Matches of one item by the old loop: a regex search per rule with keywords."""
    rules = []
    for compiled in ruleset.enabled:
        words = sorted(compiled.keywords)
        pattern = "|".join(rf"\b{re.escape(w)}\b" for w in words)
        rules.append((compiled, _conditions(compiled), re.compile(pattern, re.IGNORECASE) if words else None))

    def run(item: Item, facts: Facts) -> int:
        text = f"{item.title}\n{item.text}"
        hits = 0
        for compiled, tests, regex in rules:
            if regex is not None and not regex.search(text):
                continue
            hits += _matches(compiled, tests, facts)
        return hits

    return run


def run_baseline(
    loop: Callable[[Item, Facts], int], client: redis.Redis, items: Sequence[Item], facts: dict[str, Facts]
) -> int:
    """The loop over the items, one ``SET NX`` per item; returns the matches found."""
    prefix = f"bench-naive-{uuid.uuid4().hex[:8]}:"
    hits = 0
    try:
        for item in items:
            client.set(prefix + item.id, 1, nx=True, ex=600)
            hits += loop(item, facts[item.id])
    finally:
        keys = list(client.scan_iter(match=prefix + "*", count=1000))
        for start in range(0, len(keys), 500):
            client.delete(*keys[start : start + 500])
    return hits
