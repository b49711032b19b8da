"""Pre-screening of feed bytes: DTDs that could expand entities or read files are removed before parsing.

feedparser already strips most DOCTYPEs and expat refuses external entities and large
amplification, but both are heuristics over untrusted bytes; this screen is a second wall.
Only a handful of short, literal, non-nesting entity declarations in a small document survive
(the form real feeds use, e.g. ``<!ENTITY id "tag:example.com,">``).
"""

from __future__ import annotations

import re

from monitor.errors import FeedError

MAX_SAFE_ENTITIES = 32
MAX_ENTITY_CHARS = 64
#: Documents above this size lose their DTD whatever it declares (bounds any amplification).
MAX_DTD_DOCUMENT = 1024 * 1024

_ENTITY = b"<!ENTITY"
_WIDE_ENTITY = tuple("<!ENTITY".encode(c) for c in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"))
_DOCTYPE = re.compile(rb"<!DOCTYPE[^\[>]*(?:\[.*?\]\s*)?>", re.DOTALL)
_LITERAL = b"{0,%d}" % MAX_ENTITY_CHARS
_SAFE_ENTITY = re.compile(
    rb"<!ENTITY\s+[A-Za-z_][\w.-]*\s+(?:\"[^\"&%<]" + _LITERAL + rb"\"|'[^'&%<]" + _LITERAL + rb"')\s*>"
)
_ANY_ENTITY = re.compile(rb"<!ENTITY[^>]*>?")


class UnsafeXmlError(FeedError):
    """A document refused outright; the message is the reason."""


def screen(data: bytes) -> tuple[bytes, str | None]:
    """``data`` without any unsafe DTD, and the reason when one was removed."""
    if any(wide in data for wide in _WIDE_ENTITY):
        raise UnsafeXmlError("entity declarations in a UTF-16/UTF-32 document")
    if _ENTITY not in data:
        return data, None
    match = _DOCTYPE.search(data)
    if match is None:
        return _strip_entities(data), "stray entity declarations removed"
    doctype = match.group(0)
    declared = doctype.count(_ENTITY)
    safe = len(_SAFE_ENTITY.findall(doctype))
    if declared == safe <= MAX_SAFE_ENTITIES and len(data) <= MAX_DTD_DOCUMENT:
        return data, None
    cleaned = data[: match.start()] + data[match.end() :]
    return _strip_entities(cleaned), "unsafe DTD removed (entity declarations that nest or refer outside)"


def _strip_entities(data: bytes) -> bytes:
    """Remove entity declarations left in the prolog (before the first element)."""
    first = re.search(rb"<[A-Za-z_]", data)
    end = first.start() if first else len(data)
    head = data[:end]
    if _ENTITY not in head:
        return data
    return _ANY_ENTITY.sub(b"", head) + data[end:]
