"""Replay source: items from saved files (text articles, RSS/Atom/JSON feeds, JSON lines), in time order.

A file's content decides how it is read (sources/sniff.py), not its name: a feed saved without
an extension is a feed. In a folder, files named as articles (``*.txt``) or feeds are read, and
any other file only when its content is a feed or JSON lines; what is skipped is logged.
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import feedparser
from pydantic import ValidationError

from monitor.errors import InputError
from monitor.models import Item
from monitor.models.item import stable_id
from monitor.safefiles import FileRefusedError, read_capped
from monitor.sources.entries import FAST, items_from_feed, safe_link, unique_items
from monitor.sources.jsonfeed import JsonFeedError, items_from_json_feed, load_json_feed
from monitor.sources.sniff import DESCRIPTIONS, Kind, sniff
from monitor.sources.textfile import split_articles
from monitor.yamldoc import ProblemsError, load_document

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt"}
FEED_SUFFIXES = {".xml", ".rss", ".atom", ".json"}
JSONL_SUFFIXES = {".jsonl"}
MANIFEST = "manifest.yaml"
#: Contents read from a folder's file whatever its name; other contents need a known suffix.
_FEED_KINDS = {"feed", "json_feed", "jsonl"}
#: Largest file replayed; a bigger one (or a device, FIFO, socket) is skipped with a warning.
MAX_FILE_BYTES = 20 * 1024 * 1024
_FAR_FUTURE = datetime.max.replace(tzinfo=UTC)


class ReplayError(InputError):
    """A path given to replay that does not exist."""


def replay_items(paths: Iterable[Path]) -> list[Item]:
    """Every item under ``paths``, ordered by published time, then file name, then position."""
    items: list[Item] = []
    for path, named in _files(paths):
        items.extend(_read_file(path, named))
    return sorted(items, key=lambda i: (i.published or _FAR_FUTURE, Path(i.origin).name, i.position))


def _files(paths: Iterable[Path]) -> Iterator[tuple[Path, bool]]:
    """Each file to read and whether it was named (True) or found in a folder (False)."""
    for path in paths:
        if not path.exists():
            raise ReplayError(f"{path}: no such file or directory")
        if not path.is_dir():
            yield path, True
            continue
        for entry in sorted(path.rglob("*")):
            if entry.is_dir() and not entry.is_symlink():
                continue
            if _candidate(entry, path):
                yield entry, False  # a FIFO or device is refused when read; content decides the rest


def _candidate(path: Path, root: Path) -> bool:
    hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
    return not hidden and path.name != MANIFEST


def _read_file(path: Path, named: bool = True) -> list[Item]:
    try:
        data = read_capped(path, MAX_FILE_BYTES)
    except FileRefusedError as exc:
        log.warning("%s: skipped, %s", path, exc)
        return []
    except OSError as exc:
        log.warning("%s: skipped, cannot read: %s", path, exc.strerror)
        return []
    kind = sniff(data)
    suffix = path.suffix.lower()
    known = suffix in TEXT_SUFFIXES | FEED_SUFFIXES | JSONL_SUFFIXES
    if kind not in _FEED_KINDS and not (named or known):
        log.warning("%s: skipped, not a feed, JSON lines or an article (.txt): %s", path, DESCRIPTIONS[kind])
        return []
    return unique_items(_read_kind(path, data, kind))


def _read_kind(path: Path, data: bytes, kind: Kind) -> list[Item]:
    if kind in {"feed", "xml"}:
        return _feed_items(path, data)
    if kind == "json_feed":
        return _json_feed_items(path, data)
    if kind == "binary":
        log.warning("%s: skipped, binary file", path)
        return []
    if kind in {"opml", "html", "json"}:
        log.warning("%s: skipped, %s", path, DESCRIPTIONS[kind])
        return []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        log.warning("%s: skipped, not UTF-8 (byte %d)", path, exc.start)
        return []
    if kind == "jsonl":
        return _jsonl_items(path, text)
    return _text_items(path, text)


def _manifest(folder: Path) -> dict[str, Any]:
    manifest = folder / MANIFEST
    if not manifest.exists():
        return {}
    try:
        data = load_document(manifest).data or {}
    except ProblemsError as exc:
        log.warning("ignored, unreadable manifest: %s", exc.problems[0])
        return {}
    files = data.get("files", {}) if isinstance(data, dict) else {}
    return files if isinstance(files, dict) else {}


def _text_items(path: Path, text: str) -> list[Item]:
    meta = _manifest(path.parent).get(path.name) or {}
    published = _as_datetime(meta.get("published"))
    source = str(meta.get("source") or path.stem)
    items = []
    for position, article in enumerate(split_articles(text)):
        items.append(
            Item(
                id=stable_id("text", article.title, article.text),
                source=source,
                url=safe_link(meta.get("url")),
                title=article.title,
                text=article.text,
                published=published,
                language=meta.get("language"),
                origin=str(path),
                position=position,
            )
        )
    return items


def _as_datetime(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return None


def _feed_items(path: Path, data: bytes) -> list[Item]:
    # BytesIO: given raw bytes, feedparser may treat them as a path or URL and open it.
    parsed = feedparser.parse(io.BytesIO(data), **FAST)
    source = str((parsed.get("feed", {}) or {}).get("title") or path.stem)
    items = items_from_feed(parsed, source, str(path))
    if not items and parsed.get("bozo"):
        log.warning("%s: skipped, not a feed: %s", path, parsed.get("bozo_exception"))
    return items


def _json_feed_items(path: Path, data: bytes) -> list[Item]:
    try:
        feed = load_json_feed(data)
    except JsonFeedError as exc:
        log.warning("%s: skipped, %s", path, exc)
        return []
    return items_from_json_feed(feed, str(feed.get("title") or path.stem), str(path))


def _jsonl_items(path: Path, text: str) -> list[Item]:
    items = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            if not isinstance(raw, dict):
                raise ValueError("not a JSON object")
            items.append(_jsonl_item(raw, path, number))
        except (ValueError, ValidationError) as exc:
            log.warning("%s:%d: skipped line: %s", path, number, str(exc).splitlines()[0])
    return items


def _jsonl_item(raw: dict[str, Any], path: Path, number: int) -> Item:
    title = str(raw.get("title") or "")
    text = str(raw.get("text") or "")
    source = str(raw.get("source") or path.stem)
    identity = raw.get("id") or stable_id("text", title, text)
    return Item(
        id=stable_id(source, str(identity)) if raw.get("id") else str(identity),
        source=source,
        url=safe_link(raw.get("url")),
        title=title,
        text=text,
        published=_as_datetime(raw.get("published")),
        language=raw.get("language"),
        tags=tuple(str(t) for t in raw.get("tags") or ()),
        origin=str(path),
        position=number,
    )
