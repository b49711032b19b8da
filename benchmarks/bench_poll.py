"""Benchmark a poll cycle of 1,000 feeds (95% unchanged, 5% with 50 new entries) against bare GETs.

Run:  REDIS_URL=redis://127.0.0.1:6379 python benchmarks/bench_poll.py [--feeds 1000] [--concurrency 100]

The feed server runs in a child process, so the CPU figures are the poller's own.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import time
import uuid
from pathlib import Path
from xml.sax.saxutils import escape

import httpx
import redis

from monitor.assembly import assemble
from monitor.rules.loader import load_rules
from monitor.settings import ExtractSettings
from monitor.sources.feeds.config import FeedConfig
from monitor.sources.feeds.feedstate import FeedStateStore
from monitor.sources.feeds.fetcher import Fetcher
from monitor.sources.feeds.limits import FetchLimits
from monitor.sources.feeds.outbound import OutboundPolicy
from monitor.sources.feeds.poller import FeedPoller, PollResult
from monitor.sources.replay import replay_items
from monitor.state.keys import Keys
from monitor.state.namespace import Namespace
from monitor.state.store import RedisStateStore

ROOT = Path(__file__).resolve().parent.parent

CHANGED_EVERY = 20  # one feed in 20 (5%) publishes new entries
NEW_ENTRIES = 50


def _feed(texts: list[tuple[str, str]], index: int, generation: int) -> bytes:
    items = []
    for n in range(NEW_ENTRIES if generation > 1 else 1):
        title, text = texts[(index + n) % len(texts)]
        guid = f"feed{index}-gen{generation}-{n}"
        items.append(
            f"<item><guid>{guid}</guid><title>{escape(title)}</title>"
            f"<link>https://news.example/{guid}</link>"
            f"<description>{escape(text)}</description>"
            f"<pubDate>Mon, 0{1 + n % 9} Sep 2025 12:00:00 GMT</pubDate></item>"
        )
    body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>feed {index}</title>{"".join(items)}'
    return (body + "</channel></rss>").encode()


def serve(port_queue: multiprocessing.Queue[int], texts: list[tuple[str, str]]) -> None:
    """The feed server (child process): /feed/N answers 304 unless its generation moved on."""
    from aiohttp import web

    state = {"generation": 1}

    async def feed(request: web.Request) -> web.Response:
        index = int(request.match_info["index"])
        generation = state["generation"] if index % CHANGED_EVERY == 0 else 1
        etag = f'"g{generation}"'
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag})
        return web.Response(body=_feed(texts, index, generation), headers={"ETag": etag})

    async def generation(request: web.Request) -> web.Response:
        state["generation"] = int(request.match_info["generation"])
        return web.Response(text="ok")

    async def main() -> None:
        app = web.Application()
        app.router.add_get("/feed/{index}", feed)
        app.router.add_get("/generation/{generation}", generation)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0, backlog=2048)
        await site.start()
        port_queue.put(runner.addresses[0][1])
        await asyncio.Event().wait()

    asyncio.run(main())


async def baseline(base: str, count: int, concurrency: int) -> float:
    """The same requests with a bare httpx GET (conditional, like the poller) and no processing."""
    slots = asyncio.Semaphore(concurrency)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits) as client:

        async def get(index: int) -> None:
            async with slots:
                # the poller's validators before the cycle: the changed 5% answer 200 with a body
                response = await client.get(f"{base}/feed/{index}", headers={"If-None-Match": '"g1"'})
                response.read()

        started = time.perf_counter()
        await asyncio.gather(*(get(i) for i in range(count)))
        return time.perf_counter() - started


async def cycle(poller: FeedPoller, feeds: list[FeedConfig]) -> tuple[float, float, list[PollResult]]:
    started, cpu = time.perf_counter(), time.process_time()
    results = await asyncio.gather(*(poller.poll(f) for f in feeds))
    return time.perf_counter() - started, time.process_time() - cpu, list(results)


async def run(args: argparse.Namespace, base: str) -> None:
    client = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379"))
    keys = Keys(f"bench-{uuid.uuid4().hex[:8]}")
    rules, _ = load_rules([ROOT / "rules"])
    # as `monitor run` assembles it: parsing and extraction in worker processes
    parts = assemble(Namespace(client, keys), rules, extract=ExtractSettings(mode="process"))
    limits = FetchLimits(max_connections=args.concurrency, outbound=OutboundPolicy.allowing(["127.0.0.0/8"]))
    poller = FeedPoller(Fetcher(limits), FeedStateStore(client, keys), parts.pipeline)
    feeds = [FeedConfig(name=f"feed{i}", url=f"{base}/feed/{i}", interval=10) for i in range(args.feeds)]
    try:
        await cycle(poller, feeds)  # warm-up: every feed answers 200 once, ETags are stored
        httpx.get(f"{base}/generation/2")
        wall, cpu, results = await cycle(poller, feeds)
        unchanged_wall, unchanged_cpu, _ = await cycle(poller, feeds)
        bare = min([await baseline(base, args.feeds, args.concurrency) for _ in range(3)])
    finally:
        poller.close()
        parts.close()
        await poller.fetcher.aclose()
        RedisStateStore(client, keys).reset()
    _report(args, results, wall, cpu, unchanged_wall, unchanged_cpu, bare)


def _report(
    args: argparse.Namespace,
    results: list[PollResult],
    wall: float,
    cpu: float,
    unchanged_wall: float,
    unchanged_cpu: float,
    bare: float,
) -> None:
    parsed = sum(r.parsed for r in results)
    not_modified = sum(r.outcome == "not-modified" for r in results)
    new = sum(r.new for r in results)
    fired = sum(r.fired for r in results)
    failed = [r for r in results if r.outcome not in {"ok", "not-modified"}]
    print(f"feeds {args.feeds}, concurrency {args.concurrency}, cores {os.cpu_count()}")
    print(
        f"mixed cycle:     {wall:6.2f} s wall, {cpu:6.2f} s CPU, {cpu / args.feeds * 1000:6.2f} ms CPU/feed"
    )
    print(
        f"  {not_modified} answered 304 and parsed nothing; {parsed} parsed; {new} new items; {fired} alerts"
    )
    parse = sum(r.parse_seconds for r in results)
    process = sum(r.process_seconds for r in results)
    print(f"  failed polls: {len(failed)}")
    print(f"  in the ingest thread: parse {parse:.2f} s, pipeline (extract, rules, Redis) {process:.2f} s")
    rest = wall - parse - process
    print(f"  cycle without the pipeline stage (wall - parse - pipeline): {rest:.2f} s")
    print(
        f"unchanged cycle: {unchanged_wall:6.2f} s wall, {unchanged_cpu:6.2f} s CPU, "
        f"{unchanged_cpu / args.feeds * 1000:6.2f} ms CPU/feed (all 304)"
    )
    print(f"baseline (bare httpx GET, same requests): {bare:6.2f} s wall")
    print(f"ratio mixed cycle / baseline:     {wall / bare:6.1f}x")
    print(f"ratio unchanged cycle / baseline: {unchanged_wall / bare:6.1f}x")
    print(f"target: mixed cycle under 5 s -> {'met' if wall < 5 else 'NOT met'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=100)
    parser.add_argument(
        "--entry-chars",
        type=int,
        default=0,
        help="cut each entry's text to this many characters (0: whole seed articles, the worst "
        "case; real feeds mostly carry a summary of a few hundred characters)",
    )
    args = parser.parse_args()
    texts = [(item.title, item.text) for item in replay_items([ROOT / "seeds"])]
    if args.entry_chars:
        texts = [(title, text[: args.entry_chars]) for title, text in texts]
    context = multiprocessing.get_context("spawn")
    ports: multiprocessing.Queue[int] = context.Queue()
    server = context.Process(target=serve, args=(ports, texts), daemon=True)
    server.start()
    try:
        asyncio.run(run(args, f"http://127.0.0.1:{ports.get(timeout=30)}"))
    finally:
        server.terminate()
        server.join()


if __name__ == "__main__":
    main()
