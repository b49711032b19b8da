"""The MinHash LSH index of a night's items in Redis (shared by replicas): item digests, bucket bounds."""

from __future__ import annotations

import hashlib

#: Items kept per LSH bucket: past this, a bucket holds one text copied many times.
MOST_PER_BUCKET = 64


def digest(item_id: str) -> bytes:
    """The 8-byte digest an item is filed under in the index."""
    return hashlib.blake2b(item_id.encode(), digest_size=8).digest()
