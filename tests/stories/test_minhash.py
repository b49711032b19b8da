"""MinHash signatures: the fast paths (a prefix of long texts, Mersenne folds) give exactly the
signature of the plain definition; 16-bit values still estimate similarity."""

from __future__ import annotations

import re
import zlib

import numpy as np
import pytest

from monitor.stories import minhash
from monitor.stories.minhash import MAX_WORDS, PERMUTATIONS, bands, signature

PRIME = (1 << 31) - 1
LEAD = "Russia launched 539 drones and 11 missiles at Ukraine overnight, the air force said. "


def _plain(text: str) -> np.ndarray:
    """The signature as minhash.py's docstring defines it, computed the slow, obvious way."""
    words = re.findall(r"\w+", text.casefold())[:MAX_WORDS]
    words = [*words, "", "", ""][:3] if len(words) < 3 else words
    hashed = [zlib.crc32(w.encode()) for w in words]
    triples = zip(hashed, hashed[1:], hashed[2:], strict=False)
    shingles = [(a * 31 + b * 17 + c) % PRIME for a, b, c in triples]
    rows = []
    for a, b in zip(minhash._A[:, 0].tolist(), minhash._B[:, 0].tolist(), strict=True):
        rows.append(min((a * x + b) % PRIME for x in shingles) & 0xFFFF)
    return np.array(rows, dtype=np.uint16)


@pytest.mark.parametrize(
    "text",
    [
        "",  # no word at all (an item of punctuation only): raised before
        "...",
        "two words",
        LEAD,
        LEAD * 60,  # past MAX_WORDS, and past the prefix read first
        "STRASSE Straße " * 500,  # casefolding changes lengths (ß -> ss) inside the prefix
        "x" * 5000 + " " + LEAD,  # one long word: the prefix does not hold 400 words
        ("word " * 399) + "lastword " + "tail " * 10,  # the 400th word straddles nothing
    ],
)
def test_signature_is_the_plain_definition(text: str) -> None:
    assert np.array_equal(signature(text), _plain(text))


def test_mersenne_reduction_equals_the_modulo_on_edge_values() -> None:
    values = np.array(
        [0, 1, PRIME - 1, PRIME, PRIME + 1, 2 * PRIME, PRIME * PRIME, PRIME * PRIME - 1, (1 << 62) + PRIME],
        dtype=np.uint64,
    )
    assert np.array_equal(minhash._mod_prime(values), values % np.uint64(PRIME))


def test_sixteen_bit_signatures_estimate_similarity() -> None:
    base = LEAD * 3 + " ".join(f"w{n}" for n in range(200))
    edited = base.replace("w150", "other").replace("w20", "else")
    unrelated = " ".join(f"u{n}" for n in range(300))
    a, b, c = signature(base), signature(edited), signature(unrelated)
    assert a.dtype == np.uint16 and a.nbytes == 2 * PERMUTATIONS
    assert np.count_nonzero(a == b) / PERMUTATIONS > 0.8
    assert np.count_nonzero(a == c) / PERMUTATIONS < 0.1
    assert len(set(bands(a)) & set(bands(b))) > 0 and not set(bands(a)) & set(bands(c))
