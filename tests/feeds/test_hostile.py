"""Hostile feeds are contained (bounded time and memory), logged once by name, and others keep flowing."""

from __future__ import annotations

import asyncio
import zlib
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from aiohttp import web

from monitor.models import Item
from monitor.sources.feeds.fetcher import Fetcher, FetchError
from monitor.sources.feeds.poller import PollResult
from tests.feeds.conftest import TEST_LIMITS, PollerFactory, SeenOnlyProcessor, feed
from tests.feeds.server import FeedServer, Route, rss

MIB = 1024 * 1024
SECRET = "monitor-xxe-canary-5f1c2a"

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>lol</title>
<item><guid>laugh-1</guid><title>&lol9;</title><description>&lol9;</description></item>
</channel></rss>"""

# The same attack on one line: feedparser's own DOCTYPE stripping only looks at line starts.
ONE_LINE_LAUGHS = (
    b'<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
    b'<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">'
    b'<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>'
    b"<rss><channel><item><guid>laugh-2</guid><title>&h;</title></item></channel></rss>"
)


def xxe(path: Path) -> bytes:
    return f"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{path}"> <!ENTITY % remote SYSTEM "file://{path}"> %remote;]>
<rss version="2.0"><channel><title>&xxe;</title>
<item><guid>xxe-1</guid><title>leak &xxe;</title><description>&xxe;</description></item>
</channel></rss>""".encode()


async def huge(request: web.Request) -> web.StreamResponse:
    """100 MB of one endless <description>, streamed in 1 MiB chunks (never held in memory)."""
    response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
    await response.prepare(request)
    chunk = b"x" * MIB
    await response.write(b"<rss><channel><item><title>big</title><description>")
    for _ in range(100):
        await response.write(chunk)
    await response.write_eof()
    return response


def gzip_bomb() -> bytes:
    """About 100 KB of gzip that inflates to 100 MiB of zeros."""
    deflater = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = bytes(MIB)
    return b"".join(deflater.compress(zeros) for _ in range(100)) + deflater.flush()


async def drip(request: web.Request) -> web.StreamResponse:
    """A valid start, then one byte per second for ever."""
    response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
    await response.prepare(request)
    await response.write(b"<rss><channel>")
    for _ in range(3600):
        await response.write(b" ")
        await asyncio.sleep(1)
    return response


def bomb_route() -> Route:
    return Route(
        body=gzip_bomb(), headers={"Content-Encoding": "gzip", "Content-Type": "application/rss+xml"}
    )


Setup = Callable[[FeedServer, Path], Awaitable[str]]


async def _laughs(server: FeedServer, tmp: Path) -> str:
    server.routes["/bad"] = Route(BILLION_LAUGHS)
    return server.url("/bad")


async def _one_line_laughs(server: FeedServer, tmp: Path) -> str:
    server.routes["/bad"] = Route(ONE_LINE_LAUGHS)
    return server.url("/bad")


async def _xxe(server: FeedServer, tmp: Path) -> str:
    secret = tmp / "secret.txt"
    secret.write_text(SECRET)
    server.routes["/bad"] = Route(xxe(secret))
    return server.url("/bad")


async def _huge(server: FeedServer, tmp: Path) -> str:
    server.routes["/bad"] = Route(handler=huge)
    return server.url("/bad")


async def _bomb(server: FeedServer, tmp: Path) -> str:
    server.routes["/bad"] = bomb_route()
    return server.url("/bad")


async def _loop(server: FeedServer, tmp: Path) -> str:
    server.routes["/bad"] = Route(status=302, headers={"Location": "/loop-b"})
    server.routes["/loop-b"] = Route(status=301, headers={"Location": "/bad"})
    return server.url("/bad")


async def _drip(server: FeedServer, tmp: Path) -> str:
    server.routes["/bad"] = Route(handler=drip)
    return server.url("/bad")


async def _to_file(server: FeedServer, tmp: Path) -> str:
    server.routes["/bad"] = Route(status=302, headers={"Location": f"file://{tmp}/secret.txt"})
    return server.url("/bad")


# (setup, outcome of the hostile poll, words of the one warning)
HOSTILE: dict[str, tuple[Setup, str, str]] = {
    "billion-laughs": (_laughs, "ok", "unsafe DTD removed"),
    "one-line-laughs": (_one_line_laughs, "ok", "unsafe DTD removed"),
    "xxe-local-file": (_xxe, "ok", "unsafe DTD removed"),
    "100MB-body": (_huge, "failed", f"body larger than {MIB} bytes"),
    "gzip-bomb": (_bomb, "failed", f"body larger than {MIB} bytes"),
    "redirect-loop": (_loop, "failed", "redirect loop"),
    "one-byte-per-second": (_drip, "failed", "timed out after 2s"),
    "redirect-to-file-url": (_to_file, "failed", "refused redirect target: only http and https"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
async def test_hostile_feed_is_contained_logged_once_and_others_keep_flowing(
    case: str,
    server: FeedServer,
    make_poller: PollerFactory,
    seen_processor: SeenOnlyProcessor,
    seed_items: list[Item],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    setup, outcome, reason = HOSTILE[case]
    bad = feed(f"hostile-{case}", await setup(server, tmp_path))
    server.routes["/good"] = Route(rss(seed_items))
    good = feed("good", server.url("/good"))
    poller = make_poller()
    results: tuple[PollResult, PollResult] = await asyncio.gather(poller.poll(bad), poller.poll(good))
    assert results[0].outcome == outcome
    assert (results[1].outcome, results[1].new) == ("ok", len(seed_items))
    warnings = [r.getMessage() for r in caplog.records if r.levelname in {"WARNING", "ERROR"}]
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith(f"feed {bad.name}: ") and reason in warnings[0]
    for item in seen_processor.items:
        assert SECRET not in item.title + item.text
        assert len(item.title) + len(item.text) < 10_000 or item.source == "good"


async def test_laughs_and_xxe_entries_still_become_items_without_expansion(
    server: FeedServer,
    make_poller: PollerFactory,
    seen_processor: SeenOnlyProcessor,
    tmp_path: Path,
) -> None:
    await _xxe(server, tmp_path)
    server.routes["/laughs"] = Route(BILLION_LAUGHS)
    poller = make_poller()
    await poller.poll(feed("xxe", server.url("/bad")))
    await poller.poll(feed("laughs", server.url("/laughs")))
    by_source = {item.source: item for item in seen_processor.items}
    assert set(by_source) == {"xxe", "laughs"}
    assert SECRET not in by_source["xxe"].title + by_source["xxe"].text
    assert "lol" * 100 not in by_source["laughs"].title + by_source["laughs"].text


async def test_file_urls_are_refused_at_fetch(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    fetcher = Fetcher(TEST_LIMITS)
    try:
        with pytest.raises(FetchError, match="only http and https URLs are allowed, not 'file'"):
            await fetcher.fetch(f"file://{secret}")
    finally:
        await fetcher.aclose()


async def test_too_many_redirects(server: FeedServer) -> None:
    for n in range(7):
        server.routes[f"/r{n}"] = Route(status=307, headers={"Location": f"/r{n + 1}"})
    fetcher = Fetcher(TEST_LIMITS)
    try:
        with pytest.raises(FetchError, match="more than 5 redirects"):
            await fetcher.fetch(server.url("/r0"))
    finally:
        await fetcher.aclose()
