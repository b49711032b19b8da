"""What a rule costs per item when the index cannot file it (monitor/rules/index.py).

Run: .venv/bin/python benchmarks/bench_unindexed.py [--items 600] [--rules 1000]

Each shape is 1,000 rules (their own tests all run, then a last test that never holds: no
rendering, no state) added to the same 100 generated rules; the figure is the extra CPU per item
for 1,000 such rules, the first row being 1,000 rules the index files under a place that never
occurs (the baseline, same run). Corpus: the benchmark suite's, facts extracted once.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from benchmarks import workload
from monitor.extract import extract
from monitor.models import Article, Facts, Item
from monitor.rules.engine import evaluate
from monitor.rules.loader import load_rules
from monitor.rules.ruleset import RuleSet

NOWHERE = "Nowhere-on-the-map"


#: Last of a rule's tests and never true: the shapes' own tests all run, no rule matches.
NEVER = {"not": {"source": workload.OUTLETS}}


def _rule(n: int, fact: str, **parts: Any) -> dict[str, Any]:
    return {"id": f"shape-{n}", "title": "t", "type": "any", "fact": fact, "when": NEVER, **parts}


#: name -> (what the index does with it, one generated rule)
SHAPES: dict[str, tuple[str, Any]] = {
    "indexed: where places contains a place (baseline)": (
        "filed under the place",
        lambda n: _rule(n, "strike", where={"places": {"contains": f"{NOWHERE}-{n}"}}),
    ),
    "where weapon: drone (a field with a few values)": (
        "filed under the value; every drone strike is a candidate",
        lambda n: _rule(n, "strike", where={"weapon": "drone", "places": {"ne": f"{NOWHERE}-{n}"}}),
    ),
    "where launched gte 1 (a low bound)": (
        "sorted bounds; every strike with a count is a candidate",
        lambda n: _rule(n, "strike", where={"launched": {"gte": 1}, "places": {"ne": f"{NOWHERE}-{n}"}}),
    ),
    "when any: of two places": (
        "not indexed: tested on every strike",
        lambda n: _rule(
            n,
            "strike",
            when={"all": [{"any": [{"fact": {"places": {"contains": NOWHERE}}}, {"fact": {"models": "x"}}]},
                          NEVER]},
        ),
    ),
    "where attacker ne / exists only": (
        "not indexed: tested on every strike",
        lambda n: _rule(n, "strike", where={"attacker": {"exists": True}, "places": {"ne": NOWHERE}}),
    ),
    "regex on the text (fact: item)": (
        "not indexed: tested on every item, the regex run once per rule and item",
        lambda n: _rule(n, "item", when={"regex": rf"\b{NOWHERE}{n}\b", "in": "text"}),
    ),
}  # fmt: skip


def _ruleset(folder: Path, name: str, extra: list[dict[str, Any]]) -> RuleSet:
    document = workload.rules(100)
    rules: list[Any] = document["rules"]  # type: ignore[assignment]
    document["rules"] = [*rules, *extra]
    path = folder / f"{abs(hash(name))}.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    ruleset, problems = load_rules([path])
    errors = [str(p) for p in problems if p.severity == "error"]
    assert not errors, errors[:3]
    return ruleset


def _cpu_per_item(ruleset: RuleSet, items: list[Item], facts: dict[str, Facts]) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        for item in items:
            evaluate(ruleset, item, facts[item.id])
        best = min(best, time.process_time() - started)
    return best / len(items)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=600)
    parser.add_argument("--rules", type=int, default=1000)
    args = parser.parse_args()
    items = workload.corpus(args.items)
    facts = {item.id: extract(Article.from_item(item)) for item in items}
    folder = Path(tempfile.mkdtemp(prefix="bench-unindexed-"))
    base = _cpu_per_item(_ruleset(folder, "base", []), items, facts)
    print(f"100 generated rules: {base * 1e6:.0f} us per item (CPU, best of 3)")
    print("| shape | what the index does | CPU per item, 1,000 such rules (us) |")
    print("|---|---|---|")
    for name, (how, make) in SHAPES.items():
        ruleset = _ruleset(folder, name, [make(n) for n in range(args.rules)])
        extra = _cpu_per_item(ruleset, items, facts) - base
        print(f"| {name} | {how} | {extra / args.rules * 1e9:,.0f} |")


if __name__ == "__main__":
    main()
