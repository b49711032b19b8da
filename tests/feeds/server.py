"""A local HTTP feed server for the tests (aiohttp on port 0) and builders for RSS and Atom documents."""

from __future__ import annotations

import gzip
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape

from aiohttp import web

from monitor.models import Item

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass
class Route:
    """What the server answers on one path."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    gzip: bool = False
    handler: Handler | None = None


class FeedServer:
    """Serves Routes by path; counts hits and remembers each path's last request headers."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.request_headers: dict[str, dict[str, str]] = {}
        self.base = ""
        self._runner: web.AppRunner | None = None

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("GET", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, handler_cancellation=True)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.base = f"http://{host}:{port}"

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        self.hits[path] += 1
        self.request_headers[path] = dict(request.headers)
        route = self.routes.get(path)
        if route is None:
            return web.Response(status=404, text="not found")
        if route.handler is not None:
            return await route.handler(request)
        headers = dict(route.headers)
        if route.etag:
            headers["ETag"] = route.etag
        if route.last_modified:
            headers["Last-Modified"] = route.last_modified
        if route.status == 200 and _fresh(request, route):
            return web.Response(status=304, headers=headers)
        body = route.body
        if route.gzip:
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        return web.Response(status=route.status, body=body, headers=headers)


def _fresh(request: web.Request, route: Route) -> bool:
    if route.etag and request.headers.get("If-None-Match") == route.etag:
        return True
    return bool(route.last_modified) and request.headers.get("If-Modified-Since") == route.last_modified


def http_date(when: datetime) -> str:
    return format_datetime(when.astimezone(UTC), usegmt=True)


def rss(items: Sequence[Item], title: str = "Seed news") -> bytes:
    """An RSS 2.0 document with one <item> per Item (guid = item id)."""
    entries = []
    for item in items:
        published = http_date(item.published) if item.published else ""
        entries.append(
            "<item>"
            f'<guid isPermaLink="false">{escape(item.id)}</guid>'
            f"<title>{escape(item.title)}</title>"
            f"<link>https://news.example/{escape(item.id)}</link>"
            f"<description>{escape('<p>' + item.text + '</p>')}</description>"
            f"<pubDate>{published}</pubDate>"
            "</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>https://news.example/</link><language>en</language>"
        + "".join(entries)
        + "</channel></rss>"
    ).encode()


def atom(items: Sequence[Item], title: str = "Seed news") -> bytes:
    """An Atom 1.0 document with one <entry> per Item."""
    entries = []
    for item in items:
        updated = (item.published or datetime(2025, 1, 1, tzinfo=UTC)).isoformat()
        entries.append(
            "<entry>"
            f"<id>urn:seed:{escape(item.id)}</id><title>{escape(item.title)}</title>"
            f'<link href="https://news.example/{escape(item.id)}"/>'
            f"<updated>{updated}</updated>"
            f'<content type="html">{escape("<p>" + item.text + "</p>")}</content>'
            "</entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><id>urn:seed</id><updated>2025-01-01T00:00:00Z</updated>"
        + "".join(entries)
        + "</feed>"
    ).encode()
