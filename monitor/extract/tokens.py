"""Word tokens of one sentence: original text and a lowercase form with possessives stripped."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter
from typing import TypeVar

from monitor.extract.pieces import PieceTable

# A word is word characters joined by single inner separators ("Shahed-136/131", "1,200",
# "U.S", "Russia's"); anything else is a one-character token. No nested quantifier can
# backtrack: every separator must be followed by a word character. The quantifiers are
# possessive (Python 3.11+): nothing follows them that could make the engine give characters
# back, so the tokens are the same and the engine keeps no backtracking points.
_TOKEN = re.compile(r"\w++(?:[-'’/.,]\w++)*+|[^\w\s]")
_POSSESSIVE = ("'s", "’s")
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Tokens:
    """Tokens of one sentence; ``low`` is what the grammar reads."""

    words: tuple[str, ...]
    low: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.low)

    def text(self, start: int, end: int) -> str:
        return " ".join(self.words[start:end])


def _normal(word: str) -> str:
    low = word.lower()
    if low.endswith(_POSSESSIVE):
        return low[:-2]
    if low.endswith(("s'", "s’")) and len(low) > 3:
        return low[:-1]
    return low


class WordTable(dict[str, _T]):
    """A pure function of one word, remembered: a word already seen costs one dict lookup in C
    (``map(table.__getitem__, words)``), where an lru_cache also keeps its recency order up to
    date. Bounded: a full table starts again empty, so hostile text cannot grow it."""

    def __init__(self, compute: Callable[[str], _T], limit: int = 65_536) -> None:
        super().__init__()
        self._compute = compute
        self.limit = limit

    def __missing__(self, word: str) -> _T:
        if len(self) >= self.limit:
            self.clear()
        value = self[word] = self._compute(word)
        return value


_NORMALS = WordTable(_normal)


#: Tokens of a whitespace-free piece of text, and their ``low`` forms.
_Piece = tuple[tuple[str, ...], tuple[str, ...]]
_WORDS_OF = itemgetter(0)
_LOWS_OF = itemgetter(1)


def tokenize(text: str) -> Tokens:
    """Split a sentence into tokens; ``low`` lowercases and drops possessive endings.

    Decided: the pattern's matches are found piece by piece of whitespace-free text: no token
    holds a space, and the pattern looks at no character past a piece but a space, which ends
    a match either way, so the tokens of the pieces in turn are the tokens of the text."""
    parts = PIECES.of(text)
    return Tokens(
        tuple(chain.from_iterable(map(_WORDS_OF, parts))), tuple(chain.from_iterable(map(_LOWS_OF, parts)))
    )


def _piece(piece: str) -> _Piece:
    """A piece's tokens: itself when all word characters (``isalnum``: ``\\w`` but for '_',
    which goes to the pattern), else the pattern's matches; and their ``low`` forms."""
    words = (piece,) if piece.isalnum() else tuple(_TOKEN.findall(piece))
    return (words, tuple(map(_NORMALS.__getitem__, words)))


#: Each piece's tokens and their ``low`` forms, remembered (bounded; see PieceTable).
PIECES: PieceTable[_Piece] = PieceTable(_piece)
