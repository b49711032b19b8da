"""The one way monitor starts worker processes: a lazily started forkserver pool, replaced when broken."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor


class ProcessPool:
    """A process pool started on first use. ``forkserver``: a threaded process is never forked.

    A caller that sees ``BrokenProcessPool`` (a worker died on hostile input) calls ``discard``;
    the next ``executor()`` starts a fresh pool.
    """

    def __init__(self, workers: int = 1) -> None:
        self.workers = max(1, workers)
        self._pool: ProcessPoolExecutor | None = None

    @property
    def started(self) -> bool:
        return self._pool is not None

    def executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context("forkserver")
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context)
        return self._pool

    def discard(self) -> None:
        """Forget a broken pool (its workers are gone already)."""
        self._pool = None

    def close(self) -> None:
        """Wait for running work, cancel queued work and stop the workers."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
