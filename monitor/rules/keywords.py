"""All rules' keywords in one Aho-Corasick automaton: one scan per article, whatever the rule count."""

from __future__ import annotations

import re
from collections.abc import Iterable

import ahocorasick

_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Lowercase with runs of whitespace folded to one space and typographic quotes unified."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return _SPACE.sub(" ", text.casefold()).strip()


class KeywordIndex:
    """Finds which of a fixed set of keywords occur in a text as whole words."""

    def __init__(self, keywords: Iterable[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        count = 0
        for keyword in {normalize(k) for k in keywords if normalize(k)}:
            self._automaton.add_word(keyword, keyword)
            count += 1
        self._empty = count == 0
        if not self._empty:
            self._automaton.make_automaton()

    def found(self, text: str) -> frozenset[str]:
        """The keywords occurring in ``text`` (already normalized) on word boundaries."""
        if self._empty or not text:
            return frozenset()
        hits: set[str] = set()
        size = len(text)
        for end, keyword in self._automaton.iter(text):
            start = end - len(keyword) + 1
            before = text[start - 1] if start > 0 else " "
            after = text[end + 1] if end + 1 < size else " "
            if not (before.isalnum() or after.isalnum()):
                hits.add(keyword)
        return frozenset(hits)
