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
#: Workers start (about 2 s) only for a batch this large: a short replay (the 13 seeds) or a
#: quiet poll is done in the caller sooner than the pool would be up.
START_BATCH = 48


def _extract_chunk(articles: Sequence[Article]) -> list[Facts]:
    return [extract(article) for article in articles]


class ProcessExtractor:
    """Extracts batches of articles in worker processes, so extraction runs beside fetching
    and rule matching instead of competing with them for the GIL. Results come back in
    order; a broken worker pool is replaced and the batch extracted in the caller."""

    def __init__(self, workers: int = 1) -> None:
        self.workers = max(1, workers)
        self._pool = ProcessPool(self.workers)

    def __call__(self, articles: Sequence[Article]) -> list[Facts]:
        if len(articles) < (MIN_BATCH if self._pool.started else START_BATCH):
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
