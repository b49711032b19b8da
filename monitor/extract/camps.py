"""Who a strike sentence's words name: attacker aliases by the writer's camp, other wars, non-weapons."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

import ahocorasick

from monitor.extract.vocabulary import Phrase, StrikeVocabulary, strike_vocabulary, tokens_of
from monitor.models.facts import Side

#: Where a sentence's clauses part: another war in one clause leaves the others standing.
_CLAUSE_MARKS = frozenset((";", ","))
#: The token an alias becomes: the adjective the grammar already reads as a side.
_SIDE_TOKEN: dict[Side, str] = {"Russia": "russian", "Ukraine": "ukrainian"}


class PhraseSet:
    """Token phrases found by their first token; the longest phrase wins at a position."""

    def __init__(self, phrases: Iterable[Phrase]) -> None:
        self._by_first: dict[str, list[Phrase]] = {}
        for phrase in sorted(set(phrases), key=len, reverse=True):
            self._by_first.setdefault(phrase[0], []).append(phrase)

    def at(self, low: Sequence[str], i: int) -> Phrase | None:
        for phrase in self._by_first.get(low[i], ()):
            if tuple(low[i : i + len(phrase)]) == phrase:
                return phrase
        return None

    def matches(self, low: Sequence[str]) -> Iterator[tuple[int, Phrase]]:
        """(position, phrase) of every match, left to right (matches may overlap)."""
        firsts = self._by_first
        if firsts.keys().isdisjoint(low):
            return
        for i in [k for k, word in enumerate(low) if word in firsts]:
            phrase = self.at(low, i)
            if phrase is not None:
                yield i, phrase

    def found(self, low: Sequence[str]) -> bool:
        return next(self.matches(low), None) is not None


class BoundedPhrases:
    r"""Literal phrases found exactly where ``re.compile(r"\b(?:p1|p2|...)\b").search`` would
    find one, in one Aho-Corasick pass. An alternation behind ``\b`` gives the regex engine no
    literal prefix to skip by, so it tries every phrase at every position: over the strike
    sentences of the benchmark's articles the regex took 2.6 times as long."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        for phrase in set(phrases):
            self._automaton.add_word(phrase, len(phrase))
        self._automaton.make_automaton()

    def search(self, text: str) -> bool:
        r"""Whether some phrase occurs with a word boundary (as ``\b`` means it) at both ends."""
        if not len(self._automaton):
            return False
        for end, size in self._automaton.iter(text):
            if _boundary(text, end - size + 1) and _boundary(text, end + 1):
                return True
        return False


def _word_char(char: str) -> bool:
    r"""The regex engine's ``\w`` for str patterns: alphanumeric or the underscore."""
    return char.isalnum() or char == "_"


def _boundary(text: str, i: int) -> bool:
    r"""``\b`` at offset ``i``: a word character on exactly one side."""
    return (i > 0 and _word_char(text[i - 1])) != (i < len(text) and _word_char(text[i]))


@dataclass(frozen=True, slots=True)
class Camps:
    """The vocabulary's alias, camp and other-war phrases, compiled for token matching."""

    aliases: dict[Phrase, Side]
    relative: frozenset[Phrase]
    alias_set: PhraseSet
    russian_camp: BoundedPhrases
    other_wars: PhraseSet
    exceptions: frozenset[str]
    not_weapons: PhraseSet
    ukrainian_weapons: PhraseSet
    this_war: frozenset[str]
    related: PhraseSet
    related_start: re.Pattern[str]
    this_war_pattern: re.Pattern[str]
    other_war_words: frozenset[str]


def _bare(phrase: str) -> Phrase:
    tokens = tokens_of(phrase)
    return tokens[1:] if len(tokens) > 1 and tokens[0] == "the" else tokens


def _compile(vocab: StrikeVocabulary) -> Camps:
    # a leading 'the' is dropped: the alias becomes 'the <side>' either way, and 'the' starts
    # nearly every sentence
    aliases = {_bare(p): side for side, phrases in vocab.attacker_aliases.items() for p in phrases}
    return Camps(
        aliases=aliases,
        relative=frozenset(_bare(p) for p in vocab.camp_relative),
        alias_set=PhraseSet(aliases),
        russian_camp=BoundedPhrases(vocab.russian_camp_markers),
        other_wars=PhraseSet(tokens_of(p) for p in vocab.other_wars),
        exceptions=frozenset(vocab.other_war_exceptions),
        not_weapons=PhraseSet(tokens_of(p) for p in vocab.not_weapons),
        ukrainian_weapons=PhraseSet(tokens_of(p) for p in vocab.ukrainian_weapons),
        this_war=frozenset(w for words in vocab.sides.values() for w in words),
        related=PhraseSet(tokens_of(p) for p in vocab.related_links),
        related_start=re.compile(
            r"(?:" + "|".join(map(re.escape, vocab.related_links)) + r")\s*:", re.IGNORECASE
        ),
        this_war_pattern=_words_pattern(
            [
                *(w for ws in vocab.sides.values() for w in ws),
                *aliases_text(vocab),
                *vocab.russian_weapons,
                *vocab.ukrainian_camp_markers,
            ]
        ),
        other_war_words=frozenset(tokens_of(p)[0] for p in vocab.other_wars),
    )


def aliases_text(vocab: StrikeVocabulary) -> list[str]:
    return [p for phrases in vocab.attacker_aliases.values() for p in phrases]


def _words_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    ordered = sorted(set(phrases), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, ordered)) + r")\b", re.IGNORECASE)


@cache
def camps() -> Camps:
    """The shipped vocabulary's camps, compiled once per process."""
    return _compile(strike_vocabulary())


def writer_camp(texts: Iterable[str]) -> Side:
    """'Russia' when lowercased text speaks as the Russian side does ('the Kyiv regime'), else
    'Ukraine'."""
    return "Russia" if camps().russian_camp.search("\n".join(texts)) else "Ukraine"


def aliased(low: Sequence[str], camp: Side) -> tuple[str, ...]:
    """Tokens with each attacker alias turned into the side adjective it stands for; same length."""
    c = camps()
    out: list[str] | None = None
    done = 0
    for i, phrase in c.alias_set.matches(low):
        if i < done:
            continue  # inside the previous alias
        side = c.aliases[phrase]
        if camp == "Russia" and phrase in c.relative:
            side = "Ukraine"
        out = out if out is not None else list(low)
        out[i : i + len(phrase)] = ["the"] * (len(phrase) - 1) + [_SIDE_TOKEN[side]]
        done = i + len(phrase)
    return tuple(low) if out is None else tuple(out)


def this_war_text(text: str) -> bool:
    """The text names a side of this war or one of its aliases ('the occupiers', 'the AFU')."""
    return camps().this_war_pattern.search(text) is not None


def other_story(text: str) -> bool:
    """A sentence that opens another story: 'Background: ...', 'Read also: ...'."""
    return camps().related_start.match(text) is not None


def story_end(low: Sequence[str]) -> int:
    """Where another story starts in a sentence ('Read also: ...', 'More on this: ...')."""
    if ":" not in low:
        return len(low)
    for i, phrase in camps().related.matches(low):
        if low[i + len(phrase) : i + len(phrase) + 1] == (":",):
            return i
    return len(low)


def this_war_clauses(low: Sequence[str]) -> tuple[str, ...]:
    """The tokens with every clause about another war blanked out ('Iran fired 100 drones at
    Israel; in Kyiv, Russia sent 39'); positions are kept."""
    end = story_end(low)
    out = list(low[:end]) + ["_"] * (len(low) - end)
    if (
        ";" not in out
        and not camps().other_war_words.intersection(out)
        and not camps().not_weapons.found(out)
    ):
        return tuple(out)
    start = 0
    for end in [i for i, word in enumerate(out) if word in _CLAUSE_MARKS] + [len(out)]:
        if other_war(out[start:end]):
            out[start:end] = ["_"] * (end - start)
        start = end + 1
    return tuple(out)


def other_war(low: Sequence[str]) -> bool:
    """A sentence about another war (Houthis, Sudan, Gaza...) that names neither side of this one,
    or one about drones and rockets that are not weapons (a light show, rocket engines)."""
    c = camps()
    if c.not_weapons.found(low):
        return True
    if c.this_war.intersection(low) or c.exceptions.intersection(low):
        return False
    return c.other_wars.found(low)
