"""Word tokens of one sentence: original text and a lowercase form with possessives stripped."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# A word is word characters joined by single inner separators ("Shahed-136/131", "1,200",
# "U.S", "Russia's"); anything else is a one-character token. No nested quantifier can
# backtrack: every separator must be followed by a word character.
_TOKEN = re.compile(r"\w+(?:[-'’/.,]\w+)*|[^\w\s]")
_POSSESSIVE = ("'s", "’s")


@dataclass(frozen=True, slots=True)
class Tokens:
    """Tokens of one sentence; ``low`` is what the grammar reads."""

    words: tuple[str, ...]
    low: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.low)

    def text(self, start: int, end: int) -> str:
        return " ".join(self.words[start:end])


@lru_cache(maxsize=65_536)
def _normal(word: str) -> str:
    low = word.lower()
    if low.endswith(_POSSESSIVE):
        return low[:-2]
    if low.endswith(("s'", "s’")) and len(low) > 3:
        return low[:-1]
    return low


def tokenize(text: str) -> Tokens:
    """Split a sentence into tokens; ``low`` lowercases and drops possessive endings."""
    words = tuple(_TOKEN.findall(text))
    return Tokens(words, tuple(map(_normal, words)))
