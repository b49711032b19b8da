"""Robustness: every feedparser test feed, served over HTTP with its headers, goes through the whole path."""

from __future__ import annotations

import asyncio
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import redis
from aiohttp import web

from monitor.pipeline import Pipeline
from monitor.rules.loader import load_rules
from monitor.sources.feeds.feedstate import FeedStateStore
from monitor.sources.feeds.fetcher import Fetcher
from monitor.sources.feeds.limits import FetchLimits
from monitor.sources.feeds.parse import parse_items
from monitor.sources.feeds.poller import FeedPoller, PollResult
from monitor.sources.feeds.xmlguard import UnsafeXmlError
from monitor.state.keys import Keys
from monitor.state.store import RedisStateStore
from tests.conftest import ROOT, RULES
from tests.feeds.conftest import LOOPBACK, FakeClock, feed
from tests.feeds.server import FeedServer, Route

CORPORA = Path(os.environ.get("MONITOR_CORPORA") or ROOT.parent / "shared" / "corpora")
CORPUS = CORPORA / "feedparser"
_HEADER = re.compile(rb"^Header:\s*([\w-]+):\s*(.*?)\s*$", re.MULTILINE)
ENCODINGS = {".gz": "gzip", ".z": "deflate"}
LIMITS = FetchLimits(connect_timeout=10, total_timeout=20, max_connections=50, outbound=LOOPBACK)


@dataclass
class CorpusFile:
    path: str  # relative to the corpus root
    data: bytes
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


def corpus_file(path: Path, base: str) -> CorpusFile:
    data = path.read_bytes()
    relative = path.relative_to(CORPUS).as_posix()
    entry = CorpusFile(relative, data, headers={"Content-Type": "application/xml"})
    if path.suffix in ENCODINGS:
        entry.headers["Content-Encoding"] = ENCODINGS[path.suffix]
    for name, raw in _HEADER.findall(data[:4096]):
        value = raw.decode("latin-1").replace("http://localhost:8097", base)
        if name.lower() == b"status":
            entry.status = int(value)
        else:
            entry.headers[name.decode("latin-1").title()] = value
    return entry


def expected_result(entry: CorpusFile, url: str) -> tuple[str, int] | None:
    """The outcome and distinct items the file makes when parsed straight from memory."""
    headers = {k.lower(): v for k, v in entry.headers.items() if k.lower() != "content-encoding"}
    if entry.status != 200 or "Content-Encoding" in entry.headers:
        return None  # not compared: redirects, errors and compressed bodies
    try:
        parsed = parse_items(entry.data, headers, url, entry.path)
    except UnsafeXmlError:
        return ("failed", 0)
    if parsed.error:  # nothing readable as a feed: an error in status, metrics and logs
        return ("unparsable", 0)
    return ("ok", len(parsed.items))


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus not found at {CORPUS} (set MONITOR_CORPORA)")
async def test_every_corpus_feed_goes_through_fetch_parse_extract_and_rules(
    server: FeedServer, redis_client: redis.Redis, namespace: str
) -> None:
    files = [
        corpus_file(p, server.base) for p in sorted(CORPUS.rglob("*")) if p.is_file() and p.name != "LICENSE"
    ]
    assert len(files) > 2000
    for entry in files:
        server.routes[f"/tests/{entry.path}"] = Route(entry.data, entry.status, entry.headers)
    server.routes["/-/return-304.xml"] = Route(handler=_not_modified)
    ruleset, _ = load_rules([RULES])
    pipeline = Pipeline(ruleset, RedisStateStore(redis_client, Keys(namespace)))
    poller = FeedPoller(Fetcher(LIMITS), FeedStateStore(redis_client, Keys(namespace)), pipeline, FakeClock())
    try:
        feeds = [feed(entry.path, server.url(f"/tests/{entry.path}")) for entry in files]
        results: list[PollResult] = await asyncio.gather(*(poller.poll(f) for f in feeds))
    finally:
        poller.close()
        await poller.fetcher.aclose()
    outcomes = {r.outcome for r in results}
    assert outcomes <= {"ok", "failed", "not-modified", "unparsable"}
    mismatched = []
    for entry, config, result in zip(files, feeds, results, strict=True):
        expected = expected_result(entry, config.url)
        if expected is not None and (result.outcome, result.new) != expected:
            mismatched.append((entry.path, result.outcome, result.reason, result.new, expected))
    assert mismatched == []
    # the ill-formed documents nothing could be read from (mostly truncated ones) are errors
    assert sum(r.outcome in {"ok", "unparsable"} for r in results) > 2200
    assert all(r.reason and "cannot parse" in r.reason for r in results if r.outcome == "unparsable")
    assert pipeline.tally.new == sum(r.new for r in results) > 1000


async def _not_modified(request: web.Request) -> web.StreamResponse:
    return web.Response(status=304)
