"""Feeds parsed while the pipeline is busy go to it together, as one batch, as soon as it is free.

On a first poll of 200 feeds every feed is parsed within a second or two, and each one's new
entries used to wait in line for the pipeline's ingest thread one feed at a time: five entries
per call, too few for the extraction workers, so all of them were extracted on the ingest
thread while the workers idled. Now the first feed parsed is processed at once (its alerts do
not wait for the others), and the feeds parsed meanwhile are handed over together when it is
done: a batch large enough for every extraction worker, one seen check, one round of decisions.
Order is kept: feeds are processed in the order their items came, each feed's items in the
document's order. A batch takes whole feeds up to ``max_items`` so one huge poll cannot hold
the feeds behind it until all of it is decided.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from monitor.models import Decision, Facts, Item, Match


class ProcessedItem(Protocol):
    """What the poller reads from each outcome of the pipeline (monitor.pipeline.Outcome)."""

    @property
    def item(self) -> Item: ...

    @property
    def facts(self) -> Facts: ...

    @property
    def decisions(self) -> Sequence[tuple[Match, Decision]]: ...


class ItemProcessor(Protocol):
    """The pipeline as the poller sees it: process items not seen before (on its own ingest
    thread), mark them seen; the outcomes and the seconds processing took."""

    async def ingest(self, items: Sequence[Item]) -> tuple[Sequence[ProcessedItem], float]: ...


Result = tuple[Sequence[ProcessedItem], float]


@dataclass
class _Waiting:
    items: Sequence[Item]
    done: asyncio.Future[Result] = field(default_factory=lambda: asyncio.get_running_loop().create_future())


class CoalescingProcessor:
    """An ItemProcessor that batches the calls made while a batch is in progress. Each caller
    gets the outcomes of its own items (an item two feeds carry is processed once, for the
    first), and the seconds its batch took; an error fails every caller of that batch."""

    def __init__(self, inner: ItemProcessor, max_items: int = 256) -> None:
        self.inner = inner
        self.max_items = max_items
        self._queue: list[_Waiting] = []
        self._runner: asyncio.Task[None] | None = None

    @property
    def queued(self) -> int:
        """Calls waiting for the batch in progress to finish."""
        return len(self._queue)

    async def ingest(self, items: Sequence[Item]) -> Result:
        waiting = _Waiting(items)
        self._queue.append(waiting)
        if self._runner is None or self._runner.done():
            self._runner = asyncio.create_task(self._run())
        return await waiting.done

    def _take(self) -> list[_Waiting]:
        taken: list[_Waiting] = []
        count = 0
        while self._queue and (not taken or count + len(self._queue[0].items) <= self.max_items):
            waiting = self._queue.pop(0)
            count += len(waiting.items)
            taken.append(waiting)
        return taken

    async def _run(self) -> None:
        while self._queue:
            taken = self._take()
            try:
                outcomes, seconds = await self.inner.ingest([item for w in taken for item in w.items])
            except asyncio.CancelledError:  # the service stopping: nobody waits forever
                for waiting in [*taken, *self._queue]:
                    waiting.done.cancel()
                raise
            except Exception as exc:  # every caller of the batch sees the pipeline's error
                for waiting in taken:
                    if not waiting.done.done():
                        waiting.done.set_exception(exc)
                continue
            by_id = {outcome.item.id: outcome for outcome in outcomes}
            for waiting in taken:
                mine = [by_id.pop(item.id) for item in waiting.items if item.id in by_id]
                if not waiting.done.done():  # a caller cancelled (shutdown) takes nothing
                    waiting.done.set_result((mine, seconds))
