"""Peak memory of a fresh process that loads a rule file and backtests 500 items with it.

Run by ``python -m benchmarks``: ``python -m benchmarks.peak RULES_FILE REDIS_URL``.
"""

from __future__ import annotations

import resource
import sys
from pathlib import Path

import redis

from benchmarks import workload
from monitor.models import Facts
from monitor.rules.loader import load_rules
from monitor.tools.backtest import backtest


def main() -> None:
    ruleset, _ = load_rules([Path(sys.argv[1])])
    client = redis.Redis.from_url(sys.argv[2])
    backtest(client, ruleset, workload.corpus(500), extractor=lambda article: Facts())
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


if __name__ == "__main__":
    main()
