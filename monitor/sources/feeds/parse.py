"""Feed bytes to Items: screened, parsed by feedparser from memory (it never fetches), then converted."""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import feedparser

from monitor.models import Item
from monitor.sources.entries import items_from_feed
from monitor.sources.feeds.xmlguard import screen


@dataclass(frozen=True)
class ParsedFeed:
    """The items of one document, plus what the screen or the parser had to say about it."""

    items: list[Item] = field(default_factory=list)
    entries: int = 0
    warning: str | None = None
    bozo: str | None = None


def parse_document(body: bytes, headers: Mapping[str, str], url: str) -> Any:
    """feedparser's result for ``body``; headers guide encoding detection and relative links."""
    response_headers = {key.lower(): value for key, value in headers.items()}
    response_headers.setdefault("content-location", url)
    # A BytesIO, never bytes or str: feedparser treats a str as a URL or a path and opens it.
    return feedparser.parse(io.BytesIO(body), response_headers=response_headers)


def parse_items(
    body: bytes, headers: Mapping[str, str], url: str, source: str, tags: tuple[str, ...] = ()
) -> ParsedFeed:
    """Every entry of the document as an Item (UnsafeXmlError when the bytes are refused)."""
    data, warning = screen(body)
    parsed = parse_document(data, headers, url)
    items = _unique(items_from_feed(parsed, source, url, tags))
    bozo = str(parsed.get("bozo_exception") or "") if parsed.get("bozo") else None
    return ParsedFeed(items, len(parsed.get("entries") or ()), warning, bozo)


def _unique(items: list[Item]) -> list[Item]:
    """First of each id: a feed repeating an entry must not process it twice in one poll."""
    seen: set[str] = set()
    unique = []
    for item in items:
        if item.id not in seen:
            seen.add(item.id)
            unique.append(item)
    return unique
