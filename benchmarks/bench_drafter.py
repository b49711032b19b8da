"""What the count-role drafter costs: strike extraction with the grammar alone versus the grammar
revised by the drafter, over the same articles as bench_extract, interleaved, best of five.

Run: ``.venv/bin/python benchmarks/bench_drafter.py``. Prints strike passes per second for both
and their ratio (CPU time of this process, so neighbours on the machine matter less).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from benchmarks.bench_extract import build_articles
from monitor.extract.document import Sentence, sentences_of
from monitor.extract.drafter import SHIPPED_DRAFTER
from monitor.extract.strikes import find_strikes

PASSES = 5


def _rate(sentences: list[list[Sentence]], work: Callable[[list[Sentence]], object]) -> float:
    start = time.process_time()
    for article in sentences:
        work(article)
    return len(sentences) / (time.process_time() - start)


def main() -> None:
    # sentences are split once; their tokens and places are cached after the warm-up pass
    sentences = [sentences_of(article) for article in build_articles()]
    for article in sentences:
        find_strikes(article, drafter=SHIPPED_DRAFTER)
    alone: list[float] = []
    revised: list[float] = []
    for _ in range(PASSES):
        alone.append(_rate(sentences, lambda s: find_strikes(s, drafter=None)))
        revised.append(_rate(sentences, lambda s: find_strikes(s, drafter=SHIPPED_DRAFTER)))
    print(f"articles: {len(sentences)}")
    print(f"strikes, grammar alone:        {max(alone):8.0f} articles/s")
    print(f"strikes, grammar + drafter:    {max(revised):8.0f} articles/s")
    print(f"ratio (with drafter / alone): {max(revised) / max(alone):.3f}")


if __name__ == "__main__":
    main()
