"""The story join's shortcuts keep its answers: MinHash words found piece by piece."""

from __future__ import annotations

import random
import re
import zlib

from monitor.stories import minhash


def _plain_hashes(text: str) -> list[int]:
    words = re.findall(r"\w+", text.casefold())[: minhash.MAX_WORDS]
    return [zlib.crc32(w.encode()) for w in words]


def test_word_hashes_found_piece_by_piece_are_the_plain_ones() -> None:
    """Random strings of word characters ('_', other scripts' digits, a combining mark, a
    letter that casefolds to two), punctuation and several kinds of space, some long enough
    for the prefix read first."""
    alphabet = "ab1_ -'’.,\t\n\u00a0\u2003²٣ßİ\u0307"
    rng = random.Random(5)
    for _ in range(3_000):
        size = rng.choice((8, 40, 4_000))
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, size)))
        assert minhash._word_hashes(text) == _plain_hashes(text), repr(text[:80])


def test_piece_table_stays_bounded() -> None:
    limit = minhash.PIECES.limit
    minhash._word_hashes(" ".join(f"p{i}" for i in range(limit + 10)))
    text = "Russia launched drones"
    assert minhash._word_hashes(text) == _plain_hashes(text)
    assert 0 < len(minhash.PIECES.table) <= limit
