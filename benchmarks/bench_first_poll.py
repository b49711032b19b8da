"""Where a first poll's time goes: the pipeline's ingest thread profiled through one first poll.

    REDIS_URL=redis://127.0.0.1:6379 python -m benchmarks.bench_first_poll [--rules 1000]

200 feeds of 5 entries answer at once (benchmarks/latency.py); prints p50 and p99 (ms) and the
seconds the ingest thread spent in each stage: extraction (waiting for the worker pool), the
story join, the rules and the decision, against the whole of its processing.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import tempfile
from pathlib import Path

from benchmarks import latency, scenarios
from monitor.state.connection import connect

STAGES = {
    "processing, in all": ("pipeline.py", "process"),
    "extraction (worker pool)": ("pipeline.py", "_extract"),
    "story join": ("pipeline.py", "_joined_all"),
    "rules (evaluate)": ("pipeline.py", "_match"),
    "decisions (state, outbox)": ("pipeline.py", "_decide_all"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rules", type=int, default=1000)
    args = parser.parse_args()
    connection = connect(os.environ.get("REDIS_URL"), Path(tempfile.mkdtemp(prefix="bench-redis-")))
    try:
        work = scenarios.prepare(connection.client, 10)
        profile = cProfile.Profile()
        p50, p99, alerts = latency.latencies(
            connection.client, work.ruleset(args.rules), first_poll=True, profile=profile
        )
    finally:
        connection.close()
    stats: dict[tuple[str, int, str], tuple[int, int, float, float, object]] = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    head = f"first poll of 200 feeds, {args.rules:,} rules"
    print(f"{head}: p50 {p50:,.0f} ms, p99 {p99:,.0f} ms, {alerts} alerts")
    for label, (module, function) in STAGES.items():
        seconds = sum(
            v[3] for (path, _, name), v in stats.items() if path.endswith(module) and name == function
        )
        print(f"  {label}: {seconds:.2f} s")
    print(f"  load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
