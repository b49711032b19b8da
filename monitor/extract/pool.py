"""Extraction in worker processes, for batches large enough to pay for the hand-off."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures.process import BrokenProcessPool

from monitor.extract.extractor import extract
from monitor.models import Article, Facts
from monitor.pools import ProcessPool

#: Below this many articles a batch is extracted in the calling thread: the pickling round
#: trip to a worker costs more than it saves.
MIN_BATCH = 8
#: Workers start (about 2 s) once this many articles have come, in one batch or several: a
#: short replay (the 13 seeds) is done in the caller sooner than the pool would be up, while
#: a service or a long replay starts it within its first few batches.
START_AFTER = 48


def _extract_chunk(articles: Sequence[Article]) -> list[Facts]:
    return [extract(article) for article in articles]


class ProcessExtractor:
    """Extracts batches of articles in worker processes, so extraction runs beside fetching
    and rule matching instead of competing with them for the GIL. Results come back in
    order; a broken worker pool is replaced and the batch extracted in the caller."""

    def __init__(self, workers: int = 1) -> None:
        self.workers = max(1, workers)
        self._pool = ProcessPool(self.workers)
        #: Articles asked for so far (the pool starts at START_AFTER).
        self._count = 0

    def __call__(self, articles: Sequence[Article]) -> list[Facts]:
        self._count += len(articles)
        if len(articles) < MIN_BATCH or (not self._pool.started and self._count < START_AFTER):
            return _extract_chunk(articles)
        size = -(-len(articles) // self.workers)
        chunks = [articles[i : i + size] for i in range(0, len(articles), size)]
        try:
            futures = [self._pool.executor().submit(_extract_chunk, chunk) for chunk in chunks]
            return [facts for future in futures for facts in future.result()]
        except BrokenProcessPool:
            self._pool.discard()
            return _extract_chunk(articles)

    def close(self) -> None:
        self._pool.close()
