"""OPML, the feed list format of feed readers: read one into feeds, write the feeds as one.

Reading: every ``<outline xmlUrl=...>`` with an http(s) URL is a feed, named by its title (made
unique), tagged with its ``category`` and the folders (parent outlines) it sits in. Writing:
one outline per feed, its tags as ``category``. The YAML written for new feeds is appended to
the feeds file, so the file's comments survive.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import quoteattr

from monitor.errors import InputError
from monitor.sources.feeds.config import FeedConfig, check_url
from monitor.sources.feeds.xmlguard import screen


class OpmlError(InputError):
    """Not an OPML document; the message says why."""


@dataclass(frozen=True)
class OpmlFeed:
    name: str
    url: str
    tags: tuple[str, ...] = ()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def read_opml(data: bytes) -> tuple[list[OpmlFeed], list[str]]:
    """The feeds of an OPML document and a note for each outline left out (not http(s))."""
    cleaned, _ = screen(data)
    try:
        root = ET.fromstring(cleaned)
    except ET.ParseError as exc:
        raise OpmlError(f"not XML: {exc}") from None
    if root.tag.lower() != "opml" or root.find("body") is None:
        raise OpmlError("not an OPML document (no <opml><body>)")
    feeds: list[OpmlFeed] = []
    skipped: list[str] = []
    _walk(root.find("body"), (), feeds, skipped)  # type: ignore[arg-type]
    return feeds, skipped


def _walk(node: ET.Element, folders: tuple[str, ...], feeds: list[OpmlFeed], skipped: list[str]) -> None:
    for outline in node.findall("outline"):
        title = (outline.get("title") or outline.get("text") or "").strip()
        url = (outline.get("xmlUrl") or "").strip()
        if not url:  # a folder: its feeds get its name as a tag
            _walk(outline, (*folders, _slug(title)) if _slug(title) else folders, feeds, skipped)
            continue
        try:
            check_url(url)
        except ValueError as exc:
            skipped.append(f"{title or url}: {exc}")
            continue
        categories = re.split(r"[,/]", outline.get("category") or "")
        tags = tuple(dict.fromkeys(t for t in (*folders, *map(_slug, categories)) if t))
        feeds.append(OpmlFeed(_slug(title) or _slug(url), url, tags))


def new_feeds(found: list[OpmlFeed], existing: list[FeedConfig]) -> list[OpmlFeed]:
    """The feeds whose URL is not configured yet, with names unique among all feeds."""
    urls = {feed.url for feed in existing}
    names = {feed.name for feed in existing}
    added: list[OpmlFeed] = []
    for feed in found:
        if feed.url in urls:
            continue
        name, number = feed.name, 2
        while name in names:
            name, number = f"{feed.name}-{number}", number + 1
        urls.add(feed.url)
        names.add(name)
        added.append(OpmlFeed(name, feed.url, feed.tags))
    return added


def feeds_yaml(feeds: list[OpmlFeed], indent: str = "  ") -> str:
    """List items for a feeds file's ``feeds:`` list (JSON strings are valid YAML scalars)."""
    lines = []
    for feed in feeds:
        lines.append(f"{indent}- name: {json.dumps(feed.name)}")
        lines.append(f"{indent}  url: {json.dumps(feed.url)}")
        if feed.tags:
            lines.append(f"{indent}  tags: [{', '.join(json.dumps(t) for t in feed.tags)}]")
    return "\n".join(lines) + "\n"


def write_opml(feeds: list[FeedConfig], title: str = "monitor feeds", now: datetime | None = None) -> str:
    """An OPML 2.0 document with one outline per feed (disabled ones too, as feed readers keep them)."""
    created = format_datetime((now or datetime.now(UTC)), usegmt=True)
    outlines = []
    for feed in feeds:
        attrs = {"type": "rss", "text": feed.name, "title": feed.name, "xmlUrl": feed.url}
        if feed.tags:
            attrs["category"] = ",".join(feed.tags)
        outlines.append("    <outline " + " ".join(f"{k}={quoteattr(v)}" for k, v in attrs.items()) + "/>")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<opml version="2.0">\n  <head>\n'
        f"    <title>{title}</title>\n    <dateCreated>{created}</dateCreated>\n  </head>\n"
        "  <body>\n" + "\n".join(outlines) + ("\n" if outlines else "") + "  </body>\n</opml>\n"
    )
