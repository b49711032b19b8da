"""An article as the extractor sees it: sentences with cue flags, tokens and places on demand."""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from dataclasses import dataclass, field

import ahocorasick

from monitor.extract.cues import flags_for, hits
from monitor.extract.gazetteer import PlaceMention, find_places
from monitor.extract.numbers import SCALES, TENS, UNITS, VAGUE, Quantity, find_quantities
from monitor.extract.sentences import split_sentences
from monitor.extract.tokens import Tokens, tokenize
from monitor.models.item import Article

_DIGIT = re.compile(r"\d")
_NUMBER_WORDS = frozenset(
    (*UNITS, *TENS, *SCALES, *VAGUE, "dozen", "hundred", "another", "both", "none", "neither", "single")
)


def _number_word_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word in _NUMBER_WORDS:
        if word.isascii() and word.isalpha() and word.islower():  # only a run of a-z can match
            automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


_NUMBER_WORD_SCAN = _number_word_automaton()


def _names_number_word(lower: str) -> bool:
    """A number word as a whole run of the letters a-z in lowercased text: the same test as
    splitting the text into such runs and looking each up, in one C pass and without building
    a string per word (a third faster over the benchmark's sentences)."""
    last = len(lower) - 1
    for end, size in _NUMBER_WORD_SCAN.iter(lower):
        start = end - size + 1
        if (start == 0 or not "a" <= lower[start - 1] <= "z") and (
            end == last or not "a" <= lower[end + 1] <= "z"
        ):
            return True
    return False


@dataclass(slots=True)
class Sentence:
    """One sentence; tokens and places are computed the first time a parser asks."""

    index: int
    text: str
    cues: int
    _tokens: Tokens | None = field(default=None, repr=False)
    _places: list[PlaceMention] | None = field(default=None, repr=False)
    _quantities: list[Quantity] | None = field(default=None, repr=False)
    _has_number: bool | None = field(default=None, repr=False)
    _lower: str | None = field(default=None, repr=False)
    _place_at: dict[int, str] | None = field(default=None, repr=False)

    @property
    def tokens(self) -> Tokens:
        if self._tokens is None:
            self._tokens = tokenize(self.text)
        return self._tokens

    @property
    def places(self) -> list[PlaceMention]:
        if self._places is None:
            self._places = find_places(self.tokens.low, self.tokens.words)
        return self._places

    @property
    def quantities(self) -> list[Quantity]:
        if self._quantities is None:
            self._quantities = find_quantities(self.tokens.low)
        return self._quantities

    @property
    def lower(self) -> str:
        """The text lowercased, once: the cheap pre-tests of several parsers read it."""
        if self._lower is None:
            self._lower = self.text.lower()
        return self._lower

    @property
    def has_number(self) -> bool:
        """Cheap test before any parsing: a digit or a number word somewhere."""
        if self._has_number is None:
            self._has_number = _DIGIT.search(self.text) is not None or _names_number_word(self.lower)
        return self._has_number

    def place_at(self) -> dict[int, str]:
        """Place names by the token they start at (the gazetteer runs on the first call)."""
        if self._place_at is None:
            self._place_at = {place.start: place.name for place in self.places}
        return self._place_at


_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")


def _clean(text: str) -> str:
    """Stray HTML in copy ('&quot;Shahed&quot;', '<b>80</b>') read as the text it stands for."""
    if "&" in text:
        text = html.unescape(text)
    return _TAG.sub(" ", text) if "<" in text else text


def _full_text(article: Article) -> str:
    title = _clean(article.title.strip())
    text = _clean(article.text)
    if title and title not in text[: len(title) + 200]:
        return f"{title}\n{text}"
    return text


def sentences_of(article: Article) -> list[Sentence]:
    """The article's sentences that hold a cue word (title first when the text does not repeat
    it). Lines without any cue are never split; each counts as one sentence for distances."""
    text = _full_text(article)
    found = hits(text)
    sentences: list[Sentence] = []
    index, offset, h = 0, 0, 0
    for line in text.splitlines(keepends=True):
        end = offset + len(line)
        first = h
        h = bisect_left(found, (end,), h)  # past the line's hits: (begin, cue) < (end,) iff begin < end
        if h == first:
            index, offset = index + 1, end
            continue
        spans = split_sentences(line)
        flags = flags_for(found[first:h], [s for s, _ in spans], offset)
        for k, (start, stop) in enumerate(spans):
            if flags[k]:
                sentences.append(Sentence(index + k, line[start:stop].strip(), flags[k]))
        index, offset = index + len(spans), end
    return sentences
