"""A bounded table of what each whitespace-free piece of text came to, shared by the tokenizer
and the story signatures: news repeats its pieces ("the", "said,", "Russia's"), so a text's
pieces are looked up in C and the work runs only on a piece not seen before."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar, cast

T = TypeVar("T")

#: Past this many pieces a table starts again empty (before a text, never during one).
PIECE_LIMIT = 65_536


class PieceTable(Generic[T]):
    """``of(text)``: ``make(piece)`` for each of ``text.split()`` in turn, each piece's value
    remembered. Right only where ``make`` of the pieces in turn equals the work over the whole
    text, as when no token or word spans a space."""

    __slots__ = ("limit", "make", "table")

    def __init__(self, make: Callable[[str], T], limit: int = PIECE_LIMIT) -> None:
        self.make = make
        self.limit = limit
        self.table: dict[str, T] = {}

    def of(self, text: str) -> list[T]:
        table = self.table
        if len(table) > self.limit:
            table.clear()
        pieces = text.split()
        found = list(map(table.get, pieces))
        if None in found:
            make = self.make
            for i, known in enumerate(found):
                if known is None:
                    found[i] = table[pieces[i]] = make(pieces[i])
        return cast(list[T], found)
