"""``python -m benchmarks``: every scenario three times; medians, min, max and ratios to baselines.

    python -m benchmarks [--items 4000] [--rules 10,100,1000,10000] [--runs 3] [--only rules|others]
                         [--readme]

Redis: ``REDIS_URL`` when set, else an embedded one. Benchmarks print figures; tests never
assert on time. ``--readme`` rewrites the performance table in README.md from this run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks import latency, scenarios
from monitor.state.connection import connect

README = Path(__file__).resolve().parents[1] / "README.md"
START, END = "<!-- benchmarks:start -->", "<!-- benchmarks:end -->"


@dataclass
class Figure:
    """One scenario's runs."""

    name: str
    unit: str
    runs: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    def cell(self) -> str:
        return f"{_fmt(self.median)} ({_fmt(min(self.runs))}-{_fmt(max(self.runs))})"


def _fmt(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


class Suite:
    def __init__(self, runs: int) -> None:
        self.runs = runs
        self.figures: dict[str, Figure] = {}
        #: The 1-minute load average after each scenario: a figure from a busy machine says so.
        self.loads: list[float] = []

    def measure(self, name: str, unit: str, run: Callable[[], float]) -> Figure:
        return self.record(name, unit, [run() for _ in range(self.runs)])

    def record(self, name: str, unit: str, values: list[float]) -> Figure:
        figure = Figure(name, unit, values)
        self.figures[name] = figure
        load = os.getloadavg()[0]
        self.loads.append(load)
        print(f"  {name}: {figure.cell()} {unit} (load average {load:.1f})", file=sys.stderr, flush=True)
        return figure


def run_rules(suite: Suite, work: scenarios.Workload, counts: list[int]) -> list[str]:
    rows = [
        "| rules | backtest, extraction on (items/s) | facts given (items/s) | fair naive | "
        "one regex per rule | vs naive | vs regex | load (s) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for count in counts:
        print(f"{count} rules", file=sys.stderr)

        def backtest(extraction: bool, c: int = count) -> float:
            return scenarios.backtest_rate(work, c, extraction=extraction)

        def baseline(kind: str, c: int = count) -> float:
            return scenarios.baseline_rate(work, c, kind)

        def load_rules(c: int = count) -> float:
            return scenarios.load_seconds(work, c)

        load = suite.measure(f"load {count}", "s", load_rules)
        full = suite.measure(f"backtest {count}", "items/s", lambda: backtest(True))
        given = suite.measure(f"given {count}", "items/s", lambda: backtest(False))
        naive = suite.measure(f"naive {count}", "items/s", lambda: baseline("naive"))
        regex = suite.measure(f"regex {count}", "items/s", lambda: baseline("regex"))
        rows.append(
            f"| {count:,} | {full.cell()} | {given.cell()} | {naive.cell()} | {regex.cell()} | "
            f"{full.median / naive.median:.1f}x | {full.median / regex.median:.1f}x | {load.cell()} |"
        )
    return rows


def run_others(suite: Suite, work: scenarios.Workload, counts: list[int]) -> list[str]:
    rows = ["| what | median (min-max) | compared with |", "|---|---|---|"]
    small, large = f"given {min(counts)}", f"given {max(counts)}"
    if small in suite.figures and large in suite.figures and min(counts) != max(counts):
        ratio = suite.figures[small].median / suite.figures[large].median
        what = f"cost per item, {max(counts):,} rules vs {min(counts):,} (facts given)"
        rows.append(f"| {what} | {ratio:.2f}x | target <= 3x |")
    peak = suite.measure("peak", "MB", lambda: scenarios.peak_memory_mb(work, max(counts)))
    rows.append(f"| peak memory, {max(counts):,} rules loaded and run (MB) | {peak.cell()} | target < 500 |")
    size = 1000 if 1000 in counts else max(counts)
    ruleset = work.ruleset(size)
    for first, label in ((False, "steady state, one new entry per feed"), (True, "first poll of 200 feeds")):
        runs = [latency.latencies(work.client, ruleset, first_poll=first) for _ in range(suite.runs)]
        p50 = suite.record(f"latency p50, {label}", "ms", [r[0] for r in runs])
        p99 = suite.record(f"latency p99, {label}", "ms", [r[1] for r in runs])
        target = "1,000" if first else "250"
        rows.append(
            f"| feed bytes to the sink's send, {label}: p50 / p99 (ms), {size:,} rules | "
            f"{p50.cell()} / {p99.cell()} | p99 target < {target} |"
        )
    fast = suite.measure("parse fast", "entries/s", lambda: scenarios.parse_rate(scenarios.PARSE_FAST))
    slow = suite.measure("parse default", "entries/s", lambda: scenarios.parse_rate(scenarios.PARSE_DEFAULT))
    rows.append(
        f"| feedparser, 2 MB feed of 40 KB HTML entries (entries/s) | {fast.cell()} | "
        f"sanitizing and URI resolution on: {slow.cell()} ({fast.median / slow.median:.1f}x) |"
    )
    new = suite.measure("seen bytes", "B/item", lambda: scenarios.seen_bytes(work, old=False))
    old = suite.measure("seen bytes old", "B/item", lambda: scenarios.seen_bytes(work, old=True))
    rows.append(f"| Redis bytes per seen item | {new.cell()} | a key per item: {old.cell()}; target < 150 |")
    helps = suite.measure("help", "s", scenarios.startup([scenarios.MONITOR, "--help"]))
    bare = suite.measure("bare", "s", scenarios.startup([scenarios.PYTHON, "-c", "pass"]))
    rows.append(f"| `monitor --help` (s) | {helps.cell()} | bare interpreter {bare.cell()}; target < 0.3 |")
    seeds = suite.measure("seed replay", "s", lambda: scenarios.seed_replay_seconds(work))
    rows.append(f"| `monitor replay seeds/` (13 items, whole command) (s) | {seeds.cell()} | |")
    return rows


def rewrite_readme(table: str) -> None:
    text = README.read_text(encoding="utf-8")
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    README.write_text(f"{head}{START}\n{table}\n{END}{tail}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=4_000, help="corpus size (default 4,000)")
    parser.add_argument("--rules", default="10,100,1000,10000", help="rule counts (comma separated)")
    parser.add_argument("--runs", type=int, default=3, help="runs per scenario (default 3)")
    parser.add_argument("--readme", action="store_true", help="rewrite README.md's performance table")
    parser.add_argument(
        "--only",
        choices=("rules", "others"),
        help="run only the backtest table (rules) or only the other scenarios (latency, parsing, ...)",
    )
    args = parser.parse_args()
    if args.readme and args.only:
        parser.error("--readme rewrites the whole table: run every scenario (no --only)")
    counts = [int(c) for c in args.rules.split(",")]
    connection = connect(os.environ.get("REDIS_URL"), Path(tempfile.mkdtemp(prefix="bench-redis-")))
    started = time.perf_counter()
    print(f"preparing {args.items:,} items (extracting their facts once for the baselines)", file=sys.stderr)
    work = scenarios.prepare(connection.client, args.items)
    suite = Suite(args.runs)
    try:
        rules = run_rules(suite, work, counts) if args.only != "others" else []
        others = run_others(suite, work, counts) if args.only != "rules" else []
    finally:
        connection.close()
    cores = os.cpu_count()
    note = (
        f"{args.items:,} generated items of about 3 KB, {cores} cores, {args.runs} runs per scenario "
        f"(median, min-max), the machine shared with other work; `python -m benchmarks --items "
        f"{args.items}` took {time.perf_counter() - started:.0f} s. 1-minute load average after "
        f"each scenario: {min(suite.loads):.1f} to {max(suite.loads):.1f} on {cores} cores."
    )
    table = "\n".join([*rules, "", *others, "", note])
    print(table)
    if args.readme:
        rewrite_readme(table)


if __name__ == "__main__":
    main()
