"""Extractor stages on a fixed subset, for instruction counts under valgrind's callgrind.

Instruction counts do not depend on the load of the machine, so they compare two versions of
the extractor on a shared machine. Each stage runs the extractor up to that stage on the
benchmark's first ``N`` articles (default 150), after a warm-up on other articles. The measured
loop is marked by two system calls that nothing else in it makes: callgrind zeroes its counters
on entering ``os.getppid`` and writes them out on entering ``os.getpid``, so the first dump
(``/tmp/cg.out.1``) holds the loop alone. Run, for a stage and subset size:

    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.out \\
        --zero-before=os_getppid --dump-before=os_getpid \\
        .venv/bin/python -m benchmarks.callgrind_extract extract 150
    grep summary /tmp/cg.out.1
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from benchmarks.bench_extract import build_articles, tokenize_only
from monitor.extract import extract
from monitor.extract.casualties import find_casualties
from monitor.extract.document import sentences_of
from monitor.extract.strikes import find_strikes
from monitor.extract.troops import find_troops
from monitor.extract.weapons import find_weapons
from monitor.models.item import Article


def _upto(stage: int) -> Callable[[Article], object]:
    """The extractor's stages in order, stopped after ``stage`` of them."""
    finders = (find_strikes, find_troops, find_weapons, find_casualties)

    def run(article: Article) -> object:
        sentences = sentences_of(article)
        for finder in finders[:stage]:
            finder(sentences)
        return sentences

    return run


STAGES: dict[str, Callable[[Article], object]] = {
    "setup": lambda article: None,
    "tokenize": tokenize_only,
    "sentences": _upto(0),
    "strikes": _upto(1),
    "troops": _upto(2),
    "weapons": _upto(3),
    "casualties": _upto(4),
    "extract": extract,
}


def main() -> None:
    stage = STAGES[sys.argv[1]]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 150
    articles = build_articles()
    for article in articles[-50:]:  # lazy imports and caches, outside the measured subset
        extract(article)
    os.getppid()  # callgrind: zero the counters here
    for article in articles[:count]:
        stage(article)
    os.getpid()  # callgrind: dump the counters here


if __name__ == "__main__":
    main()
