"""Troop reports split over two sentences: 'Colombia has many veterans. Hundreds now fight for Ukraine.'"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from monitor.extract.gazetteer import PlaceMention
from monitor.extract.nations import COUNTRIES, DEMONYMS, GAZETTE, name_before
from monitor.extract.numbers import UNITS
from monitor.extract.theatre import sentence_theatre
from monitor.extract.troop_words import troop_vocabulary

_VOCAB = troop_vocabulary()
#: Words that may stand before the subject ('But hundreds now ...', 'Today some 200 ...').
_LEADS = frozenset(("but", "and", "now", "today", "yet", "still", "of", "them", "those", "these", "the"))
#: How far into the sentence its subject and verb may reach.
_REACH = 8


_OPENING = re.compile(r"\W*([A-Za-z]+|\d)")


def opens_bare(text: str) -> bool:
    """Cheap test before tokenizing: the sentence opens with a number, a collective word or a
    lead word ('Hundreds ...', 'But some 200 ...')."""
    match = _OPENING.match(text)
    if match is None:
        return False
    first = match.group(1).lower()
    return first.isdigit() or first in _VOCAB.carry_subjects or first in _LEADS or first in UNITS


@dataclass(frozen=True, slots=True)
class Carried:
    """The one foreign nation a sentence's bare subject refers back to."""

    nationality: str
    subject_end: int  # where a count before the (unwritten) nationality would end


def foreign_nations(low: Sequence[str], words: Sequence[str]) -> list[tuple[int, str]]:
    """(start, name) of every foreign (not Russian or Ukrainian) nation a sentence names."""
    found: list[tuple[int, str]] = []
    for end in range(1, len(low) + 1):
        for table in (DEMONYMS, COUNTRIES):
            hit = name_before(table, low, words, end)
            if hit is not None and hit[0] not in GAZETTE.combatants:
                found.append((hit[1], hit[0]))
                break
    return found


def _topic(low: Sequence[str], words: Sequence[str]) -> str | None:
    """The sentence's foreign nation: the only one it names, else the one it opens with
    ('Colombia has veterans: some served the UAE in Yemen')."""
    found = foreign_nations(low, words)
    names = {name for _, name in found}
    if len(names) == 1:
        return names.pop()
    opening = next((j for j, word in enumerate(low) if word not in _LEADS), 0)
    return next((name for start, name in found if start == opening), None)


def _subject(low: Sequence[str], counts: Sequence[tuple[int, int]]) -> int | None:
    """Where the subject ends when the sentence opens with a bare count or collective word and a
    fighting verb follows it closely ('Hundreds now fight', 'Some 200 have enlisted')."""
    j = 0
    while j < len(low) and j < _REACH and (low[j] in _LEADS or not low[j].isalnum()):
        j += 1
    count_end = next((end for start, end in counts if start <= j < end), None)
    if count_end is None and (j >= len(low) or low[j] not in _VOCAB.carry_subjects):
        return None
    end = count_end if count_end is not None else j + 1
    if end < len(low) and (low[end] in _VOCAB.troop_nouns or low[end] in _VOCAB.people_nouns):
        return None  # a noun of its own: the grammar of the sentence itself decides
    for k in range(end, min(len(low), end + _REACH)):
        if low[k] in _VOCAB.carry_verbs:
            return end
    return None


def carried(
    before: tuple[Sequence[str], Sequence[str]],
    low: Sequence[str],
    counts: Sequence[tuple[int, int]],
    places: Sequence[PlaceMention],
) -> Carried | None:
    """The nation a sentence's bare subject refers to: the only foreign nation of the sentence
    just before, which speaks of troops or people; only when this sentence is about this war."""
    subject = _subject(low, counts)
    if subject is None or sentence_theatre(low, places) != "russia-ukraine":
        return None
    prev_low, prev_words = before
    heads = _VOCAB.troop_nouns | _VOCAB.people_nouns
    if heads.isdisjoint(prev_low):
        return None
    nation = _topic(prev_low, prev_words)
    return Carried(nation, subject) if nation is not None else None
