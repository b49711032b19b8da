"""The MinHash LSH index of a night's items in Redis (shared by replicas): its digests and key names."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from monitor.state.keys import Keys

#: Items kept per LSH bucket: past this, a bucket holds one text copied many times.
MOST_PER_BUCKET = 64
#: Key names kept (a night names 16 bands x 256 shards): a few nights' worth.
_MOST_NAMES = 100_000


def digest(item_id: str) -> bytes:
    """The 8-byte digest an item is filed under in the index."""
    return hashlib.blake2b(item_id.encode(), digest_size=8).digest()


class StoryIndex:
    """Names of the band hashes an item's bands fall in (keys.story_bands), cached: every join
    names 32 of them, out of the same few thousand each night."""

    def __init__(self, keys: Keys) -> None:
        self.keys = keys
        self._names: dict[tuple[str, int, int], str] = {}

    def band_keys(self, night: str, digests: Sequence[bytes]) -> list[str]:
        """The hash of each band digest in ``night`` (sharded by the digest's first byte)."""
        names = self._names
        if len(names) > _MOST_NAMES:
            names.clear()
        found = []
        for band, digest_ in enumerate(digests):
            name = names.get((night, band, digest_[0]))
            if name is None:
                name = names[night, band, digest_[0]] = self.keys.story_bands(night, band, digest_[0])
            found.append(name)
        return found
