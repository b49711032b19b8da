"""The cost per item of rules and decisions as the rule count grows, facts given, in wall time
and in this process's CPU time (a loaded machine inflates the first far more than the second),
with the reasons of every decision: how many matches the state check alone turned down, which
the two-phase decide never renders.

    REDIS_URL=redis://127.0.0.1:6379 python -m benchmarks.bench_decide [--items 1000] [--rules 10,10000]

The workload is ``python -m benchmarks``' (benchmarks/workload.py); the ratios are to the
first rule count, measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
import uuid
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from benchmarks import scenarios
from monitor.assembly import assemble
from monitor.clock import FixedClock
from monitor.state.connection import connect
from monitor.state.keys import Keys
from monitor.state.namespace import Namespace
from monitor.state.store import RedisStateStore

BATCH = 256


def run(work: scenarios.Workload, rules: int) -> tuple[float, float, Counter[str]]:
    """Items per second (wall), CPU ms per item, decisions by reason."""
    clock = FixedClock(datetime(1970, 1, 1, tzinfo=UTC))
    state = Namespace(work.client, Keys(f"bench-decide-{uuid.uuid4().hex[:8]}"))
    parts = assemble(state, work.ruleset(rules), clock=clock, extractor=lambda a: work.facts[a.item_id])
    reasons: Counter[str] = Counter()
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        for start in range(0, len(work.items), BATCH):
            batch = work.items[start : start + BATCH]
            clock.now = max([clock.now, *(i.published for i in batch if i.published)])
            for outcome in parts.pipeline.process(batch):
                reasons.update(decision.reason for _, decision in outcome.decisions)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    finally:
        parts.close()
        RedisStateStore(work.client, state.keys).reset()
    return len(work.items) / wall, cpu * 1000 / len(work.items), reasons


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--rules", default="10,10000")
    args = parser.parse_args()
    connection = connect(os.environ.get("REDIS_URL"), Path(tempfile.mkdtemp(prefix="bench-redis-")))
    try:
        work = scenarios.prepare(connection.client, args.items)
        first: tuple[float, float] | None = None
        for count in (int(c) for c in args.rules.split(",")):
            rate, cpu, reasons = run(work, count)
            first = first or (rate, cpu)
            settled = reasons["known_term"] + reasons["not_record"]
            print(
                f"{count:,} rules: {rate:,.0f} items/s ({first[0] / rate:.2f}x the cost of the first), "
                f"CPU {cpu:.2f} ms/item ({cpu / first[1]:.2f}x); {sum(reasons.values()):,} decisions, "
                f"{settled:,} turned down by the state check alone; {dict(reasons.most_common())}; "
                f"load average {os.getloadavg()[0]:.1f}",
                flush=True,
            )
    finally:
        connection.close()


if __name__ == "__main__":
    main()
