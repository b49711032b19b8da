"""Cue scan: one Aho-Corasick pass over the article marks which sentences deserve a full parse."""

from __future__ import annotations

from bisect import bisect_right

import ahocorasick

from monitor.extract.nations import COUNTRIES, DEMONYMS, PEOPLE_DEMONYMS
from monitor.extract.troop_words import troop_vocabulary
from monitor.extract.vocabulary import strike_vocabulary
from monitor.extract.weapons_lexicon import WEAPON_ALIASES


class Cue:
    """What a sentence may hold, judging by its cue words (bit flags; plain ints are cheap)."""

    NONE = 0
    STRIKE = 1
    TROOP = 2
    WEAPON = 4
    CASUALTY = 8
    NATION = 16
    EVENT = 32
    PLACE = 64


_ROLES = strike_vocabulary().roles
#: Every outcome phrase of the vocabulary ('taken out', 'knocked down'): a sentence reporting
#: only outcomes ('A further 30 were taken out by EW') is a strike sentence.
_OUTCOME_PHRASES = {
    p for phrases in (_ROLES.shot_down, _ROLES.suppressed, _ROLES.neutralized) for p in phrases
}
#: Weapon nouns, and the outcome words of a report that names no weapon ('65 of them were shot
#: down', '37 fell off radar').
_STRIKE_WORDS = sorted(
    {"drone", "dron", "uav", "unmanned", "missile", "rocket", "shahed", "geran", "bomb", "kab", "targets"}
    | {w.split()[0] for words in strike_vocabulary().weapon_nouns.values() for w in words}
    | {"shot down", "downed", "intercepted", "neutrali", "suppressed", "locationally", "radar", "jammed"}
    | _OUTCOME_PHRASES
    | set(strike_vocabulary().total_words)
)
_CASUALTY_WORDS = ["killed", "killing", "injur", "wounded", "dead", "died", "death", "casualt", "hurt"]
_EVENT_WORDS = ["attack", "strike"]
#: Sentences that may only place an attack told next door: 'Debris fell in the Kyiv and Poltava
#: regions', 'By region: Bryansk 14, Kursk 9', 'Rostov region accounts for 27 of them'.
_PLACE_WORDS = ["debris", "wreckage", "region", "oblast"]


def _build() -> ahocorasick.Automaton:
    words: dict[str, int] = {}

    def add(word: str, cue: int) -> None:
        words[word] = words.get(word, Cue.NONE) | cue

    for word in _STRIKE_WORDS:
        add(word, Cue.STRIKE)
    for word in _CASUALTY_WORDS:
        add(word, Cue.CASUALTY)
    for word in _EVENT_WORDS:
        add(word, Cue.EVENT)
    for word in _PLACE_WORDS:
        add(word, Cue.PLACE)
    troops = troop_vocabulary()  # the troop grammar's own nouns, so the two never drift apart
    for word in (
        *troops.troop_nouns,
        *troops.people_nouns,
        *troops.carry_verbs,
        *(" ".join(k) for k in PEOPLE_DEMONYMS),
    ):
        add(word, Cue.TROOP)
    for key in (*DEMONYMS, *COUNTRIES):
        add(" ".join(key), Cue.NATION)
    for alias in WEAPON_ALIASES:
        add(" ".join(alias), Cue.WEAPON)
    automaton = ahocorasick.Automaton()
    for word, cue in words.items():
        if not _covered(word, cue, words):
            automaton.add_word(word, (len(word), cue))
    automaton.make_automaton()
    return automaton


def _covered(word: str, cue: int, words: dict[str, int]) -> bool:
    """A cue word whose prefix is a cue word with the same flags adds nothing ('drones' after
    'dron', 'ukrainian' after 'uk'): a match only needs to start a word."""
    return any(words.get(word[:k], Cue.NONE) & cue == cue for k in range(1, len(word)))


_AUTOMATON = _build()


#: Punctuation outside ASCII that news copy is full of. None is a word character, and none is
#: in a cue word, so hits reads each as NUL (a word boundary all the same); most articles are then
#: ASCII, which CPython lowercases many times faster than text with one curly quote in it.
_WIDE_PUNCTUATION = tuple(c for c in "’‘“”–—" if not any(c in word for word in _AUTOMATON))


def hits(text: str) -> list[tuple[int, int]]:
    """(offset, cue flag) of every cue word that starts a word, in text order."""
    for mark in _WIDE_PUNCTUATION:
        text = text.replace(mark, "\x00")
    lower = text.lower()
    if len(lower) != len(text):  # a few characters change length when lowercased
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    # one comprehension: a third of the automaton's matches start inside a word ('us' in
    # 'because'), and a loop with appends cost twice as much per match
    found = [
        (begin, cue)
        for end, (size, cue) in _AUTOMATON.iter(lower)
        if (begin := end - size + 1) == 0 or not lower[begin - 1].isalnum()
    ]
    found.sort()
    return found


def flags_for(found: list[tuple[int, int]], starts: list[int], offset: int = 0) -> list[int]:
    """Cue flags per sentence; ``starts`` are sentence offsets (relative to ``offset``)."""
    flags = [Cue.NONE] * len(starts)
    for begin, cue in found:
        index = bisect_right(starts, begin - offset) - 1
        if index >= 0:
            flags[index] |= cue
    return flags
