"""Feed documents parsed in worker processes, each parse under a deadline.

feedparser's cost on hostile bytes is not bounded by their size (100,000 attributes on one
element in a 1.1 MB item take minutes). Each parse runs in one of a few worker processes; a
parse that overruns its deadline gets its worker killed and replaced, so it costs one slot for
at most the deadline, never the other feeds' polls, and the feed is failed and backed off.
"""

from __future__ import annotations

import asyncio
import dataclasses
import multiprocessing
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from monitor.errors import BoundExceededError, FeedError
from monitor.sources.feeds.parse import ParsedFeed, parse_items
from monitor.sources.feeds.xmlguard import UnsafeXmlError

#: One element's tag this long is an attribute flood, not a feed (real tags are < 1 KiB).
MAX_TAG_BYTES = 64 * 1024
_HUGE_TAG = re.compile(rb"<[^>]{%d}" % MAX_TAG_BYTES)
#: Entries taken from one document (feeds publish tens; a flood of tiny ones is cut here).
MAX_ENTRIES = 1_000
#: How long a new worker process may take to start and import the parser.
STARTUP_S = 60.0


class ParseTimeoutError(BoundExceededError, FeedError):
    """A parse that overran its deadline; its worker process was killed and will be replaced."""


class ParserCrashedError(FeedError):
    """The worker process died while parsing (killed, out of memory)."""


@dataclass(frozen=True)
class ParseLimits:
    """How many documents parse at once, and how long one may take."""

    workers: int = 2
    deadline: float = 20.0


def parse_bounded(
    body: bytes, headers: Mapping[str, str], url: str, source: str, tags: tuple[str, ...]
) -> ParsedFeed:
    """parse_items after a cheap screen for attribute floods (runs in the worker)."""
    if _HUGE_TAG.search(body):
        raise UnsafeXmlError(f"an element tag longer than {MAX_TAG_BYTES} bytes (attribute flood)")
    parsed = parse_items(body, headers, url, source, tags)
    if len(parsed.items) <= MAX_ENTRIES:
        return parsed
    cut = f"{len(parsed.items)} entries, only the first {MAX_ENTRIES} taken"
    return dataclasses.replace(parsed, items=parsed.items[:MAX_ENTRIES], warning=parsed.warning or cut)


def _serve(conn: Connection) -> None:
    """The worker's loop: (function, args) in, (ok, result or exception) out, until None."""
    conn.send("ready")  # the parser is imported: a deadline measures parsing, not start-up
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        func, args = job
        try:
            conn.send((True, func(*args)))
        except Exception as exc:  # the parser's exception goes back to the poller as the reason
            conn.send((False, exc))


class _Worker:
    def __init__(self, context: Any) -> None:
        self.conn, child = multiprocessing.Pipe()
        self.process = context.Process(target=_serve, args=(child,), daemon=True, name="feed-parser")
        self.process.start()
        child.close()
        if not self.conn.poll(STARTUP_S) or self.conn.recv() != "ready":
            self.kill()
            raise ParserCrashedError("the parser process did not start")

    def roundtrip(self, job: tuple[Callable[..., Any], tuple[Any, ...]], deadline: float) -> tuple[bool, Any]:
        """Send a job and wait for its answer (in a thread); TimeoutError past the deadline."""
        try:
            self.conn.send(job)
            finished = self.conn.poll(deadline)
            answer: tuple[bool, Any] = self.conn.recv() if finished else (False, None)
        except (EOFError, OSError):
            raise ParserCrashedError("the parser process died") from None
        if not finished:
            raise TimeoutError  # (an OSError: raised outside the try above)
        return answer

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class ParserPool:
    """Up to ``limits.workers`` parser processes, started on first use and reused."""

    def __init__(self, limits: ParseLimits | None = None) -> None:
        self.limits = limits or ParseLimits()
        self._context = multiprocessing.get_context("forkserver")
        self._idle: list[_Worker] = []
        self._busy: set[_Worker] = set()
        self._slots: asyncio.Semaphore | None = None
        #: Workers killed for overrunning the deadline (metrics, tests).
        self.replaced = 0

    async def parse(
        self, body: bytes, headers: Mapping[str, str], url: str, source: str, tags: tuple[str, ...]
    ) -> ParsedFeed:
        """The parsed document; ParseTimeoutError past the deadline, or whatever the parser raised."""
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.limits.workers)
        async with self._slots:
            worker = self._idle.pop() if self._idle else await asyncio.to_thread(_Worker, self._context)
            self._busy.add(worker)
            job = (parse_bounded, (body, dict(headers), url, source, tags))
            try:
                ok, value = await asyncio.to_thread(worker.roundtrip, job, self.limits.deadline)
            except TimeoutError:
                self._discard(worker)
                self.replaced += 1
                raise ParseTimeoutError(f"parsing took longer than {self.limits.deadline:g}s") from None
            except BaseException:  # crashed, or the poll was cancelled mid-parse (shutdown)
                self._discard(worker)
                raise
            self._busy.discard(worker)
            self._idle.append(worker)
        if not ok:
            raise value
        result: ParsedFeed = value
        return result

    def _discard(self, worker: _Worker) -> None:
        self._busy.discard(worker)
        worker.kill()

    def close(self) -> None:
        """Stop every worker (a parse in progress is abandoned)."""
        for worker in [*self._idle, *self._busy]:
            worker.kill()
        self._idle.clear()
        self._busy.clear()
