"""Feeds parsed while the pipeline is busy reach it together, in order, each feed getting its own outcomes."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest

from monitor.models import Item
from monitor.sources.feeds.coalesce import CoalescingProcessor
from tests.feeds.conftest import Processed, SeenOnlyProcessor


class HeldProcessor:
    """The seen stage on the real store; each batch waits until the test lets it through."""

    def __init__(self, inner: SeenOnlyProcessor) -> None:
        self.inner = inner
        self.batches: list[list[str]] = []
        self.started = asyncio.Event()
        self.gate = asyncio.Event()
        self.fail_next = False

    async def ingest(self, items: Sequence[Item]) -> tuple[list[Processed], float]:
        self.batches.append([item.id for item in items])
        self.started.set()
        await self.gate.wait()
        if self.fail_next:
            self.fail_next = False
            raise ConnectionError("redis went away")
        return await self.inner.ingest(items)


def _feed(name: str, count: int) -> list[Item]:
    return [Item(id=f"{name}-{n}", source=name, title=f"{name} {n}") for n in range(count)]


async def _started(held: HeldProcessor, batches: int) -> None:
    async with asyncio.timeout(10):
        while len(held.batches) < batches:
            held.started.clear()
            await held.started.wait()


async def _queued(coalescing: CoalescingProcessor, calls: int) -> None:
    async with asyncio.timeout(10):
        while coalescing.queued < calls:
            await asyncio.sleep(0)  # a turn of the loop: the calls' tasks run


async def test_feeds_parsed_meanwhile_go_as_one_batch_in_order(seen_processor: SeenOnlyProcessor) -> None:
    held = HeldProcessor(seen_processor)
    coalescing = CoalescingProcessor(held)
    first = asyncio.create_task(coalescing.ingest(_feed("a", 2)))
    await _started(held, 1)  # the first feed does not wait for others
    later = [asyncio.create_task(coalescing.ingest(_feed(name, 3))) for name in ("b", "c")]
    shared = asyncio.create_task(
        coalescing.ingest([*_feed("d", 1), Item(id="b-0", source="d", title="b again")])
    )
    await asyncio.sleep(0)  # let the three calls queue
    held.gate.set()
    results = await asyncio.gather(first, *later, shared)
    assert held.batches == [["a-0", "a-1"], ["b-0", "b-1", "b-2", "c-0", "c-1", "c-2", "d-0", "b-0"]]
    owned = [[outcome.item.id for outcome in outcomes] for outcomes, _ in results]
    assert owned == [["a-0", "a-1"], ["b-0", "b-1", "b-2"], ["c-0", "c-1", "c-2"], ["d-0"]]


async def test_a_batch_takes_whole_feeds_up_to_its_size(seen_processor: SeenOnlyProcessor) -> None:
    held = HeldProcessor(seen_processor)
    coalescing = CoalescingProcessor(held, max_items=4)
    first = asyncio.create_task(coalescing.ingest(_feed("a", 1)))
    await _started(held, 1)
    rest = [asyncio.create_task(coalescing.ingest(_feed(name, 3))) for name in ("b", "c", "d")]
    big = asyncio.create_task(coalescing.ingest(_feed("e", 9)))
    await _queued(coalescing, 4)
    held.gate.set()
    await asyncio.gather(first, *rest, big)
    assert [len(batch) for batch in held.batches] == [1, 3, 3, 3, 9]


async def test_an_error_fails_the_callers_of_its_batch_only(seen_processor: SeenOnlyProcessor) -> None:
    held = HeldProcessor(seen_processor)
    held.fail_next = True
    coalescing = CoalescingProcessor(held, max_items=3)
    first = asyncio.create_task(coalescing.ingest(_feed("a", 2)))
    await _started(held, 1)
    second = asyncio.create_task(coalescing.ingest(_feed("b", 2)))
    await _queued(coalescing, 1)
    held.gate.set()
    with pytest.raises(ConnectionError):
        await first
    outcomes, _ = await second
    assert [o.item.id for o in outcomes] == ["b-0", "b-1"]
    assert [i.id for i in seen_processor.items] == ["b-0", "b-1"]
