"""Rule loading cost against the number of rules: it must grow linearly (issue 14).

Run: .venv/bin/python benchmarks/bench_rules_load.py [--counts 1000,10000]
Rules are the repository's own rules (where: conditions, keywords, record/threshold/new_term
types, templates with filters) copied under new ids and distinct titles, without their
examples, written to one
YAML file each count, then loaded with ``load_rules`` as `rules check` and the service do.
Prints seconds per count and the ratio to the first count, beside the linear ratio.
"""

from __future__ import annotations

import argparse
import copy
import tempfile
import time
from pathlib import Path

import yaml

from monitor.rules.loader import load_rules

RULES = Path(__file__).resolve().parent.parent / "rules"


def write_rules(folder: Path, count: int) -> None:
    base = [
        rule
        for path in sorted(RULES.glob("*.yaml"))
        for rule in (yaml.safe_load(path.read_text()) or {}).get("rules", [])
    ]
    rules = []
    for n in range(count):
        rule = copy.deepcopy(base[n % len(base)])
        rule["id"] = f"{rule['id']}-{n}"
        rule["title"] = f"{rule['title']} (#{n})"  # every template distinct, as analysts write them
        rule.pop("examples", None)
        rules.append(rule)
    (folder / "lists.yaml").write_text((RULES / "lists.yaml").read_text())
    (folder / "rules.yaml").write_text(yaml.safe_dump({"rules": rules}, sort_keys=False))


def write_keyword_rules(folder: Path, count: int) -> None:
    """One-line keyword rules, the shape of the issue's 20,000-rule (2 MB) file."""
    lines = ["rules:"]
    for n in range(count):
        lines += [
            f"  - id: rule-{n}", "    type: any", "    fact: item",
            f'    title: "Rule {n}: {{{{ item.title }}}}"', f'    keywords: {{any: ["word{n}", "other{n}"]}}',
        ]  # fmt: skip
    (folder / "rules.yaml").write_text("\n".join(lines) + "\n")


WORKLOADS = {"repository": write_rules, "keywords": write_keyword_rules}


def timed_load(folder: Path) -> tuple[float, int]:
    """CPU seconds of the load (steadier than wall time on a shared machine), and the rules."""
    started = time.process_time()
    ruleset, problems = load_rules([folder])
    took = time.process_time() - started
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise SystemExit(f"unexpected errors: {errors[:3]}")
    return took, len(ruleset.rules)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--counts", default="1000,10000")
    counts = [int(c) for c in parser.parse_args().counts.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        for workload, write in WORKLOADS.items():
            results = []
            for count in counts:
                folder = Path(tmp) / f"{workload}-{count}"
                folder.mkdir()
                write(folder, count)
                size = (folder / "rules.yaml").stat().st_size
                took, loaded = timed_load(folder)
                results.append((count, took))
                print(f"{workload}: {loaded:>6} rules ({size / 1e6:.1f} MB): {took:.2f}s CPU")
            first_count, first_time = results[0]
            for count, took in results[1:]:
                ratio, linear = took / first_time, count / first_count
                print(f"{workload}: ratio {count}/{first_count}: {ratio:.1f}x (linear: {linear:.0f}x)")


if __name__ == "__main__":
    main()
