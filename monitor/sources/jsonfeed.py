"""JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) documents to Items."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from monitor.errors import FeedError
from monitor.models import Item
from monitor.models.item import MAX_TEXT_CHARS, MAX_TITLE_CHARS, stable_id
from monitor.sources.entries import html_to_text, safe_link


class JsonFeedError(FeedError):
    """The bytes are not a JSON Feed; the message says what is wrong."""


def load_json_feed(data: bytes) -> dict[str, Any]:
    """The feed object; JsonFeedError when the bytes are not JSON or not a JSON Feed."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise JsonFeedError(f"not JSON: {exc}") from None
    if not isinstance(document, dict) or "jsonfeed.org/version/" not in str(document.get("version", "")):
        raise JsonFeedError("no JSON Feed version (https://jsonfeed.org/version/1.1)")
    if not isinstance(document.get("items"), list):
        raise JsonFeedError("no items list")
    return document


def _published(entry: dict[str, Any]) -> datetime | None:
    for key in ("date_published", "date_modified"):
        value = entry.get(key)
        if isinstance(value, str):
            try:
                moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                continue
            return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return None


def _text(entry: dict[str, Any]) -> str:
    if isinstance(entry.get("content_text"), str) and entry["content_text"].strip():
        return str(entry["content_text"]).strip()[:MAX_TEXT_CHARS]
    for key in ("content_html", "summary"):
        if isinstance(entry.get(key), str) and entry[key].strip():
            return html_to_text(entry[key])[:MAX_TEXT_CHARS]
    return ""


def items_from_json_feed(
    feed: dict[str, Any], source: str, origin: str, tags: tuple[str, ...] = ()
) -> list[Item]:
    """Every item of the feed as an Item, in document order; identity as for RSS (guid: the id)."""
    items = []
    language = feed.get("language") if isinstance(feed.get("language"), str) else None
    for position, entry in enumerate(e for e in feed["items"] if isinstance(e, dict)):
        title = html_to_text(str(entry.get("title") or ""))[:MAX_TITLE_CHARS]
        published = _published(entry)
        url = safe_link(entry.get("url")) or safe_link(entry.get("external_url"))
        identity = entry.get("id") or entry.get("url")
        key = f"guid:{identity}" if identity else f"hash:{title}|{published.isoformat() if published else ''}"
        items.append(
            Item(
                id=stable_id(source, key),
                source=source,
                url=url,
                title=title,
                text=_text(entry),
                published=published,
                language=entry.get("language") if isinstance(entry.get("language"), str) else language,
                tags=tags,  # the feed's configured tags: rules filter sources by them
                origin=origin,
                position=position,
            )
        )
    return items
