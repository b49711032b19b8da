"""What a document is, from its first bytes, whatever its file name or Content-Type says."""

from __future__ import annotations

import json
import re
from typing import Literal

Kind = Literal["feed", "json_feed", "jsonl", "json", "opml", "html", "xml", "text", "binary"]

#: Said in messages: "not a feed (an HTML page)".
DESCRIPTIONS: dict[str, str] = {
    "feed": "an RSS, Atom or RDF feed",
    "json_feed": "a JSON Feed",
    "jsonl": "JSON lines",
    "json": "a JSON document that is not a JSON Feed",
    "opml": "an OPML outline (a feed list: `monitor feeds import`)",
    "html": "an HTML page",
    "xml": "an XML document that is not a feed",
    "text": "plain text",
    "binary": "binary data",
}

_HEAD = 4096
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_FEED_ROOT = re.compile(rb"<(?:[\w-]+:)?(rss|feed|RDF|channel)[\s>/]", re.I)
_HTML_ROOT = re.compile(rb"<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.I)
_OPML_ROOT = re.compile(rb"<opml[\s>]", re.I)
_JSON_FEED_VERSION = re.compile(rb'"version"\s*:\s*"https?://jsonfeed\.org/version/', re.I)


def _head(data: bytes) -> bytes:
    head = data[:_HEAD]
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    if head[:2] in (b"<\x00", b"\x00<"):  # UTF-16 without a BOM: read it as ASCII
        head = head.replace(b"\x00", b"")
    return head.lstrip()


def sniff(data: bytes) -> Kind:
    """The kind of ``data``: its leading bytes decide, never a name or a declared type."""
    head = _head(data)
    if not head:
        return "text"
    if b"\x00" in head:
        return "binary"
    if head.startswith(b"<"):
        if _OPML_ROOT.search(head):
            return "opml"
        if _FEED_ROOT.search(head):
            return "feed"
        if _HTML_ROOT.search(head):
            return "html"
        return "xml"
    if head.startswith(b"{"):
        return _json_kind(data, head)
    return "text"


def _json_kind(data: bytes, head: bytes) -> Kind:
    if _JSON_FEED_VERSION.search(head):
        return "json_feed"
    first_line = head.split(b"\n", 1)[0]
    try:
        json.loads(first_line)
    except ValueError:
        pass
    else:
        return "jsonl" if b"\n" in data.strip() or not _is_json_feed(data) else "json_feed"
    return "json_feed" if _is_json_feed(data) else "json"


def _is_json_feed(data: bytes) -> bool:
    try:
        document = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        return False
    version = document.get("version") if isinstance(document, dict) else None
    return isinstance(version, str) and "jsonfeed.org/version/" in version
