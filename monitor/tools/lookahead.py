"""Extraction one batch ahead: the next batch is extracted in the worker pool while this one is decided.

Backtests and replays (any caller that holds its whole corpus) know which items come next; the
service does not. Decisions still happen in the pipeline, batch after batch, in corpus order: only the
extraction of batch N+1 overlaps the rules, state checks and outbox of batch N. The pool is the
service's (monitor/pools.py), sized and switched by the same ``extract`` settings; ``thread``
mode extracts each article when the pipeline asks for it, as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool

from monitor.extract import extract
from monitor.extract.pool import START_AFTER
from monitor.models import Article, Facts, Item
from monitor.pools import ProcessPool
from monitor.settings import ExtractSettings

#: Chunks per worker in a batch: small enough that a worker idles little at the batch's end,
#: large enough that pickling does not dominate (articles of a few KB).
CHUNKS_PER_WORKER = 4
#: Imported once by the forkserver, so workers start with the extractor loaded.
PRELOAD = ("monitor.extract", "monitor.tools.lookahead")


def _extract_chunk(articles: Sequence[Article]) -> list[Facts]:
    return [extract(article) for article in articles]


class LookaheadExtractor:
    """A per-article extractor (the pipeline's ``extractor``) whose articles were, when possible,
    handed to the worker pool a batch earlier with ``submit``. An article not submitted, or a
    pool that broke (a worker died), is extracted in the caller: the result is the same."""

    def __init__(self, settings: ExtractSettings | None = None) -> None:
        settings = settings or ExtractSettings()
        self.workers = settings.workers if settings.mode == "process" else 0
        self._pool = ProcessPool(self.workers, preload=PRELOAD) if self.workers else None
        self._pending: dict[str, tuple[Future[list[Facts]], int]] = {}
        #: Articles whose facts came from the pool (extracted while an earlier batch was decided).
        self.ahead = 0

    @property
    def started(self) -> bool:
        """The worker pool is up (a first submit of START_AFTER items or more)."""
        return self._pool is not None and self._pool.started

    def submit_next(self, batches: Sequence[Sequence[Item]], number: int) -> None:
        """Before batch ``number`` is decided: the batch after it (and, first, this one too)."""
        self.submit(batches[number : number + 2] if number == 0 else batches[number + 1 : number + 2])

    def submit(self, batches: Sequence[Sequence[Item]]) -> None:
        """Start extracting these batches' items in the pool. A first call with fewer than
        START_AFTER items leaves the pool unstarted: its start (about 2 s) would cost more."""
        items = [item for batch in batches for item in batch]
        if self._pool is None or not items or (not self._pool.started and len(items) < START_AFTER):
            return
        size = max(1, -(-len(items) // (self.workers * CHUNKS_PER_WORKER)))
        try:
            for start in range(0, len(items), size):
                chunk = [Article.from_item(item) for item in items[start : start + size]]
                future = self._pool.executor().submit(_extract_chunk, chunk)
                for position, article in enumerate(chunk):  # an id twice: the first is processed
                    self._pending.setdefault(article.item_id, (future, position))
        except BrokenProcessPool:
            self._pool.discard()

    def __call__(self, article: Article) -> Facts:
        entry = self._pending.pop(article.item_id, None)
        if entry is not None:
            future, position = entry
            try:
                facts = future.result()[position]
                self.ahead += 1
                return facts
            except BrokenProcessPool:
                if self._pool is not None:
                    self._pool.discard()
        return extract(article)

    def close(self) -> None:
        self._pending.clear()
        if self._pool is not None:
            self._pool.close()
