"""A saved corpus served as a live RSS feed: items appear a batch at a time (demo, fault tests)."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from email.utils import format_datetime
from xml.sax.saxutils import escape

from aiohttp import web

from monitor.models import Item

log = logging.getLogger(__name__)

#: Newest entries kept in the document, like a real feed's window.
WINDOW = 50


def rss_document(items: Sequence[Item], title: str) -> bytes:
    """An RSS 2.0 document, one <item> per Item (guid = item id), newest first."""
    entries = []
    for item in reversed(items):
        published = format_datetime(item.published, usegmt=True) if item.published else ""
        link = item.url or f"https://corpus.invalid/{item.id}"
        entries.append(
            "<item>"
            f'<guid isPermaLink="false">{escape(item.id)}</guid>'
            f"<title>{escape(item.title)}</title>"
            f"<link>{escape(link)}</link>"
            f"<description>{escape(item.text)}</description>"
            f"<pubDate>{published}</pubDate>"
            "</item>"
        )
    head = f"<title>{escape(title)}</title><link>https://corpus.invalid/</link><language>en</language>"
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        + head
        + "".join(entries)
        + "</channel></rss>"
    ).encode()


@dataclass
class CorpusFeed:
    """The corpus revealed over time: ``batch`` items at start, ``batch`` more every ``every`` s."""

    items: Sequence[Item]
    title: str = "corpus"
    batch: int = 1
    every: float = 30.0
    clock: Callable[[], float] = time.monotonic
    started: float = field(default=0.0)

    def __post_init__(self) -> None:
        self.started = self.clock()

    def visible(self) -> Sequence[Item]:
        """The items published so far (the last WINDOW of them)."""
        steps = 1 + int((self.clock() - self.started) // self.every) if self.every > 0 else len(self.items)
        shown = self.items[: min(len(self.items), steps * self.batch)]
        return shown[-WINDOW:]

    def document(self) -> tuple[bytes, str]:
        """The RSS document now and its ETag."""
        body = rss_document(self.visible(), self.title)
        return body, '"' + hashlib.sha256(body).hexdigest()[:16] + '"'


def feed_app(feed: CorpusFeed, path: str = "/feed.xml") -> web.Application:
    """An aiohttp app answering ``path`` with the feed (304 when the ETag matches)."""

    async def handle(request: web.Request) -> web.Response:
        body, etag = feed.document()
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag})
        return web.Response(body=body, headers={"ETag": etag, "Content-Type": "application/rss+xml"})

    app = web.Application()
    app.router.add_get(path, handle)
    return app
