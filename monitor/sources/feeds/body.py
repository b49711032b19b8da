"""Response bodies decoded (gzip, deflate) and counted while streaming, so no bomb gets past the cap."""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator

from monitor.errors import FeedError


class BodyError(FeedError):
    """A body that is too large or cannot be decoded; the message is the reason."""


class BodyDecoder:
    """Incremental content decoding with a hard cap on the decoded size."""

    def __init__(self, encoding: str, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self._parts: list[bytes] = []
        self._inflater: zlib._Decompress | None = None
        kind = encoding.strip().lower()
        if kind in ("gzip", "x-gzip"):
            self._inflater = zlib.decompressobj(wbits=31)
        elif kind not in ("", "identity", "deflate"):
            raise BodyError(f"unsupported Content-Encoding {encoding!r}")
        self._deflate = kind == "deflate"

    def feed(self, chunk: bytes) -> None:
        """Decode one raw chunk; BodyError once the decoded body passes the cap."""
        if self._deflate and self._inflater is None:
            # "deflate" is zlib-wrapped by the RFC, raw deflate by many servers: look at the header.
            wrapped = len(chunk) >= 2 and (chunk[0] * 256 + chunk[1]) % 31 == 0 and chunk[0] & 0x0F == 8
            self._inflater = zlib.decompressobj(wbits=15 if wrapped else -15)
        if self._inflater is None:
            self._add(chunk)
            return
        data = chunk
        while data:
            try:
                out = self._inflater.decompress(data, self.max_bytes - self.size + 1)
            except zlib.error as exc:
                raise BodyError(f"corrupt compressed body ({exc})") from None
            self._add(out)
            data = self._inflater.unconsumed_tail
            if not out and not data:
                break

    def _add(self, data: bytes) -> None:
        self.size += len(data)
        if self.size > self.max_bytes:
            raise BodyError(f"body larger than {self.max_bytes} bytes")
        if data:
            self._parts.append(data)

    def finish(self) -> bytes:
        """The whole decoded body."""
        if self._inflater is not None:
            try:
                self._add(self._inflater.flush())
            except zlib.error as exc:
                raise BodyError(f"corrupt compressed body ({exc})") from None
        return b"".join(self._parts)


async def read_capped(chunks: AsyncIterator[bytes], encoding: str, max_bytes: int) -> bytes:
    """Decode a raw byte stream with ``encoding``, stopping as soon as it passes ``max_bytes``."""
    decoder = BodyDecoder(encoding, max_bytes)
    async for chunk in chunks:
        decoder.feed(chunk)
    return decoder.finish()
