"""The one way monitor starts worker processes: a lazily started forkserver pool, replaced when broken."""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor


class ProcessPool:
    """A process pool started on first use. ``forkserver``: a threaded process is never forked.

    A caller that sees ``BrokenProcessPool`` (a worker died on hostile input) calls ``discard``;
    the next ``executor()`` starts a fresh pool.
    """

    def __init__(self, workers: int = 1, preload: Sequence[str] = ()) -> None:
        self.workers = max(1, workers)
        #: Modules the forkserver imports once, before it forks any worker: each worker then
        #: starts with them loaded (the extractor's tables take about a second per worker to
        #: import). Only the first pool of a process to start the forkserver sets them.
        self.preload = tuple(preload)
        self._pool: ProcessPoolExecutor | None = None

    @property
    def started(self) -> bool:
        return self._pool is not None

    def executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context("forkserver")
            if self.preload:
                context.set_forkserver_preload(list(self.preload))
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
