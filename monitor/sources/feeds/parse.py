"""Feed bytes to Items: sniffed, screened, parsed from memory (nothing is ever fetched), converted.

The bytes decide what a document is (sources/sniff.py), whatever its Content-Type: RSS, Atom and
RDF go to feedparser, a JSON Feed to sources/jsonfeed.py. A document nothing could be read from
comes back with ``error`` set; one feedparser recovered entries from despite broken XML, with
``problem`` set.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import feedparser

from monitor.models import Item
from monitor.sources.entries import FAST, items_from_feed, unique_items
from monitor.sources.feeds.xmlguard import screen
from monitor.sources.jsonfeed import JsonFeedError, items_from_json_feed, load_json_feed
from monitor.sources.sniff import DESCRIPTIONS, sniff

#: feedparser's complaints about the declared type or charset: the bytes parsed fine regardless.
_HARMLESS = {"NonXMLContentType", "CharacterEncodingOverride"}


@dataclass(frozen=True)
class ParsedFeed:
    """The items of one document, plus what the screen or the parser had to say about it."""

    items: list[Item] = field(default_factory=list)
    entries: int = 0
    warning: str | None = None
    bozo: str | None = None
    #: The document could not be read as a feed at all (no entries, and why).
    error: str | None = None
    #: It was malformed, but entries were recovered from it.
    problem: str | None = None
    kind: str = "feed"


def parse_document(body: bytes, headers: Mapping[str, str], url: str) -> Any:
    """feedparser's result for ``body``; headers guide encoding detection and relative links."""
    response_headers = {key.lower(): value for key, value in headers.items()}
    response_headers.setdefault("content-location", url)
    # The bytes were sniffed as XML: a feed served as text/html or text/plain is still a feed
    # (the charset parameter, if any, stays for encoding detection).
    declared = response_headers.get("content-type", "")
    _, _, params = declared.partition(";")
    response_headers["content-type"] = "application/xml" + (f";{params}" if params else "")
    # A BytesIO, never bytes or str: feedparser treats a str as a URL or a path and opens it.
    return feedparser.parse(io.BytesIO(body), response_headers=response_headers, **FAST)


def parse_items(
    body: bytes, headers: Mapping[str, str], url: str, source: str, tags: tuple[str, ...] = ()
) -> ParsedFeed:
    """Every entry of the document as an Item (UnsafeXmlError when the bytes are refused)."""
    kind = sniff(body)
    if kind == "json_feed":
        try:
            feed = load_json_feed(body)
        except JsonFeedError as exc:
            return ParsedFeed(error=f"cannot parse: {exc}", kind=kind)
        items = unique_items(items_from_json_feed(feed, source, url, tags))
        return ParsedFeed(items, len(feed["items"]), kind=kind)
    data, warning = screen(body)
    parsed = parse_document(data, headers, url)
    items = unique_items(items_from_feed(parsed, source, url, tags))
    bozo = str(parsed.get("bozo_exception") or "") if parsed.get("bozo") else None
    exc_name = type(parsed.get("bozo_exception")).__name__ if parsed.get("bozo") else ""
    problem = f"{exc_name}: {bozo}" if bozo and exc_name not in _HARMLESS else None
    entries = len(parsed.get("entries") or ())
    unknown = kind != "feed" and not parsed.get("version")
    if not entries and (problem or unknown):  # a well-formed feed may well be empty
        why = problem or "no feed elements"
        return ParsedFeed([], 0, warning, bozo, f"cannot parse ({DESCRIPTIONS[kind]}): {why}", kind=kind)
    return ParsedFeed(items, entries, warning, bozo, None, problem, kind)
